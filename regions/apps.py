from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "regions"

    def ready(self):
        from . import signals  # noqa: F401
