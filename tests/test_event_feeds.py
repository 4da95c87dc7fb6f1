"""
The calendar feeds parse back as valid iCalendar: a time zone, stable UIDs, SEQUENCE raised
when an event changes, cancelled events marked so; per language, per region, per event.
"""

import pytest
from icalendar import Calendar

from events.models import EventIndexPage
from regions.models import RegionPage
from tests.events import add_event, in_days
from tests.test_events import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(sv):
    return RegionPage.objects.get(locale=sv, slug="mellersta-norrland")


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events_of(cal):
    return {str(item["SUMMARY"]): item for item in cal.walk("VEVENT")}


def test_the_feed_is_valid_icalendar_with_stockholm_time(client, region):
    event = add_event(region, online_link="https://meet.example.org/hemlig")
    cal = parsed(client, "/events.ics")
    assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Stockholm"
    item = events_of(cal)[event.title]
    assert item.decoded("DTSTART") == event.start
    assert item["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert str(item["URL"]).endswith(event.url)
    assert b"hemlig" not in client.get("/events.ics").content  # registrants only


def test_uids_are_stable_and_the_same_in_both_languages(client, region, en):
    event = add_event(region)
    english = translate(event, en, {event.title: "Inspiration day"})
    sv_uid = events_of(parsed(client, "/events.ics"))[event.title]["UID"]
    en_cal = parsed(client, "/en/events.ics")
    assert event.title not in events_of(en_cal), "each language's feed holds its own"
    assert events_of(en_cal)[english.title]["UID"] == sv_uid
    assert events_of(parsed(client, "/events.ics"))[event.title]["UID"] == sv_uid


def test_a_changed_time_raises_the_sequence_and_a_cancelled_event_says_so(client, region):
    event = add_event(region)
    before = int(events_of(parsed(client, "/events.ics"))[event.title]["SEQUENCE"])
    event.start, event.end = in_days(12), in_days(12, hour=15)
    event.save_revision().publish()
    item = events_of(parsed(client, "/events.ics"))[event.title]
    assert int(item["SEQUENCE"]) == before + 1
    event.introduction = "Ny text, samma tid."
    event.save_revision().publish()
    assert int(events_of(parsed(client, "/events.ics"))[event.title]["SEQUENCE"]) == before + 1
    event.cancelled = True
    event.save_revision().publish()
    item = events_of(parsed(client, "/events.ics"))[event.title]
    assert str(item["STATUS"]) == "CANCELLED" and int(item["SEQUENCE"]) == before + 2


def test_a_regions_feed_holds_only_its_events(client, region, sv):
    own = add_event(region)
    national = add_event(EventIndexPage.objects.get(locale=sv))
    titles = events_of(parsed(client, "/events/mellersta-norrland.ics"))
    assert own.title in titles and national.title not in titles
    assert client.get("/events/atlantis.ics").status_code == 404


def test_one_event_as_a_file_and_the_links_that_offer_it(client, region, sv):
    event = add_event(region)
    (item,) = parsed(client, f"/event/{event.pk}.ics").walk("VEVENT")
    assert str(item["SUMMARY"]) == event.title
    assert f'href="/event/{event.pk}.ics"' in client.get(event.url).content.decode()
    calendar_page = client.get(EventIndexPage.objects.get(locale=sv).url).content.decode()
    assert 'href="/events.ics"' in calendar_page
    assert 'href="/events/mellersta-norrland.ics"' in client.get(region.url).content.decode()
