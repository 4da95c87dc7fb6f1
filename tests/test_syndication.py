"""
What the universities' sites get (syndication/): the content API at /api/v2/ — news,
regions and partners, public fields only, per language and region, bad requests answered
with a 400 that says why, kept by the page cache, counted per address, readable from the
universities' origins only — and a region's news to frame on their pages.
"""

import json

import pytest

from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from produktionslyftet.settings.base import env_origins
from regions.models import RegionPage
from tests.events import add_event

pytestmark = pytest.mark.django_db

MIUN = "https://www.miun.se"


@pytest.fixture
def universities(settings):
    settings.UNIVERSITY_ORIGINS = [MIUN]
    settings.CORS_ALLOWED_ORIGINS = [MIUN]
    settings.EMBED_CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
            "frame-ancestors": ["'self'", MIUN],
        }
    }


def api(client, path, **headers):
    response = client.get(f"/api/v2/{path}", **headers)
    return response, json.loads(response.content)


def titles(data):
    return [item["title"] for item in data["items"]]


# The content API


def test_news_lists_each_languages_articles_newest_first_with_what_a_card_shows(client, sv):
    response, data = api(client, "news/?locale=sv&limit=50&fields=*")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    live = ArticlePage.objects.live().filter(locale=sv)
    assert data["meta"]["total_count"] == live.count()
    dates = [item["date"] for item in data["items"]]
    assert dates == sorted(dates, reverse=True)
    article = next(i for i in data["items"] if i["meta"]["slug"] == "reflektion-fran-mitt-sverige")
    assert article["meta"]["html_url"].endswith(
        "/regioner/mellersta-norrland/reflektion-fran-mitt-sverige/"
    )
    assert article["region"] == {"title": "Mellersta Norrland", "slug": "mellersta-norrland"}
    assert article["byline_author"]
    assert article["kind"] and article["introduction"]
    assert article["meta"]["locale"] == "sv"


def test_a_region_filters_in_either_language(client, en):
    _, swedish = api(client, "news/?region=mellersta-norrland&locale=sv")
    _, english = api(client, "news/?region=central-norrland&locale=en")
    assert swedish["items"] and english["items"]
    assert {i["region"]["slug"] for i in swedish["items"]} == {"mellersta-norrland"}
    assert {i["region"]["slug"] for i in english["items"]} == {"central-norrland"}
    assert {i["meta"]["locale"] for i in english["items"]} == {"en"}
    region = RegionPage.objects.get(locale=en, slug="central-norrland")
    assert english["meta"]["total_count"] == (ArticlePage.objects.live().child_of(region).count())


def test_a_kind_filters_the_news(client):
    _, everything = api(client, "news/?locale=sv&limit=50")
    kind = everything["items"][0]["kind"]
    _, filtered = api(client, f"news/?locale=sv&kind={kind}&limit=50")
    assert filtered["items"] and {i["kind"] for i in filtered["items"]} == {kind}
    assert filtered["meta"]["total_count"] == sum(
        1 for i in everything["items"] if i["kind"] == kind
    )


def test_only_what_visitors_can_read_is_served(client, sv):
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    article.title = "Ett utkast som ingen får se"
    article.save_revision()  # a draft of a live page: the live title stays
    region = RegionPage.objects.get(locale=sv, slug="ovre-norrland")
    PageViewRestriction.objects.create(page=region, restriction_type="login")
    response, data = api(client, "news/?locale=sv&limit=50")
    text = response.content.decode()
    assert "Ett utkast som ingen får se" not in text
    assert "ovre-norrland" not in text, "a private region's articles are not listed"
    assert article.title not in titles(data)
    _, regions = api(client, "regions/?locale=sv")
    assert "Övre Norrland" not in titles(regions)


def test_no_personal_data_nor_the_body_is_served(client, sv):
    _, data = api(client, "news/?locale=sv&limit=50&fields=*")
    text = json.dumps(data)
    assert "@" not in text, "no e-mail address"
    assert "body" not in data["items"][0]
    assert "photo" not in text and "bio" not in text
    _, regions = api(client, "regions/?fields=*")
    assert "contact_email" not in json.dumps(regions)
    assert "@" not in json.dumps(regions)


def test_regions_name_their_counties_in_their_own_language(client):
    _, swedish = api(client, "regions/?locale=sv&fields=counties,host_organisation")
    _, english = api(client, "regions/?locale=en&fields=counties")
    sv_names = {c["name"] for r in swedish["items"] for c in r["counties"]}
    en_names = {c["name"] for r in english["items"] for c in r["counties"]}
    assert "Västernorrlands län" in sv_names
    assert "Västernorrland County" in en_names


def test_partners_in_english_fall_back_to_swedish_where_untranslated(client, sv, en):
    from partners.models import Partner

    _, swedish = api(client, "partners/?locale=sv&limit=50")
    _, english = api(client, "partners/?locale=en&limit=50")
    published = Partner.objects.public().filter(locale=sv).count()
    assert swedish["meta"]["total_count"] == published == english["meta"]["total_count"]
    assert {p["meta"]["locale"] for p in swedish["items"]} == {"sv"}
    assert "en" in {p["meta"]["locale"] for p in english["items"]}
    assert all(set(p) >= {"name", "kind"} for p in english["items"])


