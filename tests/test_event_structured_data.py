"""schema.org Event data on event pages, checked against tests/schemas/event.schema.json."""

import json
from pathlib import Path

import jsonschema
import pytest
from lxml import html as lxml_html

from regions.models import RegionPage
from tests.events import add_event

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "event.schema.json").read_text())


def structured_data(client, event):
    tree = lxml_html.fromstring(client.get(event.url).content)
    (script,) = tree.xpath('//script[@type="application/ld+json"]')
    data = json.loads(script.text)
    jsonschema.validate(data, SCHEMA)
    return data


@pytest.fixture
def region(sv):
    return RegionPage.objects.get(locale=sv, slug="mellersta-norrland")


def test_an_event_at_a_venue_is_described_for_search_engines(client, region):
    data = structured_data(client, add_event(region, cost="450"))
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert data["location"]["address"]["addressLocality"] == "Sundsvall"
    assert data["organizer"]["name"] == region.host_organisation
    assert data["offers"]["price"] == "450.00"


def test_an_online_event_keeps_its_link_to_registrants(client, region):
    event = add_event(region, venue_name="", online_link="https://meet.example.org/hemlig")
    data = structured_data(client, event)
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert data["location"]["@type"] == "VirtualLocation"
    assert "hemlig" not in json.dumps(data)


def test_a_cancelled_hybrid_event_says_both(client, region):
    event = add_event(region, cancelled=True, online_link="https://meet.example.org/x")
    data = structured_data(client, event)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    assert len(data["location"]) == 2
