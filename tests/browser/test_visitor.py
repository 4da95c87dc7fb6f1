"""A visitor reads, switches language, uses the menu and searches, in a real Chromium."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_visitor_reads_a_swedish_editorial_and_switches_to_english(page):
    page.goto("/regioner/mellersta-norrland/reflektion-fran-mitt-sverige/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("h1")).to_have_text("Reflektion från Mitt Sverige")
    expect(page.locator(".byline")).to_have_text(
        "Pernilla Ingelsson • Regionledare Mellersta Norrland"
    )

    page.get_by_role("navigation", name="Språk").get_by_role("link", name="English").click()

    expect(page).to_have_url(
        re.compile(r"/en/regions/central-norrland/reflections-from-the-middle-of-sweden/$")
    )
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Reflections from the middle of Sweden")
    expect(page.locator(".byline")).to_have_text(
        "Pernilla Ingelsson • Regional leader, Central Norrland"
    )


def test_visitor_uses_the_english_menu_and_stays_in_english(page):
    page.goto("/en/")
    menu = page.get_by_role("navigation", name="Main menu")
    menu.get_by_role("link", name="Regions").click()
    expect(page).to_have_url(re.compile(r"/en/regions/$"))
    expect(page.get_by_role("link", name="Regions")).to_have_attribute("aria-current", "page")

    page.locator("svg").get_by_role("link", name="Central Norrland").click()
    expect(page).to_have_url(re.compile(r"/en/regions/central-norrland/$"))
    expect(page.get_by_role("heading", name="Team")).to_be_visible()


def test_visitor_searches_with_swedish_letters_and_finds_swedish_pages(page):
    page.goto("/")
    page.get_by_role("search").get_by_label("Sök på webbplatsen").fill("Mälardalens")
    page.get_by_role("search").get_by_role("button", name="Sök").click()
    expect(page).to_have_url(re.compile(r"/sok/\?q=M%C3%A4lardalens$"))
    results = page.locator(".search-results h2 a")
    expect(results.first).to_be_visible()
    for href in results.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert not href.startswith("/en/")

    page.get_by_role("navigation", name="Språk").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/search/\?q=M%C3%A4lardalens$"))
    expect(page.get_by_role("heading", name="Search", exact=True)).to_be_visible()


def test_visitor_filters_the_article_list(page):
    page.goto("/en/news/")
    page.get_by_label("Kind").select_option("editorial")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"kind=editorial"))
    expect(page.locator(".card__title")).to_have_count(2)
    expect(page.get_by_role("status")).to_have_text("2 articles")


@pytest.mark.parametrize(
    ("start", "county", "button", "node", "heading"),
    [
        ("/regioner/", "Jämtlands län", "Hitta noden", "Mellersta Norrland", "Mellersta Norrland"),
        (
            "/en/regions/",
            "Jämtland County",
            "Find the node",
            "Central Norrland",
            "Central Norrland",
        ),
    ],
)
def test_a_company_finds_the_node_that_serves_its_county(
    page, start, county, button, node, heading
):
    page.goto(start)
    page.get_by_label(
        re.compile("Vilken nod betjänar mitt län|Which node serves my county")
    ).select_option(label=county)
    page.get_by_role("button", name=button).click()
    answer = page.get_by_role("status").filter(has_text=county)
    expect(answer).to_contain_text(node)
    answer.get_by_role("link", name=node).click()
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.locator(".region__counties")).to_contain_text(county)