def test_the_filters_docs_api_md_names_work(client):
    for query, key, value in [
        ("regions/?locale=en&slug=central-norrland", "title", "Central Norrland"),
        ("news/?locale=sv&kind=editorial&fields=kind", "kind", "editorial"),
        ("partners/?kind=financier", "kind", "financier"),
    ]:
        response, data = api(client, query)
        assert response.status_code == 200, query
        assert data["items"] and {item[key] for item in data["items"]} == {value}, query
    _, dated = api(client, "news/?locale=sv&limit=1")
    day = dated["items"][0]["date"]
    _, on_day = api(client, f"news/?locale=sv&date={day}")
    assert {item["date"] for item in on_day["items"]} == {day}
    _, lean = api(client, "news/?locale=sv&fields=-region,-kind&limit=1")
    assert "region" not in lean["items"][0] and "date" in lean["items"][0]


def test_a_detail_answers_by_id(client, sv):
    article = ArticlePage.objects.live().filter(locale=sv).first()
    response, data = api(client, f"news/{article.pk}/")
    assert response.status_code == 200
    assert data["title"] == article.title
    missing, _ = api(client, "news/999999/")
    assert missing.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "news/?unknown=1",
        "news/?search=lean",
        "news/?fields=body",
        "news/?fields=owner",
        "news/?fields=author",
        "news/?region=ingenstans",
        "news/?date=inte-ett-datum",
        "news/?limit=many",
        "news/?limit=5000",
        "news/?offset=-1",
        "news/?order=owner",
        "news/?type=wagtailcore.Page",
        "news/find/?id=abc",
        "news/?locale=xx",
        "news/?locale=sv&locale=en&region=%00",
        "news/?kind=%00",
        "news/?locale=%00",
        "partners/?locale=%00",
        "news/1/?fields=%00",
        "news/?fields=" + "title," * 500,
        "regions/?kind=news",
        "partners/?kind=nonsense&date=1",
        "partners/?region=mellersta-norrland",
        "nothing-here/",
    ],
)
def test_a_bad_request_gets_a_clear_4xx_never_a_5xx(client, query):
    response = client.get(f"/api/v2/{query}")
    assert 400 <= response.status_code < 500, response.content[:300]
    if response["Content-Type"] == "application/json":
        assert json.loads(response.content)["message"]


def test_an_answer_is_kept_and_any_other_parameter_is_not(client):
    first = client.get("/api/v2/news/?locale=sv&region=mellersta-norrland")
    second = client.get("/api/v2/news/?locale=sv&region=mellersta-norrland")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "s-maxage" in second["Cache-Control"]
    assert client.get("/api/v2/news/?made_up=1").has_header("X-Page-Cache") is False


def test_a_publish_shows_in_the_api_at_once(client, sv):
    client.get("/api/v2/news/?locale=sv")
    article = ArticlePage.objects.live().filter(locale=sv).order_by("-date", "-pk").first()
    article.title = "Nyss publicerad rubrik"
    article.save_revision().publish()
    response, data = api(client, "news/?locale=sv")
    assert response["X-Page-Cache"] == "miss"
    assert "Nyss publicerad rubrik" in titles(data)


