"""
A server error leaves a trace: one line of JSON with its traceback in the log, a mail to
ADMINS and an event in Sentry; and a superuser can cause one on purpose, to check all
three after a deploy (operations/views.py).
"""

import json
import logging
import os
import subprocess
import sys

import pytest

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import gettext

from operations.views import RequestedTestError
from produktionslyftet.logging import JsonFormatter
from produktionslyftet.settings.base import env_addresses
from tests.servers import ROOT, built_demo, collected_static, copy_database
from tests.stand_ins import sentry_server, smtp_server

URL = "/admin/operations/test-error/"


# --- who may ask for a test error ----------------------------------------------------------


@pytest.mark.django_db
def test_a_superuser_sees_the_page_with_its_button(client):
    client.force_login(get_user_model().objects.create_superuser("drift", "d@example.se", "pw"))
    response = client.get(URL)
    assert response.status_code == 200
    assert b'<form method="post"' in response.content
    with translation.override("sv"):  # the admin speaks the site's language by default
        assert gettext("Cause a test error") in response.content.decode()


@pytest.mark.django_db
def test_a_superuser_who_asks_gets_an_unhandled_exception(client):
    client.force_login(get_user_model().objects.create_superuser("drift", "d@example.se", "pw"))
    with pytest.raises(RequestedTestError, match="Test error requested by drift"):
        client.post(URL)


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_no_one_else_may_ask_for_a_test_error(office, method):
    """
    The programme office edits everything, but does not run the servers: Wagtail's
    "permission denied", a way back to the dashboard with its message, and nothing raised.
    """
    response = getattr(office, method)(URL, follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    with translation.override("sv"):
        refusal = gettext("Sorry, you do not have permission to access this area.")
    assert refusal in response.content.decode()


# --- the settings and the log line ---------------------------------------------------------


def test_admins_are_read_with_or_without_names(monkeypatch):
    monkeypatch.setenv("ADMINS", "Ann <ann@x.se>, bo@y.se")
    assert env_addresses("ADMINS") == [("Ann", "ann@x.se"), ("bo@y.se", "bo@y.se")]
    monkeypatch.setenv("ADMINS", "")
    assert env_addresses("ADMINS") == []


@pytest.mark.parametrize("value", ["ann", "Ann <ann", "ann@x.se bo@y.se"])
def test_admins_that_are_not_addresses_stop_the_site_from_starting(monkeypatch, value):
    monkeypatch.setenv("ADMINS", value)
    with pytest.raises(ImproperlyConfigured, match="ADMINS"):
        env_addresses("ADMINS")


def test_a_log_event_is_one_line_whatever_it_holds():
    try:
        raise ValueError("två\nrader\u2028och en till")
    except ValueError:
        record = logging.LogRecord(
            "produktionslyftet", logging.ERROR, __file__, 1, "fel:\n%s", ("å",), sys.exc_info()
        )
    line = JsonFormatter().format(record)
    assert len(line.splitlines()) == 1
    event = json.loads(line)
    assert event["message"] == "fel:\nå" and event["level"] == "ERROR"
    assert event["exception"].startswith("ValueError: två")
    assert event["traceback"].startswith("Traceback (most recent call last):")


# --- a real error, in production settings --------------------------------------------------


def envelope_items(body):
    """(item header, payload) pairs of a Sentry envelope: a header line, then pairs of lines."""
    lines = body.split(b"\n")[1:]
    items = []
    while len(lines) >= 2 and lines[0]:
        header = json.loads(lines[0])
        payload = lines[1]
        items.append((header, json.loads(payload) if payload.startswith(b"{") else payload))
        lines = lines[2:]
    return items


# In the production settings: a logged-in superuser's POST (cookies, CSRF token and all)
# through Django's WSGI handler, as gunicorn hands it over behind a TLS terminator; then a
# load balancer's probe by address over plain HTTP.
SCRIPT = """
import io
import json
from wsgiref.util import setup_testing_defaults

from django.contrib.auth import get_user_model
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client
from django.utils.crypto import get_random_string
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

application = WSGIHandler()


def call(method, path, host, **headers):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "HTTP_HOST": host,
        "wsgi.input": io.BytesIO(b""),
        "CONTENT_LENGTH": "0",
        **headers,
    }
    setup_testing_defaults(environ)
    answer = {}
    body = b"".join(application(environ, lambda status, h, e=None: answer.update(s=status)))
    return {"status": int(answer["s"].split()[0]), "body": body.decode()}


user = get_user_model().objects.create_superuser("drift", "drift@example.se", "pw")
editor = Client()
editor.force_login(user)
# Past the second step too, which production asks of a superuser (accounts/).
session = editor.session
session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.create(user=user, name="app").persistent_id
session.save()
csrf = get_random_string(32)
error = call(
    "POST",
    "/admin/operations/test-error/",
    "produktionslyftet.se",
    HTTP_X_FORWARDED_PROTO="https",
    HTTP_ORIGIN="https://produktionslyftet.se",
    HTTP_COOKIE=f"sessionid={editor.cookies['sessionid'].value}; csrftoken={csrf}",
    HTTP_X_CSRFTOKEN=csrf,
)
probe = call("GET", "/healthz", "127.0.0.1")
print("RESULT " + json.dumps({
    "error": error,
    "probe": probe,
    "session": editor.cookies["sessionid"].value,
    "csrf": csrf,
}))
"""


@pytest.fixture(scope="module")
def error_in_production(tmp_path_factory):
    """Production settings, ADMINS and Sentry set, after one request that raised."""
    workdir = tmp_path_factory.mktemp("error-reports")
    with smtp_server() as mailbox, sentry_server() as sentry:
        yield from raised_in_production(workdir, mailbox, sentry)


def raised_in_production(workdir, mailbox, sentry):
    database_url, drop_database = copy_database(built_demo()[0], workdir)
    not_inherited = {"SENTRY_DSN", "SENTRY_ENVIRONMENT", "REDIS_URL", "LOG_LEVEL", "ADMINS"}
    env = {
        **{k: v for k, v in os.environ.items() if k not in not_inherited},
        "DJANGO_SETTINGS_MODULE": "produktionslyftet.settings.production",
        "SECRET_KEY": "a-long-random-looking-value-used-only-by-this-test-4c1d8e0b6f2a",
        "ALLOWED_HOSTS": "produktionslyftet.se",
        "DATABASE_URL": database_url,
        # The site's 500 page links its stylesheet by its hashed name.
        "STATIC_ROOT": str(collected_static()),
        "MEDIA_ROOT": str(workdir / "media"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mailbox.port),
        "ADMINS": "Ann Drift <ann@example.se>, jour@example.se",
        "SERVER_EMAIL": "server@produktionslyftet.se",
        "SENTRY_DSN": f"http://public@127.0.0.1:{sentry.server_port}/1",
        "SENTRY_ENVIRONMENT": "test",
    }
    try:
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell", "-c", SCRIPT],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        outcome = json.loads(result.stdout.split("RESULT ", 1)[1])
        yield {
            **outcome,
            "stderr": result.stderr,
            "mail": mailbox.messages,
            "sentry": list(sentry.envelopes),
        }
    finally:
        drop_database()


def test_the_visitor_gets_the_sites_own_error_page(error_in_production):
    assert error_in_production["error"]["status"] == 500
    page = error_in_production["error"]["body"]
    assert "Något gick fel" in page and 'class="site-header"' in page


def test_the_log_has_one_line_of_json_with_the_traceback(error_in_production):
    lines = error_in_production["stderr"].splitlines()
    events = [json.loads(line) for line in lines]  # every line is JSON
    errors = [e for e in events if e["level"] == "ERROR"]
    assert len(errors) == 1, errors
    error = errors[0]
    assert error["logger"] == "django.request"
    assert (error["method"], error["path"], error["status"]) == ("POST", URL, 500)
    assert error["exception"] == "RequestedTestError: Test error requested by drift"
    assert error["traceback"].startswith("Traceback (most recent call last):")
    assert 'operations/views.py", line' in error["traceback"]
    assert error_in_production["session"] not in error_in_production["stderr"]


def test_the_administrators_are_mailed_the_traceback(error_in_production):
    assert len(error_in_production["mail"]) == 1
    recipients, message = error_in_production["mail"][0]
    assert sorted(recipients) == ["ann@example.se", "jour@example.se"]
    assert message["From"] == "server@produktionslyftet.se"
    assert message["Subject"].startswith("[Produktionslyftet] ERROR")
    assert f"Internal Server Error: {URL}" in message["Subject"]
    body = message.get_content().replace("\r\n", "\n")
    assert f"RequestedTestError at {URL}\nTest error requested by drift" in body
    assert "Traceback (most recent call last):" in body and "operations/views.py" in body
    assert error_in_production["session"] not in body


def test_sentry_gets_one_event_with_the_exception_and_no_personal_data(error_in_production):
    sent = error_in_production["sentry"]
    assert sent and all(path == "/api/1/envelope/" for path, _body in sent)
    events = [
        payload
        for _path, body in sent
        for header, payload in envelope_items(body)
        if header.get("type") == "event"
    ]
    assert len(events) == 1
    event = events[0]
    exception = event["exception"]["values"][-1]
    assert exception["type"] == "RequestedTestError"
    assert exception["value"] == "Test error requested by drift"
    assert event["environment"] == "test"
    # The scheme as the application server saw it: Sentry does not read X-Forwarded-Proto.
    assert event["request"]["url"].endswith(f"://produktionslyftet.se{URL}")
    assert event["request"]["method"] == "POST"
    headers = event["request"]["headers"]
    assert headers["Cookie"] == headers["X-Csrftoken"] == "[Filtered]"
    assert "cookies" not in event["request"] and "user" not in event
    everything = b"".join(body for _path, body in sent)
    assert error_in_production["session"].encode() not in everything
    assert error_in_production["csrf"].encode() not in everything


def test_a_probe_by_address_over_http_gets_healthz_in_production(error_in_production):
    probe = error_in_production["probe"]
    assert probe["status"] == 200
    assert json.loads(probe["body"]) == {"status": "ok", "database": "ok", "cache": "ok"}
