"""
The interest form, its mail and its exports under attack (issue 22). Whatever a visitor
sends, the form either takes it or answers with a message next to the field, in the
visitor's language, and never a 5xx; a mail that cannot go, for any reason, leaves its
submission stored and marked failed, and the retry command goes on with the others; the
CSV and XLSX the office opens hold no formula a spreadsheet would run and no character
it cannot hold.
"""

import csv
import io
import smtplib
import unicodedata
from urllib.parse import quote

import pytest
from lxml import html as lxml_html
from openpyxl import load_workbook

from django.core import mail
from django.core.mail import BadHeaderError
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command

from interest.models import MailStatus, Submission
from interest.views import serving_node
from interest.wagtail_hooks import SubmissionViewSet
from regions.models import County
from tests.admin_forms import form_fields
from tests.conftest import login
from tests.test_interest import COMPANY, JAMTLAND, send
from tests.test_interest import smtp_server as real_smtp_server

pytestmark = pytest.mark.django_db
smtp_server = real_smtp_server  # the fixture: mail through a real SMTP server on loopback

FORMS = {"sv": "/delta/", "en": "/en/take-part/"}
SCRIPT = "<script>alert('x')</script>"
HYPERLINK = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture(autouse=True)
def fill_time_and_rate(settings):
    """Posts as fast and as many as the tests need: the limits have their own tests."""
    settings.INTEREST_MIN_FILL_SECONDS = 0
    settings.INTEREST_RATE_LIMIT = 10_000


def field_error(response, field):
    tree = lxml_html.fromstring(response.content)
    return tree.xpath(f"string(//p[@id='id_{field}-error'])")


# --- the form refuses, field by field, in the visitor's language --------------------------------

LINE_BREAK = {"sv": "Skriv detta på en rad, utan radbrytningar.", "en": "Write this on one line"}
INVISIBLE = {"sv": "osynliga styrtecken", "en": "invisible control characters"}
UNREADABLE = {"sv": "Några tecken gick inte att läsa", "en": "Some characters could not be read"}
BAD_EMAIL = {"sv": "Fyll i en giltig e-postadress", "en": "Enter a valid email address"}
EMAIL_TOO_LONG = {"sv": "som mest 254 tecken", "en": "at most 254 characters"}

