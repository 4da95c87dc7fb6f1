"""
An editor takes a new Swedish page to a published English translation in
wagtail-localize's translation editor, in a real Chromium, on Wagtail 8.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CREATE_PAGE = """
from home.models import ContentPage, HomePage
home = HomePage.objects.get(locale__language_code="sv")
page = home.add_child(instance=ContentPage(title="Studiebesök i Sundsvall", slug="studiebesok", introduction="Tio företag besökte verkstaden."))
page.save_revision().publish()
print(page.pk)
"""


def log_in(page, username="admin", password="produktionslyftet"):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def translate_segment(page, swedish, english):
    """Open a segment in wagtail-localize's editor, type the English and save it."""
    segment = page.locator("li", has=page.locator(f"p:text-is('{swedish}')")).last
    segment.get_by_role("button", name=re.compile("Översätt|Translate")).click()
    segment.locator("textarea").fill(english)
    segment.get_by_role("button", name=re.compile("Spara|Save")).click()
    expect(segment).to_contain_text(english)


def test_editor_translates_a_swedish_page_and_publishes_it_in_english(page, site_shell, site_url):
    page_id = site_shell(CREATE_PAGE)
    log_in(page)

    page.goto(f"/admin/localize/submit/page/{page_id}/")
    page.get_by_role("checkbox", name=re.compile("Engelska|English")).check()
    page.get_by_role("button", name=re.compile("Skicka|Submit")).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.get_by_role("heading", name="Översättning: Svenska → Engelska")).to_be_visible()

    # Until it is published, English visitors do not get a Swedish page at an English address.
    assert page.request.get(site_url + "/en/studiebesok/").status == 404

    translate_segment(page, "Studiebesök i Sundsvall", "Study visit in Sundsvall")
    translate_segment(
        page, "Tio företag besökte verkstaden.", "Ten companies visited the workshop."
    )
    page.get_by_role("tab", name=re.compile("Marknadsför|Promote")).click()
    translate_segment(page, "studiebesok", "study-visit")

    page.get_by_role("button", name=re.compile("Publicera på|Publish in")).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("publicera|publish", re.I))

    page.goto(site_url + "/en/study-visit/")
    expect(page.locator("h1")).to_have_text("Study visit in Sundsvall")
    expect(page.locator(".lead")).to_have_text("Ten companies visited the workshop.")
    expect(page.locator("html")).to_have_attribute("lang", "en")


CHANGE_SOURCE = """
from home.models import ContentPage
from wagtail_localize.models import TranslationSource
page = ContentPage.objects.get(locale__language_code="sv", slug="kontakt")
page.introduction = "Ring oss eller skriv till noden i din region."
page.save_revision().publish()
print(TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale).pk)
"""


def test_editor_syncs_a_changed_source_and_the_report_shows_it_up_to_date(
    page, site_shell, site_url
):
    source_id = site_shell(CHANGE_SOURCE)
    log_in(page)

    page.goto("/admin/reports/translation-status/?status=outdated")
    row = page.locator("#translation-status tr", has_text="Kontakt")
    expect(row).to_contain_text("Inaktuell")
    row.get_by_role("link", name="Synka").click()
    expect(page).to_have_url(re.compile(rf"/admin/localize/update/{source_id}/\?next="))

    # Not "publish immediately": the live English page keeps its text until translated.
    expect(page.get_by_role("checkbox", name="Publicera omgående")).not_to_be_checked()
    page.get_by_role("button", name="Skicka").click()
    expect(page.locator(".messages")).to_be_visible()
    # Back where the sync was started: the report, as it was filtered.
    expect(page).to_have_url(re.compile(r"/admin/reports/translation-status/\?status=outdated$"))

    # Synced, the new sentence still waits for a translator; the report leads to it.
    page.goto("/admin/reports/translation-status/?status=outdated")
    page.locator("#translation-status tr", has_text="Kontakt").get_by_role(
        "link", name="Översätt den nya texten"
    ).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/\?next="))
    expect(page.request.get(site_url + "/en/contact/")).to_be_ok()
    translate_segment(
        page,
        "Ring oss eller skriv till noden i din region.",
        "Call us or write to the node in your region.",
    )
    page.get_by_role("button", name=re.compile("Publicera på|Publish in")).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("publicera|publish", re.I))

    page.goto(site_url + "/en/contact/")
    expect(page.locator(".lead")).to_have_text("Call us or write to the node in your region.")
    expect(page.locator("h1")).to_have_text("Contact")

    page.goto("/admin/reports/translation-status/?status=outdated")
    expect(page.locator("#translation-status tr", has_text="Kontakt")).to_have_count(0)
