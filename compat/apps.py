from django.apps import AppConfig
from django.core.checks import register


class CompatConfig(AppConfig):
    """The door to the libraries' internals, and a start-up check for every reach."""

    name = "compat"

    def ready(self):
        from . import buttons, checks, csp, localize, modelsearch, wagtail  # noqa: F401 (declare the reaches)

        for each in checks.REACHES:
            register(each, "compat")
        buttons.draw_buttons_from_shapes()
