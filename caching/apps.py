from django.apps import AppConfig


class CachingConfig(AppConfig):
    """
    What a visitor's request may be answered from without touching the page tree: the
    page cache in the application (pages.py, filed under memory's generation), the
    Cache-Control a CDN or Varnish reads (headers.py), and what those in front let go of
    when content changes (invalidation.py, frontend.py, downstream.py).
    """

    name = "caching"

    def ready(self):
        from . import invalidation  # noqa: F401  (registers signal handlers)
