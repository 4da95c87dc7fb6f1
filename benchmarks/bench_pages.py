"""
Response time and query count of the main public pages built afresh (page-cache misses,
the site-wide parts warm), on a demo site with many articles added, through Django's test
client (no network). Prints figures; fails on
nothing, since timings depend on the machine.

    make bench                  # the demo as it is
    make bench ARTICLES=10000   # or: python benchmarks/bench_pages.py --articles 10000
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale import articles_asked, record  # noqa: E402

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
    "/sok/?q=Norrland",
    "/rss/",
    "/sitemap.xml",
]


def setup_site(articles):
    from benchmarks.scale import scaled_site

    env = scaled_site(articles, "testserver", 80)
    os.environ["DJANGO_SETTINGS_MODULE"] = "produktionslyftet.settings.test"
    os.environ["DATABASE_URL"] = env["DATABASE_URL"]
    import django

    django.setup()
    from django.test import override_settings

    override_settings(MEDIA_ROOT=env["MEDIA_ROOT"]).enable()


def measure(repeat):
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.measure import forget_kept_pages

    client = Client(HTTP_HOST="testserver")
    rows = []
    for path in PATHS:
        response = client.get(path)  # warm up
        assert response.status_code == 200, (path, response.status_code)
        # The query log is a bounded deque; start it empty so the slice counts this request.
        # Every figure is a page built afresh (a page-cache miss), the site-wide parts warm:
        # a hit costs no query and tells nothing about the page.
        reset_queries()
        forget_kept_pages()
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries = len(captured)  # read now: the count is a slice of the live log
        timings = []
        for _ in range(repeat):
            reset_queries()
            forget_kept_pages()
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        rows.append(
            (path, queries, statistics.median(timings), timings[int(len(timings) * 0.95) - 1])
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
    ]


def measure_admin(repeat):
    """The admin as the programme office sees it, timed as a page (no page cache there)."""
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    user, _created = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client(HTTP_HOST="testserver")
    client.force_login(user)
    rows = []
    for path in admin_paths():
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries = len(captured)
        timings = []
        for _ in range(max(3, repeat // 4)):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        rows.append((path, queries, statistics.median(timings), timings[-1]))
    return rows


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
    admin = measure_admin(args.repeat)
    print(f"{args.articles} extra articles, {args.repeat} requests per page, SQLite, test client")
    figures = {}
    for section, found, slowest in (("pages", rows, "p95 ms"), ("admin", admin, "max ms")):
        print(f"{section:<72} {'queries':>7} {'median ms':>10} {slowest:>8}")
        for path, queries, median, high in found:
            print(f"{path:<72} {queries:>7} {median:>10.1f} {high:>8.1f}")
        figures[section] = [
            {"path": path, "queries": queries, "median_ms": median, slowest.replace(" ", "_"): high}
            for path, queries, median, high in found
        ]
    record("pages", {"repeat": args.repeat, **figures})


if __name__ == "__main__":
    main()
