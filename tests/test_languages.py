"""A visitor never lands on the wrong language: switcher, alternates, canonical, 404s."""

from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from wagtail.models import Page

from home.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


def alternates(response):
    tree = lxml_html.fromstring(response.content)
    return {
        link.get("hreflang"): link.get("href")
        for link in tree.xpath('//head/link[@rel="alternate"][@hreflang]')
    }


def switcher_links(response):
    tree = lxml_html.fromstring(response.content)
    return [
        (a.get("hreflang"), a.get("href"))
        for a in tree.xpath('//nav[contains(@class, "language-switcher")]//a')
    ]


def path_of(url):
    return urlsplit(url).path


def test_switcher_leads_to_the_same_page_in_the_other_language(client):
    response = client.get("/regioner/mellersta-norrland/reflektion-fran-mitt-sverige/")
    assert switcher_links(response) == [
        (
            "en",
            "http://testserver/en/regions/central-norrland/reflections-from-the-middle-of-sweden/",
        )
    ]
    assert "not translated" not in response.content.decode()


def test_switcher_leads_back_from_english_to_swedish(client):
    response = client.get("/en/regions/central-norrland/")
    assert switcher_links(response) == [("sv", "http://testserver/regioner/mellersta-norrland/")]


def test_untranslated_page_switches_to_the_other_home_page_and_says_so(client, sv):
    home = HomePage.objects.get(locale=sv)
    page = home.add_child(instance=ContentPage(title="Bara på svenska", slug="bara-svenska"))
    page.save_revision().publish()

    response = client.get("/bara-svenska/")

    assert switcher_links(response) == [("en", "http://testserver/en/")]
    html = response.content.decode()
    assert 'lang="en">This page is not translated yet; the link leads to the home page.' in html
    assert set(alternates(response)) == {"sv", "x-default"}


def test_draft_translation_is_not_offered(client, en):
    english = Page.objects.get(locale=en, slug="contact")
    english.unpublish()
    response = client.get("/kontakt/")
    assert switcher_links(response) == [("en", "http://testserver/en/")]


def test_outdated_translation_is_still_offered_without_a_false_note(client, sv):
    source = ContentPage.objects.get(locale=sv, slug="kontakt")
    source.introduction = "En ny ingress som ännu inte är översatt."
    source.save_revision().publish()

    response = client.get("/kontakt/")

    assert switcher_links(response) == [("en", "http://testserver/en/contact/")]
    assert "not translated" not in response.content.decode()


def test_hreflang_alternates_are_absolute_reciprocal_and_include_self(client, live_pages):
    for page in live_pages:
        response = client.get(page.url)
        links = alternates(response)
        assert set(links) == {"sv", "en", "x-default"}, page.url
        assert all(url.startswith("http://testserver/") for url in links.values())
        own_code = page.locale.language_code
        assert path_of(links[own_code]) == page.url, "an alternate names the page itself"
        assert links["x-default"] == links["sv"]
        other_code = "en" if own_code == "sv" else "sv"
        back = alternates(client.get(path_of(links[other_code])))
        assert back == links, f"{page.url} and its translation disagree on alternates"


def test_canonical_link_is_the_pages_absolute_address(client):
    response = client.get("/en/contact/")
    tree = lxml_html.fromstring(response.content)
    assert tree.xpath('//link[@rel="canonical"]/@href') == ["http://testserver/en/contact/"]


@pytest.mark.parametrize(
    ("path", "language", "message", "home"),
    [
        ("/en/no-such-page/", "en", "Page not found", "/en/"),
        ("/no-such-page/", "sv", "Sidan hittades inte", "/"),
        ("/fr/", "sv", "Sidan hittades inte", "/"),
        ("/de/kontakt/", "sv", "Sidan hittades inte", "/"),
        ("/en/regions/nowhere/", "en", "Page not found", "/en/"),
    ],
)
def test_unknown_address_is_a_404_in_the_visitors_language_with_a_way_back(
    client, path, language, message, home
):
    response = client.get(path)
    assert response.status_code == 404
    tree = lxml_html.fromstring(response.content)
    assert tree.get("lang") == language
    assert message in tree.findtext(".//h1")
    assert tree.xpath("//main//a/@href")[-1] == home
    assert tree.xpath('//nav[contains(@class, "main-menu")]//a'), "the 404 keeps the site's menu"


def test_interface_strings_follow_the_page_language(client):
    swedish = client.get("/aktuellt/").content.decode()
    english = client.get("/en/news/").content.decode()
    assert "Hoppa till innehållet" in swedish and "Skip to content" not in swedish
    assert "Skip to content" in english and "Hoppa till innehållet" not in english
    assert "Intressenter och finansiärer" in swedish
    assert "Stakeholders and financiers" in english


def test_search_page_switches_to_the_search_page_of_the_other_language(client):
    response = client.get("/sok/", {"q": "Norrland"})
    assert switcher_links(response) == [("en", "http://testserver/en/search/?q=Norrland")]


@pytest.mark.parametrize(
    ("path", "language", "heading", "home"),
    [
        ("/en/news/", "en", "Something went wrong", "/en/"),
        ("/aktuellt/", "sv", "Något gick fel", "/"),
    ],
)
def test_server_error_page_is_in_the_visitors_language_without_the_database(
    rf, path, language, heading, home, django_assert_num_queries
):
    from django.urls import get_resolver

    handler = get_resolver().resolve_error_handler(500)
    with django_assert_num_queries(0):
        response = handler(rf.get(path))
    assert response.status_code == 500
    tree = lxml_html.fromstring(response.content)
    assert tree.get("lang") == language
    assert tree.findtext(".//h1") == heading
    assert tree.xpath("//main//a/@href") == [home]
