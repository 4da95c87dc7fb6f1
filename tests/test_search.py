"""
The search at any size and however people type, on SQLite and on PostgreSQL (the suite
runs on PostgreSQL when DATABASE_URL names one): one statement reads the index whatever
the page, diacritics are folded and exact spellings come first, a query with no hits
offers the closest titles, nothing asked holds a worker for long, and the admin's page
search is as quick. Timings are for `make bench`; here, what they follow from.
"""

import re

import pytest
from lxml import html as lxml_html

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.checks import run_checks
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page

from articles.models import ArticlePage
from home.models import ContentPage, HomePage
from search import backends, views

from .measure import uncached_queries

pytestmark = pytest.mark.django_db


def result_titles(response):
    tree = lxml_html.fromstring(response.content)
    return [a.text_content().strip() for a in tree.xpath('//ol[@class="search-results"]//h2/a')]


def main_text(response):
    tree = lxml_html.fromstring(response.content)
    return " ".join(tree.xpath("//main")[0].text_content().split())


def index_statements(captured):
    """The statements that read the full-text index (Wagtail's index table)."""
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    return [query["sql"] for query in captured if table in query["sql"]]


def publish(locale, title, introduction="", slug=None):
    home = HomePage.objects.get(locale=locale)
    page = home.add_child(
        instance=ContentPage(title=title, slug=slug or title.lower(), introduction=introduction)
    )
    page.save_revision().publish()
    return page


# --- fast at any size ------------------------------------------------------------------


def test_a_search_reads_the_index_in_two_statements_at_most_whatever_the_page(client):
    """The count and the page (PostgreSQL reads both at once): never one per match."""
    call_command("add_articles", 30, verbosity=0)
    for page in ("1", "2", "99"):
        statements = index_statements(uncached_queries(client, "/sok/", q="företag", page=page))
        assert 1 <= len(statements) <= 2, page
        assert re.search(r"LIMIT 10\b", statements[-1]), page


def test_a_search_costs_the_same_with_more_articles(client):
    def cost():
        return {
            query: len(uncached_queries(client, "/sok/", q=query, page=page))
            for query, page in [("lean", "1"), ("verkstaden", "2"), ("ingenting", "1")]
        }

    call_command("add_articles", 25, verbosity=0)
    before = cost()
    call_command("add_articles", 60, verbosity=0)
    assert cost() == before


def test_results_are_paged_in_the_database(client):
    call_command("add_articles", 30, verbosity=0)
    captured = uncached_queries(client, "/sok/", q="företag", page="2")
    assert re.search(r"LIMIT 10\b", index_statements(captured)[-1])
    # The articles read are the ten shown, not every match.
    read = [q["sql"] for q in captured if 'FROM "articles_articlepage"' in q["sql"]]
    assert read
    for sql in read:
        (ids,) = re.findall(r"IN \(([\d, ]+)\)", sql)
        assert len(ids.split(",")) <= 10


@pytest.mark.parametrize("page", ["999", "9" * 30, "-3", "2.5", "x"])
def test_any_page_number_shows_a_page(client, page):
    response = client.get("/sok/", {"q": "företag", "page": page})
    assert response.status_code == 200
    assert ("Sida 2 av 2" if page.startswith("9") else "Sida 1 av 2") in main_text(response)


# --- ranking ---------------------------------------------------------------------------


def test_title_matches_come_first_then_the_rest(client):
    titles = result_titles(client.get("/sok/", {"q": "företag"}))
    assert titles[0] == "Fyra företag i Mellersta Norrland på väg in"
    assert not any("företag" in title for title in titles[1:])


def test_exact_spellings_come_before_folded_ones(client, sv):
    # A word of their own (the demo's pages speak of workshops and companies too).
    publish(sv, "Zinkverket i Ljusdal", "Ett foretag utan prickar i texten.", slug="ljusdal")
    publish(sv, "Zinkverket i Bollnäs", "Ett företag med prickar i texten.", slug="bollnas")
    without = result_titles(client.get("/sok/", {"q": "zinkverket foretag"}))
    with_dots = result_titles(client.get("/sok/", {"q": "zinkverket företag"}))
    assert without[:2] == ["Zinkverket i Ljusdal", "Zinkverket i Bollnäs"]
    assert with_dots[:2] == ["Zinkverket i Bollnäs", "Zinkverket i Ljusdal"]


def test_the_most_relevant_matches_are_not_all_it_reads(client, monkeypatch):
    """
    SQLite ranks the most relevant matches of the whole index (search/backends.py): when
    they are not enough for the language or the page asked, every match is ranked.
    """
    expected = [
        result_titles(client.get("/en/search/", {"q": "Norrland", "page": page}))
        for page in ("1", "2")
    ]
    monkeypatch.setattr(backends.SQLiteRanking, "candidates", lambda self, stop: 2)
    for page, titles in zip(("1", "2"), expected, strict=True):
        assert result_titles(client.get("/en/search/", {"q": "Norrland", "page": page})) == titles
    found = Page.objects.live().filter(locale__in=[]).search("Norrland")
    assert list(found) == []


