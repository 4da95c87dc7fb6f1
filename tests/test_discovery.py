"""Finding things in either language: listings, filters, search, feeds, sitemap, map."""

import datetime
import json
import math
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from lxml import html as lxml_html

from django.core.management import call_command
from django.db import connection
from django.utils import translation
from django.utils.http import http_date

from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from home.sitemaps import MultilingualSitemap
from regions.models import RegionPage

from .measure import uncached_queries

pytestmark = pytest.mark.django_db

SITEMAP_SCHEMA = etree.XMLSchema(
    etree.parse(str(Path(__file__).parent / "schemas" / "sitemap.xsd"))
)
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def card_titles(response):
    tree = lxml_html.fromstring(response.content)
    return [
        a.text_content().strip() for a in tree.xpath('//main//*[contains(@class, "card__title")]/a')
    ]


def add_articles(parent, count, **fields):
    for number in range(count):
        article = ArticlePage(
            title=f"Extra {number}",
            slug=f"extra-{parent.slug}-{number}",
            date=datetime.date(2009, 1, 1) + datetime.timedelta(days=number),
            **fields,
        )
        parent.add_child(instance=article)
        article.save_revision().publish()


# --- the article index ---------------------------------------------------------------


def test_article_index_lists_every_article_of_its_language_newest_first(client, sv):
    titles = card_titles(client.get("/aktuellt/"))
    articles = ArticlePage.objects.live().filter(locale=sv).order_by("-date")
    assert titles == [a.title for a in articles]
    assert "Reflektion från Mitt Sverige" in titles, "regional articles are listed too"


def test_article_index_filters_by_kind_region_and_year(client):
    assert card_titles(client.get("/aktuellt/", {"kind": "editorial"})) == [
        "Reflektion från Mitt Sverige",
        "Åtta noder, ett gemensamt lyft",
    ]
    by_region = card_titles(client.get("/en/news/", {"region": "central-norrland"}))
    assert len(by_region) == 5 and "Produktionslyftet 2 has started" not in by_region
    assert card_titles(client.get("/aktuellt/", {"year": "2011", "kind": "news"})) == [
        "Fyra företag i Mellersta Norrland på väg in"
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "0"},
        {"page": "-1"},
        {"page": "99999"},
        {"page": "1' OR '1'='1"},
        {"page": "9" * 400},
        {"kind": "poem"},
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"region": "nowhere"},
        {"region": "<script>alert(1)</script>"},
        {"kind": ["news", "editorial"]},
    ],
)
def test_article_index_survives_odd_query_strings(client, query):
    response = client.get("/aktuellt/", query)
    assert response.status_code == 200
    assert card_titles(response), "an odd query string still shows articles"
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_pagination_keeps_the_filters(client, sv):
    add_articles(ArticleIndexPage.objects.get(locale=sv), 14, kind="news")
    response = client.get("/aktuellt/", {"kind": "news"})
    tree = lxml_html.fromstring(response.content)
    assert tree.xpath('//a[@rel="next"]/@href') == ["?kind=news&page=2"]
    second = client.get("/aktuellt/", {"kind": "news", "page": "2"})
    assert card_titles(second)
    assert "Sida 2 av 2" in second.content.decode()


def test_article_index_costs_the_same_queries_with_more_articles(client, sv):
    before = len(uncached_queries(client, "/aktuellt/"))
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    add_articles(region, 20, kind="feature")
    assert len(uncached_queries(client, "/aktuellt/")) == before


def test_region_page_costs_the_same_queries_with_more_articles(client, sv):
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    before = len(uncached_queries(client, region.url))
    add_articles(region, 10, kind="blog")
    assert len(uncached_queries(client, region.url)) == before


# --- region pages and the map -----------------------------------------------------------


def test_region_page_shows_team_companies_and_its_own_articles(client):
    html = client.get("/regioner/mellersta-norrland/").content.decode()
    for text in (
        "Pernilla Ingelsson",
        "Regionledare",
        "Härnösands Precisionsdetaljer AB",
        "Reflektion från Mitt Sverige",
    ):
        assert text in html
    assert "Produktionslyftet 2 har startat" not in html, (
        "national articles stay off a region's page"
    )


