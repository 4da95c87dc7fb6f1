"""
What makes the page cache fresh again: any change that can show on a public page starts
a new generation of it (pages.new_generation), so the next request from any worker, on
any machine sharing the cache, builds its page from the database.

A change to one page can show on many others (the indexes and feeds that list it, its
region, the home pages, the sitemap, the menu of every page when a section moves), and a
partner or a person shows wherever their region or strip does. Working out exactly which
cached pages that touches would cost more, and be wrong more often, than building the
site's few hundred busy pages once more; editors publish a few times an hour, readers
ask thousands of times. So every such change starts afresh.

The generation changes at once and again when the change is committed: a request that
read the database in between, before the commit, files its page under the generation
that the commit retires.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from .downstream import ban_everything
from .pages import new_generation

# Models outside the page tree whose rows appear on public pages. Pages themselves are
# covered by Wagtail's publishing signals: a draft saved changes nothing a visitor sees.
SHOWN_ON_PAGES = (
    "regions.Person",
    "regions.County",
    "partners.Partner",
    "home.ProgrammePeriod",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailredirects.Redirect",
    "wagtailimages.Image",
    "wagtaildocs.Document",
)
# Snippets that no public page shows (checks.py asks every snippet to be in one list).
NOT_SHOWN_ON_PAGES = ("interest.Submission", "events.Registration", "accessibility.BarrierReport")


def content_changed(**kwargs):
    new_generation()
    transaction.on_commit(new_generation)


# What saving a draft, or locking, writes to a snippet's own row: nothing a visitor sees.
DRAFT_BOOKKEEPING = frozenset(
    {"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"}
)


def shown_on_many_pages_changed(update_fields=None, **kwargs):
    """A row shown on many pages: downstream caches let go of the whole site too."""
    if update_fields and DRAFT_BOOKKEEPING.issuperset(update_fields):
        return
    content_changed()
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
    content_changed()
    if kwargs.get("url_path_before") or not getattr(instance, "purges_its_listings", False):
        transaction.on_commit(ban_everything)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed()


for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(page_changed, dispatch_uid=f"page-cache-{id(signal)}")
for signal in (published, unpublished):
    signal.connect(content_changed, dispatch_uid=f"page-cache-{id(signal)}")
post_delete.connect(page_deleted, dispatch_uid="page-cache-page-deleted")
for label in SHOWN_ON_PAGES:
    model = apps.get_model(label)
    post_save.connect(
        shown_on_many_pages_changed, sender=model, dispatch_uid=f"page-cache-save-{label}"
    )
    post_delete.connect(
        shown_on_many_pages_changed, sender=model, dispatch_uid=f"page-cache-delete-{label}"
    )
