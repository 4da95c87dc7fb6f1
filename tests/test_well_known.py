"""
What the site tells strangers about itself: /.well-known/security.txt (RFC 9116) names
whom to tell of a vulnerability; an anonymous visitor's only cookie is the form's CSRF
token, which lasts until the browser closes (docs/security.md, Privacy).
"""

import datetime

import pytest

from django.utils import timezone

from tests.test_settings import manage

pytestmark = pytest.mark.django_db


def fields(response):
    lines = response.content.decode().splitlines()
    return dict(line.split(": ", 1) for line in lines if line)


def test_security_txt_names_the_configured_contact(client, settings):
    settings.SECURITY_CONTACT = "mailto:sakerhet@example.se"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(response)
    assert found["Contact"] == "mailto:sakerhet@example.se"
    assert found["Canonical"] == "http://testserver/.well-known/security.txt"
    assert found["Preferred-Languages"] == "sv, en"
    expires = datetime.datetime.fromisoformat(found["Expires"])
    assert timezone.now() < expires < timezone.now() + datetime.timedelta(days=365)


def test_security_txt_falls_back_to_the_first_administrator(client, settings):
    settings.SECURITY_CONTACT = ""
    settings.ADMINS = [("Driften", "drift@example.se"), ("Ann", "ann@example.se")]
    assert fields(client.get("/.well-known/security.txt"))["Contact"] == "mailto:drift@example.se"


def test_without_a_contact_there_is_no_security_txt(client, settings):
    settings.SECURITY_CONTACT = ""
    settings.ADMINS = []
    assert client.get("/.well-known/security.txt").status_code == 404


def test_a_contact_that_is_no_address_stops_the_start():
    result = manage(
        "check",
        DJANGO_SETTINGS_MODULE="produktionslyftet.settings.test",
        SECURITY_CONTACT="security@example.se",
    )
    assert result.returncode != 0
    assert "SECURITY_CONTACT must be a mailto: or https:// address" in result.stderr


@pytest.mark.parametrize("path", ["/", "/en/", "/aktuellt/", "/sok/?q=lean", "/regioner/"])
def test_an_anonymous_visitor_gets_no_cookie_from_pages_without_a_form(client, path):
    assert not client.get(path).cookies


@pytest.mark.parametrize("path", ["/delta/", "/en/take-part/"])
def test_the_forms_cookie_lasts_until_the_browser_closes(client, path):
    response = client.get(path)
    assert list(response.cookies) == ["csrftoken"]
    cookie = response.cookies["csrftoken"]
    assert not cookie["expires"] and not cookie["max-age"]
    assert cookie["samesite"] == "Lax"