def test_each_language_is_searched_in_its_own_pages(client):
    swedish = result_titles(client.get("/sok/", {"q": "Norrland"}))
    english = result_titles(client.get("/en/search/", {"q": "Norrland"}))
    assert "Mellersta Norrland" in swedish and "Central Norrland" not in swedish
    assert "Central Norrland" in english and "Mellersta Norrland" not in english


# --- diacritics ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "written"),
    [("foretag", "företag"), ("Ostersund", "Östersund"), ("malardalen", "Mälardalen")],
)
def test_a_word_typed_without_diacritics_finds_what_it_spelt_with_them_finds(
    client, typed, written
):
    found = client.get("/sok/", {"q": written})
    assert result_titles(found)
    # As many found either way; the exact spelling ranks first, so a first page of more
    # than fit on it can differ at its foot.
    assert hits(client.get("/sok/", {"q": typed})) == hits(found)


def hits(response):
    return int(re.search(r"(\d+) träff", main_text(response)).group(1))


def test_diacritics_typed_where_the_text_has_none_are_folded_too(client, sv):
    publish(sv, "Kalmar", "Besök i Vaxjo med foretagen.", slug="kalmar")
    assert result_titles(client.get("/sok/", {"q": "Växjö"})) == ["Kalmar"]


# --- did you mean ----------------------------------------------------------------------


def test_a_search_with_no_hits_offers_the_closest_title(client, sv):
    # A title of its own: the demo has an inspiration day in Östersund too.
    publish(sv, "Överkalixverket", "En verkstad i Norrbotten.")
    html = main_text(client.get("/sok/", {"q": "Overkalixverkt"}))
    assert "0 träffar" in html
    assert "Menade du Överkalixverket?" in html


def test_the_closest_titles_are_in_the_visitors_language(client):
    response = client.get("/en/search/", {"q": "Centrl Norland"})
    tree = lxml_html.fromstring(response.content)
    offered = tree.xpath('//main//*[contains(@class, "suggestions")]//a/text()')
    assert "Central Norrland" in offered
    assert "Mellersta Norrland" not in offered
    assert "Did you mean" in main_text(response)


def test_nothing_is_offered_when_nothing_is_close(client):
    html = main_text(client.get("/sok/", {"q": "qxzvw"}))
    assert "Menade du" not in html
    assert "Inget matchade" in html


# --- bounded ---------------------------------------------------------------------------


def test_an_overlong_query_is_cut_to_its_first_words_and_says_so(client):
    response = client.get("/sok/", {"q": " ".join(["Norrland"] * 40)})
    assert response.status_code == 200
    assert f"Din sökning kortades till de första {views.MAX_WORDS} orden." in main_text(response)


@pytest.mark.parametrize(
    "query", ['"', "*", "lean*", "NOT lean", "a OR b", "(", ")", "x" * 500, "ö" * 60, "^1"]
)
def test_syntax_and_odd_queries_are_plain_words_in_the_admin_too(office, query):
    response = office.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200


def slow_statements(monkeypatch):
    """Make each search statement take long enough to meet a one-millisecond limit."""
    if connection.vendor == "sqlite":
        # SQLite is asked after every instruction, and so is slowed by the asking.
        monkeypatch.setattr(backends, "PROGRESS_STEPS", 1)
        return
    count = backends.PostgresRanking.count

    def slow_count(self, plan):
        sql, params = count(self, plan)
        return f"SELECT * FROM ({sql}) counted, (SELECT pg_sleep(0.05)) pause", params

    monkeypatch.setattr(backends.PostgresRanking, "count", slow_count)


def test_a_search_that_takes_too_long_is_stopped_with_a_clear_answer(client, settings, monkeypatch):
    settings.SEARCH_TIMEOUT_MS = 1
    slow_statements(monkeypatch)
    response = client.get("/sok/", {"q": "företag"})
    assert response.status_code == 503
    assert "Sökningen tog för lång tid" in main_text(response)
    response = client.get("/en/search/", {"q": "companies"})
    assert "The search took too long" in main_text(response)
    # The connection is as it was: the next search runs.
    settings.SEARCH_TIMEOUT_MS = 3000
    assert client.get("/sok/", {"q": "Norrland"}).status_code == 200


def test_the_time_limit_is_the_searchs_own(settings):
    """After a search, other statements run without its limit."""
    with backends.time_limit():
        list(Page.objects.search("företag"))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "0"


# --- the admin -------------------------------------------------------------------------


def test_the_admins_page_search_folds_diacritics(office):
    response = office.get("/admin/pages/search/", {"q": "ovre"})
    assert "Övre Norrland" in response.content.decode()


