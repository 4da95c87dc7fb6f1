"""
Response time and query count of the main public pages built afresh (page-cache misses,
the site-wide parts warm), on a demo site with many articles added, through Django's test
client (no network). Prints figures; fails on
nothing, since timings depend on the machine.

    make bench            # or: python benchmarks/bench_pages.py --articles 600 --repeat 30
"""

import argparse
import datetime
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
    workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "produktionslyftet.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command(
        "load_demo_content",
        "--no-admin",
        "--hostname",
        "testserver",
        "--port",
        "80",
        stdout=io.StringIO(),
    )

    from articles.models import ArticlePage
    from regions.models import RegionPage

    regions = list(RegionPage.objects.filter(locale__language_code="sv"))
    for number in range(articles):
        region = regions[number % len(regions)]
        page = ArticlePage(
            title=f"Benchmarkartikel {number}",
            slug=f"bench-{number}",
            kind=["news", "feature", "blog", "editorial"][number % 4],
            date=datetime.date(2012, 1, 1) + datetime.timedelta(days=number),
            introduction="En artikel för att mäta listningarna.",
        )
        region.add_child(instance=page)
        page.save_revision().publish()


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


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=600, help="articles added to the demo")
    parser.add_argument("--repeat", type=int, default=20, help="requests per page")
    args = parser.parse_args()
    setup_site(args.articles)
    rows = measure(args.repeat)
    print(f"{args.articles} extra articles, {args.repeat} requests per page, SQLite, test client")
    print(f"{'page':<72} {'queries':>7} {'median ms':>10} {'p95 ms':>8}")
    for path, queries, median, p95 in rows:
        print(f"{path:<72} {queries:>7} {median:>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
