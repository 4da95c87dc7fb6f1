"""
What starts a new generation (generation.py): any change that can show on a public page,
so the next request from any worker, on any machine, builds what it remembers from the
database.

A change to one page can show on many others (the indexes and feeds that list it, its
region, the home pages, the sitemap, the menu of every page when a section moves), and a
partner or a person shows wherever their region or strip does. Working out exactly what
that touches would cost more, and be wrong more often, than building the site's few
hundred busy pages once more; editors publish a few times an hour, readers ask thousands
of times. So every such change starts afresh: pages published, withdrawn, moved or
deleted, snippets published, and the rows of every model an app declares
``shown_on_pages`` (declarations.py).

The generation changes at once and again when the change is committed: a request that
read the database in between, before the commit, files what it built under the
generation that the commit retires.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from .declarations import only_bookkeeping, shown_on_pages
from .generation import new_generation


def content_changed(**kwargs):
    new_generation()
    transaction.on_commit(new_generation)


def shown_on_pages_changed(update_fields=None, **kwargs):
    if not only_bookkeeping(update_fields):
        content_changed()


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed()


for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
    signal.connect(content_changed, dispatch_uid=f"memory-{id(signal)}")
post_delete.connect(page_deleted, dispatch_uid="memory-page-deleted")
for model in shown_on_pages():
    post_save.connect(
        shown_on_pages_changed, sender=model, dispatch_uid=f"memory-save-{model._meta.label}"
    )
    post_delete.connect(
        shown_on_pages_changed, sender=model, dispatch_uid=f"memory-delete-{model._meta.label}"
    )
