"""
The page explorer shows an editor only the part of the tree they work in.

Wagtail lets anyone open the explorer at any page below the first common ancestor of
their pages: for a regional editor (whose pages are their region in Swedish and in
English) that is the whole tree, and another region's address showed an empty list
headed "1-0 of 0 pages". Here such a request is refused with a plain message and leads to
the editor's own pages in the same language. Listings, searches and breadcrumbs show
only the pages Wagtail calls explorable (a page the user has a permission on, its
descendants and its ancestors), which are the ones allowed here.

On a page an editor only passes through (the home page, the region index), the status
panel links the page's history and usage for anyone who may see it; both views then
refuse whoever may not edit the page. ``ExplorerIndexView`` (the page viewset's index
view, ``search/wagtail_hooks.py``) draws those links only for those who may.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from compat.wagtail import without_page_history_links

EXPLORER_VIEWS = {"wagtailadmin_explore", "wagtailadmin_explore_results"}


def may_explore(user, page):
    return PagePermissionPolicy().explorable_instances(user).filter(pk=page.pk).exists()


def own_pages_for(user, page):
    """The page to show instead of ``page``: the user's own, in its language if they have one."""
    own = sorted(
        PagePermissionPolicy().instances_with_direct_explore_permission(user),
        key=lambda mine: (mine.locale_id != page.locale_id, mine.path),
    )
    return own[0] if own else None


class ExplorerMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.url_name not in EXPLORER_VIEWS:
            return None
        page_id = view_kwargs.get("parent_page_id")
        if not page_id or not request.user.is_authenticated:
            return None  # the root, and Wagtail's own login requirement
        page = Page.objects.filter(pk=page_id).first()
        if page is None or may_explore(request.user, page):
            return None  # Wagtail answers 404 for a page that does not exist
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            raise PermissionDenied
        messages.error(
            request, _("That part of the page tree is not yours. Here are the pages you work on.")
        )
        own = own_pages_for(request.user, page)
        return redirect("wagtailadmin_explore", own.pk) if own else redirect("wagtailadmin_home")


class ExplorerIndexView(ExplorableIndexView):
    def get_side_panels(self):
        panels = super().get_side_panels()
        if not self.parent_page.permissions_for_user(self.request.user).can_edit():
            for panel in panels:
                without_page_history_links(panel)
        return panels
