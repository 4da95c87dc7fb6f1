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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import manage  # noqa: E402

ARTIFACT = ROOT / "artifacts" / "bench.json"


def articles_asked():
    return int(os.environ.get("ARTICLES") or 0)


def scaled_site(articles, hostname, port):
    """Environment for the demo site with ``articles`` generated articles, built if missing."""
    directory = ROOT / "var" / "bench" / f"site-{articles}"
    directory.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "produktionslyftet.settings.local",
        "DATABASE_URL": f"sqlite:///{directory / 'site.sqlite3'}",
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
    return env


def record(section, figures):
    """File ``figures`` under ``section`` in artifacts/bench.json, keeping the other sections."""
    ARTIFACT.parent.mkdir(exist_ok=True)
    kept = json.loads(ARTIFACT.read_text()) if ARTIFACT.exists() else {}
    if kept.get("articles") != articles_asked():
        kept = {}  # figures of another size are not comparable
    kept.update(
        articles=articles_asked(),
        machine=f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    )
    kept[section] = {"measured": datetime.datetime.now().isoformat(timespec="seconds"), **figures}
    ARTIFACT.write_text(json.dumps(kept, indent=2))
