"""The translation status report in the Wagtail admin (Reports → Translation status)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from .translation_status import Status, site_translation_status, summary


class TranslationStatusReportView(ReportView):
    """
    Every Swedish page and snippet in every other language: missing, draft, out of date
    or up to date, with counts, filters and a link to the action that fixes each one.
    """

    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "translation_status_report"
    index_results_url_name = "translation_status_report_results"
    results_template_name = "home/admin/translation_status_results.html"
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
        context.update(
            counts=self.counts,
            statuses=Status.choices,
            chosen_status=self.request.GET.get("status", ""),
            chosen_kind=self.request.GET.get("kind", ""),
            languages=Locale.objects.exclude(pk=Locale.get_default().pk),
        )
        return context
