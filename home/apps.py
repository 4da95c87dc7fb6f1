from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from compat import wagtail

        # Wagtail 8.0 leaves the choosers' language filter unlabelled ("Locale" in English).
        wagtail.label_the_choosers_language_filter()
