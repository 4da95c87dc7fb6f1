"""
The accessibility statement (issue 27): in both languages after DIGG's model, linked from
the footer of every page, made by setup_site on a new site and editable by the office;
and its form, through which a visitor reports a barrier to the programme office, with
the interest form's defences (never a 5xx, errors in the visitor's language).
"""

import pytest
from lxml import html as lxml_html

from django.core import mail
from django.core.cache import cache
from django.test import override_settings

from wagtail.models import Page

from accessibility.models import AccessibilityStatementPage, BarrierReport
from tests.admin_forms import form_fields
from tests.conftest import login
from tests.test_interest import closed_port

pytestmark = pytest.mark.django_db

STATEMENT = {"sv": "/tillganglighet/", "en": "/en/accessibility/"}
REPORT = {
    "description": "Menyn går inte att öppna med tangentbordet.",
    "address": "/regioner/",
    "email": "anna@example.org",
}


@pytest.fixture(autouse=True)
def fill_time_and_rate(settings):
    settings.INTEREST_MIN_FILL_SECONDS = 0
    cache.clear()


def send(client, path=STATEMENT["sv"], **changes):
    data = form_fields(client.get(path).content)
    data.update(REPORT)
    data.update(changes)
    return client.post(path, data)


def text(response):
    tree = lxml_html.fromstring(response.content)
    return " ".join(tree.xpath("//main")[0].text_content().split())


def headings(response):
    tree = lxml_html.fromstring(response.content)
    return [" ".join(h.text_content().split()) for h in tree.xpath("//main//h2")]


# --- the statement ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "sv",
            [
                "Hur tillgänglig är webbplatsen?",
                "Vad kan du göra om du inte kan använda delar av webbplatsen?",
                "Rapportera brister i webbplatsens tillgänglighet",
                "Tillsyn",
                "Teknisk information om webbplatsens tillgänglighet",
                "Hur vi testat webbplatsen",
            ],
        ),
        (
            "en",
            [
                "How accessible is the website?",
                "What can you do if you cannot use parts of the website?",
                "Report shortcomings in the website's accessibility",
                "Supervision",
                "Technical information about the website's accessibility",
                "How we tested the website",
            ],
        ),
    ],
)
def test_the_statement_follows_diggs_model_in_each_language(client, language, expected):
    response = client.get(STATEMENT[language])
    assert response.status_code == 200
    assert headings(response) == expected
    page = response.content.decode()
    assert 'href="https://www.digg.se/tdosanmalan"' in page, "the supervisory authority"
    assert ("delvis förenlig" if language == "sv" else "partially compliant") in text(response)
    assert ("30 november 2026" if language == "sv" else "30 November 2026") in text(response)


def test_what_the_office_writes_shows_in_the_statement(client):
    page = AccessibilityStatementPage.objects.get(locale__language_code="sv")
    page.compliance = "full"
    page.known_barriers = "<p>Kartan över noderna saknar textalternativ.</p>"
    page.save_revision().publish()
    shown = text(client.get(STATEMENT["sv"]))
    assert "helt förenlig med nivå AA i WCAG 2.1" in shown
    assert "Kartan över noderna saknar textalternativ." in shown


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_page_links_to_the_statement_in_its_language(client, language):
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code=language)
    search = "/sok/?q=lean" if language == "sv" else "/en/search/?q=lean"
    paths = [page.url for page in pages] + [search]
    assert len(paths) > 10
    for path in paths:
        tree = lxml_html.fromstring(client.get(path).content)
        links = tree.xpath("//footer//a/@href")
        assert STATEMENT[language] in links, path


def test_a_new_site_has_the_statement_in_both_languages(settings):
    """setup_site makes it (tests/test_setup_site.py runs it on an empty database)."""
    from operations.management.commands.setup_site import ACCESSIBILITY_PAGE

    assert ACCESSIBILITY_PAGE["slug"] == ("tillganglighet", "accessibility")
    assert AccessibilityStatementPage.objects.live().count() == 2


# --- reporting a barrier ---------------------------------------------------------------


