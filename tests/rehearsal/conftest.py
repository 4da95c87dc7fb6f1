"""
The production rehearsal (``make rehearsal``): the stack of docs/deployment.md brought up
once with the guide's own scripts (tests/rehearsal/stack.py), then checked through HTTPS
as visitors, editors and attackers would use it. Needs root, as a sysadmin does: it runs
PostgreSQL as its own user and nginx on ports 80 and 443.
"""

import base64
import json
import os
import socket
import tempfile
import time
from urllib.parse import urljoin

import pytest
import requests
import urllib3.util.connection
from django_otp.oath import TOTP
from lxml import html as lxml_html
from requests.adapters import HTTPAdapter

from tests.admin_forms import form_fields
from tests.rehearsal.stack import ADMIN, DEMO_PASSWORD, SITE, Stack
from tests.stand_ins import sentry_server, smtp_server

# localhost is 127.0.0.1 here: nginx listens on IPv4, and clients pick their own 127.0.0.x.
urllib3.util.connection.allowed_gai_family = lambda: socket.AF_INET


class FromAddress(HTTPAdapter):
    """Connections from one loopback address: a visitor of their own."""

    def __init__(self, address, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def visitor(stack, address="127.0.0.1"):
    """A browser-like session from ``address``, trusting the rehearsal's certificate."""
    session = requests.Session()
    # Only this certificate: a CA bundle named in the environment would take its place.
    session.trust_env = False
    session.verify = str(stack.certificate_file)
    session.mount("https://", FromAddress(address))
    session.mount("http://", FromAddress(address))
    # A browser's form posts carry their page as Referer, which Django's CSRF check on
    # HTTPS asks for.
    session.headers["Referer"] = SITE + "/admin/"
    return session


def log_in(stack, username, password, address="127.0.0.1"):
    session = visitor(stack, address)
    response = attempt_login(session, username, password)
    assert response.status_code == 302 and response.headers["Location"] == "/admin/", (
        f"{username} logged in"
    )
    second_step(session, username)
    assert session.get(SITE + "/admin/", allow_redirects=False, timeout=10).status_code == 200
    return session


# The key of each editor's authenticator app, once set up: {username: key}; and the last
# time step whose code each has used, which the site accepts only once.
APPS = {}
USED_STEPS = {}


def second_step(session, username):
    """
    Two-step verification as a person goes through it, where the admin asks for it
    (TWO_FACTOR_REQUIRED is on in production): set up an app from the secret the page
    shows, or give the code the app shows now.
    """
    response = session.get(SITE + "/admin/", allow_redirects=False, timeout=10)
    if response.status_code != 302:
        return
    url = urljoin(SITE, response.headers["Location"])
    page = session.get(url, timeout=10)
    assert page.status_code == 200, url
    if "/two-factor/setup/" in url:
        secret = lxml_html.fromstring(page.content).get_element_by_id("two-factor-secret")
        APPS[username] = base64.b32decode(secret.text_content().replace(" ", ""))
    data = form_fields(page.content)
    data["code"] = code_for(username)
    response = session.post(url, data=data, allow_redirects=False, timeout=10)
    assert response.status_code == 302, f"{username}'s code was accepted"


def code_for(username):
    """The code the app shows now; a fresh one, waiting for it if this one was used."""
    app = TOTP(APPS[username])
    now = time.time()
    if now // app.step <= USED_STEPS.get(username, -1):
        time.sleep((USED_STEPS[username] + 1) * app.step - now + 0.5)
        now = time.time()
    app.time = now
    USED_STEPS[username] = app.t()
    return f"{app.token():06d}"


def attempt_login(session, username, password, **headers):
    data = form_fields(session.get(SITE + "/admin/login/", timeout=10).content)
    data.update(username=username, password=password)
    return session.post(
        SITE + "/admin/login/", data=data, headers=headers, allow_redirects=False, timeout=10
    )


@pytest.fixture(scope="session")
def smtp():
    with smtp_server() as mailbox:
        yield mailbox


@pytest.fixture(scope="session")
def sentry():
    with sentry_server() as server:
        yield server


@pytest.fixture(scope="session")
def stack(smtp, sentry):
    if os.geteuid() != 0:
        pytest.fail("The rehearsal runs as root, as a sysadmin does (make rehearsal)")
    stack = Stack(tempfile.mkdtemp(prefix="produktionslyftet-rehearsal-"))
    try:
        stack.start_postgres()
        stack.start_redis()
        stack.certificate_file = stack.certificate()
        stack.environment = stack.write_environment(
            {
                "EMAIL_PORT": str(smtp.port),
                "ADMINS": "Driften <drift@example.org>",
                "SENTRY_DSN": f"http://public@127.0.0.1:{sentry.server_address[1]}/1",
                "WEB_CONCURRENCY": "2",
            }
        )
        stack.script(
            "create-database",
            env={"PGHOST": str(stack.pg_socket), "PGPORT": str(stack.ports["postgres"])},
        )
        username, password = ADMIN
        stack.deploy_output = stack.script(
            "deploy",
            env={
                "DJANGO_SUPERUSER_USERNAME": username,
                "DJANGO_SUPERUSER_EMAIL": "drift@example.org",
                "DJANGO_SUPERUSER_PASSWORD": password,
            },
        ).stdout
        stack.start_gunicorn()
        stack.start_worker()
        stack.start_varnish("varnish1")
        stack.start_varnish("varnish2")
        stack.start_nginx()
        stack.wait_until_served(visitor(stack))
        yield stack
    finally:
        stack.stop_all()


@pytest.fixture(scope="session")
def demo(stack):
    """The demo's content on the set-up site: regions, editors, articles, translations."""
    stack.script(
        "manage",
        "load_demo_content",
        "--hostname",
        "localhost",
        "--port",
        "443",
        env={"DEMO_ADMIN_PASSWORD": DEMO_PASSWORD},
    )
    return json.loads(stack.shell(PAGES))


PAGES = """
import json
from articles.models import ArticlePage
sv = ArticlePage.objects.get(locale__language_code="sv", slug="reflektion-fran-mitt-sverige")
en = sv.get_translations().get()
print(json.dumps({"sv": {"pk": sv.pk, "url": sv.url}, "en": {"pk": en.pk, "url": en.url}}))
"""
