"""
The whole editorial journey, as the three roles click it in Chromium: a regional editor
writes a Ledare and submits it, the programme office approves, a translator translates
it and submits the translation, the office approves, and it is live in English. Then the
Swedish text changes, the translator syncs, translates the new text and submits, the
office approves, and the English page shows the new text. Plus what each role is refused.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_translation_editor import translate_segment

pytestmark = pytest.mark.browser

PASSWORD = "produktionslyftet"
TITLE = "Tursamtal i Östersund"
INTRO = "Under våren besökte noden tolv verkstäder i Jämtland."
TITLE_EN = "A tour of Östersund"
INTRO_EN = "This spring the node visited twelve workshops in Jämtland."
NEW_INTRO = "Under våren och sommaren besökte noden femton verkstäder i Jämtland."
NEW_INTRO_EN = "This spring and summer the node visited fifteen workshops in Jämtland."
SWEDISH_URL = "/regioner/mellersta-norrland/tursamtal-i-ostersund/"
ENGLISH_URL = "/en/regions/central-norrland/a-tour-of-ostersund/"


def log_in_as(browser, site_url, username):
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto("/admin/login/")
    tab.locator("#id_username").fill(username)
    tab.locator("#id_password").fill(PASSWORD)
    tab.locator("form button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"/admin/$"))
    return tab


def approve_in_wagtails_editor(office, page_id):
    """The office approves a Swedish page from the page editor's action menu."""
    office.goto(f"/admin/pages/{page_id}/edit/")
    office.locator("footer").get_by_role("button", name=re.compile("Fler åtgärder|More")).click()
    office.locator(
        'footer button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).click()
    expect(office.locator(".messages")).to_contain_text(
        re.compile("uppdaterad|godkän|approved", re.I)
    )


def approve_translation(office, english_id):
    office.goto(f"/admin/pages/{english_id}/edit/")
    review = office.locator("section.translation-review")
    expect(review).to_contain_text("Skickad för granskning av")
    review.get_by_role("button", name="Godkänn och publicera").click()
    expect(office.locator(".messages")).to_contain_text(
        re.compile("uppdaterad|godkän|approved", re.I)
    )


def main_button(tab):
    """The big button of the editor's footer, beside the menu of its other actions."""
    return tab.locator("footer .footer__container > .w-dropdown-button > :first-child").first


def submit_translation(translator):
    """Submit from the footer's main button, once the review panel (following the texts as
    they are translated, without a reload) says every text is translated."""
    review = translator.locator("section.translation-review")
    expect(review).to_contain_text("Alla texter är översatta")
    expect(review.get_by_role("button", name="Skicka för granskning")).to_be_enabled()
    expect(translator.get_by_role("button", name=re.compile("Publicera på"))).to_have_count(0)
    expect(main_button(translator)).to_have_text("Skicka för granskning")
    main_button(translator).click()
    expect(translator.locator(".messages")).to_contain_text("har skickats för granskning")


def expect_the_next_step_as_main_button(translator):
    """After submitting, the main button leads on (back to the report), never destroys."""
    expect(main_button(translator)).to_have_text(re.compile("Tillbaka"))
    expect(main_button(translator)).not_to_have_text(re.compile("Radera|Stoppa|alias"))
    translator.locator("footer").get_by_role(
        "button", name=re.compile("Fler åtgärder|More")
    ).first.click()
    expect(translator.locator("footer .w-dropdown__content").first).to_contain_text(
        re.compile("Stoppa synkroniserad översättning")
    )


def report_action(tab, title, action):
    tab.goto("/admin/reports/translation-status/")
    row = tab.locator("#translation-status tr", has_text=title)
    row.get_by_role("link", name=action).click()


@pytest.fixture
def remove_the_ledare_afterwards(site_shell):
    """The served site is shared by the browser tests: leave its article lists as they were."""
    yield
    site_shell(
        "from wagtail.models import Page; "
        "from articles.models import ArticlePage; "
        "pages = ArticlePage.objects.filter(translation_key__in="
        "ArticlePage.objects.filter(slug='tursamtal-i-ostersund').values('translation_key')); "
        "[page.delete() for page in Page.objects.filter(pk__in=pages.values('pk'))]; print('ok')"
    )


@pytest.mark.usefixtures("remove_the_ledare_afterwards")
def test_a_ledare_from_draft_to_english_and_back_through_every_role(browser, site_url, site_shell):
    region = log_in_as(browser, site_url, "mellersta-norrland")
    office = log_in_as(browser, site_url, "programkontoret")
    translator = log_in_as(browser, site_url, "oversattare")

    # 1. The regional editor writes a Ledare in their region and submits it.
    region_id = site_shell(
        "from regions.models import RegionPage; "
        "print(RegionPage.objects.get(slug='mellersta-norrland').pk)"
    )
    region.goto(f"/admin/pages/add/articles/articlepage/{region_id}/")
    region.locator("#id_title").fill(TITLE)
    region.locator("#id_introduction").fill(INTRO)
    region.locator("#id_kind").select_option("editorial")
    region.get_by_role("tab", name=re.compile("Marknadsför|Promote")).click()
    expect(region.locator("#id_slug")).to_have_value("tursamtal-i-ostersund")
    region.get_by_role("tab", name=re.compile("Innehåll|Content")).click()
    expect(
        region.locator("footer").get_by_role("button", name=re.compile("Publicera"))
    ).to_have_count(0)
    region.locator("footer").get_by_role("button", name=re.compile("Fler åtgärder|More")).click()
    region.get_by_role("button", name=re.compile("Lämna in till")).click()
    expect(region.locator(".messages")).to_contain_text(re.compile("inlämnad|submitted", re.I))
    assert region.request.get(site_url + SWEDISH_URL).status == 404, "not live before approval"
    page_id = site_shell(
        "from articles.models import ArticlePage; "
        "print(ArticlePage.objects.get(slug='tursamtal-i-ostersund').pk)"
    )

    # 2. The office approves it; it is live in Swedish.
    approve_in_wagtails_editor(office, page_id)
    assert office.request.get(site_url + SWEDISH_URL).status == 200

    # 3. The translator starts the English translation from the status report,
    #    translates it and submits it for review; nothing is live in English yet.
    report_action(translator, TITLE, "Översätt")
    translator.get_by_role("checkbox", name=re.compile("Engelska")).check()
    translator.get_by_role("button", name=re.compile("Skicka|Submit")).click()
    expect(translator).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    english_id = re.search(r"/pages/(\d+)/", translator.url).group(1)
    translate_segment(translator, TITLE, TITLE_EN)
    translate_segment(translator, INTRO, INTRO_EN)
    translator.get_by_role("tab", name=re.compile("Marknadsför|Promote")).click()
    translate_segment(translator, "tursamtal-i-ostersund", "a-tour-of-ostersund")
    submit_translation(translator)
    expect(translator).to_have_url(re.compile(rf"/admin/pages/{english_id}/edit/$"))
    expect_the_next_step_as_main_button(translator)
    assert translator.request.get(site_url + ENGLISH_URL).status == 404

    # 4. The office approves the translation: live in English, reachable by the switcher.
    approve_translation(office, english_id)
    visitor = browser.new_page(base_url=site_url)
    visitor.goto(SWEDISH_URL)
    alternate = visitor.locator('link[rel=alternate][hreflang="en"]')
    expect(alternate).to_have_attribute("href", site_url + ENGLISH_URL)
    visitor.get_by_role("link", name=re.compile("English")).click()
    expect(visitor).to_have_url(site_url + ENGLISH_URL)
    expect(visitor.locator("h1")).to_have_text(TITLE_EN)

    # 5. The Swedish text changes and the office publishes it.
    office.goto(f"/admin/pages/{page_id}/edit/")
    office.locator("#id_introduction").fill(NEW_INTRO)
    office.locator("footer").get_by_role("button", name=re.compile("Fler åtgärder|More")).click()
    office.get_by_role("button", name=re.compile(r"^\s*Publicera\s*$")).click()
    expect(office.locator(".messages")).to_contain_text(re.compile("publicerad|published", re.I))

    # 6. The translator syncs (not offered publishing), translates the new text, submits.
    #    Each step leads back to the report it was started from.
    report_action(translator, TITLE, "Synka")
    expect(translator.get_by_role("checkbox", name="Publicera omgående")).to_have_count(0)
    translator.get_by_role("button", name="Skicka").click()
    expect(translator).to_have_url(re.compile(r"/admin/reports/translation-status/$"))
    report_action(translator, TITLE, "Översätt den nya texten")
    translate_segment(translator, NEW_INTRO, NEW_INTRO_EN)
    submit_translation(translator)
    expect(translator).to_have_url(re.compile(r"/admin/reports/translation-status/$"))
    visitor.goto(ENGLISH_URL)
    expect(visitor.locator(".lead")).to_have_text(INTRO_EN)

    # 7. The office approves; the English page shows the new text, the report agrees.
    approve_translation(office, english_id)
    visitor.goto(ENGLISH_URL)
    expect(visitor.locator(".lead")).to_have_text(NEW_INTRO_EN)
    office.goto("/admin/reports/translation-status/")
    expect(office.locator("#translation-status tr", has_text=TITLE)).to_contain_text("Aktuell")


def test_a_regional_editor_is_refused_another_regions_sync(browser, site_url, site_shell):
    source_id = site_shell(
        "from regions.models import RegionPage; "
        "from wagtail_localize.models import TranslationSource; "
        "page = RegionPage.objects.get(slug='ovre-norrland'); "
        "print(TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale).pk)"
    )
    region = log_in_as(browser, site_url, "mellersta-norrland")
    region.goto(f"/admin/localize/update/{source_id}/")
    expect(region).to_have_url(re.compile(r"/admin/$"))
    expect(region.locator(".messages")).to_contain_text("behörighet")


def test_a_chosen_author_links_to_their_editor_only_for_those_who_may_edit_people(
    browser, site_url, site_shell
):
    # An article of the regional editor's own region, its author chosen. (Nothing is
    # changed: the editor would save a draft by itself.)
    article_id = site_shell(
        "from articles.models import ArticlePage; print(ArticlePage.objects.get("
        "slug='reflektion-fran-mitt-sverige', locale__language_code='sv').pk)"
    )
    for username, may_edit_people in (("mellersta-norrland", False), ("programkontoret", True)):
        tab = log_in_as(browser, site_url, username)
        tab.goto(f"/admin/pages/{article_id}/edit/")
        chooser = tab.locator("#id_author-chooser")
        expect(chooser).not_to_have_class(re.compile(r"\bblank\b"))
        # The chosen person's actions: choose another, and edit them for those who may.
        chooser.locator(".chosen").get_by_role("button", name=re.compile("Åtgärder")).click()
        expect(tab.locator("[data-chooser-action-choose]:visible").first).to_be_visible()
        edit_link = tab.locator("a[data-chooser-edit-link]:visible")
        if may_edit_people:
            expect(edit_link).to_have_attribute(
                "href", re.compile("/admin/snippets/regions/person/")
            )
        else:
            expect(edit_link).to_have_count(0)
        tab.context.close()


PARTNER = "Norrlands Gjuteri AB"
PARTNER_TEXT = "Gjuteriet delar sina erfarenheter av lean med nodens företag."
PARTNER_TEXT_EN = "The foundry shares its lean experience with the node's companies."


@pytest.fixture
def remove_the_partner_afterwards(site_shell):
    """The footer is on every page of the shared site: leave it as it was."""
    yield
    site_shell(
        "from partners.models import Partner; "
        f"keys = Partner.objects.filter(name={PARTNER!r}).values_list('translation_key', flat=True); "
        "Partner.objects.filter(translation_key__in=list(keys)).delete(); print('ok')"
    )


@pytest.mark.usefixtures("remove_the_partner_afterwards")
def test_a_partner_from_draft_to_english_through_every_role(browser, site_url):
    office = log_in_as(browser, site_url, "programkontoret")
    translator = log_in_as(browser, site_url, "oversattare")
    visitor = browser.new_page(base_url=site_url)

    # 1. The office adds a partner and saves a draft: no visitor sees it.
    office.goto("/admin/snippets/partners/partner/add/?locale=sv")
    office.locator("#id_name").fill(PARTNER)
    office.locator("#id_description").fill(PARTNER_TEXT)
    office.locator("footer").get_by_role("button", name=re.compile("Spara utkast")).click()
    expect(office.locator(".messages")).to_contain_text(re.compile("skapa|sparat|created", re.I))
    visitor.goto("/partner/")
    expect(visitor.locator("main")).not_to_contain_text(PARTNER)

    # 2. It previews in the side panel as the partners page will show it, then is published.
    office.get_by_role("button", name=re.compile("Växla förhandsgranskning|Toggle preview")).click()
    preview = office.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("li.partner h3")).to_have_text(PARTNER)
    office.locator("footer").get_by_role("button", name=re.compile("Fler åtgärder|More")).click()
    office.get_by_role("button", name=re.compile(r"^\s*Publicera\s*$")).click()
    expect(office.locator(".messages")).to_contain_text(re.compile("publicera|published", re.I))
    visitor.goto("/partner/")
    expect(visitor.locator("main")).to_contain_text(PARTNER_TEXT)
    expect(visitor.locator("footer .partner-logo", has_text=PARTNER)).to_have_count(1)

    # 3. The translator translates it and submits it: the English site keeps the Swedish.
    report_action(translator, PARTNER, "Översätt")
    translator.get_by_role("checkbox", name=re.compile("Engelska")).check()
    translator.get_by_role("button", name=re.compile("Skicka|Submit")).click()
    expect(translator).to_have_url(re.compile(r"/admin/snippets/partners/partner/edit/\d+/$"))
    english_url = translator.url
    translate_segment(translator, PARTNER, PARTNER)  # a company keeps its name
    translate_segment(translator, PARTNER_TEXT, PARTNER_TEXT_EN)
    submit_translation(translator)
    expect_the_next_step_as_main_button(translator)
    visitor.goto("/en/partners/")
    expect(visitor.locator("main")).to_contain_text(PARTNER_TEXT)
    expect(visitor.locator("main")).not_to_contain_text(PARTNER_TEXT_EN)

    # 4. The office approves it in the same editor: live in English, the report agrees.
    office.goto(english_url)
    review = office.locator("section.translation-review")
    expect(review).to_contain_text("Skickad för granskning av")
    review.get_by_role("button", name="Godkänn och publicera").click()
    expect(office.locator(".messages")).to_contain_text(re.compile("godkän|approved", re.I))
    visitor.goto("/en/partners/")
    expect(visitor.locator("main")).to_contain_text(PARTNER_TEXT_EN)
    office.goto("/admin/reports/translation-status/")
    expect(office.locator("#translation-status tr", has_text=PARTNER)).to_contain_text("Aktuell")
