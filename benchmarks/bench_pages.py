"""
Response time and query count of the main public pages built afresh (page-cache misses,
the site-wide parts warm), the site's search and the admin's, on a demo site with many
articles added, through Django's test client (no network). Prints figures, each also as
a ratio to the home page built afresh in the same run (the pages are requested in turn,
round after round, so that a busy machine weighs on all of them alike); fails on
nothing, since timings depend on the machine.

    make bench                  # the demo as it is
    make bench ARTICLES=10000   # or: python benchmarks/bench_pages.py --articles 10000
    make bench EVENTS=1000      # with 1,000 generated events (half of them past)
    DATABASE_URL=postgres://…/produktionslyftet make bench   # on PostgreSQL
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale import articles_asked, database_name, record  # noqa: E402

PATHS = [
    "/",
    "/en/",
    "/aktuellt/",
    "/en/news/?kind=editorial",
    "/aktuellt/?page=5",
    "/regioner/",
    "/regioner/mellersta-norrland/",
    "/regioner/mellersta-norrland/reflektion-fran-mitt-sverige/",
    "/en/regions/central-norrland/reflections-from-the-middle-of-sweden/",
    "/kalender/",
    "/en/events/?kind=training&past=2",
    "/kalender/?region=mellersta-norrland&month=2030-01",
    "/sok/?q=Norrland",
    "/rss/",
    "/sitemap.xml",
]
# The search (search/backends.py): common words in both languages, a word typed without
# its diacritics, a page far down, eight words, and one with no hits ("did you mean").
SEARCHES = [
    "/sok/?q=företag",
    "/sok/?q=foretag",
    "/sok/?q=lean",
    "/sok/?q=produktion",
    "/en/search/?q=companies",
    "/sok/?q=företag&page=50",
    "/sok/?q=lean+verkstaden+företag+analys+handling+flöde+ledtider+program",
    "/sok/?q=Ostersnd",
]
# What the universities' sites read (syndication/): the content API and a region's embed.
SYNDICATION = [
    "/api/v2/news/?locale=sv",
    "/api/v2/news/?region=mellersta-norrland&locale=sv&fields=*",
    "/api/v2/news/?locale=sv&offset=400",
    "/api/v2/regions/?locale=en",
    "/inbaddning/mellersta-norrland/",
]
REFERENCE = "/"


def setup_site(articles):
    from benchmarks.scale import scaled_site

    env = scaled_site(articles, "testserver", 80)
    os.environ["DJANGO_SETTINGS_MODULE"] = "produktionslyftet.settings.test"
    os.environ["DATABASE_URL"] = env["DATABASE_URL"]
    import django

    django.setup()
    from django.test import override_settings

    # One client asks for everything many times: the API's limit per address is not
    # what is measured.
    override_settings(MEDIA_ROOT=env["MEDIA_ROOT"], API_REQUESTS_PER_MINUTE=10**9).enable()


def measure(repeat):
    """(path, queries, median ms, p95 ms) of each page, requested in turn ``repeat`` times."""
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.measure import forget_kept_pages

    client = Client(HTTP_HOST="testserver")
    paths = PATHS + SEARCHES + SYNDICATION
    counts = {}
    for path in paths:
        response = client.get(path)  # warm up
        assert response.status_code == 200, (path, response.status_code)
        # The query log is a bounded deque; start it empty so the slice counts this request.
        # Every figure is a page built afresh (a page-cache miss), the site-wide parts warm:
        # a hit costs no query and tells nothing about the page.
        reset_queries()
        forget_kept_pages()
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        counts[path] = len(captured)  # read now: the count is a slice of the live log
    timings = {path: [] for path in paths}
    for _ in range(repeat):
        for path in paths:
            reset_queries()
            forget_kept_pages()
            start = time.perf_counter()
            client.get(path)
            timings[path].append((time.perf_counter() - start) * 1000)
    rows = []
    for path in paths:
        found = sorted(timings[path])
        rows.append(
            (path, counts[path], statistics.median(found), found[int(len(found) * 0.95) - 1])
        )
    return rows


def admin_paths():
    """The admin views issue 9 names: a busy region's explorer, an article's editor, the
    translation status report (all of it, and one filtered page) and the dashboard."""
    from articles.models import ArticlePage
    from regions.models import RegionPage

    region = RegionPage.objects.get(locale__language_code="sv", slug="mellersta-norrland")
    article = ArticlePage.objects.child_of(region).order_by("-pk").first()
    return [
        "/admin/",
        f"/admin/pages/{region.pk}/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/reports/translation-status/",
        "/admin/reports/translation-status/?status=missing&kind=page&p=2",
        # The page search (search/wagtail_hooks.py): common words, and one folded.
        "/admin/pages/search/?q=lean",
        "/admin/pages/search/?q=företag",
        "/admin/pages/search/?q=ovre",
    ]


def measure_admin(repeat, reference):
    """
    The admin as the programme office sees it, timed as a page (no page cache there),
    each view requested in turn with the site's ``reference`` page.
    """
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.measure import forget_kept_pages

    user, _created = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client(HTTP_HOST="testserver")
    client.force_login(user)
    visitor = Client(HTTP_HOST="testserver")
    paths = admin_paths()
    counts = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        counts[path] = len(captured)
    timings = {path: [] for path in [reference, *paths]}
    # As many rounds as the pages get: a median of a handful is mostly the machine's noise.
    for _ in range(repeat):
        for path in timings:
            reset_queries()
            forget_kept_pages()
            start = time.perf_counter()
            (visitor if path == reference else client).get(path)
            timings[path].append((time.perf_counter() - start) * 1000)
    rows = []
    for path in paths:
        found = sorted(timings[path])
        rows.append((path, counts[path], statistics.median(found), found[-1]))
    return rows, statistics.median(timings[reference])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--articles",
        type=int,
        default=articles_asked(),
        help="generated articles added to the demo (default: $ARTICLES, or none)",
    )
    parser.add_argument("--repeat", type=int, default=20, help="requests per page")
    args = parser.parse_args()
    setup_site(args.articles)
    rows = measure(args.repeat)
    reference = next(median for path, _queries, median, _high in rows if path == REFERENCE)
    admin, admin_reference = measure_admin(args.repeat, REFERENCE)
    print(
        f"{args.articles} extra articles, {args.repeat} requests per page, "
        f"{database_name()}, test client; ÷ {REFERENCE}: the page's median over the home "
        "page's, built afresh in the same rounds"
    )
    figures = {"database": database_name()}
    for section, found, slowest, base in (
        ("pages", rows, "p95 ms", reference),
        ("admin", admin, "max ms", admin_reference),
    ):
        print(f"{section:<72} {'queries':>7} {'median ms':>10} {slowest:>8} {'÷ ' + REFERENCE:>6}")
        for path, queries, median, high in found:
            print(f"{path:<72} {queries:>7} {median:>10.1f} {high:>8.1f} {median / base:>6.2f}")
        figures[section] = [
            {
                "path": path,
                "queries": queries,
                "median_ms": median,
                slowest.replace(" ", "_"): high,
                "ratio_to_home": median / base,
            }
            for path, queries, median, high in found
        ]
    record("pages", {"repeat": args.repeat, **figures})


if __name__ == "__main__":
    main()
