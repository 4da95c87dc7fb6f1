"""Event pages: where they live, who may write them, what crosses languages, what visitors see."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from wagtail.models import Page, WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation, TranslationSource

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from regions.counties import COUNTIES
from regions.models import County, RegionPage
from regions.municipalities import MUNICIPALITIES
from tests.admin_forms import form_data
from tests.conftest import login
from tests.events import add_event, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(sv):
    return RegionPage.objects.get(locale=sv, slug="mellersta-norrland")


@pytest.fixture
def other_region(sv):
    return RegionPage.objects.get(locale=sv, slug="ovre-norrland")


class EventTreeRulesTest(WagtailPageTestCase):
    def test_events_live_under_the_calendar_or_a_region(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage, RegionPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})

    def test_the_calendar_is_one_page_under_each_home_page(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertEqual(EventIndexPage.max_count_per_parent, 1)


def add_form_post(client, parent, **fields):
    url = f"/admin/pages/add/events/eventpage/{parent.pk}/"
    data = form_data(client, url, form_id="page-edit-form")
    data.update(
        title="Mötesplats Östersund",
        slug="motesplats-ostersund",
        kind="meeting",
        event_language="sv",
        start="2030-03-04 09:00",
        end="2030-03-04 12:00",
        venue_name="Campus Östersund",
        municipality="Östersund",
        capacity="30",
        **fields,
    )
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Välkommen.</p>"))])})
    )
    return client.post(url, data)


def test_a_regional_editor_adds_an_event_to_their_region_for_moderation(users, region):
    response = add_form_post(login(users["region"]), region, **{"action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="motesplats-ostersund")
    assert not event.live
    assert event.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    # Entered in Swedish time, whatever the server's zone.
    assert event.start.astimezone(datetime.UTC).hour == 8


@pytest.mark.parametrize(
    ("actor", "parent", "allowed"),
    [
        ("region", "own_region", True),
        ("region", "other_region", False),
        ("region", "calendar", False),
        ("translator", "own_region", False),
        ("office", "other_region", True),
        ("office", "calendar", True),
    ],
)
def test_who_may_add_events_where(users, region, other_region, sv, actor, parent, allowed):
    page = {
        "own_region": region,
        "other_region": other_region,
        "calendar": EventIndexPage.objects.get(locale=sv),
    }[parent]
    assert page.permissions_for_user(users[actor]).can_add_subpage() is allowed
    response = login(users[actor]).get(f"/admin/pages/add/events/eventpage/{page.pk}/")
    assert response.status_code == (200 if allowed else 302)


def test_a_regional_editor_cannot_edit_another_regions_event(users, other_region):
    permissions = add_event(other_region).permissions_for_user(users["region"])
    assert not permissions.can_edit()
    assert not permissions.can_publish()


def test_a_regional_editor_edits_but_does_not_publish_their_own_event(users, region):
    permissions = add_event(region).permissions_for_user(users["region"])
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_an_event_cannot_end_before_it_starts(region):
    event = EventPage(title="x", slug="x", start=in_days(5), end=in_days(4), venue_name="Hall")
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert "end" in raised.value.message_dict


def test_an_event_needs_a_venue_or_an_online_link():
    event = EventPage(title="x", slug="x", start=in_days(5), end=in_days(5, hour=12))
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert "venue_name" in raised.value.message_dict


def test_registration_closes_before_the_event_starts():
    event = EventPage(
        title="x",
        slug="x",
        start=in_days(5),
        end=in_days(5, hour=12),
        venue_name="Hall",
        registration_deadline=in_days(6),
    )
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert "registration_deadline" in raised.value.message_dict


def test_a_node_serving_one_county_gives_its_events_that_county(sv, other_region):
    stockholm = RegionPage.objects.get(locale=sv, slug="stockholm")
    online = add_event(
        stockholm,
        venue_name="",
        street_address="",
        municipality="",
        online_link="https://meet.example.org/webbinarium",
    )
    assert online.county.code == "01"
    chosen = add_event(other_region, county=County.objects.get(code="23"))
    assert chosen.county.code == "23"


@pytest.mark.parametrize(
    ("municipality", "code"),
    [("Östersund", "23"), ("Sundsvalls kommun", "22"), ("  göteborgs stad ", "14")],
)
def test_the_county_is_taken_from_the_venue_municipality(region, municipality, code):
    # Mellersta Norrland serves two counties: only the municipality can tell which.
    assert add_event(region, municipality=municipality).county.code == code


def test_the_municipality_tells_the_county_before_the_node(sv):
    stockholm = RegionPage.objects.get(locale=sv, slug="stockholm")
    assert add_event(stockholm, municipality="Uppsala").county.code == "03"


def test_an_unknown_municipality_leaves_the_county_to_the_node_or_empty(sv, region):
    stockholm = RegionPage.objects.get(locale=sv, slug="stockholm")
    assert add_event(stockholm, municipality="Atlantis").county.code == "01"
    assert add_event(region, municipality="Atlantis").county is None


def test_a_county_the_editor_chose_is_kept(region):
    chosen = add_event(region, municipality="Sundsvall", county=County.objects.get(code="23"))
    assert chosen.county.code == "23"


def test_the_290_municipalities_each_in_one_known_county():
    names = [name for names in MUNICIPALITIES.values() for name in names]
    assert len(names) == len(set(names)) == 290
    assert set(MUNICIPALITIES) == {code for code, *_ in COUNTIES}


def translate(page, en, english=None):
    """Translate ``page`` in wagtail-localize, each text from ``english`` (or kept as it is)."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=en)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = (english or {}).get(entry.msgid, entry.msgid)
    translation.import_po(po)
    # Published now, not at the end of the test's transaction (as operations/site.py does).
    translation.save_target()
    english = page.get_translation(en)
    english.get_latest_revision().publish()
    english.refresh_from_db()
    return english


def test_times_place_and_seats_are_synchronised_and_the_text_translated(region, en):
    event = add_event(region, capacity=20)
    english = translate(event, en, {event.title: "Inspiration day"})
    event.start, event.end = in_days(20), in_days(20, hour=15)
    event.capacity, event.venue_name = 40, "Kulturmagasinet"
    event.save_revision().publish()
    # "Sync translated pages": the source anew, the translated texts kept.
    source, _ = TranslationSource.update_or_create_from_instance(event)
    Translation.objects.get(source=source, target_locale=en).save_target()
    english.refresh_from_db()
    english.get_latest_revision().publish()
    english.refresh_from_db()
    assert (english.start, english.end) == (event.start, event.end)
    assert (english.capacity, english.venue_name) == (40, "Kulturmagasinet")
    assert english.title == "Inspiration day"


def test_the_event_page_says_when_where_and_in_which_language(client, region):
    event = add_event(region, cost="450", capacity=25, online_link="https://meet.example.org/x")
    html = client.get(event.url).content.decode()
    assert event.title in html
    assert "Mittuniversitetet, Holmgatan 10, Sundsvall" in html
    assert "450 kr exklusive moms" in html or "450 SEK" in html
    assert "Svenska" in html
    # The online link goes to participants only.
    assert "meet.example.org" not in html


def test_the_english_event_page_is_in_english(client, region, en):
    event = add_event(region)
    english = translate(event, en)
    html = client.get(english.url).content.decode()
    assert '<html lang="en">' in html
    assert "Free of charge" in html


def test_every_page_can_still_be_added_where_it_could(sv):
    assert EventPage.can_create_at(RegionPage.objects.filter(locale=sv).first())
    assert not EventPage.can_create_at(Page.objects.get(depth=1))
