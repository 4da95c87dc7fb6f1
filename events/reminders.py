"""
The reminder before an event, sent by its organiser with one action in the admin: one
mail to each registrant with a seat, each marked as reminded before it goes, so that a
second click (or two at once) mails nobody twice.
"""

from django.utils import timezone

from . import mail
from .models import Registration, RegistrationStatus
from .registration import source_event


def reminder_state(event):
    """Of ``event``'s seats: how many are held, how many reminded, and when last."""
    confirmed = source_event(event).registrations.filter(status=RegistrationStatus.CONFIRMED)
    reminded = confirmed.exclude(reminded_at=None)
    last = reminded.order_by("-reminded_at").values_list("reminded_at", flat=True).first()
    return {"confirmed": confirmed.count(), "reminded": reminded.count(), "last": last}


def send_reminders(event):
    """Mail the reminder to each of ``event``'s registrants with a seat not yet reminded."""
    sent = 0
    waiting_for_one = source_event(event).registrations.filter(
        status=RegistrationStatus.CONFIRMED, reminded_at=None
    )
    for registration in waiting_for_one:
        # Claimed first: whichever click marks the row sends its mail, the other skips it.
        claimed = Registration.objects.filter(pk=registration.pk, reminded_at=None).update(
            reminded_at=timezone.now()
        )
        if not claimed:
            continue
        if mail.send(registration, "reminder"):  # to the worker, which tries again
            sent += 1
        else:  # the address had enough mail today: the next click tries again
            Registration.objects.filter(pk=registration.pk).update(reminded_at=None)
    return sent
