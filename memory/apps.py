from django.apps import AppConfig


class MemoryConfig(AppConfig):
    """
    What the public pages and the admin both remember between requests, and forget
    together when content changes: the content's generation (generation.py), what is built
    once per generation (kept.py: the site-wide parts of pages, the admin's translation
    listings), and the site, locales and private sections read from it (site.py).

    Every app says in its own AppConfig which of its models public pages show
    (``shown_on_pages``) and which they do not (``not_shown_on_pages``); a change to one
    shown starts a new generation (invalidation.py), and a snippet in neither list stops
    the site at start-up (checks.py). The page cache (caching/) files its pages under the
    same generation, so it and this memory are fresh together, but neither imports the
    other's state: the admin's permissions read this memory, never the page cache.
    """

    name = "memory"
    # Wagtail's own models that public pages show (its pages themselves are covered by
    # the publishing signals: a draft saved changes nothing a visitor sees).
    shown_on_pages = (
        "wagtailcore.Site",
        "wagtailcore.Locale",
        "wagtailcore.PageViewRestriction",
        "wagtailredirects.Redirect",
        "wagtailimages.Image",
        "wagtaildocs.Document",
    )

    def ready(self):
        from . import checks, invalidation  # noqa: F401  (registers signal handlers, checks)
