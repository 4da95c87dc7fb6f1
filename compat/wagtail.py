"""
Wagtail's internals the site relies on, each with its start-up check (``checks.reach``).

- The hooks' registry (``wagtail.hooks._hooks``): a function another app registered is
  swapped for the site's own in its place (``replace_hook``). Wagtail offers
  ``construct_*`` hooks to change what some hooks produced, but none for the page header's
  buttons or the page listing's "More" menu.
- The request's memo of its site and route (``request._wagtail_site``,
  ``request._wagtail_route_for_request``) and ``Site._find_for_request``, the look-up
  without the memo: the page tree's answers are kept per generation (memory/site.py, caching/tree.py)
  and handed to Wagtail where it looks for them, so no view asks the database again.
- A snippet's status side panel rebuilt from wagtail-localize's (``whole_status_panel``).
- An unsaved page standing in for a listed one in a permission check
  (``page_for_permissions``).
- The choosers' language filter, labelled (``label_the_choosers_language_filter``).
- The HTTP frontend-cache backend's cache address and its PURGE request, for a purge
  of the site's own that gives up in seconds (``cache_location``, ``purge_request``).
- Links Wagtail draws without knowing who looks: a chooser's link to the chosen item's
  editor (``chooser_edit_link_for``) and the explorer's status panel's links to a page's
  history and usage (``without_page_history_links``, on the explorer's index view that
  the page viewset names).
- Same-name overrides of Wagtail's admin templates.

The page tree's models import this module, so Wagtail's admin is imported where it is
used, once the apps are loaded.
"""

import inspect

from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.models import Page, Site

from . import templates
from .checks import missing_attributes, missing_parameters, reach

# --- the hooks' registry -----------------------------------------------------------------

REPLACED = []  # (hook name, original function, replacement)


def replace_hook(name, original, replacement):
    """Register ``replacement`` for hook ``name`` where ``original`` was, in its order.

    Should the original not be registered (a release renamed the hook or the function),
    the start-up check says so rather than the swap quietly doing nothing.
    """
    REPLACED.append((name, original, replacement))
    hooks._hooks[name] = [
        (replacement if fn is original else fn, order) for fn, order in hooks._hooks.get(name, [])
    ]


@reach("wagtail", "compat.wagtail.replace_hook (the hooks' registry)", id="compat.E001")
def hook_registry():
    registry = getattr(hooks, "_hooks", None)
    if not isinstance(registry, dict):
        return ["wagtail.hooks._hooks, a dict of hook name to [(function, order), …]"]
    hooks.search_for_hooks()
    return [
        f"{original.__module__}.{original.__qualname__} registered for the hook {name!r}"
        for name, original, replacement in REPLACED
        if replacement not in [entry[0] for entry in registry.get(name, [])]
    ]


# --- the site and route a request remembers ----------------------------------------------


def remembered_site(request, find):
    """The site of ``request`` as ``Site.find_for_request`` remembers it on the request.

    The first time, ``find(look_up)`` decides it, where ``look_up()`` is Wagtail's own
    look-up without the memo.
    """
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = find(lambda: Site._find_for_request(request))
    return request._wagtail_site


def has_remembered_route(request):
    return hasattr(request, "_wagtail_route_for_request")


def remember_route(request, route):
    """Hand ``Page.route_for_request`` the route of ``request``, found already."""
    request._wagtail_route_for_request = route
    return route


@reach(
    "wagtail",
    "memory/site.py, caching/tree.py (the site and route kept per generation)",
    id="compat.E002",
)
def request_memo():
    gone = missing_attributes(Site, ["_find_for_request", "find_for_request"])
    gone += missing_attributes(Page, ["route_for_request"])
    for owner, function, memo in [
        (Site, "find_for_request", "_wagtail_site"),
        (Page, "route_for_request", "_wagtail_route_for_request"),
    ]:
        if hasattr(owner, function) and memo not in inspect.getsource(getattr(owner, function)):
            gone.append(f"request.{memo}, read by {owner.__name__}.{function}()")
    return gone


# --- a snippet's status panel in wagtail-localize's editor --------------------------------


