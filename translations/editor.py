"""
wagtail-localize's translation editor, offering only what the user may do and the next
step in its main button.

- "Convert to alias page" puts the live Swedish at the translation's address, which is
  publishing: it is offered (in the editor's footer, and in the page editor's action menu
  once a translation was stopped) only to those its guard lets through
  (``translations.middleware``), who are also the only ones it lets do it.
- The header's links to the other languages' editors: only those the user may edit.
- The main button of the footer is the editor's last action, which for someone who may
  not publish is Delete, Stop or Convert: for them the template offers the next step
  instead (submit for review while it can be, else back where they came from) and
  ``editor-footer.js`` moves the editor's own action into the menu beside it.
"""

import json
from urllib.parse import urlencode, urlsplit

from django.contrib.admin.utils import quote, unquote
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import get_snippet_models

from compat.localize import convert_to_alias_url, withdraw_convert_to_alias

from . import localize_dates, permissions
from .middleware import allows_url


def props_for(props, instance, user):
    """The editor's properties (JSON) as ``user`` should see them."""
    data = json.loads(props)
    localize_dates.date_the_props(data, instance)
    url = convert_to_alias_url(data)
    if url and not allows_url(user, url):
        withdraw_convert_to_alias(data)
    return json.dumps(data)


def edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("edit"), args=[quote(obj.pk)])


def editable_urls(user, instance):
    """The edit addresses of ``instance``'s other languages that ``user`` may open."""
    others = instance.get_translations()
    if isinstance(instance, Page):
        others = others.specific()
    return {edit_url(obj) for obj in others if permissions.can_edit(user, obj)}


def header_links(user, instance, source_translation, translations):
    """The editor header's source language link and other languages, those ``user`` may
    edit only (wagtail-localize links them all)."""
    allowed = editable_urls(user, instance)
    source = dict(source_translation)
    if source.get("editUrl") not in allowed:
        source["editUrl"] = None
    return {
        "source_translation": source,
        "translations": [(label, url) for label, url in translations if url in allowed],
    }


def safe_next(request):
    """The ``next`` address of the request, if it is one of this site's, else None."""
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


def with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def return_address(request):
    """Where someone leaving the translation editor goes back to: where they came from
    (``next``), else the translation status report."""
    return safe_next(request) or reverse("translation_status_report")


def sync_return_address(request):
    """Where the sync form leads once done: where the user came from (``next``, else the
    page that linked to it), else the translation status report. wagtail-localize's own
    choice, the Swedish page's parent in the explorer, is not the translator's to open.
    """
    came_from = request.headers.get("referer")
    if came_from and (
        not url_has_allowed_host_and_scheme(
            came_from, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        or urlsplit(came_from).path == request.path
    ):
        came_from = None
    return safe_next(request) or came_from or reverse("translation_status_report")


def may_open(user, url):
    """May ``user`` open ``url``, a language selector's link to a page in the explorer or
    the editor, or to a snippet's editor? (Any other address: yes.)"""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return True
    if match.url_name == "wagtailadmin_explore":
        page = Page.objects.filter(pk=match.kwargs["parent_page_id"]).first()
        return (
            page is None
            or PagePermissionPolicy().explorable_instances(user).filter(pk=page.pk).exists()
        )
    if match.view_name == "wagtailadmin_pages:edit":
        page = Page.objects.filter(pk=match.kwargs["page_id"]).first()
        return page is None or permissions.can_edit(user, page.specific)
    for model in get_snippet_models():
        if match.view_name == model.snippet_viewset.get_url_name("edit"):
            pk = match.kwargs.get("pk", match.args[0] if match.args else None)
            obj = model._default_manager.filter(pk=unquote(str(pk))).first()
            return obj is None or permissions.can_edit(user, obj)
    return True