REFUSED = {
    # A header injection: once a 500, with the submission stored and no mail sent.
    "crlf-in-company": ("company_name", "Evil AB\r\nBcc: everyone@example.org", LINE_BREAK),
    "lf-in-company": ("company_name", "Evil AB\nX-Spam: yes", LINE_BREAK),
    "cr-in-contact": ("contact_name", "Karin\rBerg", LINE_BREAK),
    "line-separator-in-contact": ("contact_name", "Karin\u2028Berg", LINE_BREAK),
    "nul-in-company": ("company_name", "Evil\x00 AB", INVISIBLE),
    "escape-in-company": ("company_name", "\x1b[31mRed AB", INVISIBLE),
    "c1-control-in-contact": ("contact_name", "Karin\x9bBerg", INVISIBLE),
    "bidi-override-in-contact": ("contact_name", "Karin \u202egreB", INVISIBLE),
    "bidi-isolate-in-company": ("company_name", "Evil\u2066 AB", INVISIBLE),
    "bidi-override-in-email": ("email", "karin@exa\u202emple.org", INVISIBLE),
    "bell-in-message": ("message", "Hej\x07 där", INVISIBLE),
    "nul-in-message": ("message", "Hej\x00 där", INVISIBLE),
    "bidi-override-in-message": ("message", "Vi vill \u202eatrok", INVISIBLE),
    # U+FFFD is what bytes that are not UTF-8 (a lone surrogate's among them) arrive as.
    "replacement-character": ("company_name", "Evil\ufffd AB", UNREADABLE),
    "noncharacter": ("contact_name", "Karin\uffff", UNREADABLE),
    # Each an address no mail server can be given: once a 500 after the form took it.
    "domain-without-ascii-form": ("email", "karin@exa\u2ff0mple.org", BAD_EMAIL),
    "domain-whose-ascii-form-has-a-space": ("email", "karin@exa\u3000mple.org", BAD_EMAIL),
    "email-longer-than-stored": ("email", "k" * 290 + "@example.org", EMAIL_TOO_LONG),
}


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(("field", "value", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_hostile_text_is_refused_next_to_its_field(client, language, field, value, message):
    response = send(client, FORMS[language], **{field: value})
    assert response.status_code == 400
    assert message[language] in field_error(response, field)
    assert not Submission.objects.exists() and not mail.outbox


def test_a_message_keeps_its_line_breaks_and_tabs_but_no_other_control_character(client):
    refused = send(client, "/delta/", message="Rad ett\r\nRad två\x0bmed vertikal tabb")
    assert refused.status_code == 400
    assert INVISIBLE["sv"] in field_error(refused, "message")

    taken = send(client, "/delta/", message="Rad ett\r\nRad två\tmed tabb")
    assert taken.status_code == 302
    assert Submission.objects.get().message == "Rad ett\r\nRad två\tmed tabb"


@pytest.mark.parametrize(
    "digits", ["５５６０３６-０７９３", "٥٥٦٠٣٦٠٧٩٣"], ids=["full-width", "arabic"]
)
def test_an_organisation_number_in_other_digits_is_stored_in_ascii_digits(client, digits):
    assert send(client, "/en/take-part/", org_number=digits).status_code == 302
    assert Submission.objects.get().org_number == "556036-0793"


# Raw, percent-encoded values: bytes that are not UTF-8 reach the form only this way.
HOSTILE = {
    "nul": "%00",
    "crlf": "a%0d%0aBcc:%20everyone@example.org",
    "control": "%01%02%1b[31m%7f",
    "c1-control": "%c2%85%c2%9b",
    "not-utf8": "%ff%fe%c3",
    "lone-surrogate": "%ed%a0%80",
    "bidi-override": "%e2%80%ae",
    "noncharacter": "%ef%bf%bf",
    "long": "%c3%a5" * 20_000,
    "script": quote(SCRIPT),
    "sql": quote("' OR 1=1--"),
    "formula": quote(HYPERLINK),
    "empty": "",
}
CHARSETS = ["utf-8", "latin-1", "utf-16", "no-such-charset"]
URLENCODED = "application/x-www-form-urlencoded"


def test_no_input_makes_the_form_answer_a_server_error(client):
    """Every field with every hostile value, and the form in odd charsets, in both languages."""
    client.raise_request_exception = False
    failures = []
    for language, path in FORMS.items():
        fields = {**form_fields(client.get(path).content), **COMPANY}
        for field, (name, value) in ((f, v) for f in fields for v in HOSTILE.items()):
            body = "&".join(
                f"{key}={value if key == field else quote(str(given))}"
                for key, given in fields.items()
            )
            response = client.generic("POST", path, body, content_type=URLENCODED)
            if response.status_code >= 500 or SCRIPT in response.content.decode(errors="replace"):
                failures.append((language, field, name, response.status_code))
        for charset in CHARSETS:
            body = "&".join(f"{key}={quote(str(given))}" for key, given in fields.items())
            response = client.generic(
                "POST", path, body.encode(), content_type=f"{URLENCODED}; charset={charset}"
            )
            if response.status_code >= 500:
                failures.append((language, "charset", charset, response.status_code))
        huge = client.generic("POST", path, "message=" + "a" * 3_000_000, content_type=URLENCODED)
        if huge.status_code >= 500:
            failures.append((language, "body", "huge", huge.status_code))
    assert failures == []
    # What was taken holds no control character, but a message's newlines and tabs.
    for submission in Submission.objects.all():
        for field in ("company_name", "org_number", "contact_name", "email", "phone"):
            assert not any(is_control(char) for char in getattr(submission, field))
        assert not any(is_control(char, kept="\t\n\r") for char in submission.message)


# --- mail that cannot be sent ----------------------------------------------------------------


class BrokenBackend(BaseEmailBackend):
    """A mail backend that fails as it is told to."""

    error = RuntimeError("told to fail")

    def send_messages(self, messages):
        raise self.error


MAIL_ERRORS = {
    "bad-header": BadHeaderError("Header values can't contain newlines"),
    "server-gone": smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
    "refused": smtplib.SMTPRecipientsRefused({"karin@example.org": (550, b"No such user")}),
    "timeout": TimeoutError("timed out"),
    "anything-else": RuntimeError("the unforeseen"),
}


@pytest.mark.parametrize("error", MAIL_ERRORS.values(), ids=MAIL_ERRORS.keys())
def test_a_mail_that_cannot_be_sent_leaves_the_submission_stored_marked_failed_and_logged(
    client, settings, monkeypatch, caplog, error
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"
    monkeypatch.setattr(BrokenBackend, "error", error)
    response = send(client, "/en/take-part/")
    assert response.status_code == 302 and response["Location"] == "/en/take-part/?sent=1"
    submission = Submission.objects.get()
    assert submission.mail_status == MailStatus.FAILED
    assert submission.mail_error.startswith(type(error).__name__)
    logged = [r for r in caplog.records if r.name == "interest.mail" and r.levelname == "ERROR"]
    assert len(logged) == 1 and f"submission {submission.pk} " in logged[0].getMessage()


def stored(company_name, status=MailStatus.FAILED, **changes):
    """A submission as the database may hold it, whatever the form of the day let through."""
    county = County.objects.get(pk=JAMTLAND)
    fields = {**COMPANY, "county": county, "consent": True, "company_name": company_name}
    return Submission.objects.create(
        **{**fields, **changes},
        region=serving_node(county),
        language="sv",
        mail_status=status,
    )


def test_a_submission_stored_with_a_line_break_in_its_name_is_mailed_on_one_line(smtp_server):
    poisoned = stored("Evil AB\r\nBcc: everyone@example.org", status=MailStatus.PENDING)
    call_command("retry_interest_mail", stdout=io.StringIO(), stderr=io.StringIO())
    poisoned.refresh_from_db()
    assert poisoned.mail_status == MailStatus.SENT
    (_, to_node), (_, receipt) = smtp_server.messages
    assert (
        to_node["Subject"].strip()
        == "Intresseanmälan från Evil AB Bcc: everyone@example.org (Jämtlands län)"
    )
    assert to_node["Bcc"] is None and receipt["Bcc"] is None


def test_retry_goes_on_past_a_submission_that_cannot_be_mailed_and_names_it(smtp_server):
    first = stored("Första AB")
    poisoned = stored("Förgiftad AB", email="karin@example.org\r\nBcc: everyone@example.org")
    last = stored("Sista AB", status=MailStatus.PENDING)
    out, err = io.StringIO(), io.StringIO()

    call_command("retry_interest_mail", stdout=out, stderr=err)

    for submission in (first, poisoned, last):
        submission.refresh_from_db()
    assert (first.mail_status, last.mail_status) == (MailStatus.SENT, MailStatus.SENT)
    assert poisoned.mail_status == MailStatus.FAILED and poisoned.mail_attempts == 1
    assert poisoned.mail_error.startswith("BadHeaderError")
    assert len(smtp_server.messages) == 4, "both mails of the good ones"
    assert "Sent 2; still failing 1" in out.getvalue()
    assert f"#{poisoned.pk} " in err.getvalue() and "BadHeaderError" in err.getvalue()


# --- the office's exports ----------------------------------------------------------------------

EXPORT_URL = "/admin/snippets/interest/submission/?export={}"
COLUMNS = SubmissionViewSet.list_export
# How a cell starts that a spreadsheet runs as a formula, the full-width forms included.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


@pytest.fixture
def hostile_rows(client, users):
    """A formula through the form itself, and rows holding what no form should let through."""
    assert send(client, "/delta/", company_name=HYPERLINK).status_code == 302
    stored("+1+1 AB", contact_name="-2+3", message="@SUM(1+1)*cmd|' /C calc'!A0")
    stored("\tTabb AB", contact_name="\rCR", message="＝1+1")
    stored("\x01=1+1 AB", contact_name="Bell\x07 Esc\x1b", message="Rad ett\nRad\x0b två\tslut")
    return login(users["office"])


def by_company(rows):
    return {row[COLUMNS.index("company_name")]: row for row in rows}


def is_control(char, kept=""):
    return unicodedata.category(char) == "Cc" and char not in kept


def assert_safe(rows):
    for cell in (cell for row in rows for cell in row if isinstance(cell, str)):
        assert not cell.startswith(FORMULA_STARTS), cell
        assert not any(is_control(char, kept="\t\n") for char in cell), cell


def assert_neutralised(rows):
    rows = by_company(rows)
    assert "'" + HYPERLINK in rows
    contact, message = COLUMNS.index("contact_name"), COLUMNS.index("message")
    assert rows["'+1+1 AB"][contact] == "'-2+3"
    assert rows["'+1+1 AB"][message] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert rows["'\tTabb AB"][contact] == "'\nCR", "a carriage return is a line break"
    assert rows["'\tTabb AB"][message] == "'＝1+1"
    # Dropping what cannot be held must not uncover a formula.
    assert rows["'=1+1 AB"][contact] == "Bell Esc"
    assert rows["'=1+1 AB"][message] == "Rad ett\nRad två\tslut"


def test_the_csv_export_runs_no_formula_and_holds_no_control_character(hostile_rows):
    response = hostile_rows.get(EXPORT_URL.format("csv"))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text, newline="")))[1:]
    assert len(rows) == 4
    assert_safe(rows)
    assert_neutralised(rows)


def test_the_xlsx_export_opens_runs_no_formula_and_holds_no_control_character(hostile_rows):
    response = hostile_rows.get(EXPORT_URL.format("xlsx"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    rows = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == 4
    assert_safe(rows)
    assert_neutralised(rows)


def test_a_region_exports_only_its_own_and_still_safely(client, users):
    send(client, "/delta/", company_name=HYPERLINK)
    send(client, "/delta/", county="25", company_name="=Luleå Plåt AB")
    region = login(users["region"])
    text = b"".join(region.get(EXPORT_URL.format("csv")).streaming_content).decode()
    assert "'" + HYPERLINK.replace('"', '""') in text and "Luleå" not in text
