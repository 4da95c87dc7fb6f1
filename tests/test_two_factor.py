"""
Two-step verification (accounts/): after the password, an editor with an authenticator app
gives one of its codes before any admin page opens; with TWO_FACTOR_REQUIRED on, the
programme office and administrators without one are sent to set it up first.
"""

import base64

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from lxml import html as lxml_html

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from wagtail.models import Page, PageViewRestriction

from accounts import twofactor
from governance.groups import PROGRAMME_OFFICE
from tests.admin_forms import form_fields
from tests.test_settings import setting

pytestmark = pytest.mark.django_db

PASSWORD = "rätt-lösenord-1"


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def editor(username, group):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def office(db):
    return editor("programkontoret", PROGRAMME_OFFICE)


@pytest.fixture
def region_editor(db):
    return editor("mellersta-norrland", "Region Mellersta Norrland")


def app_for(user):
    """An authenticator app already set up for ``user``."""
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def code_from(key):
    """The six digits an authenticator app holding ``key`` (bytes) shows now."""
    return f"{totp(key):06d}"


def sign_in(username):
    """A client past the password, as an editor would be after the login form."""
    client = Client(HTTP_HOST="testserver")
    data = form_fields(client.get("/admin/login/").content)
    data.update(username=username, password=PASSWORD)
    response = client.post("/admin/login/", data)
    assert response.status_code == 302 and response["Location"] == "/admin/", "the password"
    return client


def give_code(client, code):
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(
        "/admin/two-factor/verify/"
    ), "asked for a code"
    url = response["Location"]
    data = form_fields(client.get(url).content)
    data["code"] = code
    return client.post(url, data)


def errors(response):
    return [error.code for error in response.context["form"].errors.as_data().get("code", [])]


def in_admin(client):
    return client.get("/admin/").status_code == 200


def test_the_office_without_an_app_cannot_reach_the_admin(required, office):
    client = sign_in("programkontoret")
    for path in ("/admin/", "/admin/pages/", "/admin/account/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/two-factor/setup/"), path


def test_the_office_sets_up_the_app_and_then_reaches_the_admin(required, office):
    client = sign_in("programkontoret")
    setup = client.get(client.get("/admin/")["Location"])
    page = lxml_html.fromstring(setup.content)
    secret = page.get_element_by_id("two-factor-secret").text_content()
    assert page.xpath("//img[starts-with(@src, 'data:image/svg+xml;base64,')]"), "a QR code"
    data = form_fields(setup.content)
    data["code"] = code_from(base64.b32decode(secret.replace(" ", "")))
    response = client.post(setup.wsgi_request.get_full_path(), data)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/recovery-codes/")
    shown = lxml_html.fromstring(client.get(response["Location"]).content)
    codes = shown.xpath("//ul[@id='recovery-codes']//code/text()")
    assert len(codes) == 10, "ten recovery codes"
    assert client.get(response["Location"]).status_code == 302, "shown once"
    assert in_admin(client)
    assert twofactor.is_enrolled(office)


def test_an_editor_with_an_app_gives_a_code_after_the_password(region_editor):
    device = app_for(region_editor)
    client = sign_in("mellersta-norrland")
    assert not in_admin(client), "the password alone"
    response = give_code(client, code_from(device.bin_key))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert in_admin(client)


def test_a_wrong_code_is_refused_with_a_form_error(region_editor):
    device = app_for(region_editor)
    client = sign_in("mellersta-norrland")
    wrong = f"{(int(code_from(device.bin_key)) + 1) % 1_000_000:06d}"
    response = give_code(client, wrong)
    assert response.status_code == 200 and errors(response) == ["wrong"]
    assert not in_admin(client)


def test_wrong_codes_make_the_next_try_wait(region_editor):
    device = app_for(region_editor)
    client = sign_in("mellersta-norrland")
    give_code(client, "000000" if code_from(device.bin_key) != "000000" else "111111")
    response = give_code(client, code_from(device.bin_key))
    assert errors(response) == ["throttled"], "even the right code waits after a wrong one"