def test_a_report_reaches_the_office_in_swedish_and_the_visitor_is_thanked(client, settings):
    response = send(client, STATEMENT["en"], description="The menu cannot be opened.")
    assert response.status_code == 302
    assert response["Location"] == f"{STATEMENT['en']}?sent=1#report"
    report = BarrierReport.objects.get()
    assert report.language == "en" and report.mailed
    [message] = mail.outbox
    assert message.to == [settings.INTEREST_FALLBACK_EMAIL]
    assert message.reply_to == ["anna@example.org"]
    assert message.subject == "Rapport om brist i tillgängligheten från webbplatsen"
    assert "The menu cannot be opened." in message.body
    assert f"/admin/snippets/accessibility/barrierreport/inspect/{report.pk}/" in message.body
    thanked = client.get(response["Location"])
    assert "Thank you – your report has been sent" in text(thanked)


def test_a_report_goes_to_the_address_the_office_chose(client):
    page = AccessibilityStatementPage.objects.get(locale__language_code="sv")
    page.report_email = "tillganglighet@produktionslyftet.se"
    page.save_revision().publish()
    assert send(client).status_code == 302
    assert mail.outbox[0].to == ["tillganglighet@produktionslyftet.se"]


def test_when_mail_fails_the_report_is_kept_for_the_office(client):
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port(),
    ):
        response = send(client)
    assert response.status_code == 302, "the visitor is done either way"
    report = BarrierReport.objects.get()
    assert not report.mailed and report.description == REPORT["description"]


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"description": ""}, "Det här fältet är obligatoriskt"),
        ({"description": "x" * 4001}, "som mest 4000 tecken"),
        ({"description": "Menyn\x00 fastnar"}, "osynliga styrtecken"),
        ({"address": "/a\r\nBcc: x@example.org"}, "på en rad"),
        ({"email": "inte en adress"}, "giltig e-postadress"),
    ],
)
def test_bad_input_gets_an_error_beside_the_field_and_nothing_is_stored(client, changes, error):
    response = send(client, **changes)
    assert response.status_code == 400
    assert error in text(response)
    assert not BarrierReport.objects.exists() and not mail.outbox


def test_errors_are_in_english_on_the_english_statement(client):
    response = send(client, STATEMENT["en"], description="")
    assert response.status_code == 400
    assert "This field is required." in text(response)


def test_an_answer_address_may_be_left_out(client):
    assert send(client, email="").status_code == 302
    report = BarrierReport.objects.get()
    assert report.email == "" and mail.outbox[0].reply_to == []


def test_a_filled_honeypot_is_thanked_and_dropped(client):
    assert send(client, website="http://spam.example").status_code == 302
    assert not BarrierReport.objects.exists() and not mail.outbox


def test_a_form_sent_twice_is_stored_once(client):
    data = form_fields(client.get(STATEMENT["sv"]).content)
    data.update(REPORT)
    for _ in range(3):
        assert client.post(STATEMENT["sv"], data).status_code == 302
    assert BarrierReport.objects.count() == 1 and len(mail.outbox) == 1


def test_one_address_may_send_only_so_many(client, settings):
    settings.INTEREST_RATE_LIMIT = 2
    assert send(client).status_code == 302
    assert send(client, description="Två").status_code == 302
    response = send(client, description="Tre")
    assert response.status_code == 429
    assert "För många formulär" in text(response)
    assert BarrierReport.objects.count() == 2


# --- in the admin ----------------------------------------------------------------------


def test_the_office_reads_the_reports_and_nobody_else_sees_them(client, users):
    send(client)
    report = BarrierReport.objects.get()
    office = login(users["office"])
    listing = office.get("/admin/snippets/accessibility/barrierreport/")
    assert listing.status_code == 200 and REPORT["description"][:30] in listing.content.decode()
    inspect = office.get(f"/admin/snippets/accessibility/barrierreport/inspect/{report.pk}/")
    assert inspect.status_code == 200 and REPORT["email"] in inspect.content.decode()
    assert office.get(
        f"/admin/snippets/accessibility/barrierreport/edit/{report.pk}/"
    ).status_code in {
        302,
        403,
    }
    for role in ("region", "translator"):
        editor = login(users[role])
        assert editor.get("/admin/snippets/accessibility/barrierreport/").status_code in {302, 403}
        assert "barrierreport" not in editor.get("/admin/").content.decode(), role