def whole_status_panel(panel, panel_class):
    """``panel`` (a StatusSidePanel) as an instance of ``panel_class``, a subclass of it,
    built with the same arguments: every keyword its constructor takes that the panel
    kept under the same name."""
    from wagtail.admin.ui.side_panels import StatusSidePanel

    keywords = [
        name
        for name, parameter in inspect.signature(StatusSidePanel.__init__).parameters.items()
        if parameter.kind is parameter.KEYWORD_ONLY and hasattr(panel, name)
    ]
    return panel_class(
        panel.object, panel.request, **{name: getattr(panel, name) for name in keywords}
    )


@reach("wagtail", "translations/templatetags (a snippet's status panel)", id="compat.E003")
def status_panel():
    from wagtail.admin.ui.side_panels import StatusSidePanel

    wanted = ["locale", "translations", "usage_url", "last_updated_info"]
    gone = missing_parameters(StatusSidePanel.__init__, wanted, owner=StatusSidePanel)
    gone += missing_attributes(StatusSidePanel, ["get_context_data", "get_status_templates"])
    return gone


# --- a page in a permission check ---------------------------------------------------------


def page_for_permissions(pk, path, owner_id, content_type_id):
    """An unsaved page with what Wagtail's page permissions read of a page (its place in
    the tree, owner and type; the rest, such as a workflow, it asks by the page's id), to
    check a listed page's permissions without reading it."""
    return Page(
        pk=pk,
        path=path,
        depth=len(path) // Page.steplen,
        owner_id=owner_id,
        content_type_id=content_type_id,
    )


@reach("wagtail", "translations/listing.py (a sync's target page)", id="compat.E004")
def permission_page():
    from wagtail.permission_policies.pages import PagePermissionPolicy

    gone = missing_attributes(Page, ["steplen", "permissions_for_user"])
    fields = {field.attname for field in Page._meta.concrete_fields}
    gone += [
        f"Page.{name}"
        for name in ["path", "depth", "owner_id", "content_type_id"]
        if name not in fields
    ]
    gone += missing_attributes(PagePermissionPolicy, ["user_has_permission_for_instance"])
    return gone


# --- the choosers' language filter --------------------------------------------------------


def label_the_choosers_language_filter():
    """The choosers' language filter has no label, so Django makes one of the field's name,
    "Locale", in English whatever the language: it is given Wagtail's translated one."""
    from wagtail.admin.forms.choosers import LocaleFilterMixin

    make_fields = LocaleFilterMixin.__init__
    if getattr(make_fields, "labels_the_locale", False):
        return

    def __init__(self, *args, **kwargs):
        make_fields(self, *args, **kwargs)
        if "locale" in self.fields:
            self.fields["locale"].label = gettext_lazy("Locale")

    __init__.labels_the_locale = True
    LocaleFilterMixin.__init__ = __init__


@reach("wagtail", "the choosers' language filter's label", id="compat.E005")
def choosers_language_filter():
    from wagtail.admin.forms.choosers import LocaleFilterMixin

    source = inspect.getsource(LocaleFilterMixin)
    return [] if '"locale"' in source else [f"the field 'locale' of {LocaleFilterMixin.__name__}"]


# --- the page search, a view subclass the page viewset names --------------------------------


@reach("wagtail", "search/wagtail_hooks.py (the admin's page search)", id="compat.E006")
def page_search_view():
    from wagtail.admin.views.pages.search import SearchView
    from wagtail.admin.viewsets.pages import PageViewSet

    gone = missing_attributes(PageViewSet, ["search_view_class"])
    gone += missing_attributes(SearchView, ["annotate_queryset", "get"])
    return gone


# --- the HTTP frontend-cache backend -----------------------------------------------------


def cache_location(backend):
    """(scheme, host and port) of the cache an ``HTTPBackend`` purges, as it kept them."""
    return backend.cache_scheme, backend.cache_netloc


def purge_request(address, host):
    """Wagtail's PURGE request for ``address``, for the site ``host``."""
    from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

    return PurgeRequest(address, headers={"Host": host})


@reach("wagtail", "caching/frontend.py (a purge that gives up in seconds)", id="compat.E008")
def frontend_cache_backend():
    from wagtail.contrib.frontend_cache.backends import http

    gone = missing_attributes(http, ["PurgeRequest", "HTTPBackend"])
    if gone:
        return gone
    backend = http.HTTPBackend({"LOCATION": "http://cache.invalid:6081"})
    gone += missing_attributes(backend, ["cache_scheme", "cache_netloc"])
    if http.PurgeRequest("http://cache.invalid/").get_method() != "PURGE":
        gone.append("PurgeRequest, a request whose method is PURGE")
    return gone


