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

logger = logging.getLogger(__name__)


class BanRequest(Request):
    def get_method(self):
        return "BAN"


def ban_everything():
    """Ask every cache in front to drop all it keeps for each site."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    backends = get_backends().values()
    for backend in backends:
        if isinstance(backend, CloudflareBackend):
            purge_zone(backend)
    backends = [b for b in backends if isinstance(b, HTTPBackend)]
    for site in Site.objects.all():
        host = urlsplit(site.root_url).netloc
        for backend in backends:
            request = BanRequest(
                f"{backend.cache_scheme}://{backend.cache_netloc}/", headers={"Host": host}
            )
            try:
                urlopen(request, timeout=10)
            except (URLError, OSError) as error:
                logger.error("Could not ban %s from the HTTP cache: %s", host, error)


def purge_zone(backend):
    """Cloudflare's "purge everything" for the zone, authenticated as Wagtail's backend is."""
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
            json={"purge_everything": True},
            headers=headers,
            timeout=30,
        )
        response.raise_for_status()
    except requests.RequestException as error:
        logger.error("Could not purge the Cloudflare zone: %s", error)
