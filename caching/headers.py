"""
Cache-Control for what a CDN, Varnish or a browser may keep.

A public page is the same for every anonymous visitor (its language comes from the
path), so it is marked ``public`` with a shared lifetime (``s-maxage``) for the proxy in
front, which is purged on publish; browsers, which cannot be purged, ask again each time
by default, so a publish shows on a reader's next page view. Anything
personal — a logged-in editor's view with the userbar, a response that sets a cookie or
uses a CSRF token, the admin, documents behind permission checks — is ``private,
no-store``. A view that sets its own Cache-Control is left alone.

A public page's language comes from its path and an anonymous visitor's cookies change
nothing on it, so its ``Vary`` names neither ``Cookie`` nor ``Accept-Language`` (which
Django's session and locale middleware add whether or not they changed anything): one
copy serves everyone, in the page cache (caching/pages.py) and in a CDN.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

# Never public: the admin, documents (permission-checked), media served by the
# application in `make run`, and the load balancers' probe.
PRIVATE_PREFIXES = ("/admin/", "/documents/", "/media/", "/healthz")
CACHEABLE_STATUSES = {200, 203, 300, 301, 404, 410}
NOT_VARIED_BY = {"cookie", "accept-language"}


class CacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
            return response
        if is_personal(request, response):
            patch_cache_control(response, private=True, no_store=True)
        elif response.status_code in CACHEABLE_STATUSES:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.HTTP_CACHE_BROWSER_SECONDS,
                s_maxage=settings.HTTP_CACHE_SHARED_SECONDS,
                stale_while_revalidate=settings.HTTP_CACHE_STALE_SECONDS,
            )
        return response


def is_public(response):
    return "public" in response.get("Cache-Control", "")


def unvary(response):
    """
    Drop what a public page does not vary by. Called outside the session and locale
    middleware (caching/pages.py), which add Vary on their way out.
    """
    if is_public(response):
        remove_vary(response, NOT_VARIED_BY)


def remove_vary(response, names):
    kept = [
        name.strip()
        for name in response.get("Vary", "").split(",")
        if name.strip() and name.strip().lower() not in names
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif response.has_header("Vary"):
        del response["Vary"]


def is_personal(request, response):
    user = getattr(request, "user", None)
    return (
        request.path.startswith(PRIVATE_PREFIXES)
        or (user is not None and user.is_authenticated)
        or bool(response.cookies)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
        or request.META.get("CSRF_COOKIE_USED", False)
    )