def test_region_index_draws_every_node_on_a_map_of_sweden_as_links(client, en):
    tree = lxml_html.fromstring(client.get("/en/regions/").content)
    svg = tree.xpath("//svg")[0]
    assert svg.xpath(".//path[@d]"), "the outline of Sweden"
    node_links = {a.get("href"): a.text_content().strip() for a in svg.xpath(".//a")}
    regions = RegionPage.objects.live().filter(locale=en)
    assert node_links == {r.url: r.title for r in regions}
    for circle in svg.xpath(".//circle"):
        float(circle.get("cx")), float(circle.get("cy"))  # no locale-formatted decimals
    assert len(tree.xpath('//main//ul[contains(@class, "cards")]/li')) == 8, "and a plain list"


def test_home_page_shows_editorials_news_and_nodes(client):
    html = client.get("/en/").content.decode()
    for heading in ("Editorials", "News", "Regional nodes"):
        assert f">{heading}</h2>" in html
    assert "Reflections from the middle of Sweden" in html
    assert "Upper Norrland" in html


# --- search ----------------------------------------------------------------------------


def result_titles(response):
    tree = lxml_html.fromstring(response.content)
    return [a.text_content().strip() for a in tree.xpath('//ol[@class="search-results"]//h2/a')]


def test_search_finds_pages_of_the_visitors_language_only(client):
    swedish = result_titles(client.get("/sok/", {"q": "Norrland"}))
    english = result_titles(client.get("/en/search/", {"q": "Norrland"}))
    assert "Mellersta Norrland" in swedish and "Central Norrland" not in swedish
    assert "Central Norrland" in english and "Mellersta Norrland" not in english


def test_search_ranks_title_matches_first(client):
    titles = result_titles(client.get("/en/search/", {"q": "Norrland"}))
    with_title = [t for t in titles if "Norrland" in t]
    assert with_title, "some results have Norrland in their title"
    assert len(titles) > len(with_title), "and some only in their text, ranked below"
    assert titles[: len(with_title)] == with_title


def test_search_pages_through_every_result_title_matches_first(client, en):
    call_command("add_articles", 25, verbosity=0)
    # Every page holding both words, as the search backend finds them.
    found = Page.objects.live().filter(locale=en).search("companies")
    expected = {page.title for page in found}
    assert len(expected) > 20, "enough for three pages of results"
    seen, number = [], 1
    while True:
        response = client.get("/en/search/", {"q": "companies", "page": number})
        assert f"{len(expected)} results for" in response.content.decode()
        titles = result_titles(response)
        seen += titles
        if len(seen) >= len(expected) or not titles:
            break
        number += 1
    assert number >= 3
    assert len(seen) == len(set(seen)) == len(expected) and set(seen) == expected
    in_title = [t for t in seen if "companies" in t.casefold()]
    assert in_title and seen[: len(in_title)] == in_title, "title matches on the first page"
    assert len(in_title) < len(seen), "and text-only matches after them"


