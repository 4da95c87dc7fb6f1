"""
Organisers in the admin: a node's editors see and export the registrations of their own
region's events only; the office sees all; old registrations are deleted on schedule.
"""

import pytest

from django.core.management import call_command

from events.models import Registration, RegistrationStatus
from regions.models import RegionPage
from tests.conftest import login
from tests.events import add_event

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/events/registration/"


def registration(event, name, **fields):
    return Registration.objects.create(
        event=event,
        language="sv",
        name=name,
        organisation='=HYPERLINK("http://evil")' if fields.pop("formula", False) else "AB",
        email=f"{name.lower()}@example.org",
        consent=True,
        status=RegistrationStatus.CONFIRMED,
        **fields,
    )


@pytest.fixture
def registrations(sv):
    own = add_event(RegionPage.objects.get(locale=sv, slug="mellersta-norrland"))
    other = add_event(RegionPage.objects.get(locale=sv, slug="ovre-norrland"))
    return registration(own, "Egenanmald", formula=True), registration(other, "Annananmald")


def test_a_node_sees_only_its_own_events_registrations_and_the_office_all(users, registrations):
    own, other = registrations
    region = login(users["region"])
    listing = region.get(LISTING).content.decode()
    assert own.name in listing and other.name not in listing
    assert region.get(f"{LISTING}inspect/{own.pk}/").status_code == 200
    assert region.get(f"{LISTING}inspect/{other.pk}/").status_code == 404
    office = login(users["office"]).get(LISTING).content.decode()
    assert own.name in office and other.name in office
    assert login(users["translator"]).get(LISTING).status_code in (302, 403)


def test_the_export_holds_only_the_nodes_own_and_never_a_formula(users, registrations):
    own, other = registrations
    response = login(users["region"]).get(LISTING + "?export=csv")
    csv = b"".join(response.streaming_content).decode()
    assert own.email in csv and other.email not in csv
    assert "'=HYPERLINK" in csv
    office_csv = login(users["office"]).get(LISTING + "?export=xlsx")
    assert office_csv.status_code == 200


def test_registrations_are_deleted_the_configured_time_after_their_event(sv):
    region = RegionPage.objects.get(locale__language_code="sv", slug="mellersta-norrland")
    old = add_event(region, days=-100)
    recent = add_event(region, days=-10)
    registration(old, "Gammal")
    registration(recent, "Ny")
    call_command("delete_old_registrations", verbosity=0)
    assert list(Registration.objects.values_list("name", flat=True)) == ["Ny"]
    call_command("delete_old_registrations", days=5, verbosity=0)
    assert not Registration.objects.exists()
