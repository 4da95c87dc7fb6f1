"""Barrier reports in the admin: the programme office reads them; nobody edits them."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BarrierReport


class BarrierReportViewSet(SnippetViewSet):
    model = BarrierReport
    icon = "warning"
    menu_label = _("Barrier reports")
    menu_order = 230
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["description", "address", "language", "created_at", "mailed"]
    list_filter = ["mailed", "language"]
    search_fields = ["description", "address", "email"]


register_snippet(BarrierReportViewSet)
