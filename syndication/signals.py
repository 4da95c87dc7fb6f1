"""
A published, withdrawn or moved page the API serves lets go of the API's answers kept in
front (Varnish, a CDN): its listings can have any query string, so they are dropped by
path, ``/api/``, not by address. A region's or a partner's change already lets go of the
whole site (caching/invalidation.py); the page cache in the application starts afresh on
every publish anyway.
"""

from django.db import transaction

from wagtail.signals import page_published, page_unpublished, post_page_move

from articles.models import ArticlePage
from caching.downstream import ban_under
from events.models import EventPage

API_PREFIX = "/api/"


def page_served_by_the_api_changed(sender, instance, **kwargs):
    transaction.on_commit(lambda: ban_under(API_PREFIX))


for model in (ArticlePage, EventPage):
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(
            page_served_by_the_api_changed,
            sender=model,
            dispatch_uid=f"syndication-api-{model.__name__}-{id(signal)}",
        )
