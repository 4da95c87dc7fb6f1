"""What a page costs to build: the queries of a page-cache miss, the site-wide caches warm."""

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from memory.generation import GENERATION_KEY, current_generation


def forget_kept_pages():
    """Empty the page cache but keep its generation, and with it the site-wide parts."""
    generation = current_generation()
    cache = caches[settings.PAGE_CACHE_ALIAS]
    cache.clear()
    cache.set(GENERATION_KEY, generation, timeout=None)


def uncached_queries(client, path, **params):
    """The queries that build ``path`` afresh, once what is kept across pages is warm."""
    client.get(path, params)
    forget_kept_pages()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200, path
    assert response["X-Page-Cache"] == "miss", path
    return captured
