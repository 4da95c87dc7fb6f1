"""
What the caches in front (Varnish, a CDN) let go of when content changes, beyond the
addresses Wagtail purges itself (frontend.py). The page cache in the application needs
nothing here: it files pages under the content's generation, which memory/invalidation.py
renews on the same changes.

A published page purges its own addresses (Wagtail's frontend cache) and an article the
listings, feeds and sitemaps that show it (articles/signals.py). A row of a model shown on
many pages (memory/declarations.py: a partner, a person, an image, a redirect) bans the
whole site downstream (downstream.py), and so does any other page published, withdrawn
or moved.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from memory.declarations import only_bookkeeping, shown_on_pages

from .downstream import ban_everything


def shown_on_many_pages_changed(update_fields=None, **kwargs):
    """A row shown on many pages: downstream caches let go of the whole site."""
    if not only_bookkeeping(update_fields):
        transaction.on_commit(ban_everything)


def page_changed(sender, instance, **kwargs):
    """
    A page published, withdrawn or moved. Wagtail purges its own addresses downstream.
    A page whose model sets ``purges_its_listings`` (an article, articles/signals.py)
    purges the exact addresses that list it as well. Any other page can be in the menu
    of every page, in the home pages' and indexes' lists, and in its descendants'
    breadcrumbs and addresses, and so can a moved article (two regions' listings): the
    caches in front let go of the whole site, as for a partner.
    """
    if kwargs.get("url_path_before") or not getattr(instance, "purges_its_listings", False):
        transaction.on_commit(ban_everything)


for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(page_changed, dispatch_uid=f"downstream-{id(signal)}")
for model in shown_on_pages():
    post_save.connect(
        shown_on_many_pages_changed,
        sender=model,
        dispatch_uid=f"downstream-save-{model._meta.label}",
    )
    post_delete.connect(
        shown_on_many_pages_changed,
        sender=model,
        dispatch_uid=f"downstream-delete-{model._meta.label}",
    )
