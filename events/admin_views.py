"""
The organisers' reminders in the admin: each upcoming event whose registrations the user
may see, with how many hold a seat and whether they have been reminded, and one action
that sends the reminder. Nobody else is offered it, nor allowed it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import RegistrationStatus
from .organisers import organised_events
from .reminders import reminder_state, send_reminders


def upcoming_organised_events(user):
    return organised_events(user).filter(cancelled=False).upcoming(timezone.now())


class ReminderIndexView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Reminders")
    header_icon = "mail"
    template_name = "events/admin/reminders.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.view_registration"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailsnippets_events_registration:list"),
                "label": gettext_lazy("Registrations"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        seats = Q(registrations__status=RegistrationStatus.CONFIRMED)
        events = upcoming_organised_events(self.request.user).annotate(
            confirmed=Count("registrations", filter=seats),
            reminded=Count(
                "registrations", filter=seats & Q(registrations__reminded_at__isnull=False)
            ),
            last=Max("registrations__reminded_at", filter=seats),
        )
        # One query for the lot, however many events a node has coming.
        context["events"] = [
            (event, {name: getattr(event, name) for name in ("confirmed", "reminded", "last")})
            for event in events
        ]
        return context


@require_POST
def send_reminder(request, pk):
    event = upcoming_organised_events(request.user).filter(pk=pk).first()
    if event is None:
        raise PermissionDenied
    sent = send_reminders(event)
    state = reminder_state(event)
    names = {"title": event.title, "count": sent}
    if sent:
        text = ngettext(
            "The reminder for “%(title)s” was sent to %(count)s participant.",
            "The reminder for “%(title)s” was sent to %(count)s participants.",
            sent,
        )
        messages.success(request, text % names)
    elif not state["confirmed"]:
        messages.info(request, _("Nobody has a seat at “%(title)s”: nobody was mailed.") % names)
    elif state["reminded"] == state["confirmed"]:
        text = _(
            "Nobody was mailed for “%(title)s”: everyone with a seat has had the reminder already."
        )
        messages.info(request, text % names)
    else:
        messages.error(request, _("The reminder for “%(title)s” could not be sent.") % names)
    return redirect("event_reminders")
