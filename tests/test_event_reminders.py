"""
The reminder before an event: one action in the organisers' admin view mails everyone
with a seat, in their own language, once; only those who may see the event's
registrations are offered it or allowed it.
"""

import pytest
from icalendar import Calendar

from django.core import mail

from events.models import Registration, RegistrationStatus
from regions.models import RegionPage
from tests.conftest import login
from tests.events import add_event
from tests.test_events import translate

pytestmark = pytest.mark.django_db

REMINDERS = "/admin/events/reminders/"


def registration(event, name, language="sv", status=RegistrationStatus.CONFIRMED):
    return Registration.objects.create(
        event=event,
        language=language,
        name=name,
        organisation="AB",
        email=f"{name.lower()}@example.org",
        consent=True,
        status=status,
    )


@pytest.fixture
def own_event(sv):
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    return add_event(region, days=1, online_link="https://meet.example.org/dag")


@pytest.fixture
def other_event(sv):
    region = RegionPage.objects.get(locale=sv, slug="ovre-norrland")
    return add_event(region, days=1, title="Mötesplats i Luleå", slug="motesplats-i-lulea")


def refused(response):
    """The admin's plain refusal: back to the dashboard, told so (or a bare 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def send_url(event):
    return f"{REMINDERS}{event.pk}/"


def test_the_reminder_mails_everyone_with_a_seat_with_time_place_link_and_ics(users, own_event):
    registration(own_event, "Karin")
    registration(own_event, "Vantande", status=RegistrationStatus.WAITING)
    registration(own_event, "Avbokad", status=RegistrationStatus.CANCELLED)
    response = login(users["region"]).post(send_url(own_event))
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["karin@example.org"]
    assert "Påminnelse" in message.subject and own_event.title in message.subject
    assert "Mittuniversitetet" in message.body and "https://meet.example.org/dag" in message.body
    assert "/event-registration/cancel/" in message.body
    (name, content, kind), *_ = message.attachments
    assert name.endswith(".ics") and kind == "text/calendar"
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert vevent.decoded("DTSTART") == own_event.start


def test_each_registrant_is_reminded_in_their_own_language(users, own_event, en):
    translate(own_event, en, {own_event.title: "Inspiration day in Östersund"})
    registration(own_event, "Svensk")
    registration(own_event, "English", language="en")
    login(users["office"]).post(send_url(own_event))
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Påminnelse" in by_address["svensk@example.org"].subject
    english = by_address["english@example.org"]
    assert english.subject == "Reminder: Inspiration day in Östersund"
    assert "/en/" in english.body


def test_a_second_click_mails_nobody_twice_and_the_admin_says_so(users, own_event):
    registration(own_event, "Karin")
    client = login(users["region"])
    client.post(send_url(own_event))
    assert len(mail.outbox) == 1
    listing = client.post(send_url(own_event), follow=True).content.decode()
    assert len(mail.outbox) == 1
    assert "redan" in listing  # "…has had the reminder already", in the editor's Swedish
    assert "Skickad" in listing and "Alla med en plats har fått den" in listing
    assert Registration.objects.get().reminded_at is not None
    # Someone who gets a seat afterwards is reminded with the next click, alone.
    registration(own_event, "Sen")
    client.post(send_url(own_event))
    assert [message.to for message in mail.outbox] == [["karin@example.org"], ["sen@example.org"]]


def test_a_node_is_refused_the_reminder_of_another_regions_event(users, own_event, other_event):
    registration(other_event, "Annan")
    client = login(users["region"])
    assert refused(client.post(send_url(other_event)))
    assert not mail.outbox
    assert Registration.objects.get().reminded_at is None
    listing = client.get(REMINDERS).content.decode()
    assert own_event.title in listing and other_event.title not in listing


def test_the_office_is_offered_every_regions_reminder(users, own_event, other_event):
    registration(other_event, "Annan")
    listing = login(users["office"]).get(REMINDERS).content.decode()
    assert own_event.title in listing and other_event.title in listing
    assert login(users["office"]).post(send_url(other_event)).status_code == 302
    assert len(mail.outbox) == 1


def test_a_translator_is_neither_offered_nor_allowed_reminders(users, own_event):
    registration(own_event, "Karin")
    client = login(users["translator"])
    assert refused(client.get(REMINDERS))
    assert refused(client.post(send_url(own_event)))
    assert not mail.outbox


def test_past_events_are_not_offered_a_reminder(users, sv):
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    past = add_event(region, days=-3, title="Förra veckans dag", slug="forra-veckans-dag")
    registration(past, "Karin")
    client = login(users["region"])
    assert past.title not in client.get(REMINDERS).content.decode()
    assert refused(client.post(send_url(past)))


def test_the_registrations_listing_leads_to_the_reminders(users):
    listing = login(users["region"]).get("/admin/snippets/events/registration/")
    assert REMINDERS in listing.content.decode()
