"""
The admin side of the bilingual workflow: the source-language rule for snippets, the
translation status report and its dashboard panel, "Submit for review" in the
translation editor, and wagtail-localize's buttons shown only to those who may use them.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import TranslatableMixin, WorkflowMixin
from wagtail_localize.models import Translation

from compat.localize import convert_to_alias_menu_item_name, page_buttons
from compat.wagtail import replace_hook
from memory.site import source_locale

from . import listing, review
from .middleware import allows_url
from .permissions import is_source_language, may_edit_source
from .store import summary
from .views import TranslationStatusReportView, review_panel

# --- the Swedish source of a snippet is edited only by those allowed to -----------------


def refuse_source_edits(request, objects):
    for obj in objects:
        if is_source_language(obj) and not may_edit_source(request.user):
            raise PermissionDenied


@hooks.register("before_edit_snippet")
def before_edit_snippet(request, instance):
    refuse_source_edits(request, [instance])


@hooks.register("before_delete_snippet")
def before_delete_snippet(request, instances):
    refuse_source_edits(request, instances)


@hooks.register("before_create_snippet")
def before_create_snippet(request, model):
    if not issubclass(model, TranslatableMixin) or may_edit_source(request.user):
        return
    code = request.GET.get("locale") or request.POST.get("locale")
    if not code or code == source_locale().language_code:
        raise PermissionDenied


# --- submitting a translation for review from wagtail-localize's editor ------------------


@hooks.register("before_edit_page", order=-1)
@hooks.register("before_edit_snippet", order=-1)
def review_translations_in_their_editor(request, instance):
    """Runs before wagtail-localize's own hook, which would draw the editor instead."""
    moderated = isinstance(instance, WorkflowMixin) and isinstance(instance, TranslatableMixin)
    if request.method != "POST" or not moderated:
        return None
    if review.REVIEW_ACTION in request.POST:
        return review.review(request, instance)
    if review.SUBMIT_ACTION not in request.POST:
        return None
    translation = Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    ).first()
    if translation is None:
        return None
    return review.submit_for_review(request, translation, instance)


# --- wagtail-localize's buttons, for those their views let through -----------------------


def only_allowed(buttons_hook, user_position):
    """``buttons_hook`` without the buttons whose view would refuse the user."""

    def filtered(*args, **kwargs):
        user = kwargs["user"] if "user" in kwargs else args[user_position]
        return [b for b in buttons_hook(*args, **kwargs) if allows_url(user, b.url)]

    return filtered


# wagtail-localize offers "Translate this page" and "Sync translated pages" to anyone with
# its site-wide permission. A snippet's are dropped through Wagtail's hook for that; the
# page header's and the explorer's have none, so wagtail-localize's hook is swapped for
# one that drops what the page tree does not allow (compat.wagtail.replace_hook).
allowed_page_buttons = only_allowed(page_buttons(), 1)
replace_hook("register_page_header_buttons", page_buttons(), allowed_page_buttons)


@hooks.register("construct_snippet_listing_buttons")
def only_the_snippet_buttons_allowed(buttons, snippet, user):
    buttons[:] = [b for b in buttons if not getattr(b, "url", None) or allows_url(user, b.url)]


def page_listing_more_buttons(page, user, view_name=None, next_url=None):
    """The same buttons for each row of the explorer, from the kept states (listing.py)."""
    return listing.translation_buttons(
        page,
        user,
        fallback=lambda page: allowed_page_buttons(page, user, view_name, next_url),
        next_url=next_url,
        may_open=lambda url: allows_url(user, url),
    )


replace_hook("register_page_listing_more_buttons", page_buttons(), page_listing_more_buttons)


@hooks.register("construct_explorer_page_queryset")
def explorer_pages_with_their_translation_states(parent_page, pages, request):
    return listing.with_states(pages)


# --- the translation status report -------------------------------------------------------


@hooks.register("register_admin_urls")
def translation_status_urls():
    view = TranslationStatusReportView
    return [
        path("reports/translation-status/", view.as_view(), name="translation_status_report"),
        path(
            "reports/translation-status/results/",
            view.as_view(results_only=True),
            name="translation_status_report_results",
        ),
        path(
            "translations/<int:translation_id>/review-panel/",
            review_panel,
            name="translation_review_panel",
        ),
    ]


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem(
        _("Translation status"), reverse("translation_status_report"), icon_name="globe", order=900
    )


class TranslationStatusPanel(Component):
    """A dashboard summary: per language, how many items are in each state."""

    name = "translation_status"
    order = 60
    template_name = "translations/admin/translation_status_panel.html"

    def get_context_data(self, parent_context=None):
        return {"counts": summary()}


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(TranslationStatusPanel())


# --- "Convert to alias page" in the page editor, for those who may ----------------------


@hooks.register("construct_page_action_menu")
def convert_to_alias_only_where_allowed(menu_items, request, context):
    page = context.get("page")
    if page is None or page.pk is None:
        return
    name = convert_to_alias_menu_item_name()
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    if not allows_url(request.user, url):
        menu_items[:] = [item for item in menu_items if item.name != name]
