"""
Which models public pages show, as each app declares it in its own AppConfig:
``shown_on_pages`` and ``not_shown_on_pages``, tuples of model names ("Partner") or, for
another library's models, labels ("wagtailimages.Image").
"""

from django.apps import apps

# What saving a draft, or locking, writes to a snippet's own row: nothing a visitor sees.
DRAFT_BOOKKEEPING = frozenset(
    {"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"}
)


def declared(attribute):
    """The models every app lists in its AppConfig's ``attribute``."""
    models = []
    for config in apps.get_app_configs():
        for name in getattr(config, attribute, ()):
            label = name if "." in name else f"{config.label}.{name}"
            models.append(apps.get_model(label))
    return models


def shown_on_pages():
    return declared("shown_on_pages")


def not_shown_on_pages():
    return declared("not_shown_on_pages")


def only_bookkeeping(update_fields):
    """A save that wrote nothing but a draft's or a lock's bookkeeping."""
    return bool(update_fields) and DRAFT_BOOKKEEPING.issuperset(update_fields)
