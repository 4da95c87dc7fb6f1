from django.apps import AppConfig


class ErrandsConfig(AppConfig):
    """Mail and the caches' purges, out of the request: run by a worker, tried again."""

    name = "errands"
