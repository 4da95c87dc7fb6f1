"""The site works from the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content(page):
    page.goto("/en/news/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def tab_to(page, script, expected, what):
    """Press Tab until the focused element answers ``script`` with ``expected``."""
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate(script) == expected:
            return
    pytest.fail(f"{what} is not reachable with Tab")


def test_language_switcher_and_menu_work_by_keyboard(page):
    page.goto("/kontakt/")
    tab_to(page, "document.activeElement.getAttribute('hreflang')", "en", "the language switcher")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/contact/$"))

    tab_to(page, "document.activeElement.textContent", "Regions", "the main menu")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/regions/$"))


def test_focus_is_visible_on_links(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_images_are_served_as_modern_formats_with_dimensions(page):
    page.goto("/en/regions/central-norrland/")
    sources = page.locator(".team picture source").evaluate_all("els => els.map(e => e.type)")
    assert "image/webp" in sources
    for image in page.locator(".team picture img").all():
        assert image.get_attribute("width") and image.get_attribute("height")
        assert image.get_attribute("loading") == "lazy"
        assert image.get_attribute("srcset")


def test_on_a_phone_the_menu_opens_and_closes_from_a_button(browser, site_url):
    context = browser.new_context(base_url=site_url, viewport={"width": 375, "height": 800})
    phone = context.new_page()
    phone.goto("/en/")
    toggle = phone.get_by_role("button", name="Menu")
    menu_link = phone.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Regions"
    )
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu_link).to_be_hidden()

    toggle.focus()
    phone.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu_link).to_be_visible()
    phone.keyboard.press("Tab")
    phone.keyboard.press("Escape")
    expect(menu_link).to_be_hidden()
    expect(toggle).to_be_focused()
    context.close()


def test_without_javascript_the_phone_menu_is_simply_open(browser, site_url):
    context = browser.new_context(
        base_url=site_url, viewport={"width": 375, "height": 800}, java_script_enabled=False
    )
    phone = context.new_page()
    phone.goto("/en/")
    expect(
        phone.get_by_role("navigation", name="Main menu").get_by_role("link", name="Regions")
    ).to_be_visible()
    expect(phone.locator(".main-menu__toggle")).to_be_hidden()
    context.close()


def test_on_a_desk_there_is_no_menu_button(page):
    page.goto("/en/")
    expect(page.locator(".main-menu__toggle")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Regions")
    ).to_be_visible()
