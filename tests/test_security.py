"""
Hardening an attacker would test: login lockout on the admin, no Django admin, no avatar
lookups off the site, and uploads that cannot be used against the site.
"""

import io

import pytest
from lxml import html as lxml_html
from PIL import Image

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings

from governance.groups import PROGRAMME_OFFICE
from tests.admin_forms import form_fields

pytestmark = pytest.mark.django_db

PASSWORD = "rätt-lösenord-1"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaktor", "r@example.org", PASSWORD)


def attempt(username, password, address="203.0.113.7", **headers):
    client = Client(HTTP_HOST="testserver", REMOTE_ADDR=address, **headers)
    data = form_fields(client.get("/admin/login/").content)
    data.update(username=username, password=password)
    return client, client.post("/admin/login/", data)


def logged_in(client):
    return client.get("/admin/").status_code == 200


def test_the_right_password_logs_in(editor):
    client, response = attempt("redaktor", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


def test_after_five_failures_even_the_right_password_is_refused_from_that_address(editor):
    for _ in range(5):
        attempt("redaktor", "fel")
    client, response = attempt("redaktor", PASSWORD)
    assert response.status_code == 429
    assert "För många misslyckade inloggningar" in response.content.decode()
    assert not logged_in(client)


def test_the_lockout_message_is_in_the_editors_language(editor):
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(editor).__class__.objects.filter(user=editor).update(
        preferred_language="en"
    )
    for _ in range(5):
        attempt("redaktor", "fel")
    _client, response = attempt("redaktor", PASSWORD)
    html = response.content.decode()
    assert "Too many failed logins" in html and 'lang="en"' in html


def test_one_address_trying_many_usernames_is_locked_out(editor):
    for name in ["anna", "bertil", "cesar", "david", "erik"]:
        attempt(name, "fel", address="192.0.2.44")
    client, response = attempt("redaktor", PASSWORD, address="192.0.2.44")
    assert response.status_code == 429 and not logged_in(client)
    other, _response = attempt("redaktor", PASSWORD, address="192.0.2.45")
    assert logged_in(other), "another address, and this username has no failures"


def test_a_forwarded_header_is_ignored_without_trusted_proxies(editor):
    for n in range(5):
        attempt(f"x{n}", "fel", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    client, response = attempt("redaktor", PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.99")
    assert response.status_code == 429, "a new forwarded address per attempt does not help"
    assert not logged_in(client)


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_the_forwarded_address_counts(editor):
    for n in range(5):
        attempt(f"x{n}", "fel", address="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.50")
    client, _response = attempt(
        "redaktor", PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.51"
    )
    assert logged_in(client), "another visitor behind the same proxy is not locked out"


def test_a_strangers_failures_leave_the_editor_able_to_log_in_from_elsewhere(db):
    office = get_user_model().objects.create_user("programkontoret", "pk@example.org", PASSWORD)
    office.groups.add(Group.objects.get(name=PROGRAMME_OFFICE))
    for _ in range(50):
        attempt("programkontoret", "gissning", address="203.0.113.66")
    attacker, response = attempt("programkontoret", PASSWORD, address="203.0.113.66")
    assert response.status_code == 429 and not logged_in(attacker), "the attacker is locked out"
    client, response = attempt("programkontoret", PASSWORD, address="198.51.100.20")
    assert response.status_code == 302 and logged_in(client), f"{office} is not"


def test_a_command_lifts_the_lockout(editor):
    for _ in range(5):
        attempt("redaktor", "fel")
    call_command("axes_reset_username", "redaktor")
    client, _response = attempt("redaktor", PASSWORD)
    assert logged_in(client)


def ask_for_password_reset(email, address="203.0.113.7"):
    client = Client(HTTP_HOST="testserver", REMOTE_ADDR=address)
    return client.post("/admin/password_reset/", {"email": email})


def test_password_reset_mails_one_account_at_most_three_times_an_hour(editor, mailoutbox):
    answers = [ask_for_password_reset(editor.email, f"198.51.100.{n}") for n in range(25)]
    assert len(mailoutbox) == 3
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, "/admin/password_reset/done/")
    }, "beyond the limit the answer is the same: it tells nobody whether the account exists"


def test_password_reset_answers_an_unknown_address_as_a_known_one(editor, mailoutbox):
    unknown = ask_for_password_reset("ingen@example.org", "198.51.100.1")
    known = ask_for_password_reset(editor.email, "198.51.100.2")
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert len(mailoutbox) == 1


def test_one_client_address_asks_for_at_most_five_password_resets_an_hour(db, mailoutbox):
    for n in range(25):
        get_user_model().objects.create_user(f"redaktor{n}", f"r{n}@example.org", PASSWORD)
    answers = [ask_for_password_reset(f"r{n}@example.org") for n in range(25)]
    assert len(mailoutbox) == 5
    assert [a.status_code for a in answers] == [302] * 5 + [429] * 20
    assert "För många begäranden" in answers[-1].content.decode()
    other = ask_for_password_reset("r0@example.org", address="192.0.2.80")
    assert other.status_code == 302, "another address is not limited"


def test_there_is_no_django_admin(client):
    assert client.get("/django-admin/").status_code == 404


def test_the_admin_calls_no_outside_service(editor):
    client = Client(HTTP_HOST="testserver")
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html
    assert "releases.wagtail.org" not in html, "no version check"
    sources = lxml_html.fromstring(html).xpath("//img/@src")
    assert all(src.startswith(("/", "data:")) for src in sources), sources


# --- uploads ---------------------------------------------------------------------------


def admin_client(user):
    client = Client(HTTP_HOST="testserver")
    client.force_login(user)
    return client


def upload_image(client, name, content, content_type="image/png"):
    data = form_fields(client.get("/admin/images/add/").content)
    data.update(title=name, file=SimpleUploadedFile(name, content, content_type=content_type))
    return client.post("/admin/images/add/", data)


def png(width, height):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def field_errors(response):
    tree = lxml_html.fromstring(response.content)
    return " ".join(tree.xpath("//*[contains(@class, 'error-message')]//text()")).strip()


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_decompression_bomb_is_refused_with_a_message(editor):
    from wagtail.images.models import Image as WagtailImage

    before = WagtailImage.objects.count()
    bomb = png(10_000, 10_000)  # 100 megapixels in a few hundred kilobytes
    assert len(bomb) < 2_000_000
    response = upload_image(admin_client(editor), "bomb.png", bomb)
    assert response.status_code == 200
    assert "för hög upplösning" in field_errors(response)
    assert "40000000" in field_errors(response), "the project's cap, not Wagtail's default"
    assert WagtailImage.objects.count() == before


def test_an_image_over_the_byte_limit_is_refused(editor):
    with override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000):
        response = upload_image(admin_client(editor), "stor.png", png(400, 400) + b"\0" * 2000)
    assert response.status_code == 200 and field_errors(response)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        ("sida.html", b"<html><script>alert(1)</script></html>", "text/html"),
        ("fusk.png", b"<html><script>alert(1)</script></html>", "image/png"),
    ],
)
def test_svg_and_html_are_refused_as_images(editor, name, content, content_type):
    from wagtail.images.models import Image as WagtailImage

    before = WagtailImage.objects.count()
    response = upload_image(admin_client(editor), name, content, content_type)
    assert response.status_code == 200 and field_errors(response)
    assert WagtailImage.objects.count() == before


@pytest.mark.parametrize("name", ["sida.html", "bild.svg", "skript.js"])
def test_html_svg_and_scripts_are_refused_as_documents(editor, name):
    from wagtail.documents.models import Document

    client = admin_client(editor)
    data = form_fields(client.get("/admin/documents/add/").content)
    data.update(
        title=name, file=SimpleUploadedFile(name, b"<script>alert(1)</script>", "text/html")
    )
    response = client.post("/admin/documents/add/", data)
    assert response.status_code == 200 and field_errors(response)
    assert not Document.objects.filter(title=name).exists()


def test_a_document_can_never_run_script_on_the_sites_origin(editor):
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Anteckningar",
        file=SimpleUploadedFile("anteckningar.txt", b"<script>alert(1)</script>"),
    )
    response = Client(HTTP_HOST="testserver").get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