@pytest.mark.parametrize("query", ["Mälardalens", "Övre", "Härnösand", "förebilden"])
def test_search_handles_swedish_letters(client, query):
    assert result_titles(client.get("/sok/", {"q": query}))


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 10_000,
        '"',
        "'; DROP TABLE wagtailcore_page; --",
        "<script>",
        "AND OR NOT",
        "*",
        "(",
        "ö" * 300,
        "\x00",
    ],
)
def test_search_survives_empty_long_and_hostile_queries(client, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_search_says_when_a_long_query_was_shortened(client):
    html = client.get("/en/search/", {"q": "Norrland " * 50}).content.decode()
    assert "Your search was shortened to its first 200 characters." in html


# --- feeds, sitemap, robots, metadata ----------------------------------------------------


def test_article_feed_per_language_is_valid_rss(client):
    for path, language, sample in (
        ("/rss/", "sv", "Reflektion från Mitt Sverige"),
        ("/en/rss/", "en", "Reflections from the middle of Sweden"),
    ):
        feed = feedparser.parse(client.get(path).content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "rss20"
        assert feed.feed.language == language
        titles = [entry.title for entry in feed.entries]
        assert sample in titles and len(titles) == 8
        prefix = "http://testserver/en/" if language == "en" else "http://testserver/"
        assert all(entry.link.startswith(prefix) for entry in feed.entries)
        if language == "sv":
            assert not any(entry.link.startswith("http://testserver/en/") for entry in feed.entries)


def test_region_feed_holds_only_that_regions_articles(client):
    feed = feedparser.parse(client.get("/en/rss/central-norrland/").content)
    assert not feed.bozo
    assert len(feed.entries) == 5
    assert all("/en/regions/central-norrland/" in entry.link for entry in feed.entries)
    assert client.get("/rss/no-such-region/").status_code == 404


def test_pages_link_their_feeds(client):
    tree = lxml_html.fromstring(client.get("/en/regions/central-norrland/").content)
    feeds = tree.xpath('//link[@rel="alternate"][@type="application/rss+xml"]/@href')
    assert feeds == ["/en/rss/", "/en/rss/central-norrland/"]


def sitemap_pages(client, index_path="/sitemap.xml"):
    """The index's response and the sitemap pages it lists, each read and validated."""
    index = client.get(index_path)
    assert index.status_code == 200
    document = etree.fromstring(index.content)
    assert document.tag == f"{{{SITEMAP_NS['s']}}}sitemapindex"
    pages = []
    for entry in document.xpath("//s:sitemap", namespaces=SITEMAP_NS):
        assert entry.xpath("s:lastmod/text()", namespaces=SITEMAP_NS), "each page says when"
        location = entry.xpath("s:loc/text()", namespaces=SITEMAP_NS)[0]
        response = client.get(location.removeprefix("http://testserver"))
        assert response.status_code == 200
        page = etree.fromstring(response.content)
        SITEMAP_SCHEMA.assertValid(page)
        pages.append((response, page))
    return index, pages


def test_sitemap_is_valid_and_lists_both_languages_with_alternates(client, live_pages):
    index, pages = sitemap_pages(client)
    locations = [
        location
        for _response, page in pages
        for location in page.xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS)
    ]
    assert sorted(locations) == sorted(f"http://testserver{p.url}" for p in live_pages)
    entry = pages[0][1].xpath(
        '//s:url[s:loc="http://testserver/en/contact/"]', namespaces=SITEMAP_NS
    )[0]
    links = {
        link.get("hreflang"): link.get("href")
        for link in entry.xpath("x:link", namespaces=SITEMAP_NS)
    }
    assert links == {
        "en": "http://testserver/en/contact/",
        "sv": "http://testserver/kontakt/",
        "x-default": "http://testserver/kontakt/",
    }
    latest = max(p.last_published_at for p in live_pages)
    assert index["Last-Modified"] == http_date(latest.timestamp())
    assert pages[0][0]["Last-Modified"] == http_date(latest.timestamp())


def test_the_sitemap_is_paged_and_each_page_keeps_its_alternates(client, live_pages, monkeypatch):
    monkeypatch.setattr(MultilingualSitemap, "limit", 10)
    _index, pages = sitemap_pages(client)
    assert len(pages) == math.ceil(len(live_pages) / 10)
    entries = [
        entry for _response, page in pages for entry in page.xpath("//s:url", namespaces=SITEMAP_NS)
    ]
    assert all(len(page.xpath("//s:url", namespaces=SITEMAP_NS)) <= 10 for _r, page in pages)
    assert len(entries) == len(live_pages)
    # A translation on another sitemap page is still named as the alternate.
    for entry in entries:
        hreflangs = {link.get("hreflang") for link in entry.xpath("x:link", namespaces=SITEMAP_NS)}
        assert {"sv", "x-default"} <= hreflangs or "en" in hreflangs
    english_contact = next(
        entry
        for entry in entries
        if entry.xpath("s:loc/text()", namespaces=SITEMAP_NS) == ["http://testserver/en/contact/"]
    )
    assert "http://testserver/kontakt/" in english_contact.xpath(
        "x:link/@href", namespaces=SITEMAP_NS
    )


@pytest.mark.parametrize("page", ["0", "999", "abc", "-1", "1e3"])
def test_a_sitemap_page_that_is_not_there_is_a_404(client, page):
    assert client.get("/sitemap-pages.xml", {"p": page}).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert client.get("/en/sitemap.xml").status_code == 200


def test_pages_carry_description_and_open_graph_tags(client):
    tree = lxml_html.fromstring(client.get("/en/contact/").content)
    meta = {m.get("property") or m.get("name"): m.get("content") for m in tree.xpath("//head/meta")}
    assert meta["description"].startswith("Would your company like to take part?")
    assert meta["og:title"] == "Contact"
    assert meta["og:url"] == "http://testserver/en/contact/"
    assert meta["og:locale"] == "en_GB"
    assert meta["og:type"] == "website"


def test_articles_carry_schema_org_article_data(client):
    tree = lxml_html.fromstring(
        client.get("/regioner/mellersta-norrland/reflektion-fran-mitt-sverige/").content
    )
    data = json.loads(tree.xpath('//script[@type="application/ld+json"]')[0].text)
    assert data["@type"] == "Article"
    assert data["headline"] == "Reflektion från Mitt Sverige"
    assert data["author"] == {
        "@type": "Person",
        "name": "Pernilla Ingelsson",
        "jobTitle": "Regionledare Mellersta Norrland",
    }
    assert data["datePublished"] == "2011-05-31"
    assert data["inLanguage"] == "sv"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's text search"
)
def test_on_postgresql_search_uses_swedish_stemming(client):
    # "regionerna" (the regions) shares the stem of "Regioner"; SQLite's FTS5 does not stem.
    assert "Regioner" in result_titles(client.get("/sok/", {"q": "regionerna"}))


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's text search"
)
def test_on_postgresql_english_is_searched_with_english_stemming(client, sv, en):
    from home.models import ContentPage, HomePage

    def publish(locale, title, introduction):
        home = HomePage.objects.get(locale=locale)
        page = home.add_child(instance=ContentPage(title=title, introduction=introduction))
        page.save_revision().publish()

    publish(en, "Flow on the shop floor", "A company in Jämtland halved its lead times.")
    publish(sv, "Flöde i verkstaden", "Tillverkarna i Jämtland halverade ledtiderna.")
    # English stems "halving" and "halved" alike; Swedish stemming does not.
    assert result_titles(client.get("/en/search/", {"q": "halving"})) == ["Flow on the shop floor"]
    assert result_titles(client.get("/sok/", {"q": "halvera"})) == ["Flöde i verkstaden"]
    # Whatever the language of the code that searches (the admin's is Swedish).
    with translation.override("sv"):
        found = Page.objects.filter(locale=en).search("halving")
        assert [page.title for page in found] == ["Flow on the shop floor"]


