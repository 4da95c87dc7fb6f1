"""
The caches in front (Varnish, an HTTP purge endpoint, Cloudflare), purged only once a
change is committed; what a cache does not take is purged later by the worker.

Wagtail's frontend cache sends its PURGE from the publishing signal, which fires inside
the publishing transaction: a workflow approval publishes inside an atomic block. A
reader arriving between the purge and the commit would put the old page back into
Varnish for ``s-maxage``. So these backends purge once the transaction has committed (at
once outside one):

- **Varnish** (an HTTP purge endpoint, on the machine or beside it) at once, so that the
  approved page is what the next reader gets, giving up on a cache after its first
  purge that takes more than ``TIMEOUT_SECONDS``: the editor waits that long at most.
  Whatever it did not take is written down as an errand, and the worker (errands/)
  purges it again later, a few times.
- **Cloudflare** (an API across the internet) is asked by the worker only; Wagtail's
  backend logs a refusal rather than raising it, so those are not tried again.

Settings list one backend per cache (``FRONTEND_CACHE_PURGE_URL`` takes several,
comma-separated): every Varnish in front is purged, each on its own.
"""

import logging
from functools import partial
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction

from wagtail.contrib.frontend_cache.backends import CloudflareBackend, HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

from compat.wagtail import cache_location, purge_request
from errands import Undelivered, errand, later

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 3


class AfterCommit:
    """Purges once the transaction commits: through the worker, unless a backend can at once."""

    def __init__(self, params):
        # Wagtail gives a backend its settings, not its name; the worker finds it by name.
        self.name = next(
            (
                name
                for name, config in settings.WAGTAILFRONTENDCACHE.items()
                if {key: value for key, value in config.items() if key != "BACKEND"} == params
            ),
            None,
        )
        super().__init__(params)

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        transaction.on_commit(partial(self.purge_after_commit, list(urls)))

    def purge_after_commit(self, urls):
        self.hand_over(urls)

    def hand_over(self, urls):
        """``urls`` to the worker, which purges them from this cache."""
        if self.name is None:  # a backend made outside the settings: no worker can find it
            logger.error("Could not purge %s: the cache is not in WAGTAILFRONTENDCACHE", urls)
        else:
            later(purge_downstream, self.name, urls)

    def purge_now(self, urls):
        """Purge ``urls`` here and now; those the cache did not take, with why."""
        super().purge_batch(urls)
        return []


class TimedHTTPBackend(HTTPBackend):
    """Wagtail's HTTP purge, giving up on a cache that does not answer within seconds."""

    def purge(self, url):
        self.send_purges([url])

    def purge_batch(self, urls):
        self.send_purges(urls)

    def send_purges(self, urls):
        """
        Purge ``urls`` in turn, stopping at the first the cache does not take: the rest
        would only wait as long. Returns ``(urls not purged, why)``.
        """
        scheme, netloc = cache_location(self)
        for number, url in enumerate(urls):
            parts = urlsplit(url)
            host = parts.hostname + (f":{parts.port}" if parts.port else "")
            address = urlunsplit([scheme, netloc, parts.path, parts.query, ""])
            try:
                urlopen(purge_request(address, host), timeout=TIMEOUT_SECONDS)
            except HTTPError as error:
                return urls[number:], f"{netloc} answered {error.code} to {url}"
            except (URLError, OSError) as error:
                return urls[number:], f"{netloc} did not take {url}: {error}"
        return [], None


class AfterCommitHTTPBackend(AfterCommit, TimedHTTPBackend):
    def purge_after_commit(self, urls):
        left, why = self.send_purges(urls)
        if left:
            logger.warning("%s; %s addresses left to the worker", why, len(left))
            self.hand_over(left)

    def purge_now(self, urls):
        left, why = self.send_purges(urls)
        return [why] if left else []


class AfterCommitCloudflareBackend(AfterCommit, CloudflareBackend):
    pass


@errand
def purge_downstream(backend_name, urls):
    """The worker's purge of ``urls`` from one cache in front, tried again on failure."""
    backend = get_backends(backends=[backend_name]).get(backend_name)
    if backend is None:  # the cache was taken out of the settings since
        logger.warning("No frontend cache %s any more; %s not purged", backend_name, urls)
        return
    failures = backend.purge_now(urls)
    if failures:
        raise Undelivered("; ".join(failures))