# Swedish rows, and English ones (their translation buttons are wagtail-localize's).
@pytest.mark.parametrize(
    ("query", "title"), [("verkstaden", "Lean i verkstaden"), ("floor", "Lean on the shop floor")]
)
def test_the_admins_page_search_costs_the_same_with_more_articles(office, query, title):
    def cost():
        office.get("/admin/pages/search/", {"q": query})
        with CaptureQueriesContext(connection) as captured:
            response = office.get("/admin/pages/search/", {"q": query})
        assert response.status_code == 200
        return len(captured), len(index_statements(captured))

    call_command("add_articles", 10, verbosity=0)
    before = cost()
    call_command("add_articles", 60, verbosity=0)
    assert ArticlePage.objects.filter(title__startswith=title).count() >= 12
    assert cost() == before


def test_the_admins_page_search_reads_the_index_twice(office):
    """Once for the count of each type (Wagtail's filter, which also gives every other count
    on the page) and once for the page of results; not again for each count shown."""
    call_command("add_articles", 10, verbosity=0)
    office.get("/admin/pages/search/", {"q": "lean"})
    with CaptureQueriesContext(connection) as captured:
        response = office.get("/admin/pages/search/", {"q": "lean"})
    assert response.context["paginator"].count > 1
    assert len(index_statements(captured)) == 2


def rows_of_every_page(office, params):
    first = office.get("/admin/pages/search/", params)
    pages = range(1, first.context["paginator"].num_pages + 1)
    return first, [
        page.pk
        for number in pages
        for page in office.get("/admin/pages/search/", {**params, "p": number}).context[
            "object_list"
        ]
    ]


# Generated articles: a fifth of them on lean, in Swedish and English; more than a page.
LEAN_ARTICLES = 55


@pytest.mark.parametrize("content_type", [None, "articles.articlepage", "home.contentpage"])
def test_the_admins_page_search_counts_what_it_pages_through(office, content_type):
    call_command("add_articles", LEAN_ARTICLES, verbosity=0)
    params = {"q": "lean", **({"content_type": content_type} if content_type else {})}
    first, rows = rows_of_every_page(office, params)
    found = Page.objects.all()
    if content_type:
        found = found.filter(
            content_type=ContentType.objects.get_by_natural_key(*content_type.split("."))
        )
    assert len(rows) == len(set(rows)) == first.context["paginator"].count
    assert len(rows) == found.autocomplete("lean").count()
    every_type = Page.objects.autocomplete("lean").count()
    assert every_type > 20  # more than a page
    html = first.content.decode()
    assert f"Alla ({every_type})" in html
    if rows:  # else "no pages match"
        assert f"Det finns {every_type} matchande sidor" in html


def test_the_admins_page_search_shows_a_page_it_has(office):
    call_command("add_articles", LEAN_ARTICLES, verbosity=0)
    for asked, shown in [("abc", 1), ("0", 1), ("-3", 1), ("99999", "last"), ("2", 2)]:
        response = office.get("/admin/pages/search/", {"q": "lean", "p": asked})
        assert response.status_code == 200
        paginator = response.context["paginator"]
        assert paginator.num_pages == 2
        assert response.context["page_obj"].number == (2 if shown == "last" else shown)
        assert response.context["object_list"]


def test_the_admins_page_search_offers_the_translation_buttons(office, sv):
    untranslated = publish(sv, "Oöversatt verkstad", slug="ooversatt")
    html = office.get("/admin/pages/search/", {"q": "verkstad"}).content.decode()
    assert f"/admin/localize/submit/page/{untranslated.pk}/" in html


# --- the index tables (what it uses of modelsearch's code: tests/test_compat.py) ---


def test_the_start_up_check_names_a_missing_index_table(monkeypatch):
    assert not [e for e in run_checks(databases=["default"]) if e.id == "site_search.W002"]
    monkeypatch.setattr(backends, "EXACT_INDEX", "no_such_index")
    errors = [e for e in run_checks(databases=["default"]) if e.id == "site_search.W002"]
    assert errors and "no_such_index" in errors[0].msg


def test_searching_in_code_keeps_wagtails_api(sv):
    """Other callers (choosers, snippets) get what Wagtail's search returns."""
    with translation.override("sv"):
        found = Page.objects.live().filter(locale=sv).search("Norrland")
        assert found.count() == len(list(found)) > 2
        assert found[1:2][0] == list(found)[1]
        assert sum(found.facet("content_type_id").values()) == found.count()


@pytest.mark.parametrize(
    ("listing", "query", "found"),
    [
        ("/admin/snippets/partners/partner/", "Swerea", "Swerea IVF"),
        ("/admin/snippets/regions/person/", "Ingelsson", "Pernilla Ingelsson"),
        ("/admin/snippets/home/programmeperiod/", "Produktionslyftet", "Produktionslyftet 2"),
    ],
)
def test_the_admins_snippet_listings_search_on_every_engine(client, users, listing, query, found):
    """The programme office searches partners and people in the admin: a list, never a 500."""
    client.force_login(users["office"])
    response = client.get(listing, {"q": query})
    assert response.status_code == 200
    assert found in response.content.decode()
