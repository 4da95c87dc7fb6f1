from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The site's search (views.py) and the search box's limit (templatetags)."""

    name = "search"
    label = "site_search"
