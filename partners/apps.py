from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    # Read by memory/ and caching/: a change to one makes pages fresh everywhere.
    shown_on_pages = ("Partner",)
