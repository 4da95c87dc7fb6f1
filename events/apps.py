from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    # Read by memory/: who registered is never on a public page.
    not_shown_on_pages = ("Registration",)
