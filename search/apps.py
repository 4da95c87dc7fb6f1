from django.apps import AppConfig


class SearchConfig(AppConfig):
    """
    The site's search (views.py, ranked and bounded by backends.py, "did you mean" by
    suggestions.py), the admin's page search (wagtail_hooks.py) and the search box's limit
    (templatetags).
    """

    name = "search"
    label = "site_search"

    def ready(self):
        from . import checks  # noqa: F401 (registers the start-up checks)
