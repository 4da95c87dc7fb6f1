"""
Registrations in the admin: the programme office sees every event's, a node's editors only
those of the events in their own region (in the listing, the detail view and the CSV and
XLSX exports alike), as with interest submissions. Nobody edits them: they are what the
participant sent. Cells of the exports are text, never a formula.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from interest.wagtail_hooks import SubmissionIndexView, VisibleOnlyInspectView, own_nodes

from .models import Registration


def visible_registrations(user):
    everything = Registration.objects.select_related("event")
    if user.is_superuser or user.has_perm("events.view_every_registration"):
        return everything
    in_own_nodes = Q(pk__in=[])
    for node in own_nodes(user):
        in_own_nodes |= Q(event__path__startswith=node.path)
    return everything.filter(in_own_nodes)


class RegistrationInspectView(VisibleOnlyInspectView):
    visible = staticmethod(visible_registrations)


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "date"
    menu_label = _("Registrations")
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = SubmissionIndexView
    inspect_view_enabled = True
    inspect_view_class = RegistrationInspectView
    list_display = ["name", "organisation", "event", "status", "created_at"]
    list_filter = ["status"]
    list_export = [
        "created_at",
        "event",
        "status",
        "name",
        "organisation",
        "email",
        "needs",
        "language",
        "cancelled_at",
    ]
    export_filename = "anmalningar"
    search_fields = ["name", "organisation", "email"]

    def get_queryset(self, request):
        return visible_registrations(request.user)


register_snippet(RegistrationViewSet)
