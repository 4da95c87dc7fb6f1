"""
What a page costs to build when it is not in the page cache: at most ten queries for
every public page type, with the site-wide parts warm, and the same count however many
articles the site holds. And what makes that possible (routes, the site, the locale and
private sections kept per generation, memory/site.py and caching/tree.py) stays as fresh as the pages.
"""

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction, Site

from articles.models import ArticleIndexPage, ArticlePage
from events.models import EventIndexPage, EventPage
from home.models import ContentPage, HomePage, ProgrammePeriod
from partners.models import PartnersPage
from regions.models import RegionIndexPage, RegionPage

from .measure import uncached_queries

BUDGET = 10

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def events(db):
    """Events upcoming and past, in the regions and the calendar, in both languages."""
    call_command("add_events", 12, verbosity=0)


def public_pages():
    """Every public page type, in both languages, with the index's filters."""
    pages = []
    for code in ("sv", "en"):
        region = RegionPage.objects.live().get(
            locale__language_code=code, slug__in=["mellersta-norrland", "central-norrland"]
        )
        index = ArticleIndexPage.objects.get(locale__language_code=code)
        period = ProgrammePeriod.objects.get(locale__language_code="sv", name="Produktionslyftet 2")
        article = (
            ArticlePage.objects.live().filter(locale__language_code=code).order_by("pk").first()
        )
        calendar = EventIndexPage.objects.get(locale__language_code=code)
        event = EventPage.objects.live().filter(locale__language_code=code).order_by("pk").first()
        prefix = "" if code == "sv" else "/en"
        pages += [
            (HomePage.objects.get(locale__language_code=code).url, {}),
            (ContentPage.objects.live().filter(locale__language_code=code).first().url, {}),
            (RegionIndexPage.objects.get(locale__language_code=code).url, {}),
            (region.url, {}),
            (index.url, {}),
            (index.url, {"kind": "news", "year": "2011"}),
            (index.url, {"region": region.slug, "period": str(period.pk), "page": "2"}),
            (article.url, {}),
            (calendar.url, {}),
            (calendar.url, {"region": region.slug, "kind": "training", "past": "2"}),
            (calendar.url, {"county": "22", "month": "2030-01", "kind": "nonsense"}),
            (event.url, {}),
            (PartnersPage.objects.get(locale__language_code=code).url, {}),
            (f"{prefix}/rss/", {}),
            (f"{prefix}/rss/{region.slug}/", {}),
            (f"{prefix}/sitemap.xml", {}),
        ]
    pages += [("/sok/", {"q": "produktion"}), ("/en/search/", {"q": "production", "page": "2"})]
    return pages


def costs(client):
    return {
        f"{path}?{params}": len(uncached_queries(client, path, **params))
        for path, params in public_pages()
    }


def test_every_public_page_is_built_within_the_budget(client):
    over = {page: count for page, count in costs(client).items() if count > BUDGET}
    assert not over, f"more than {BUDGET} queries: {over}"


def test_pages_cost_the_same_with_more_articles(client):
    before = costs(client)
    # Published and translated as an editor would: the kept parts start afresh too.
    call_command("add_articles", 100, verbosity=0)
    after = costs(client)
    assert ArticlePage.objects.live().count() > 200
    assert after == before


def test_pages_cost_the_same_with_more_events(client):
    before = costs(client)
    call_command("add_events", 120, verbosity=0)
    after = costs(client)
    assert EventPage.objects.live().count() > 200
    assert after == before


def test_a_page_deep_in_the_tree_is_found_in_one_query(client, sv):
    article = ArticlePage.objects.live().filter(locale=sv, depth=5).first()
    captured = uncached_queries(client, article.url)
    tree_walks = [q for q in captured if '"wagtailcore_page"."slug" =' in q["sql"]]
    assert not tree_walks, "the route is kept, not walked level by level"


# --- what is kept stays fresh ---------------------------------------------------------


def test_a_renamed_page_moves_to_its_new_address_on_the_next_request(client, sv):
    page = ContentPage.objects.live().filter(locale=sv).first()
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.slug = "nytt-namn"
    page.save_revision().publish()
    page.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(page.url).status_code == 200


def test_an_unpublished_page_is_gone_on_the_next_request(client, sv):
    page = ContentPage.objects.live().filter(locale=sv).first()
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_section_made_private_in_the_admin_is_private_at_once(client, sv):
    region = RegionPage.objects.live().get(locale=sv, slug="mellersta-norrland")
    article = ArticlePage.objects.live().child_of(region).first()
    assert client.get(article.url).status_code == 200
    assert article.title in client.get("/aktuellt/").content.decode()

    editor = get_user_model().objects.create_superuser("privat", "p@example.org", "pw")
    admin = type(client)(HTTP_HOST="testserver")
    admin.force_login(editor)
    response = admin.post(f"/admin/pages/{region.pk}/privacy/", {"restriction_type": "login"})
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=region).exists()

    response = client.get(article.url)
    assert response.status_code == 302 and "/_util/login/" in response["Location"]
    assert article.title not in client.get("/aktuellt/").content.decode()
    assert region.title not in client.get("/regioner/").content.decode()

    admin.post(f"/admin/pages/{region.pk}/privacy/", {"restriction_type": "none"})
    assert client.get(article.url).status_code == 200


def test_a_private_page_costs_its_restriction_check(client, sv):
    """With a private section somewhere, pages ask the database whether they are in it."""
    page = ContentPage.objects.live().filter(locale=sv).first()
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url)
    assert response.status_code == 302
    assert any("wagtailcore_pageviewrestriction" in q["sql"] for q in captured)


@pytest.mark.parametrize("host", ["testserver", "other.example.org"])
def test_every_host_gets_its_own_site(client, host, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example.org"]
    other_root = Page.objects.get(depth=1).add_child(
        instance=ContentPage(title="Annan webbplats", slug="annan")
    )
    Site.objects.create(hostname="other.example.org", port=80, root_page=other_root)
    response = client.get("/", HTTP_HOST=host)
    shown = "Annan webbplats" in response.content.decode()
    assert shown == (host == "other.example.org")


@pytest.mark.parametrize("path", ["/", "/aktuellt/", "/sok/?q=a", "/sitemap.xml"])
def test_a_host_the_site_does_not_serve_is_refused(client, path, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get(path, HTTP_HOST="made-up.example.org")
    assert response.status_code == 400
