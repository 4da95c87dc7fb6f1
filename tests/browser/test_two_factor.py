"""
Two-step verification in Chromium, on a site served with TWO_FACTOR_REQUIRED on as in
production: the programme office signs in with its password, sets up an authenticator app
from the secret on the page, keeps its recovery codes and reaches the dashboard; the
pages break no Content-Security-Policy and ask nothing of another site.
"""

import base64
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.servers import ROOT, demo_site, free_port, running

from .test_content_security_policy import watch

pytestmark = pytest.mark.browser

PASSWORD = "produktionslyftet"


@pytest.fixture(scope="module")
def required_site():
    """The demo site with two-step verification required, as production has it."""
    workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-two-factor-"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    manage = [sys.executable, str(ROOT / "manage.py")]
    settings = {"DEBUG": "false", "SERVE_MEDIA": "true", "TWO_FACTOR_REQUIRED": "true"}
    with demo_site(workdir, "dev", public_port=port, **settings) as env:
        serve = [*manage, "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"]
        with running(serve, env, url + "/"):
            yield url
    shutil.rmtree(workdir, ignore_errors=True)


def test_the_office_sets_up_the_app_and_reaches_the_dashboard(browser, required_site):
    context = browser.new_context(base_url=required_site, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    seen = watch(tab)
    tab.goto("/admin/login/")
    tab.locator("#id_username").fill("programkontoret")
    tab.locator("#id_password").fill(PASSWORD)
    tab.locator("form button[type=submit]").click()

    expect(tab).to_have_url(re.compile(r"/admin/two-factor/setup/"))
    expect(tab.get_by_role("img", name="QR-kod med hemligheten nedan")).to_be_visible()
    secret = tab.locator("#two-factor-secret").inner_text()
    code = totp(base64.b32decode("".join(secret.split())))
    tab.get_by_label("Kod från appen").fill(f"{code:06d}")
    tab.get_by_role("button", name="Slå på tvåstegsverifiering").click()

    expect(tab).to_have_url(re.compile(r"/admin/two-factor/recovery-codes/"))
    expect(tab.locator("#recovery-codes li")).to_have_count(10)
    tab.get_by_role("link", name="Jag har sparat dem, fortsätt").click()

    expect(tab).to_have_url(re.compile(r"/admin/$"))
    expect(tab.locator(".w-dashboard h1")).to_be_visible()
    assert seen == {"violations": [], "offsite": []}
    context.close()
