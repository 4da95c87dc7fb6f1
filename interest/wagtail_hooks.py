"""
Submissions in the admin: the programme office sees every node's, a regional group only
its own node's (in the listing, the detail view and the CSV and XLSX exports alike).
Nobody edits them: they are what the company sent. The exports hold text only, never a
formula (interest/spreadsheets.py).
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, InspectView, SnippetViewSet

from regions.models import RegionPage

from .models import Submission
from .spreadsheets import spreadsheet_text


def own_nodes(user):
    """The nodes (their Swedish pages) whose subtree ``user``'s groups may add pages to."""
    return RegionPage.objects.filter(
        locale=Locale.get_default(),
        group_permissions__group__user=user,
        group_permissions__permission__codename="add_page",
    )


def visible_submissions(user):
    everything = Submission.objects.select_related("county", "region")
    if user.is_superuser or user.has_perm("interest.view_every_submission"):
        return everything
    return everything.filter(region__in=own_nodes(user))


class VisibleOnlyInspectView(InspectView):
    """Shows an object only among those ``visible(user)`` lets the user see; else a 404."""

    visible = staticmethod(visible_submissions)

    def get_object(self, queryset=None):
        try:
            return self.visible(self.request.user).get(pk=self.pk)
        except (self.model.DoesNotExist, ValueError):
            raise Http404 from None


class SubmissionIndexView(IndexView):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_text(value) if isinstance(value, str) else value


class SubmissionViewSet(SnippetViewSet):
    model = Submission
    icon = "mail"
    menu_label = _("Interest")
    menu_order = 220
    add_to_admin_menu = True
    index_view_class = SubmissionIndexView
    inspect_view_enabled = True
    inspect_view_class = VisibleOnlyInspectView
    list_display = ["company_name", "county", "region", "created_at", "mail_status"]
    list_filter = ["mail_status", "county"]
    list_export = [
        "created_at",
        "company_name",
        "org_number",
        "county",
        "region",
        "employees",
        "contact_name",
        "email",
        "phone",
        "message",
        "language",
        "mail_status",
    ]
    export_filename = "intresseanmalningar"
    search_fields = ["company_name", "contact_name", "email", "org_number"]

    def get_queryset(self, request):
        return visible_submissions(request.user)


register_snippet(SubmissionViewSet)
