"""
Mail to a registrant, in the language they registered in: their seat with the event as
an .ics file, their place on the waiting list, the seat that came free for them, or the
reminder before the event; each with the signed link that cancels. Like the interest form's receipt it repeats nothing
the visitor typed, and one mailbox gets at most INTEREST_RECEIPTS_PER_DAY of them.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from errands import Undelivered, errand, later
from home.identity import site_name
from interest.mail import DAY, one_line
from limits import counters

from . import calendar
from .models import Registration, RegistrationStatus
from .registration import cancel_token

logger = logging.getLogger(__name__)

TEMPLATES = {
    "confirmed": "events/mail/confirmed",
    "waiting": "events/mail/waiting",
    "promoted": "events/mail/promoted",
    "reminder": "events/mail/reminder",
}


def in_language(event, language):
    """``event`` in ``language`` where it is translated and live, else as it is."""
    return (
        event.get_translations(inclusive=True)
        .live()
        .filter(locale__language_code=language)
        .specific()
        .first()
        or event
    )


def message(registration, kind):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(registration.language):
        event = in_language(registration.event, registration.language)
        context = {
            "event": event,
            "event_url": event.get_full_url(),
            "cancel_url": base
            + reverse("event_registration_cancel", args=[cancel_token(registration)]),
            "site_name": site_name(),
        }
        mail = EmailMessage(
            subject=one_line(render_to_string(TEMPLATES[kind] + "_subject.txt", context)),
            body=render_to_string(TEMPLATES[kind] + ".txt", context),
            to=[registration.email],
        )
        if registration.status == RegistrationStatus.CONFIRMED:
            ics = calendar.event_file(event, context["event_url"], event.online_link)
            mail.attach(f"{event.slug}.ics", ics, "text/calendar")
    return mail


def send(registration, kind):
    """
    Hand the mail of ``kind`` to the worker (errands/), which sends it and tries again
    while the mail server does not take it: the registration stands, and the visitor is
    answered, whatever the mail server does. False when the address had its
    INTEREST_RECEIPTS_PER_DAY today, and nothing is sent.
    """
    if counters.exceeded(
        "event-receipts", registration.email.lower(), settings.INTEREST_RECEIPTS_PER_DAY, DAY
    ):
        logger.warning("No mail for registration %s: its address had enough today", registration.pk)
        return False
    later(mail_registration, registration.pk, kind)
    return True


@errand
def mail_registration(registration_pk, kind):
    """The worker's mail of ``kind`` to a registrant, tried again on failure."""
    registration = Registration.objects.select_related("event").filter(pk=registration_pk).first()
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        return  # deleted, or cancelled since: nothing to tell them
    try:
        message(registration, kind).send()
    except Exception as error:
        raise Undelivered(
            f"mail of event registration {registration_pk}: {type(error).__name__}: {error}"
        ) from error