def test_a_recovery_code_works_once(region_editor):
    app_for(region_editor)
    code = twofactor.new_recovery_codes(region_editor)[0]
    client = sign_in("mellersta-norrland")
    assert give_code(client, code).status_code == 302
    assert in_admin(client)
    again = sign_in("mellersta-norrland")
    response = give_code(again, code)
    assert response.status_code == 200 and errors(response) == ["wrong"]
    assert twofactor.recovery_codes_left(region_editor) == 9


def test_with_enforcement_off_the_demo_login_reaches_the_admin(office):
    client = sign_in("programkontoret")
    assert in_admin(client)


def test_others_need_no_app_even_with_enforcement_on(required, region_editor):
    assert in_admin(sign_in("mellersta-norrland"))


def test_the_password_alone_cannot_put_another_app_in_place(region_editor):
    app_for(region_editor)
    client = sign_in("mellersta-norrland")
    response = client.get("/admin/two-factor/setup/")
    assert response.status_code == 302 and response["Location"].startswith(
        "/admin/two-factor/verify/"
    )


def test_before_the_code_the_session_opens_no_private_page(region_editor, sv):
    app_for(region_editor)
    page = Page.objects.live().filter(locale=sv, depth=3).first().specific
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    client = sign_in("mellersta-norrland")
    response = client.get(page.url)
    assert response.status_code == 302 and "/_util/login/" in response["Location"], (
        "asked to log in, as an anonymous visitor is"
    )


def test_the_account_page_offers_two_step_verification(region_editor):
    client = Client(HTTP_HOST="testserver")
    client.force_login(region_editor)
    assert "/admin/two-factor/" in client.get("/admin/account/").content.decode()
    assert client.get("/admin/two-factor/").status_code == 200


def test_the_office_cannot_turn_it_off_where_it_is_required(required, office):
    app_for(office)
    client = sign_in("programkontoret")
    give_code(client, code_from(TOTPDevice.objects.get(user=office).bin_key))
    client.post("/admin/two-factor/turn-off/")
    assert twofactor.is_enrolled(office), "refused, as Wagtail refuses: back to the dashboard"
    assert in_admin(client)


def test_a_command_removes_a_lost_app(required, office):
    app_for(office)
    twofactor.new_recovery_codes(office)
    call_command("reset_two_factor", "programkontoret")
    assert not twofactor.is_enrolled(office) and twofactor.recovery_codes_left(office) == 0
    response = sign_in("programkontoret").get("/admin/")
    assert response["Location"].startswith("/admin/two-factor/setup/"), "set up a new one"


def test_it_is_required_in_production_and_not_in_make_run():
    production = {"SECRET_KEY": "a-long-random-looking-value-used-only-by-this-test-5e0d"}
    assert (
        setting(
            "produktionslyftet.settings.production", "settings.TWO_FACTOR_REQUIRED", **production
        )
        == "True"
    )
    assert setting("produktionslyftet.settings.local", "settings.TWO_FACTOR_REQUIRED") == "False"
    assert setting("produktionslyftet.settings.dev", "settings.TWO_FACTOR_REQUIRED") == "False"
    off = {**production, "TWO_FACTOR_REQUIRED": "false"}
    assert (
        setting("produktionslyftet.settings.production", "settings.TWO_FACTOR_REQUIRED", **off)
        == "False"
    )


def test_an_editor_who_need_not_have_it_can_turn_it_off(region_editor):
    device = app_for(region_editor)
    client = sign_in("mellersta-norrland")
    give_code(client, code_from(device.bin_key))
    assert client.post("/admin/two-factor/turn-off/").status_code == 302
    assert not twofactor.is_enrolled(region_editor)
    assert in_admin(sign_in("mellersta-norrland")), "the password alone again"
