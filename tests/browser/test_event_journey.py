"""
A company's journey to an event, in Chromium: it finds a node's event in the calendar,
takes its one seat and is told so, with the event for its calendar in the mail; the next
is told it is on the waiting list; the first cancels through the link in its mail, the
second moves up and is mailed; the node's organiser sees it all in the admin.
"""

import re
import time
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from .test_design import WCAG_TAGS
from .test_editorial_journey import log_in_as

pytestmark = pytest.mark.browser

ONE_SEAT_EVENT = """
from regions.models import RegionPage
from tests.events import add_event
region = RegionPage.objects.get(locale__language_code="sv", slug="mellersta-norrland")
event = add_event(
    region,
    days=6,
    title="Mötesplats i Krokom",
    slug="motesplats-i-krokom",
    venue_name="Krokoms bygdegård",
    municipality="Krokom",
    capacity=1,
)
print(event.pk)
"""


def register(browser, site_url, name, address):
    """A visitor of their own finds the event through the calendar and registers."""
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto("/kalender/")
    tab.get_by_label("Region", exact=True).select_option(label="Mellersta Norrland")
    tab.get_by_role("button", name="Visa").click()
    expect(tab).to_have_url(re.compile(r"region="))
    tab.get_by_role("link", name="Mötesplats i Krokom").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Mötesplats i Krokom")
    tab.get_by_role("link", name="Anmäl dig").click()
    tab.get_by_label(re.compile(r"^Namn")).fill(name)
    tab.get_by_label(re.compile(r"^Organisation")).fill("Krokoms Mekaniska AB")
    tab.get_by_label(re.compile(r"^E-post")).fill(address)
    tab.get_by_label(re.compile("Jag godkänner")).check()
    tab.wait_for_timeout(3200)  # as long as a person takes, at the least
    tab.get_by_role("button", name="Anmäl dig").click()
    return tab


def assert_accessible(tab):
    """The personal pages are in no sitemap, so test_design's axe run never sees them."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert not results.response["violations"], results.generate_report()


def mail_to(site_mail, address, subject):
    """The one mail to ``address`` whose subject holds ``subject``, once it has gone."""
    for _attempt in range(40):
        found = [
            message
            for message in site_mail()
            if message["To"] == address and subject in message["Subject"]
        ]
        if found:
            (message,) = found
            return message
        time.sleep(0.25)
    raise AssertionError(f"no mail to {address} about {subject!r}")


def test_a_company_registers_cancels_and_the_waiting_one_moves_up(
    browser, site_url, site_shell, site_mail
):
    site_shell(ONE_SEAT_EVENT)

    first = register(browser, site_url, "Karin Berg", "karin.krokom@example.org")
    expect(first.locator(".interest-confirmation")).to_contain_text("Du har en plats")
    assert_accessible(first)
    seat = mail_to(site_mail, "karin.krokom@example.org", "Din plats")
    (attachment,) = list(seat.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_filename().endswith(".ics")
    (vevent,) = Calendar.from_ical(attachment.get_payload(decode=True)).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Mötesplats i Krokom"

    second = register(browser, site_url, "Per Olsson", "per.krokom@example.org")
    expect(second.locator(".interest-confirmation")).to_contain_text("Du står på reservlistan")
    expect(second.locator(".interest-confirmation")).to_contain_text("nummer 1")
    assert_accessible(second)
    mail_to(site_mail, "per.krokom@example.org", "På reservlistan")

    link = next(
        line for line in seat.get_body(("plain",)).get_content().splitlines() if "/cancel/" in line
    )
    first.goto(urlsplit(link.strip()).path)
    first.get_by_role("button", name="Avboka min anmälan").click()
    expect(first.get_by_role("status")).to_contain_text("Din anmälan är avbokad")
    moved_up = mail_to(site_mail, "per.krokom@example.org", "En plats blev ledig")
    assert list(moved_up.iter_attachments()), "the seat comes with the event for the calendar"

    organiser = log_in_as(browser, site_url, "mellersta-norrland")
    organiser.goto("/admin/snippets/events/registration/")
    rows = organiser.locator("main tbody tr")
    expect(rows.filter(has_text="Karin Berg")).to_contain_text("Avbokad")
    expect(rows.filter(has_text="Per Olsson")).to_contain_text("Bekräftad")
