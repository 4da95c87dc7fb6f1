"""
A Swedish page never published (a draft, or waiting for its first approval) is "not
published yet" in the translation status, and only the programme office, who may publish
it, is offered to translate it: translators never translate text the office has not
approved. A live page with changes in review keeps the status of its live version.
"""

import pytest

from wagtail.models import Page

from home.models import ContentPage, HomePage
from regions.models import RegionPage
from tests.conftest import login
from tests.test_moderation import region, submitted_editorial  # noqa: F401 (fixtures)
from translations import store
from translations.status import Status

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("status_kept_true")]

REPORT = "/admin/reports/translation-status/"


def status_of(page, en):
    return store.states([en]).get(page=page).status


def submit_url(page):
    return f"/admin/localize/submit/page/{page.pk}/"


@pytest.fixture
def draft(sv):
    """A Swedish page saved as a draft, never published."""
    home = HomePage.objects.get(locale=sv)
    page = home.add_child(instance=ContentPage(title="Utkast om kurser", slug="kurser", live=False))
    page.save_revision()
    return page


@pytest.fixture
def awaiting_approval(request):
    """A regional editor's new editorial, waiting for the programme office's approval."""
    _author, page = request.getfixturevalue("submitted_editorial")
    return page


def test_a_draft_never_published_is_not_published_yet(draft, en):
    assert status_of(draft, en) == Status.UNPUBLISHED


def test_a_page_waiting_for_its_first_approval_is_not_published_yet(awaiting_approval, en):
    assert status_of(awaiting_approval, en) == Status.UNPUBLISHED


def test_a_live_page_with_changes_in_review_keeps_its_live_status(sv, en):
    home = HomePage.objects.get(locale=sv)
    page = home.add_child(instance=ContentPage(title="Öppettider", slug="oppettider"))
    page.save_revision().publish()
    page.refresh_from_db()
    page.title = "Öppettider 2027"
    page.save_revision()
    page.get_workflow().start(page, page.owner)
    assert status_of(page, en) == Status.MISSING


def test_once_published_it_is_missing_its_translation(draft, en):
    draft.get_latest_revision().publish()
    assert status_of(draft, en) == Status.MISSING


def test_the_report_says_not_published_yet(draft, office):
    html = office.get(REPORT, {"status": Status.UNPUBLISHED}).content.decode()
    assert "Utkast om kurser" in html
    assert "Inte publicerad än" in html


def test_the_translator_is_not_offered_to_translate_it(draft, translator):
    html = translator.get(REPORT, {"status": Status.UNPUBLISHED}).content.decode()
    assert "Utkast om kurser" in html
    assert submit_url(draft) not in html


def test_a_regional_editor_is_offered_only_their_published_pages_in_the_explorer(sv, users):
    node = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    published = node.add_child(instance=ContentPage(title="Publicerad", slug="publicerad"))
    published.save_revision().publish()
    draft = node.add_child(instance=ContentPage(title="Ej klar", slug="ej-klar", live=False))
    draft.save_revision()
    html = login(users["region"]).get(f"/admin/pages/{node.pk}/").content.decode()
    assert "Ej klar" in html
    assert submit_url(published) in html
    assert submit_url(draft) not in html


def test_the_translator_is_refused_if_they_try(draft, translator, en):
    response = translator.post(submit_url(draft), {"locales": [en.pk]})
    assert response.status_code in (302, 403)
    assert not Page.objects.filter(translation_key=draft.translation_key, locale=en).exists()


def test_the_translator_is_refused_a_page_waiting_for_approval(awaiting_approval, translator, en):
    translator.post(submit_url(awaiting_approval), {"locales": [en.pk]})
    assert awaiting_approval.get_translation_or_none(en) is None


def test_the_programme_office_may_still_translate_it(draft, office, en):
    html = office.get(REPORT, {"status": Status.UNPUBLISHED}).content.decode()
    assert submit_url(draft) in html
    response = office.post(submit_url(draft), {"locales": [en.pk]})
    assert response.status_code == 302
    assert draft.get_translation_or_none(en) is not None
