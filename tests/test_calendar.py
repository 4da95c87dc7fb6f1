"""The calendar of each language, its filters, and the next events on region and home pages."""

import pytest

from events.models import EVENTS_PER_PAGE, EventIndexPage
from regions.models import County, RegionPage
from tests.events import add_event, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(sv):
    return RegionPage.objects.get(locale=sv, slug="mellersta-norrland")


@pytest.fixture
def other_region(sv):
    return RegionPage.objects.get(locale=sv, slug="ovre-norrland")


@pytest.fixture
def calendar(sv):
    return EventIndexPage.objects.get(locale=sv)


def section(html, heading_id):
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_the_calendars_live_at_their_addresses(client):
    assert client.get("/kalender/").status_code == 200
    response = client.get("/en/events/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_upcoming_events_come_first_soonest_first_and_past_ones_after(client, region, calendar):
    later = add_event(region, days=30, title="Senare dag")
    sooner = add_event(calendar, days=3, title="Tidigare dag")
    over = add_event(region, days=-30, title="Förbi dag")
    html = client.get(calendar.url).content.decode()
    upcoming = section(html, "upcoming-heading")
    assert upcoming.index(sooner.title) < upcoming.index(later.title)
    assert over.title not in upcoming
    assert over.title in section(html, "past-heading")


def test_the_archive_of_past_events_is_paged(client, region, calendar):
    for days in range(EVENTS_PER_PAGE + 2):
        add_event(region, days=-10 - days, title=f"Passerad {days}")
    html = client.get(calendar.url, {"past": "2"}).content.decode()
    past = section(html, "past-heading")
    assert "Passerad 13" in past and "Passerad 0" not in past
    assert "Sida 2 av 2" in past


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"region": "mellersta-norrland"}, {"Östersund"}),
        ({"county": "25"}, {"Luleå"}),
        ({"kind": "webinar"}, {"Webbinarium"}),
        ({"month": "2031-02"}, {"Luleå"}),
    ],
)
def test_filters_choose_events(client, region, other_region, calendar, query, shown):
    add_event(region, days=40, title="Östersund", county=County.objects.get(code="23"))
    add_event(
        other_region,
        start=in_days(0).replace(year=2031, month=2, day=3),
        title="Luleå",
        county=County.objects.get(code="25"),
    )
    add_event(calendar, days=50, title="Webbinarium", kind="webinar", online_link="https://x.se")
    html = client.get(calendar.url, query).content.decode()
    upcoming = section(html, "upcoming-heading")
    listed = {title for title in ("Östersund", "Luleå", "Webbinarium") if f">{title}<" in upcoming}
    assert listed == shown


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "fest"},
        {"month": "snart"},
        {"month": "2031-13"},
        {"county": "99"},
        {"region": "atlantis"},
        {"page": "abc", "past": "-1"},
        {"month": "0000-01"},
        {"region": ["a", "b"]},
    ],
)
def test_a_filter_not_understood_is_said_plainly_and_never_an_error(client, calendar, query):
    response = client.get(calendar.url, query)
    assert response.status_code == 200
    html = response.content.decode()
    if set(query) - {"page", "past"}:
        assert "Förstod inte, och utelämnade" in html


def test_a_region_page_shows_its_own_next_events(client, region, other_region):
    own = add_event(region, days=5, title="Egen mötesplats")
    other = add_event(other_region, days=5, title="Annans mötesplats")
    add_event(region, days=-5, title="Gammal mötesplats")
    html = client.get(region.url).content.decode()
    assert own.title in html
    assert other.title not in html and "Gammal mötesplats" not in html


def test_the_home_page_shows_the_next_three_events(client, region, calendar):
    titles = [add_event(region, days=days, title=f"Kommande {days}").title for days in (2, 4, 6, 8)]
    html = client.get("/").content.decode()
    assert all(title in html for title in titles[:3])
    assert titles[3] not in html
    assert 'href="/kalender/"' in html
