"""
A company takes part, in Chromium: it finds the form, signs up in Swedish or English and
sees the confirmation; the node that serves its county sees the submission in the admin,
and another node's editor does not.
"""

import re

import pytest
from playwright.sync_api import expect

from .test_editorial_journey import log_in_as

pytestmark = pytest.mark.browser

OTHER_NODES_EDITOR = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
user, _ = get_user_model().objects.get_or_create(username="ovre-norrland")
user.set_password("produktionslyftet"); user.save()
user.groups.add(Group.objects.get(name="Region Övre Norrland"))
print("ok")
"""


def sign_up(page, path, labels, county, company, button, thanks):
    page.goto(path)
    page.get_by_label(labels["company"]).fill(company)
    page.get_by_label(labels["org"]).fill("556036-0793")
    page.get_by_label(labels["county"]).select_option(label=county)
    page.get_by_label(labels["employees"]).select_option("10-49")
    page.get_by_label(labels["contact"]).fill("Karin Berg")
    page.get_by_label(labels["email"]).fill("karin@example.org")
    page.get_by_label(labels["phone"]).fill("063-12 34 56")
    page.get_by_label(labels["consent"]).check()
    page.wait_for_timeout(3200)  # as long as a person takes, at the least
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("status")).to_contain_text(thanks)


SWEDISH = {
    "company": "Företagets namn",
    "org": "Organisationsnummer",
    "county": "Län",
    "employees": "Antal anställda",
    "contact": "Kontaktperson",
    "email": "E-post",
    "phone": "Telefon",
    "consent": re.compile("Jag godkänner"),
}
ENGLISH = {
    "company": "Company name",
    "org": "Organisation number",
    "county": "County",
    "employees": "Number of employees",
    "contact": "Contact person",
    "email": "Email",
    "phone": "Phone",
    "consent": re.compile("I agree"),
}


def test_companies_sign_up_and_only_their_node_sees_them(page, browser, site_url, site_shell):
    sign_up(page, "/delta/", SWEDISH, "Jämtlands län", "Jämtlands Trä AB", "Skicka", "Tack")
    sign_up(
        page,
        "/en/take-part/",
        ENGLISH,
        "Västernorrland County",
        "Sundsvall Gears Ltd",
        "Send",
        "Thank you",
    )

    node = log_in_as(browser, site_url, "mellersta-norrland")
    node.goto("/admin/snippets/interest/submission/")
    expect(node.locator("main")).to_contain_text("Jämtlands Trä AB")
    expect(node.locator("main")).to_contain_text("Sundsvall Gears Ltd")

    site_shell(OTHER_NODES_EDITOR)
    other = log_in_as(browser, site_url, "ovre-norrland")
    other.goto("/admin/snippets/interest/submission/")
    expect(other.locator("main")).not_to_contain_text("Jämtlands Trä AB")
    expect(other.locator("main")).not_to_contain_text("Sundsvall Gears Ltd")


def test_a_mistake_is_explained_next_to_the_field_and_nothing_typed_is_lost(page):
    page.goto("/delta/")
    page.get_by_label("Företagets namn").fill("Härnösands Lack AB")
    page.get_by_label("Organisationsnummer").fill("556036-0794")
    page.wait_for_timeout(3200)
    page.get_by_role("button", name="Skicka").click()
    expect(page.locator("#id_org_number-error")).to_contain_text("kontrollsiffran")
    expect(page.get_by_label("Företagets namn")).to_have_value("Härnösands Lack AB")
