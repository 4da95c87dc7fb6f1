"""
Registrations in the admin: the programme office sees every event's, a node's editors only
those of the events in their own region (in the listing, the detail view and the CSV and
XLSX exports alike), as with interest submissions. Nobody edits them: they are what the
participant sent. Cells of the exports are text, never a formula. From the listing, the
same people send each upcoming event's reminder (admin_views.py).
"""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from interest.wagtail_hooks import SubmissionIndexView, VisibleOnlyInspectView

from .admin_views import ReminderIndexView, send_reminder
from .models import Registration
from .organisers import visible_registrations


@hooks.register("register_admin_urls")
def reminder_urls():
    return [
        path("events/reminders/", ReminderIndexView.as_view(), name="event_reminders"),
        path("events/reminders/<int:pk>/", send_reminder, name="event_reminder_send"),
    ]


class RegistrationIndexView(SubmissionIndexView):
    @cached_property
    def header_buttons(self):
        reminders = HeaderButton(_("Reminders"), url=reverse("event_reminders"), icon_name="mail")
        return [*super().header_buttons, reminders]


class RegistrationInspectView(VisibleOnlyInspectView):
    visible = staticmethod(visible_registrations)


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "date"
    menu_label = _("Registrations")
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
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
