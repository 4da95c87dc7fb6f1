"""A new snippet must say whether public pages show it, or the page cache would miss it."""

from django.core.checks import Error, register

from wagtail.snippets.models import get_snippet_models

from .invalidation import NOT_SHOWN_ON_PAGES, SHOWN_ON_PAGES


@register()
def every_snippet_is_classified(app_configs, **kwargs):
    known = set(SHOWN_ON_PAGES) | set(NOT_SHOWN_ON_PAGES)
    return [
        Error(
            f"{model._meta.label} is a snippet the page cache knows nothing of.",
            hint="Add it to SHOWN_ON_PAGES or NOT_SHOWN_ON_PAGES in caching/invalidation.py.",
            obj=model,
            id="caching.E001",
        )
        for model in get_snippet_models()
        if model._meta.label not in known
    ]
