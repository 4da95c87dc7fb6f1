"""
Registration for an event, beside its page: the event page itself is the same for every
visitor and served from the page cache; the form (with its CSRF and single-use tokens),
the seats left and the cancel link are answered here, fresh.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from interest.views import serve_guarded_form
from memory.site import public

from . import mail, registration
from .forms import RegistrationForm
from .models import EventPage, RegistrationStatus

SEATS_FRESH_SECONDS = 5


def shown_event(pk):
    """The live, public event ``pk``, in the visitor's language where it is translated."""
    event = get_object_or_404(public(EventPage.objects.live()), pk=pk)
    return mail.in_language(event, translation.get_language())


class RegistrationPage:
    """
    What serve_guarded_form renders: the event, its seats and the form; after a
    registration, where it stands (``outcome``), for the one who holds its link only.
    """

    def __init__(self, event):
        self.event = event
        self.url = reverse("event_registration", args=[event.pk])

    def outcome(self, request):
        token = request.GET.get("registration")
        if request.method not in ("GET", "HEAD") or not token:
            return None
        kept = registration.registration_for_outcome(token, self.event)
        if kept is None:
            return None
        return {
            "status": kept.status,
            "waiting_place": (
                registration.waiting_place(kept)
                if kept.status == RegistrationStatus.WAITING
                else None
            ),
        }

    def get_context(self, request):
        context = self.event.get_context(request)
        context.update(
            event=self.event,
            seats_left=registration.seats_left(self.event),
            registration_open=self.event.registration_open(),
            outcome=self.outcome(request),
        )
        return context

    def get_template(self, request):
        return "events/registration_page.html"


@require_http_methods(["GET", "HEAD", "POST"])
def register(request, pk):
    event = shown_event(pk)
    page = RegistrationPage(event)
    if request.method == "POST" and not event.registration_open():
        return TemplateResponse(
            request, page.get_template(request), page.get_context(request), status=409
        )

    def accept(data):
        kept = registration.register(
            event,
            language=translation.get_language(),
            name=data["name"],
            organisation=data["organisation"],
            email=data["email"],
            needs=data["needs"],
            consent=data["consent"],
        )
        kind = "confirmed" if kept.status == RegistrationStatus.CONFIRMED else "waiting"
        mail.send(kept, kind)
        # The thank-you says where this registration stands; spam and replays get the
        # plain one (?sent=1), which tells nothing.
        return f"{page.url}?registration={registration.outcome_token(kept)}"

    response = serve_guarded_form(
        page, request, RegistrationForm, "event-registration", accept, f"{page.url}?sent=1"
    )
    if "registration" in request.GET:
        # One registrant's answer: neither the page cache (which keeps no page with a
        # parameter it does not know) nor Varnish, a CDN or a shared browser may keep it.
        patch_cache_control(response, private=True, no_store=True)
    return response


def seats(request, pk):
    """The seats left, as a line of text the event page fetches: fresh within seconds."""
    event = shown_event(pk)
    left = registration.seats_left(event)
    if not event.registration_open():
        text = _("Registration is closed.")
    elif left is None:
        text = _("Seats are available.")
    elif left == 0:
        text = _("The event is full: new registrations go to the waiting list.")
    else:
        text = ngettext("%(count)s seat left.", "%(count)s seats left.", left) % {"count": left}
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    # Not "public": the page cache keeps only public answers, and keeps them long.
    patch_cache_control(response, max_age=SEATS_FRESH_SECONDS)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, token):
    """A signed link from the mail: shown with a button (so a mail scanner cancels nothing)."""
    found = registration.registration_for_token(token)
    if found is None:
        raise Http404
    event = mail.in_language(found.event, translation.get_language())
    done = found.status == RegistrationStatus.CANCELLED
    if request.method == "POST" and not done:
        promoted = registration.cancel(found)
        if promoted is not None:
            mail.send(promoted, "promoted")
        done = True
    context = {"page": event, "event": event, "done": done, "request": request}
    return TemplateResponse(request, "events/cancel_page.html", context)
