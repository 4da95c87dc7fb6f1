from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """What wagtail-localize lacks here: permission guards on its views, the status report."""

    name = "translations"

    def ready(self):
        from . import credit, localize_dates, store

        store.connect()
        localize_dates.install()
        credit.install()
