"""A new snippet must say whether public pages show it, or what is remembered would go stale."""

from django.core.checks import Error, register

from wagtail.snippets.models import get_snippet_models

from .declarations import not_shown_on_pages, shown_on_pages


@register()
def every_snippet_is_classified(app_configs, **kwargs):
    known = set(shown_on_pages()) | set(not_shown_on_pages())
    return [
        Error(
            f"{model._meta.label} is a snippet nobody said whether public pages show.",
            hint=(
                f"Add {model.__name__!r} to shown_on_pages or not_shown_on_pages in the "
                f"AppConfig of {model._meta.app_label}."
            ),
            obj=model,
            id="memory.E001",
        )
        for model in get_snippet_models()
        if model not in known
    ]