# --- links drawn without knowing who looks -----------------------------------------------


def chooser_edit_link_for(widget, user):
    """``widget`` (a chooser) links the chosen item's editor only for a ``user`` who may
    edit it, as its modal already does for an item chosen anew."""
    from wagtail.admin.admin_url_finder import AdminURLFinder

    finder = AdminURLFinder(user)
    value_data = widget.get_value_data_from_instance

    def for_the_user(instance):
        data = value_data(instance)
        if data.get("edit_url"):
            data["edit_url"] = finder.get_edit_url(instance) or ""
        return data

    widget.get_value_data_from_instance = for_the_user


@reach("wagtail", "home/forms.py (a chooser's link to the chosen item)", id="compat.E009")
def chooser_edit_link():
    from wagtail.admin.admin_url_finder import AdminURLFinder
    from wagtail.admin.widgets.chooser import BaseChooser

    gone = missing_attributes(BaseChooser, ["get_value_data_from_instance", "get_value_data"])
    gone += missing_parameters(AdminURLFinder.__init__, ["user"], owner=AdminURLFinder)
    if not gone and "get_value_data_from_instance" not in inspect.getsource(
        BaseChooser.get_value_data
    ):
        gone.append("BaseChooser.get_value_data(), reading get_value_data_from_instance()")
    return gone


def without_page_history_links(panel):
    """The explorer's status panel of a page (a ``PageStatusSidePanel``) without its links
    to the page's history and usage; the usage count stays, as text."""
    panel.history_url = None
    panel.usage_url = ""


@reach("wagtail", "governance/explorer.py (the explorer's status panel)", id="compat.E010")
def explorer_status_panel():
    from wagtail.admin.ui.side_panels import PageStatusSidePanel
    from wagtail.admin.views.pages import listing
    from wagtail.admin.viewsets.pages import PageViewSet

    gone = missing_attributes(PageViewSet, ["index_view_class"])
    gone += missing_attributes(listing, ["ExplorableIndexView"])
    if gone:
        return gone
    gone += missing_attributes(listing.ExplorableIndexView, ["get_side_panels"])
    source = inspect.getsource(PageStatusSidePanel.__init__)
    gone += [
        f"PageStatusSidePanel.{name}"
        for name in ["history_url", "usage_url"]
        if f"self.{name}" not in source
    ]
    return gone


# --- same-name overrides of Wagtail's admin templates -----------------------------------


@reach("wagtail", "templates/wagtailadmin/ (overrides of Wagtail's templates)", id="compat.E007")
def admin_templates():
    package = "wagtail.admin"
    return [
        *templates.missing_in_extended(
            package, "wagtailadmin/notifications/base.txt", ["greeting"]
        ),
        *templates.missing_in_extended(
            package, "wagtailadmin/notifications/base.html", ["greeting"]
        ),
        # The site's own admin pages (security/lockout.html, accounts/) extend these.
        *templates.missing_in_extended(
            package, "wagtailadmin/admin_base.html", ["titletag", "bodyclass", "furniture"]
        ),
        *templates.missing_in_extended(package, "wagtailadmin/generic/base.html", ["main_content"]),
        *templates.changed_copy(
            package,
            "wagtailadmin/shared/headers/_actions.html",
            "facea723b6b917627f718d47a945c79fabcb1cbc516983c66cb6801b6a9a1557",
        ),
        *templates.changed_copy(
            package,
            "wagtailadmin/shared/user_avatar.html",
            "10cbd09a2e9434e569d2ccc518298adbeb8cb9f3263fd31aa61ff049e6cc771a",
        ),
        *templates.changed_copy(
            package,
            "wagtailadmin/shared/locale_selector.html",
            "5e1d8ad7ff8547b4cba97d2064b846fead6da4263c4dc7002704394f66436c4c",
        ),
        *templates.changed_copy(
            package,
            "wagtailadmin/shared/side_panels/includes/status/locale.html",
            "6f392e0aa6c429d7f4b8bd89b22b7ca365fd9cb3467cc7a398c3bcb56525ef3b",
        ),
    ]