def test_the_shared_feed_objects_keep_nothing_of_a_request(client):
    """One Feed instance serves every request and thread: a request must not live on it."""
    from django.urls import resolve

    for path in ("/rss/", "/en/rss/central-norrland/"):
        assert client.get(path).status_code == 200
        feed = resolve(path).func
        assert "request" not in vars(feed), f"{path}'s feed stored the request"


def test_the_search_boxes_take_what_the_search_reads(client, monkeypatch):
    from search import views

    monkeypatch.setattr(views, "MAX_QUERY_LENGTH", 120)
    for path in ("/", "/sok/?q=norrland"):
        tree = lxml_html.fromstring(client.get(path).content)
        assert set(tree.xpath('//input[@name="q"]/@maxlength')) == {"120"}


def test_the_x_default_alternate_is_the_source_languages_page(client, settings):
    tree = lxml_html.fromstring(client.get("/en/news/").content)
    (x_default,) = tree.xpath('//link[@hreflang="x-default"]/@href')
    (swedish,) = tree.xpath('//link[@hreflang="sv"]/@href')
    assert x_default == swedish


def test_the_sites_name_is_set_in_one_place_and_shown_everywhere(client, sv):
    """An editor renames the site in Settings → Sites: pages, feeds and data follow."""
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Produktionslyftet 3"
    site.save()
    article = ArticlePage.objects.live().filter(locale=sv).first()
    tree = lxml_html.fromstring(client.get(article.url).content)
    assert tree.xpath("string(//title)").endswith("– Produktionslyftet 3")
    assert tree.xpath("string(//a[@class='site-name'])") == "Produktionslyftet 3"
    assert tree.xpath("//meta[@property='og:site_name']/@content") == ["Produktionslyftet 3"]
    assert "Partner till Produktionslyftet 3" in tree.xpath(
        "string(//footer[@class='site-footer'])"
    )
    data = json.loads(tree.xpath("string(//script[@type='application/ld+json'])"))
    assert data["publisher"]["name"] == "Produktionslyftet 3"
    feed = feedparser.parse(client.get("/en/rss/").content)
    assert feed.feed.title == "Produktionslyftet 3: news and articles"
    about = tree.xpath("string(//p[@class='site-footer__about'])")
    assert about.startswith("Produktionslyftet 3 är ett nationellt program")
