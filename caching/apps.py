from django.apps import AppConfig


class CachingConfig(AppConfig):
    """
    What a visitor's request may be answered from without touching the page tree: the
    page cache in the application (pages.py), the Cache-Control a CDN or Varnish reads
    (headers.py), and what makes both fresh again when content changes (invalidation.py).
    """

    name = "caching"

    def ready(self):
        from . import checks, invalidation  # noqa: F401  (registers signal handlers, checks)
