"""
Admin rules and views that hold for every translatable model: the Swedish source of a
snippet may be edited only by those allowed to edit the source language, and the
translation status report with its dashboard panel.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, TranslatableMixin

from .admin_views import TranslationStatusReportView
from .translation_status import site_translation_status, summary

SOURCE_LANGUAGE_PERMISSION = "home.edit_source_language"


def may_edit_source(user):
    return user.has_perm(SOURCE_LANGUAGE_PERMISSION)


def refuse_source_edits(request, objects):
    default = Locale.get_default()
    for obj in objects:
        if (
            isinstance(obj, TranslatableMixin)
            and obj.locale_id == default.pk
            and not may_edit_source(request.user)
        ):
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
    if not code or code == Locale.get_default().language_code:
        raise PermissionDenied


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
    ]


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem(
        _("Translation status"), reverse("translation_status_report"), icon_name="globe", order=900
    )


class TranslationStatusPanel(Component):
    """A dashboard summary: per language, how many items are missing, draft, out of date."""

    name = "translation_status"
    order = 60
    template_name = "home/admin/translation_status_panel.html"

    def get_context_data(self, parent_context=None):
        return {"counts": summary(site_translation_status())}


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(TranslationStatusPanel())
