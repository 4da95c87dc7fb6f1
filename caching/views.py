from wagtail import views as wagtail_views

from . import tree


def serve(request, path):
    """Wagtail's page view, finding the page from the kept routes (tree.py)."""
    tree.route_for_request(request, path)
    return wagtail_views.serve(request, path)
