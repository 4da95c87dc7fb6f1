"""
Seats and the waiting list. Every change to who holds a seat locks the event's row first
(``select_for_update``), so that of any number of people registering for the last seats
at once, no more are confirmed than there are seats, on PostgreSQL and on SQLite (whose
transactions here take the write lock at their start: settings' IMMEDIATE mode).
"""

from django.core import signing
from django.db import models, transaction
from django.utils import timezone

from memory.site import source_locale

from .models import EventPage, Registration, RegistrationStatus

CANCEL_SALT = "event-registration-cancel"
# The thank-you page's own link: it shows where a registration stands, and cannot cancel.
OUTCOME_SALT = "event-registration-outcome"
OUTCOME_MAX_AGE = 60 * 60 * 24


def source_event(event):
    """The Swedish source of ``event`` (itself when it is one): registrations live there."""
    if event.locale_id == source_locale().pk:
        return event
    return EventPage.objects.get(translation_key=event.translation_key, locale=source_locale())


def seats_left(event):
    """Free seats of ``event`` now, or ``None`` when it has no limit."""
    event = source_event(event)
    if event.capacity is None:
        return None
    taken = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    return max(event.capacity - taken, 0)


def register(event, **details):
    """A seat for the person if one is free, else a place on the waiting list."""
    with transaction.atomic():
        event = EventPage.objects.select_for_update().get(pk=source_event(event).pk)
        full = event.capacity is not None and (
            event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
            >= event.capacity
        )
        return Registration.objects.create(
            event=event,
            status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
            **details,
        )


def cancel(registration):
    """
    Cancel ``registration``; a seat it held goes to the first on the waiting list, who is
    returned (or None).
    """
    with transaction.atomic():
        event = EventPage.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return None
        held_seat = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if not held_seat or event.is_over():
            return None
        first = event.registrations.filter(status=RegistrationStatus.WAITING).first()
        if first is not None:
            first.status = RegistrationStatus.CONFIRMED
            first.save(update_fields=["status"])
        return first


def cancel_token(registration):
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def registration_for_token(token):
    """The registration a cancel link names, or None for a link altered or made up."""
    try:
        pk = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("event").filter(pk=pk).first()


def waiting_place(registration):
    """``registration``'s place on its event's waiting list, counting from 1."""
    earlier = Registration.objects.filter(
        event_id=registration.event_id, status=RegistrationStatus.WAITING
    ).filter(
        models.Q(created_at__lt=registration.created_at)
        | models.Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return earlier.count() + 1


def outcome_token(registration):
    return signing.dumps(registration.pk, salt=OUTCOME_SALT)


def registration_for_outcome(token, event):
    """
    The registration for ``event`` that a thank-you link names, or None for a link
    altered, made up, of another event, or older than OUTCOME_MAX_AGE.
    """
    try:
        pk = signing.loads(token, salt=OUTCOME_SALT, max_age=OUTCOME_MAX_AGE)
    except signing.BadSignature:
        return None
    return Registration.objects.filter(pk=pk, event=source_event(event)).first()
