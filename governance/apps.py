from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    """
    Who may edit what, site-wide: the programme office, the translators, one group per
    regional node, their permissions on every app's models, pages and collections, and
    the moderation workflow (groups.py). It depends on the apps whose permissions it
    grants; none of them depends on it. A new RegionPage gets its group (signals.py).
    """

    name = "governance"

    def ready(self):
        from . import signals  # noqa: F401
