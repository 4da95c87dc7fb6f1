"""The translation status report in the Wagtail admin (Reports → Translation status)."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail_localize.models import Translation

from memory.site import source_locale

from . import editor, listing, permissions, review, store
from .status import Action, Status


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
    list_export = ["title", "type_label", "language", "status_label"]
    export_headings = {
        "title": _("Title"),
        "type_label": _("Type"),
        "language": _("Language"),
        "status_label": _("Status"),
    }

    def get_queryset(self):
        states = store.states(self.chosen_locales())
        self.counts = store.summary(states)
        status = self.request.GET.get("status")
        if status in Status.values:
            states = states.filter(status=status)
        kind = self.request.GET.get("kind")
        if kind in {"page", "snippet"}:
            states = states.filter(kind=kind)
        return states

    def chosen_locales(self):
        code = self.request.GET.get("language")
        if code:
            return list(Locale.objects.filter(language_code=code).exclude(pk=source_locale().pk))
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object_list"] = store.with_objects(context["object_list"], specific=False)
        # Sync and the editor lead back here when done (their ``next``).
        query = self.request.GET.urlencode()
        here = reverse(self.index_url_name) + (f"?{query}" if query else "")
        for row in context["object_list"]:
            row.offered = offered_action(self.request.user, row)
            if row.offered and row.action != Action.TRANSLATE:
                row.offered = (row.offered[0], editor.with_next(row.offered[1], here))
        context.update(
            counts=self.counts,
            statuses=Status.choices,
            chosen_status=self.request.GET.get("status", ""),
            chosen_kind=self.request.GET.get("kind", ""),
            languages=Locale.objects.exclude(pk=source_locale().pk),
        )
        return context


def offered_action(user, row):
    """(label, url) of the row's next step as this user may take it, or None."""
    if row.action == Action.TRANSLATE:
        if row.kind == "page":  # asked once per parent and language (listing.py)
            allowed = listing.may_translate(user, row.source, row.locale, row.translation_id)
        else:
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


def review_panel(request, translation_id):
    """The translation editor's review panel as it is now, for review-panel.js to redraw
    it as the strings are translated (the editor saves each one on its own)."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if not permissions.can_edit(request.user, target):
        raise PermissionDenied
    next_url = editor.safe_next(request)
    return TemplateResponse(
        request,
        "translations/admin/review_panel.html",
        {
            "review": review.review_state(request.user, translation, target),
            "review_url": editor.with_next(request.path, next_url),
            "editor_url": editor.edit_url(target),
            "next_url": next_url,
        },
    )
