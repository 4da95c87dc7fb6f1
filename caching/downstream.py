"""
What a CDN or Varnish in front keeps, made fresh when something shown on many pages
changes.

A published page purges its own addresses (Wagtail's frontend cache) and an article the
listings, feeds and sitemaps that show it (articles/signals.py): exact URLs, in the
language of each. A partner, a period, a person, a county, an image or a redirect shows
on many pages at once (the partner strip on every one of them); purging each address
would be thousands of requests at 10,000 articles. So such a change bans everything kept
for the site's host instead, one request per site: ``BAN`` to Varnish, which the purgers
may send (deploy/varnish/default.vcl), and "purge everything" to Cloudflare's API, one
request per zone. The page cache in the application starts afresh on the same changes
(invalidation.py).

Bans go as purges do (frontend.py): to Varnish at once after the commit, giving up in
seconds; what it did not take, and Cloudflare, through the worker (errands/), which tries
again. ``renew_caches`` bans everything at once, for the deploy in hand.
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import requests

from django.conf import settings

from wagtail.contrib.frontend_cache.backends import CloudflareBackend, HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Site

from errands import Undelivered, errand, later

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 3


class BanRequest(Request):
    def get_method(self):
        return "BAN"


def ban_everything():
    """Ask every cache in front to drop all it keeps for each site (after the commit)."""
    ban_soon()


def ban_under(prefix):
    """
    Ask every cache in front to drop what it keeps under one path, whatever the query
    string: ``ban_under("/api/")`` for the content API's answers (syndication/).
    """
    ban_soon(prefix)


def ban_soon(prefix=None):
    """
    Varnish at once, so that the change shows to the next reader; Cloudflare, and a
    Varnish that did not take the ban, through the worker, which tries again.
    """
    if not settings.WAGTAILFRONTENDCACHE:
        return
    backends = get_backends().values()
    cloudflare = any(isinstance(backend, CloudflareBackend) for backend in backends)
    failures = ban(prefix, cloudflare=False)
    if failures:
        logger.warning("Left to the worker: could not %s", "; ".join(failures))
    if failures or cloudflare:
        later(ban_downstream, prefix, http=bool(failures), cloudflare=cloudflare)


@errand
def ban_downstream(prefix=None, http=True, cloudflare=True):
    """The worker's ban, tried again while a cache does not take it."""
    failures = ban(prefix, http=http, cloudflare=cloudflare)
    if failures:
        raise Undelivered("could not " + "; ".join(failures))


def ban(prefix=None, http=True, cloudflare=True):
    """
    Ban now from every cache in front (or only the HTTP ones, or only Cloudflare); what
    could not be done, each as "ban … from …: why". A Varnish that does not answer within
    ``TIMEOUT_SECONDS`` is not asked again for the next site.
    """
    if not settings.WAGTAILFRONTENDCACHE:
        return []
    failures = []
    backends = get_backends().values()
    hosts = [urlsplit(site.root_url).netloc for site in Site.objects.all()]
    if cloudflare:
        for backend in backends:
            if isinstance(backend, CloudflareBackend):
                paths = [f"{host}{prefix}" for host in hosts] if prefix else None
                failure = purge_zone(backend, paths)
                failures += [failure] if failure else []
    for backend in [b for b in backends if http and isinstance(b, HTTPBackend)]:
        for host in hosts:
            headers = {"Host": host}
            if prefix:
                headers["X-Ban-Prefix"] = prefix
            request = BanRequest(
                f"{backend.cache_scheme}://{backend.cache_netloc}/", headers=headers
            )
            try:
                urlopen(request, timeout=TIMEOUT_SECONDS)
            except (URLError, OSError) as error:
                failures.append(f"ban {host}{prefix or ''} from {backend.cache_netloc}: {error}")
                break
    return failures


def purge_zone(backend, prefixes=None):
    """
    Cloudflare's "purge everything" for the zone, or its purge by prefix ("host/path"),
    authenticated as Wagtail's backend is; why it failed, or None.
    """
    if backend.cloudflare_token:
        headers = {"Authorization": f"Bearer {backend.cloudflare_token}"}
    else:
        headers = {
            "X-Auth-Email": backend.cloudflare_email,
            "X-Auth-Key": backend.cloudflare_api_key,
        }
    try:
        response = requests.post(
            backend.cloudflare_purge_endpoint_url,
            json={"prefixes": prefixes} if prefixes else {"purge_everything": True},
            headers=headers,
            timeout=30,
        )
        response.raise_for_status()
    except requests.RequestException as error:
        return f"purge the Cloudflare zone: {error}"
    return None
