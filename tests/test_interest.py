"""
The interest form: a company signs up at /delta/ or /en/take-part/; the submission is
stored, routed to the node that serves its county, mailed to that node (through a real
SMTP server on loopback) with a confirmation to the company in its language; nothing is
lost when mail fails; spam is kept out; each node sees only its own in the admin.
"""

import datetime
import email
import socket
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from lxml import html as lxml_html

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from interest.models import MailStatus, Submission
from interest.validators import luhn_ok
from tests.admin_forms import form_fields
from tests.conftest import login

pytestmark = pytest.mark.django_db

JAMTLAND = "23"
COMPANY = {
    "company_name": "Östersunds Svets AB",
    "org_number": "556036-0793",
    "county": JAMTLAND,
    "employees": "10-49",
    "contact_name": "Karin Berg",
    "email": "karin@example.org",
    "phone": "063-12 34 56",
    "message": "Vi vill korta ställtiderna.",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def fill_time_and_rate(settings):
    settings.INTEREST_MIN_FILL_SECONDS = 0
    cache.clear()


def send(client, path, **changes):
    data = form_fields(client.get(path).content)
    data.update(COMPANY)
    data.update(changes)
    data = {k: v for k, v in data.items() if v is not None}
    return client.post(path, data)


class Recorder:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=default_policy))
        )
        return "250 OK"


@pytest.fixture
def smtp_server():
    recorder = Recorder()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
    ):
        yield recorder
    controller.stop()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the page ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "label", "privacy"),
    [
        ("/delta/", "Organisationsnummer", "/personuppgifter/"),
        ("/en/take-part/", "Organisation number", "/en/personal-data/"),
    ],
)
def test_the_form_in_each_language(client, path, label, privacy):
    response = client.get(path)
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    assert label in tree.xpath("string(//label[@for='id_org_number'])")
    assert tree.xpath("//form[@class='interest-form']//a/@href") == [privacy]
    assert len(tree.xpath("//select[@name='county']/option[@value!='']")) == 21
    assert "private" in response["Cache-Control"], "a form with a CSRF token is never shared"


# --- a company in Jämtland signs up in English -------------------------------------------------


def test_a_company_in_jamtland_signs_up_in_english_and_the_node_gets_it(client, smtp_server):
    response = send(client, "/en/take-part/")
    assert response.status_code == 302 and response["Location"] == "/en/take-part/?sent=1"
    submission = Submission.objects.get()
    assert (submission.region.slug, submission.region.locale.language_code) == (
        "mellersta-norrland",
        "sv",
    )
    assert (submission.language, submission.mail_status) == ("en", MailStatus.SENT)

    (to_node, node_mail), (to_company, receipt) = smtp_server.messages
    assert to_node == ["mellersta-norrland@example.org"]
    body = node_mail.get_body().get_content()
    assert "Östersunds Svets AB" in node_mail["Subject"] and "556036-0793" in body
    assert f"/admin/snippets/interest/submission/inspect/{submission.pk}/" in body
    assert to_company == ["karin@example.org"]
    assert receipt["Subject"] == "We have received your interest in Produktionslyftet"
    assert "Your node: Central Norrland, Mid Sweden University." in receipt.get_body().get_content()

    thanks = lxml_html.fromstring(client.get("/en/take-part/?sent=1").content)
    assert "Thank you – your interest has been sent" in thanks.text_content()


def test_the_swedish_confirmation_is_in_swedish(client):
    send(client, "/delta/", county="12")  # Skåne: Sydsverige
    (to_node, receipt) = mail.outbox
    assert to_node.to == ["sydsverige@example.org"]
    assert receipt.subject == "Vi har tagit emot er intresseanmälan till Produktionslyftet"
    assert "Er nod: Sydsverige" in receipt.body


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("12345", "Ange organisationsnumret med tio siffror"),
        ("556036-0794", "kontrollsiffran stämmer inte"),
        ("<script>", "Ange organisationsnumret med tio siffror"),
    ],
)
def test_a_wrong_organisation_number_gets_a_message_next_to_the_field(client, value, error):
    response = send(client, "/delta/", org_number=value)
    assert response.status_code == 400
    tree = lxml_html.fromstring(response.content)
    assert error in tree.xpath("string(//p[@id='id_org_number-error'])")
    assert tree.xpath("//input[@name='company_name']/@value") == ["Östersunds Svets AB"], "kept"
    assert (
        tree.xpath("string(//textarea[@name='message'])").strip() == "Vi vill korta ställtiderna."
    )
    assert not Submission.objects.exists()


