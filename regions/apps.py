from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "regions"
    # Read by memory/ and caching/: a change to one makes pages fresh everywhere.
    shown_on_pages = ("Person", "County")
