"""
Browser tests: the real site, served by a separate process on loopback from a database
of its own with the demo content (SQLite, or a database on the PostgreSQL server that
DATABASE_URL names), driven by Debian's Chromium through Playwright.
"""

import email
import email.policy
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.servers import demo_site, free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        # In CI a missing browser is a broken install step, never a reason to skip.
        raise pytest.UsageError(f"Chromium not found at {CHROMIUM}; .ci/run must install it.")
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def site_server():
    """The demo site served by `manage.py runserver` on a free loopback port."""
    workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-browser-"))
    port = free_port()
    manage = [sys.executable, str(ROOT / "manage.py")]
    ARTIFACTS.mkdir(exist_ok=True)
    # The site as visitors get it: real error pages; --insecure serves static files.
    mail_log = workdir / "mail.log"
    with (
        demo_site(workdir, "dev", public_port=port, DEBUG="false", SERVE_MEDIA="true") as env,
        open(ARTIFACTS / "browser-server.log", "w") as server_log,
        open(mail_log, "w") as server_output,
    ):
        server = subprocess.Popen(
            [*manage, "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            # The dev settings' console backend writes each mail sent there (site_mail).
            stdout=server_output,
            stderr=server_log,  # the served site's errors, for when a browser test fails
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(url + "/", timeout=2)
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise RuntimeError("the site did not start") from None
                    time.sleep(0.3)
            yield {"url": url, "env": env, "manage": manage, "mail_log": mail_log}
        finally:
            server.terminate()
            server.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def site_url(site_server):
    return site_server["url"]


@pytest.fixture(scope="session")
def site_mail(site_server):
    """
    The mail the served site has sent so far, as ``email.message.EmailMessage``s: Django's
    console backend writes each whole message to the server's output, a line of 79
    dashes after it.
    """

    def read():
        text = site_server["mail_log"].read_text(encoding="utf-8")
        messages = []
        for chunk in text.split("-" * 79 + "\n"):
            start = re.search(r"^Content-Type: ", chunk, re.MULTILINE)
            if start is not None:  # not what runserver prints on starting
                # As bytes: parts sent as 8-bit UTF-8 then decode as they were sent.
                message = chunk[start.start() :].encode("utf-8")
                messages.append(email.message_from_bytes(message, policy=email.policy.default))
        return messages

    return read


@pytest.fixture(scope="session")
def site_shell(site_server):
    """Run Python against the served site's database, as `manage.py shell -c` would."""

    def run(code):
        result = subprocess.run(
            [*site_server["manage"], "shell", "-c", code],
            env=site_server["env"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    return run


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test file: Playwright's event loop ends with it, so the tests that a
    parallel run gives the same process next may use the database (Django refuses to from
    inside a running event loop)."""
    from playwright.sync_api import expect, sync_playwright

    # Two processes share the machine's two cores in a parallel run: a page may take
    # longer than Playwright's 5 seconds to show a message. Waiting is not what is tested.
    expect.set_options(timeout=20_000)

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
