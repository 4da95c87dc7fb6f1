from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    # Read by memory/ and caching/: a change to one makes pages fresh everywhere.
    shown_on_pages = ("ProgrammePeriod",)

    def ready(self):
        from compat import wagtail

        # Wagtail 8.0 leaves the choosers' language filter unlabelled ("Locale" in English).
        wagtail.label_the_choosers_language_filter()
