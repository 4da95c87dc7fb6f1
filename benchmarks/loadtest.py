"""
``make loadtest``: readers and editors at once, on loopback only.

The demo site is served as in production (gunicorn, the production settings, Varnish in
front when varnishd is installed, PostgreSQL when DATABASE_URL names it), a bounded
locust load of anonymous readers runs against it, and meanwhile a publisher publishes
revisions of articles, their English translations and partners. Afterwards: no 5xx, no
revision lost, and every published change is what a reader gets, through the cache.

Prints a summary and writes artifacts/loadtest.json; exits non-zero if a check fails.
LOADTEST_USERS (32), LOADTEST_SECONDS (60) and LOADTEST_PUBLISHES (50) size it.
"""

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import demo_site, free_port, gunicorn, manage, running, varnish  # noqa: E402

USERS = int(os.environ.get("LOADTEST_USERS", "32"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "60"))
PUBLISHES = int(os.environ.get("LOADTEST_PUBLISHES", "50"))

URLS = """
import json
from articles.models import ArticlePage
from wagtail.models import Revision
articles = ArticlePage.objects.filter(locale__language_code="sv").order_by("pk")[:5]
urls = [a.url for a in articles] + [a.get_translations().get().url for a in articles]
print(json.dumps({"urls": urls, "revisions": Revision.objects.count()}))
"""


def shell(env, code):
    result = manage(env, "shell", "-c", code, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def locust_totals(prefix):
    with open(f"{prefix}_stats.csv") as stats:
        total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
    with open(f"{prefix}_failures.csv") as failures:
        failed = list(csv.DictReader(failures))
    return {
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "requests_per_second": round(float(total["Requests/s"]), 1),
        "p50_ms": float(total["50%"]),
        "p99_ms": float(total["99%"]),
        "failure_kinds": [f"{row['Method']} {row['Name']}: {row['Error']}" for row in failed],
    }


def served_text(url, expected):
    tree = lxml_html.fromstring(requests.get(url, timeout=10).content)
    return expected in tree.xpath("string(//h1)")


def main():
    workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-loadtest-"))
    front, app = free_port(), free_port()
    report = {"users": USERS, "seconds": SECONDS, "publishes": PUBLISHES}
    with demo_site(workdir, "local", public_port=front) as env:
        report["database"] = env["DATABASE_URL"].split(":", 1)[0]
        before = shell(env, URLS)
        front_cache = varnish(workdir, front, app)
        report["varnish"] = front_cache is not None
        if front_cache is None:
            front = app  # readers go straight to the application server
        env = {**env, "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{front}"}
        app_url, front_url = f"http://127.0.0.1:{app}", f"http://127.0.0.1:{front}"
        with running(gunicorn(env, app), env, app_url + "/healthz"):
            proxy = running(front_cache, env, front_url + "/healthz") if front_cache else None
            if proxy:
                proxy.__enter__()
            try:
                paths = ["/", "/en/", "/aktuellt/", "/en/news/", "/partner/", *before["urls"]]
                locust = subprocess.Popen(
                    [
                        str(Path(sys.executable).with_name("locust")),
                        "-f", str(ROOT / "benchmarks" / "locustfile.py"),
                        "--headless", "-u", str(USERS), "-r", str(USERS),
                        "-t", f"{SECONDS}s", "--host", front_url,
                        "--csv", str(workdir / "locust"), "--only-summary",
                        "--stop-timeout", "5",
                    ],
                    env={**os.environ, "LOADTEST_PATHS": ",".join(paths)},
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )  # fmt: skip
                time.sleep(min(5, SECONDS / 6))
                interval = max(0.05, (SECONDS * 0.7) / max(PUBLISHES, 1))
                published = manage(
                    env,
                    "publish_revisions",
                    "--count", str(PUBLISHES),
                    "--interval", str(interval),
                    capture_output=True,
                    text=True,
                )  # fmt: skip
                expected = json.loads(published.stdout.strip().splitlines()[-1])["expected"]
                locust.wait(timeout=SECONDS + 120)
                time.sleep(1)  # the last purge
                report["load"] = locust_totals(workdir / "locust")

                stale = []
                for url, text in expected.items():
                    if url.startswith("partner:"):
                        page = requests.get(front_url + "/partner/", timeout=10).text
                        ok = text in page
                    else:
                        ok = served_text(front_url + url, text)
                    if not ok:
                        stale.append(url)
                after = shell(env, URLS)
            finally:
                if proxy:
                    proxy.__exit__(None, None, None)
    # Each publish is one revision: of an article, of its translation, or of a partner.
    report["checks"] = {
        "server_errors": report["load"]["failures"],
        "revisions_added": after["revisions"] - before["revisions"],
        "revisions_expected": PUBLISHES,
        "stale_after_publish": stale,
    }
    ok = (
        report["load"]["failures"] == 0
        and report["checks"]["revisions_added"] == PUBLISHES
        and not stale
        and report["load"]["requests"] > 0
    )
    report["ok"] = ok
    (ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / "loadtest.json").write_text(json.dumps(report, indent=2))
    load = report["load"]
    print(
        f"loadtest: {USERS} readers for {SECONDS} s against "
        f"{'Varnish + ' if report['varnish'] else ''}gunicorn on {report['database']}, "
        f"{PUBLISHES} publishes meanwhile"
    )
    print(
        f"  {load['requests']} requests, {load['requests_per_second']} req/s, "
        f"p50 {load['p50_ms']:.0f} ms, p99 {load['p99_ms']:.0f} ms, "
        f"{load['failures']} server errors"
    )
    print(
        f"  revisions added {report['checks']['revisions_added']} "
        f"(expected {PUBLISHES}); stale after publish: {len(stale)}"
    )
    for kind in load["failure_kinds"]:
        print(f"  failure: {kind}")
    print("  OK" if ok else "  FAILED")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