def test_a_listing_costs_the_same_whatever_it_shows(client, django_assert_max_num_queries):
    # Kept pages aside (the cache is emptied before each test), a page of 5 and of 50
    # articles read the same few tables.
    client.get("/api/v2/news/?limit=1")  # the site and the address's counter, found
    with django_assert_max_num_queries(20) as few:
        client.get("/api/v2/news/?limit=5&fields=*")
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        client.get("/api/v2/news/?limit=50&fields=*")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_past_its_limit_an_address_waits(client, settings):
    settings.API_REQUESTS_PER_MINUTE = 3
    statuses = [client.get(f"/api/v2/news/?offset={n}").status_code for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v2/news/?offset=9")
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert "public" not in refused.get("Cache-Control", "")
    other = Client(HTTP_HOST="testserver", REMOTE_ADDR="192.0.2.7")
    assert other.get("/api/v2/news/?offset=10").status_code == 200, "per address"


def test_a_universitys_page_may_read_it_and_no_other_site(client, universities):
    allowed = client.get("/api/v2/news/?locale=sv", HTTP_ORIGIN=MIUN)
    assert allowed["Access-Control-Allow-Origin"] == MIUN
    assert "origin" in allowed["Vary"].lower()
    kept = client.get("/api/v2/news/?locale=sv", HTTP_ORIGIN="https://evil.example")
    assert kept["X-Page-Cache"] == "hit"
    assert not kept.has_header("Access-Control-Allow-Origin"), "a kept answer, not its origin"
    assert "Access-Control-Allow-Credentials" not in allowed
    preflight = client.options(
        "/api/v2/news/", HTTP_ORIGIN=MIUN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 200
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = client.get("/", HTTP_ORIGIN=MIUN)
    assert not page.has_header("Access-Control-Allow-Origin"), "the pages are not the API"


def test_the_universities_origins_are_checked_at_start_up(monkeypatch):
    monkeypatch.setenv("UNIVERSITY_ORIGINS", "https://www.miun.se, https://www.ltu.se")
    assert env_origins("UNIVERSITY_ORIGINS") == ["https://www.miun.se", "https://www.ltu.se"]
    for wrong in ("www.miun.se", "https://www.miun.se/", "ftp://x.se", "https://x.se/nyheter"):
        monkeypatch.setenv("UNIVERSITY_ORIGINS", wrong)
        with pytest.raises(ImproperlyConfigured, match="UNIVERSITY_ORIGINS"):
            env_origins("UNIVERSITY_ORIGINS")


def test_events_list_what_is_coming_per_region_and_never_the_online_link(client, sv):
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    elsewhere = RegionPage.objects.get(locale=sv, slug="ovre-norrland")
    soon = add_event(region, days=3, online_link="https://meet.example/hemlig-länk")
    later = add_event(region, days=20, kind=soon.kind)
    add_event(elsewhere, days=5)
    done = add_event(region, days=-30)
    draft = add_event(region, days=8, publish=False, live=False)

    response, data = api(client, "events/?region=mellersta-norrland&when=upcoming&fields=*")
    assert response.status_code == 200
    made_here = {soon.title, later.title, done.title, draft.title}
    listed = [title for title in titles(data) if title in made_here]
    assert listed == [soon.title, later.title], "upcoming only, soonest first"
    # Beside the demo's own upcoming event in the region, and nothing from elsewhere.
    assert "Inspirationsdag i Östersund" in titles(data)
    assert "Mötesplats Produktion Botnia" not in titles(data)
    assert draft.title not in response.content.decode()
    assert "meet.example" not in response.content.decode()
    first = data["items"][0]
    assert first["region"]["slug"] == "mellersta-norrland"
    assert first["municipality"] == "Sundsvall" and first["start"].startswith(
        soon.start.date().isoformat()
    )
    _, past = api(client, "events/?region=mellersta-norrland&when=past")
    assert done.title in titles(past) and soon.title not in titles(past)
    bad, message = api(client, "events/?when=tomorrow")
    assert bad.status_code == 400 and "upcoming" in message["message"]


def test_publishing_an_event_shows_in_the_api_at_once(client, sv):
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    client.get("/api/v2/events/?when=upcoming")
    event = add_event(region, days=4)
    response, data = api(client, "events/?when=upcoming")
    assert response["X-Page-Cache"] == "miss" and event.title in titles(data)


# The embeds


def test_a_regions_embed_shows_its_news_in_each_language(client):
    swedish = client.get("/inbaddning/mellersta-norrland/")
    english = client.get("/en/embed/central-norrland/")
    assert swedish.status_code == english.status_code == 200
    assert "Nyheter från Produktionslyftet Mellersta Norrland" in swedish.content.decode()
    assert "News from Produktionslyftet Central Norrland" in english.content.decode()
    assert "reflektion-fran-mitt-sverige" in swedish.content.decode()
    assert "reflections-from-the-middle-of-sweden" in english.content.decode()
    assert "<script" not in swedish.content.decode()
    assert client.get("/inbaddning/ingenstans/").status_code == 404
    assert client.get("/en/embed/mellersta-norrland/").status_code == 404, "English slug only"


def test_a_regions_embed_shows_its_coming_events(client, sv):
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    soon = add_event(region, days=2)
    done = add_event(region, days=-10)
    text = client.get("/inbaddning/mellersta-norrland/").content.decode()
    assert "Kommande evenemang" in text
    assert soon.title in text and done.title not in text


def test_only_the_universities_may_frame_the_embed_and_it_sets_no_cookie(client, universities):
    for _ in range(2):  # built, then from the page cache
        response = client.get("/inbaddning/mellersta-norrland/")
        policy = response["Content-Security-Policy"]
        assert f"frame-ancestors 'self' {MIUN}" in policy
        assert not response.has_header("X-Frame-Options")
        assert not response.cookies
    assert response["X-Page-Cache"] == "hit"
    page = client.get("/regioner/mellersta-norrland/")
    assert "frame-ancestors 'self';" in page["Content-Security-Policy"] + ";"
    assert MIUN not in page["Content-Security-Policy"]
    assert page["X-Frame-Options"]


def test_the_region_page_in_the_admin_offers_the_code_to_paste(client, users, universities, sv):
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    client.force_login(users["office"])
    response = client.get(f"/admin/pages/{region.pk}/edit/")
    text = response.content.decode()
    assert "http://testserver/inbaddning/mellersta-norrland/" in text
    assert "&lt;iframe" in text
    assert "/api/v2/news/?region=mellersta-norrland&amp;locale=sv" in text
    assert MIUN in text
