"""
What building any page asks of the page tree, kept per generation instead of read for
every request: the site for a host, the locale of a language, the page at an address,
and whether any section of the site is private.

Wagtail reads all of these from the database each time: the site and the locale a query
each, the route from an address to its page two queries for every level of the tree, and
the view restrictions two more for the page and one for every listing that asks for
``.public()`` pages. They change only when content does, and every such change starts a
new generation (invalidation.py), so answers kept under the current generation are as
fresh as the pages built from them.

Kept like the shared parts of pages (fragments.kept): in each process's memory, under
the generation; a route for each page at most.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from compat import wagtail

from .fragments import kept
from .headers import PRIVATE_PREFIXES


def site_for_request(request):
    """``Site.find_for_request``, from what is kept for this host and port."""

    def find(look_up):
        # get_host() refuses a host the site does not serve (a 400), before anything is
        # kept under a name a visitor made up.
        host = f"{request.get_host()}:{request.get_port()}"
        return kept(f"site:{host}", look_up)

    return wagtail.remembered_site(request, find)


class KeptSiteMiddleware:
    """
    Hands Wagtail the site of a public request from what is kept, so that no view asks
    again. The admin, documents and the health check look it up as Wagtail does.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PRIVATE_PREFIXES):
            site_for_request(request)
        return self.get_response(request)


def active_locale():
    """``Locale.get_active()``, from what is kept for the active language."""
    code = translation.get_language()
    return kept(f"locale:{code}", Locale.get_active)


def source_locale():
    """``Locale.get_default()``, the language translations are made from, kept."""
    return kept("locale:source", Locale.get_default)


def has_private_sections():
    return kept("private-sections", PageViewRestriction.objects.exists)


def public(pages):
    """``pages.public()``: the database is asked only when some section is private."""
    return pages.public() if has_private_sections() else pages


def route_for_request(request, path):
    """
    ``Page.route_for_request``: Wagtail's own walk down the tree the first time an
    address is asked for in a generation, then one query for the page it found. Only
    addresses of pages are kept: routes with arguments (routable pages) and addresses
    without a page (anyone can make up any number of those) are walked each time.
    """
    site = site_for_request(request)
    if site is None or wagtail.has_remembered_route(request):
        return Page.route_for_request(request, path)
    locale = active_locale()
    routes = kept(f"routes:{site.pk}:{locale.pk}", dict)
    found = routes.get(path)
    if found is None:
        route = Page.route_for_request(request, path)
        if address_of(route) is not None:
            routes[path] = address_of(route)
        return route
    content_type_id, page_id = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    try:
        page = model._default_manager.get(pk=page_id, live=True)
    except model.DoesNotExist:  # deleted since, in a change not yet committed
        return Page.route_for_request(request, path)
    if page.locale_id == locale.pk:
        page.locale = locale
    return wagtail.remember_route(request, RouteResult(page))


def address_of(route):
    """What is kept of a route: the page's content type and id, or None."""
    if route is None or route.args or route.kwargs:
        return None
    return route.page.content_type_id, route.page.pk
