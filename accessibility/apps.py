from django.apps import AppConfig


class AccessibilityConfig(AppConfig):
    """
    The accessibility statement (tillgänglighetsredogörelse) after DIGG's model, linked
    from every page's footer, and the form through which a visitor reports a barrier to
    the programme office.
    """

    name = "accessibility"
    verbose_name = "Tillgänglighet"
    # Read by memory/: a visitor's report is never on a public page.
    not_shown_on_pages = ("BarrierReport",)
