"""
The caches in front (Varnish, an HTTP purge endpoint), purged only once a change is
committed.

Wagtail's frontend cache sends its PURGE from the publishing signal, which fires inside
the publishing transaction: a workflow approval publishes inside an atomic block. A
reader arriving between the purge and the commit would put the old page back into
Varnish for ``s-maxage``. So this backend holds every purge until the transaction has
committed (at once outside one), and gives up on a cache that does not answer in a few
seconds rather than holding the editor's request.

Settings list one backend per cache (``FRONTEND_CACHE_PURGE_URL`` takes several,
comma-separated): every Varnish in front is purged, each on its own. Cloudflare's purges
wait for the commit too.
"""

import logging
from functools import partial
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.db import transaction

from wagtail.contrib.frontend_cache.backends import CloudflareBackend, HTTPBackend

from compat.wagtail import cache_location, purge_request

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 5


class AfterCommit:
    """Holds a backend's purges until the transaction commits (at once outside one)."""

    def purge(self, url):
        transaction.on_commit(partial(super().purge, url))

    def purge_batch(self, urls):
        transaction.on_commit(partial(super().purge_batch, list(urls)))


class TimedHTTPBackend(HTTPBackend):
    """Wagtail's HTTP purge, giving up on a cache that does not answer within seconds."""

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        scheme, netloc = cache_location(self)
        address = urlunsplit([scheme, netloc, parts.path, parts.query, ""])
        try:
            urlopen(purge_request(address, host), timeout=TIMEOUT_SECONDS)
        except HTTPError as error:
            logger.error("Could not purge %s from %s: %s", url, netloc, error.code)
        except (URLError, OSError) as error:
            logger.error("Could not purge %s from %s: %s", url, netloc, error)


class AfterCommitHTTPBackend(AfterCommit, TimedHTTPBackend):
    pass


class AfterCommitCloudflareBackend(AfterCommit, CloudflareBackend):
    pass
