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

Every entry is filed under the cache's current *generation*. A change that can show on
any page (invalidation.py) starts a new generation, so the next request from any worker
builds its page afresh; the old entries are never read again and expire on their own.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

from .headers import PRIVATE_PREFIXES, is_public, unvary

GENERATION_KEY = "page-cache:generation"
KEPT_STATUSES = {200, 301, 404, 410}
# Headers that belong to one response only, or that the outer middleware adds again.
UNKEPT_HEADERS = {"set-cookie", "date", "x-page-cache"}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = new_generation()
    return generation


def new_generation():
    """Start afresh: every page kept so far will be built again on its next request."""
    generation = uuid.uuid4().hex[:12]
    page_cache().set(GENERATION_KEY, generation, timeout=None)
    return generation


def cache_key(request, generation):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
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
        if not may_be_served_from_cache(request):
            response = self.get_response(request)
            unvary(response)
            return response
        cache = page_cache()
        # The generation is read before the page is built: if content changes while it
        # is being built, the page is filed under the old generation, never read again.
        key = cache_key(request, current_generation())
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