def test_errors_are_in_english_on_the_english_form(client):
    response = send(client, "/en/take-part/", consent=None, email="inte-en-adress")
    tree = lxml_html.fromstring(response.content)
    assert "We need your consent" in tree.xpath("string(//p[@id='id_consent-error'])")
    assert "valid email" in tree.xpath("string(//p[@id='id_email-error'])")


def test_the_check_digit_follows_luhn():
    assert luhn_ok("5560360793") and not luhn_ok("5560360794")


# --- nothing lost --------------------------------------------------------------------------------


def test_when_mail_fails_the_submission_is_kept_and_retried(client, smtp_server):
    with override_settings(EMAIL_PORT=closed_port()):
        response = send(client, "/delta/")
    assert response.status_code == 302, "the company is done either way"
    submission = Submission.objects.get()
    assert submission.mail_status == MailStatus.FAILED and submission.mail_error
    assert smtp_server.messages == []

    call_command("retry_interest_mail")
    submission.refresh_from_db()
    assert submission.mail_status == MailStatus.SENT and submission.mail_attempts == 2
    assert len(smtp_server.messages) == 2


# --- spam --------------------------------------------------------------------------------------


def test_a_filled_honeypot_is_thanked_and_dropped(client):
    response = send(client, "/delta/", website="http://spam.example")
    assert response.status_code == 302
    assert not Submission.objects.exists() and not mail.outbox


def test_a_form_sent_faster_than_a_person_types_is_refused(client, settings):
    settings.INTEREST_MIN_FILL_SECONDS = 3
    response = send(client, "/delta/")
    assert response.status_code == 400
    assert "snabbare än någon hinner skriva" in response.content.decode()
    assert not Submission.objects.exists()


def test_one_address_may_send_only_so_many(client, settings):
    settings.INTEREST_RATE_LIMIT = 2
    assert send(client, "/delta/").status_code == 302
    assert send(client, "/delta/", company_name="Andra AB").status_code == 302
    response = send(client, "/delta/", company_name="Tredje AB")
    assert response.status_code == 429
    assert "För många formulär" in response.content.decode()
    assert Submission.objects.count() == 2


# --- in the admin ------------------------------------------------------------------------------


def test_each_node_sees_only_its_own_submissions_and_the_office_all(client, users):
    send(client, "/delta/")  # Jämtland: Mellersta Norrland
    send(client, "/delta/", county="25", company_name="Luleå Plåt AB")  # Övre Norrland
    own, other = Submission.objects.order_by("pk")

    listing = login(users["region"]).get("/admin/snippets/interest/submission/").content.decode()
    assert "Östersunds Svets AB" in listing and "Luleå Plåt AB" not in listing
    region = login(users["region"])
    assert region.get(f"/admin/snippets/interest/submission/inspect/{own.pk}/").status_code == 200
    assert region.get(f"/admin/snippets/interest/submission/inspect/{other.pk}/").status_code == 404

    office = login(users["office"]).get("/admin/snippets/interest/submission/").content.decode()
    assert "Östersunds Svets AB" in office and "Luleå Plåt AB" in office
    translator = login(users["translator"]).get("/admin/snippets/interest/submission/")
    assert translator.status_code == 302, "translators have no business here"


def test_the_office_exports_a_spreadsheet_and_a_node_only_its_own(client, users):
    send(client, "/delta/")
    send(client, "/delta/", county="25", company_name="Luleå Plåt AB")
    url = "/admin/snippets/interest/submission/?export=csv"
    office = b"".join(login(users["office"]).get(url).streaming_content).decode()
    assert "556036-0793" in office and "Luleå Plåt AB" in office
    region = b"".join(login(users["region"]).get(url).streaming_content).decode()
    assert "Östersunds Svets AB" in region and "Luleå Plåt AB" not in region


def test_nobody_edits_what_a_company_sent(client, users):
    send(client, "/delta/")
    submission = Submission.objects.get()
    for actor in ("office", "region"):
        response = login(users[actor]).get(
            f"/admin/snippets/interest/submission/edit/{submission.pk}/"
        )
        assert response.status_code == 302


# --- retention ---------------------------------------------------------------------------------


def test_old_submissions_are_deleted_after_the_retention_period(client, settings):
    settings.INTEREST_RETENTION_DAYS = 365
    send(client, "/delta/")
    send(client, "/delta/", company_name="Gammal AB")
    Submission.objects.filter(company_name="Gammal AB").update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    call_command("delete_old_submissions")
    assert list(Submission.objects.values_list("company_name", flat=True)) == [
        "Östersunds Svets AB"
    ]


def test_a_post_without_the_csrf_token_is_refused():
    client = Client(HTTP_HOST="testserver", enforce_csrf_checks=True)
    assert client.post("/delta/", COMPANY).status_code == 403
    assert not Submission.objects.exists()
