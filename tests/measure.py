"""What a page costs to build: the queries of a page-cache miss, the site-wide caches warm."""

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext


def uncached_queries(client, path, **params):
    """The queries that build ``path`` afresh, once what is kept across pages is warm."""
    client.get(path, params)
    caches[settings.PAGE_CACHE_ALIAS].clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200, path
    assert response["X-Page-Cache"] == "miss", path
    return captured
