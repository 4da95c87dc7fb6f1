"""
Permission guards in front of wagtail-localize's admin views.

wagtail-localize 1.14 lets anyone with its site-wide ``submit_translation`` permission
open "translate this page" and "sync translated pages" for any page, and publish through
the sync form, whatever the page tree allows them. Its views cannot be changed here, so
each request to one of them passes a guard from ``translations.permissions`` first; a
refusal looks like Wagtail's own (a message and the dashboard) and changes nothing.

A few kinds of bad input that its views answer with a server error are answered here
with a message instead (``INPUT_CHECKS``).

Every view in its URL namespace is listed: a view added by a later version is refused
until it is given a guard here (``tests/test_translation_permissions.py`` checks this).
"""

from urllib.parse import urlsplit

import polib

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import resolve
from django.utils.translation import gettext as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation, TranslationSource

from . import permissions

NAMESPACE = "wagtail_localize"


def submit_page(user, post, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    return may_submit(user, post, page)


def submit_snippet(user, post, app_label, model_name, pk):
    try:
        model = get_snippet_model_from_url_params(app_label, model_name)
    except Http404:
        return True  # wagtail-localize answers 404 itself
    if not issubclass(model, TranslatableMixin):
        return True
    return may_submit(user, post, get_object_or_404(model, pk=unquote(pk)))


def may_submit(user, post, obj):
    if not permissions.untranslated_locales(obj).exists():
        return True  # nothing left to translate into: wagtail-localize says so itself
    allowed = {locale.pk for locale in permissions.translatable_locales(user, obj)}
    if not allowed:
        return False
    if post is not None:
        chosen = post.getlist("locales")
        return all(code.isdigit() and int(code) in allowed for code in chosen)
    return True


def update_translations(user, post, translation_source_id):
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    if not permissions.can_sync(user, source):
        return False
    if post is not None and post.get("publish_translations"):
        return permissions.can_publish_sync(user, source)
    return True


def edit_translated_object(user, post, translation_id, **kwargs):
    translation = get_object_or_404(Translation, pk=translation_id)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return True  # nothing to change; wagtail-localize answers
    return permissions.can_edit(user, target)


def convert_to_alias(user, post, page_id):
    # Turning a translation into an alias puts the source's live content at its address:
    # that is publishing, so it needs publish permission, not only edit.
    page = get_object_or_404(Page, pk=page_id)
    return permissions.can_edit(user, page) and permissions.can_publish(user, page)


def anyone_in_the_admin(user, post, **kwargs):
    """Read-only views that show nothing the user's other permissions hide."""
    return True


GUARDS = {
    "submit_page_translation": submit_page,
    "submit_snippet_translation": submit_snippet,
    "update_translations": update_translations,
    "edit_string_translation": edit_translated_object,
    "edit_override": edit_translated_object,
    "download_pofile": edit_translated_object,
    "upload_pofile": edit_translated_object,
    "machine_translate": edit_translated_object,
    "preview_translation": edit_translated_object,
    "stop_translation": edit_translated_object,
    "convert_to_alias": convert_to_alias,
    # The translations report, the JavaScript catalogue and the snippet chooser API
    # read only.
    "translations_report": anyone_in_the_admin,
    "translations_report_results": anyone_in_the_admin,
    "javascript_catalog": anyone_in_the_admin,
    "snippets_api_listing": anyone_in_the_admin,
    "snippets_api_detail": anyone_in_the_admin,
}


def po_upload_problem(request, translation_id):
    """wagtail-localize answers a PO file without its header, or no file, with a 500."""
    upload = request.FILES.get("file")
    if upload is None:
        return _("Choose a PO file to upload.")
    try:
        po = polib.pofile(upload.read().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        po = None
    finally:
        upload.seek(0)
    if po is None or "X-WagtailLocalize-TranslationID" not in po.metadata:
        return _("Please upload a valid PO file.")
    return None


# Bad input its views would answer with a server error, answered here with a message.
INPUT_CHECKS = {"upload_pofile": po_upload_problem}


class LocalizePermissionsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or NAMESPACE not in match.namespaces:
            return None
        if not request.user.is_authenticated:
            return None  # wagtail-localize's own login requirement answers
        post = request.POST if request.method == "POST" else None
        if not allows(request.user, post, match.url_name, view_kwargs):
            return permission_denied(request)
        check = INPUT_CHECKS.get(match.url_name)
        problem = check(request, **view_kwargs) if check and post is not None else None
        if problem:
            messages.error(request, problem)
            return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
        return None


def allows(user, post, url_name, kwargs):
    """Does the guard of wagtail-localize's view ``url_name`` let ``user`` through?

    ``post`` is the submitted form data, or None for a request that only reads.
    """
    guard = GUARDS.get(url_name)
    return guard is not None and guard(user, post, **kwargs)


def allows_url(user, url):
    """For a link the admin is about to show: may ``user`` open it?"""
    match = resolve(urlsplit(url).path)
    if NAMESPACE not in match.namespaces:
        return True
    return allows(user, None, match.url_name, match.kwargs)
