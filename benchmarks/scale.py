"""
What both benchmarks share: the demo site with N generated articles (``make bench
ARTICLES=N``), built once per N and kept under var/bench/ (10,000 articles take a while
to build: each is translated through wagtail-localize), and artifacts/bench.json, where
each benchmark files its figures.
"""

import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import manage  # noqa: E402

ARTIFACT = ROOT / "artifacts" / "bench.json"


def articles_asked():
    return int(os.environ.get("ARTICLES") or 0)


def events_asked():
    return int(os.environ.get("EVENTS") or 0)


def database_name():
    """What the figures are measured on, "SQLite" or "PostgreSQL" (from DATABASE_URL)."""
    return "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"


def site_database(articles, directory):
    """
    The bench site's database: an SQLite file in ``directory``, or, when DATABASE_URL names
    a PostgreSQL server, a database of its own there (``…_bench_<articles>``), kept too.
    """
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{directory / 'site.sqlite3'}"
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'produktionslyftet'}_bench_{articles}"
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            db.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def scaled_site(articles, hostname, port):
    """Environment for the demo site with ``articles`` generated articles, built if missing."""
    suffix = "" if database_name() == "SQLite" else "-postgresql"
    events = events_asked()
    suffix += f"-events-{events}" if events else ""
    directory = ROOT / "var" / "bench" / f"site-{articles}{suffix}"
    directory.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "produktionslyftet.settings.local",
        "DATABASE_URL": site_database(articles, directory),
        "MEDIA_ROOT": str(directory / "media"),
    }
    manage(env, "migrate", "--no-input", "-v0")
    manage(
        env,
        "load_demo_content",
        "--no-admin",
        "--hostname",
        hostname,
        "--port",
        str(port),
        stdout=subprocess.DEVNULL,
    )
    if articles:
        manage(env, "add_articles", str(articles))
    if events:
        manage(env, "add_events", str(events))
    return env


def record(section, figures):
    """File ``figures`` under ``section`` in artifacts/bench.json, keeping the other sections."""
    ARTIFACT.parent.mkdir(exist_ok=True)
    kept = json.loads(ARTIFACT.read_text()) if ARTIFACT.exists() else {}
    if (
        kept.get("articles") != articles_asked()
        or kept.get("database", "SQLite") != database_name()
    ):
        kept = {}  # figures of another size or database are not comparable
    kept.update(
        articles=articles_asked(),
        database=database_name(),
        machine=f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    )
    kept[section] = {"measured": datetime.datetime.now().isoformat(timespec="seconds"), **figures}
    ARTIFACT.write_text(json.dumps(kept, indent=2))
