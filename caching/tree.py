"""
What serving a page asks of the page tree, kept per generation instead of read for every
request: the site of a public request handed to Wagtail once, and the page at an address.

Wagtail walks from an address to its page with two queries for every level of the tree.
The route changes only when content does, and every such change starts a new generation
(memory/invalidation.py), so a route kept under the current generation is as fresh as
the page built from it. Kept like the shared parts of pages (memory/kept.py): in each
process's memory, under the generation; a route for each page at most. The site, the
locales and the private sections are remembered in memory/site.py, which the admin reads
too.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page
from wagtail.url_routing import RouteResult

from compat import wagtail
from memory.kept import kept
from memory.site import active_locale, site_for_request

from .headers import PRIVATE_PREFIXES


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
