"""
The full-page cache for anonymous visitors.

A public page is the same for every anonymous visitor: its language comes from the path,
not from Accept-Language or a cookie. So the finished response for a URL is kept in the
``pages`` cache (files on the local disk by default, shared by every worker process on
the machine; Redis when REDIS_URL is set, shared by every machine) and handed to the next
visitor before a session, a user or the page tree is looked at.

What is kept is decided by what the rest of the stack already decided: only a response
that caching/headers.py marked ``public`` (never one for a logged-in editor, one that
sets a cookie or carries a CSRF token, the admin or a document) and only for a request
without a session cookie. POST and every other method pass straight through.

Every entry is filed under the content's current *generation* (memory/generation.py). A
change that can show on any page (memory/invalidation.py) starts a new generation, so the
next request from any worker builds its page afresh; the old entries are never read again
and expire on their own.

No visitor can empty or bloat the store: tracking parameters are taken off the address
exactly as the VCL takes them off (TRACKING_PARAMETERS; tests compare the two), a page
is kept only for the query parameters the site reads (PAGE_CACHE_QUERY_PARAMETERS, and
those of the content API under /api/: PAGE_CACHE_QUERY_PARAMETERS_BY_PREFIX), and a
missing page is never kept, so a stream of made-up addresses fills nothing.
"""

import hashlib
import re
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.encoding import escape_uri_path

from memory.generation import current_generation

from .headers import PRIVATE_PREFIXES, is_public, unvary

KEPT_STATUSES = {200, 301, 410}
# Parameters that campaigns and ad networks add to links, which change nothing on a page.
# The same alternation is in deploy/varnish/default.vcl (tests/test_page_cache.py).
TRACKING_PARAMETERS = r"utm_[a-z]+|fbclid|gclid|msclkid|mc_[a-z]+"
TRACKING = re.compile(rf"(?:{TRACKING_PARAMETERS})", re.IGNORECASE)
# Headers that belong to one response only, or that the outer middleware adds again.
UNKEPT_HEADERS = {"set-cookie", "date", "x-page-cache"}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def kept_query(request):
    """
    The query string a kept page is filed under, without tracking parameters; None when
    it names a parameter no page reads, so that made-up ones are not kept one by one.
    """
    parameters = [
        (name, value)
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if not TRACKING.fullmatch(name)
    ]
    read = read_parameters(request.path)
    if any(name not in read for name, _ in parameters):
        return None
    return urlencode(parameters)


def read_parameters(path):
    """The query parameters the site reads at ``path``: the pages', and the API's under it."""
    read = set(settings.PAGE_CACHE_QUERY_PARAMETERS)
    for prefix, names in settings.PAGE_CACHE_QUERY_PARAMETERS_BY_PREFIX.items():
        if path.startswith(prefix):
            read |= names
    return read


def cache_key(request, generation, query):
    address = f"{request.scheme}://{request.get_host()}{escape_uri_path(request.path)}?{query}"
    return f"page:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"


def may_be_served_from_cache(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(PRIVATE_PREFIXES)
    )


def may_be_kept(response):
    return (
        response.status_code in KEPT_STATUSES
        and not response.streaming
        and not response.cookies
        and is_public(response)
    )


class PageCacheMiddleware:
    """
    Answers anonymous GET and HEAD requests from the page cache, and fills it. Sits
    outside the session and locale middleware, so it also takes the Vary they add off
    public pages (headers.unvary).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = kept_query(request) if may_be_served_from_cache(request) else None
        if query is None:
            response = self.get_response(request)
            unvary(response)
            return response
        cache = page_cache()
        # The generation is read before the page is built: if content changes while it
        # is being built, the page is filed under the old generation, never read again.
        key = cache_key(request, current_generation(), query)
        kept = cache.get(key)
        if kept is not None:
            status, headers, content = kept
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        unvary(response)
        if request.method == "GET" and may_be_kept(response):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNKEPT_HEADERS
            ]
            cache.set(
                key,
                (response.status_code, headers, response.content),
                timeout=settings.PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return response
