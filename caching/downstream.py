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
    ban()


def ban_under(prefix):
    """
    Ask every cache in front to drop what it keeps under one path, whatever the query
    string: ``ban_under("/api/")`` for the content API's answers (syndication/).
    """
    ban(prefix)


def ban(prefix=None):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    backends = get_backends().values()
    hosts = [urlsplit(site.root_url).netloc for site in Site.objects.all()]
    for backend in backends:
        if isinstance(backend, CloudflareBackend):
            purge_zone(backend, [f"{host}{prefix}" for host in hosts] if prefix else None)
    backends = [b for b in backends if isinstance(b, HTTPBackend)]
    for host in hosts:
        headers = {"Host": host}
        if prefix:
            headers["X-Ban-Prefix"] = prefix
        for backend in backends:
            request = BanRequest(
                f"{backend.cache_scheme}://{backend.cache_netloc}/", headers=headers
            )
            try:
                urlopen(request, timeout=10)
            except (URLError, OSError) as error:
                logger.error(
                    "Could not ban %s%s from the HTTP cache: %s", host, prefix or "", error
                )


def purge_zone(backend, prefixes=None):
    """
    Cloudflare's "purge everything" for the zone, or its purge by prefix ("host/path"),
    authenticated as Wagtail's backend is.
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
        logger.error("Could not purge the Cloudflare zone: %s", error)
