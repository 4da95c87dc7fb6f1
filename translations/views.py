"""The translation status report in the Wagtail admin (Reports → Translation status)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from . import permissions
from .status import Action, Status, site_translation_status, summary


class TranslationStatusReportView(ReportView):
    """
    Every Swedish page and snippet in every other language, in the states of
    ``translations.status``, with counts, filters, and for each row the next step, where
    the viewer may take it.
    """

    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "translation_status_report"
    index_results_url_name = "translation_status_report_results"
    results_template_name = "translations/admin/translation_status_results.html"
    paginate_by = 100
    list_export = ["title", "type_name", "language", "status_label"]
    export_headings = {
        "title": _("Title"),
        "type_name": _("Type"),
        "language": _("Language"),
        "status_label": _("Status"),
    }

    def get_queryset(self):
        rows = site_translation_status(self.chosen_locales())
        self.counts = summary(rows)
        status = self.request.GET.get("status")
        if status in Status.values:
            rows = [row for row in rows if row.status == status]
        kind = self.request.GET.get("kind")
        if kind in {"page", "snippet"}:
            rows = [row for row in rows if row.kind == kind]
        return rows

    def chosen_locales(self):
        code = self.request.GET.get("language")
        if code:
            return list(
                Locale.objects.filter(language_code=code).exclude(pk=Locale.get_default().pk)
            )
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for row in context["object_list"]:
            row.offered = offered_action(self.request.user, row)
        context.update(
            counts=self.counts,
            statuses=Status.choices,
            chosen_status=self.request.GET.get("status", ""),
            chosen_kind=self.request.GET.get("kind", ""),
            languages=Locale.objects.exclude(pk=Locale.get_default().pk),
        )
        return context


def offered_action(user, row):
    """(label, url) of the row's next step as this user may take it, or None."""
    if row.action == Action.TRANSLATE:
        allowed = permissions.can_translate_into(user, row.source, row.locale)
        return (Action.TRANSLATE.label, row.action_url) if allowed else None
    if not permissions.can_edit(user, row.translation):
        return None
    if row.action in {Action.PUBLISH, Action.REVIEW} and not permissions.can_publish(
        user, row.translation
    ):
        if row.action == Action.REVIEW:
            return None
        return Action.SUBMIT.label, row.action_url
    return row.action_label, row.action_url
