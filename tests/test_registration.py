"""
Registration on an event: a seat or the waiting list, the mail in the registrant's
language with the event as an .ics file and a signed cancel link; a cancellation moves the
first waiting registrant up. The event page stays in the page cache; the seats left are
read fresh.
"""

import pytest
from icalendar import Calendar

from django.core import mail
from django.core.cache import cache

from events.models import Registration, RegistrationStatus
from regions.models import RegionPage
from tests.admin_forms import form_fields
from tests.events import add_event, in_days
from tests.test_events import translate

pytestmark = pytest.mark.django_db

PERSON = {
    "name": "Karin Berg",
    "organisation": "Östersunds Svets AB",
    "email": "karin@example.org",
    "needs": "Vegetariskt",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def fill_time_and_rate(settings):
    settings.INTEREST_MIN_FILL_SECONDS = 0
    cache.clear()


@pytest.fixture
def region(sv):
    return RegionPage.objects.get(locale=sv, slug="mellersta-norrland")


@pytest.fixture
def event(region):
    return add_event(region, capacity=2, online_link="https://meet.example.org/dag")


def register_url(event, prefix=""):
    return f"{prefix}/event-registration/{event.pk}/"


def register(client, url, **changes):
    data = form_fields(client.get(url).content)
    data.update({**PERSON, **changes})
    return client.post(url, data)


def cancel_link(message):
    return next(line for line in message.body.splitlines() if "/cancel/" in line)


def test_a_registration_takes_a_seat_and_the_mail_brings_the_event(client, event):
    response = register(client, register_url(event))
    assert response.status_code == 302 and "?registration=" in response["Location"]
    registration = Registration.objects.get(email=PERSON["email"])
    assert registration.status == RegistrationStatus.CONFIRMED
    (message,) = mail.outbox
    assert message.to == [PERSON["email"]]
    assert event.title in message.subject and "plats" in message.subject
    # Only registrants are told the online link.
    assert "https://meet.example.org/dag" in message.body
    assert "Karin" not in message.body  # nothing typed is repeated to the address given
    (name, content, kind), *_ = message.attachments
    assert name.endswith(".ics") and kind == "text/calendar"
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent.decoded("DTSTART") == event.start


def test_when_the_seats_are_taken_registrations_go_to_the_waiting_list(client, event):
    for number in range(3):
        register(client, register_url(event), email=f"p{number}@example.org")
    statuses = list(Registration.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "waiting"]
    assert "reservlista" in mail.outbox[-1].subject
    assert not mail.outbox[-1].attachments


def test_cancelling_moves_the_first_waiting_registrant_up_and_mails_them(client, event):
    for number in range(4):
        register(client, register_url(event), email=f"p{number}@example.org")
    link = cancel_link(mail.outbox[0])
    path = link.split("testserver", 1)[-1] if "testserver" in link else link
    assert "Avboka" in client.get(path).content.decode()
    mail.outbox.clear()
    assert client.post(path).status_code == 200
    first, _second, third, fourth = Registration.objects.order_by("pk")
    assert first.status == RegistrationStatus.CANCELLED
    assert third.status == RegistrationStatus.CONFIRMED
    assert fourth.status == RegistrationStatus.WAITING
    (message,) = mail.outbox
    assert message.to == ["p2@example.org"] and message.attachments
    # A second click changes nothing more.
    client.post(path)
    assert Registration.objects.get(pk=fourth.pk).status == RegistrationStatus.WAITING


def test_an_altered_cancel_link_finds_nothing(client):
    assert client.get("/event-registration/cancel/1:made-up/").status_code == 404


def test_an_english_registrant_gets_english_mail_and_shares_the_seats(client, event, en):
    english = translate(event, en, {event.title: "Inspiration day in Sundsvall"})
    register(client, register_url(english, "/en"))
    (message,) = mail.outbox
    assert "Inspiration day in Sundsvall" in message.subject
    assert "Your seat" in message.subject
    assert Registration.objects.get().event_id == event.pk


def test_the_event_page_is_served_from_the_page_cache_and_seats_are_fresh(client, event):
    assert client.get(event.url)["X-Page-Cache"] == "miss"
    assert client.get(event.url)["X-Page-Cache"] == "hit"
    seats_url = f"/event-registration/{event.pk}/seats/"
    assert 'data-seats-url="' + seats_url in client.get(event.url).content.decode()
    assert "2 platser kvar" in client.get(seats_url).content.decode()
    register(client, register_url(event))
    response = client.get(seats_url)
    assert "1 plats kvar" in response.content.decode()
    assert "public" not in response["Cache-Control"] and "max-age=5" in response["Cache-Control"]
    assert client.get(event.url)["X-Page-Cache"] == "hit"


def thank_you(client, response):
    """The page a registration's redirect leads to, and its text."""
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    return page, page.content.decode()


def test_the_thank_you_says_a_seat_was_taken(client, event):
    page, text = thank_you(client, register(client, register_url(event)))
    assert "Du har en plats" in text and "reservlistan" not in text
    # One registrant's answer is kept by no cache on the way.
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    assert "X-Page-Cache" not in page
    assert PERSON["email"] not in text and PERSON["name"] not in text


def test_the_thank_you_gives_the_place_on_the_waiting_list(client, event):
    for number in range(3):
        register(client, register_url(event), email=f"p{number}@example.org")
    _page, text = thank_you(client, register(client, register_url(event)))
    assert "Du står på reservlistan" in text and "nummer 2 på reservlistan" in text
    assert "Du har en plats" not in text
    # Nothing of the others who registered.
    assert "p0@example.org" not in text and PERSON["organisation"] not in text


def test_the_thank_you_speaks_english_to_an_english_registrant(client, event, en):
    english = translate(event, en, {event.title: "Inspiration day in Sundsvall"})
    _page, text = thank_you(client, register(client, register_url(english, "/en")))
    assert "You have a seat" in text and "waiting list" not in text
    register(client, register_url(english, "/en"), email="second@example.org")
    _page, text = thank_you(
        client, register(client, register_url(english, "/en"), email="third@example.org")
    )
    assert "You are on the waiting list" in text and "number 1 on the waiting list" in text


def test_the_thank_you_link_shows_only_its_own_event_and_cannot_be_made_up(client, event, region):
    response = register(client, register_url(event))
    token = response["Location"].split("?registration=")[1]
    other = add_event(region)
    for url in (
        f"{register_url(other)}?registration={token}",
        f"{register_url(event)}?registration=1:made-up",
    ):
        text = client.get(url).content.decode()
        assert "Du har en plats" not in text and "reservlistan" not in text.split("<form")[0]


def test_spam_is_thanked_in_words_that_tell_nothing(client, event):
    response = register(client, register_url(event), website="http://spam")
    _page, text = thank_you(client, response)
    assert response["Location"].endswith("?sent=1")
    assert "Tack – din anmälan har kommit fram" in text and "Du har en plats" not in text


def test_registration_is_refused_once_closed(client, region):
    event = add_event(region, registration_deadline=in_days(-1), days=3)
    response = client.post(register_url(event), PERSON)
    assert response.status_code == 409
    assert not Registration.objects.exists()


def test_the_honeypot_and_missing_consent_keep_registrations_out(client, event):
    assert register(client, register_url(event), website="http://spam").status_code == 302
    response = register(client, register_url(event), consent="")
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_a_replayed_form_registers_once(client, event):
    data = form_fields(client.get(register_url(event)).content)
    data.update(PERSON)
    client.post(register_url(event), data)
    client.post(register_url(event), data)
    assert Registration.objects.count() == 1
