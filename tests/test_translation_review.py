"""
A translation's way to publication through moderation, over HTTP: the translator (or a
regional editor, in their own region) submits it from the translation editor, the
programme office is told and approves, and only then does the English page change.
"""

import pytest
from lxml import html as lxml_html

from django.core import mail
from django.test import Client

from wagtail.models import PageLogEntry, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from articles.models import ArticlePage
from tests.conftest import login
from translations import store
from translations.review import REVIEW_ACTION, SUBMIT_ACTION
from translations.status import Status

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("status_kept_true")]

NEW_INTRO = "Ett år av besök hos företagen i Jämtland och Västernorrland."
NEW_INTRO_EN = "A year of visits to the companies of Jämtland and Västernorrland."


@pytest.fixture
def regional_editor(users):
    return login(users["region"])


@pytest.fixture
def other_regional_editor(users):
    return login(users["other_region"])


@pytest.fixture
def synced(sv, en):
    """The Ledare changed in Swedish and synced, its new text not yet translated."""
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    article.introduction = NEW_INTRO
    article.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=en
    )
    translation.source.update_from_db()
    return article, translation, article.get_translation(en)


def translate_new_text(translation, en):
    segment = StringSegment.objects.get(source=translation.source, string__data=NEW_INTRO)
    StringTranslation.objects.create(
        translation_of=segment.string, locale=en, context=segment.context, data=NEW_INTRO_EN
    )


def status(article, en):
    return store.states([en]).get(page=article).status


def editor_page(client, english):
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


def submit(client, english):
    return client.post(f"/admin/pages/{english.pk}/edit/", {SUBMIT_ACTION: "1"})


def test_submit_is_offered_to_the_translator_once_everything_is_translated(translator, synced, en):
    _article, translation, english = synced
    button = editor_page(translator, english).xpath(f'//button[@name="{SUBMIT_ACTION}"]')[0]
    assert button.get("disabled") is not None, "one text is still in Swedish"
    submit(translator, english)
    assert not WorkflowState.objects.for_instance(english).exists()

    translate_new_text(translation, en)
    button = editor_page(translator, english).xpath(f'//button[@name="{SUBMIT_ACTION}"]')[0]
    assert button.get("disabled") is None


def test_the_office_is_offered_publish_not_submit(office, synced):
    _article, _translation, english = synced
    assert not editor_page(office, english).xpath(f'//button[@name="{SUBMIT_ACTION}"]')


def test_a_translator_submits_and_the_office_approves(
    translator, office, synced, en, django_capture_on_commit_callbacks
):
    article, translation, english = synced
    translate_new_text(translation, en)
    assert status(article, en) == Status.READY

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(translator, english)
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.introduction != NEW_INTRO_EN, "nothing goes live before approval"
    assert english.has_unpublished_changes
    assert status(article, en) == Status.IN_REVIEW
    assert any("office@example.org" in m.to for m in mail.outbox), "the office is told"

    tree = editor_page(office, english)
    assert tree.xpath(f'//button[@name="{REVIEW_ACTION}"][@value="approve"]')
    with django_capture_on_commit_callbacks(execute=True):
        office.post(f"/admin/pages/{english.pk}/edit/", {REVIEW_ACTION: "approve"})
    english.refresh_from_db()
    assert english.introduction == NEW_INTRO_EN
    published = PageLogEntry.objects.filter(page=english, action="wagtail.publish").latest("pk")
    assert published.user.username == "office"
    assert english.live_revision.user.username == "translator", "the translator's words"
    assert status(article, en) == Status.UP_TO_DATE
    response = Client(HTTP_HOST="testserver").get(english.url)
    assert NEW_INTRO_EN in response.content.decode()


def test_a_regional_editor_submits_their_own_regions_translation(regional_editor, synced, en):
    article, translation, english = synced
    translate_new_text(translation, en)
    submit(regional_editor, english)
    assert status(article, en) == Status.IN_REVIEW


def test_another_regions_editor_cannot_submit_it(other_regional_editor, synced, en):
    _article, translation, english = synced
    translate_new_text(translation, en)
    response = submit(other_regional_editor, english)
    assert response.status_code == 302 and response.url == "/admin/"
    assert not WorkflowState.objects.for_instance(english).exists()


def test_the_office_can_request_changes(translator, office, synced, en):
    _article, translation, english = synced
    translate_new_text(translation, en)
    submit(translator, english)
    office.post(
        f"/admin/pages/{english.pk}/edit/",
        {REVIEW_ACTION: "reject", "comment": "Kolla stavningen."},
    )
    english.refresh_from_db()
    assert english.introduction != NEW_INTRO_EN
    state = WorkflowState.objects.for_instance(english).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    submit(translator, english)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS, "resubmitted after the changes"


def test_only_reviewers_may_approve(translator, synced, en):
    _article, translation, english = synced
    translate_new_text(translation, en)
    submit(translator, english)
    assert not editor_page(translator, english).xpath(f'//button[@name="{REVIEW_ACTION}"]')
    translator.post(f"/admin/pages/{english.pk}/edit/", {REVIEW_ACTION: "approve"})
    english.refresh_from_db()
    assert english.introduction != NEW_INTRO_EN
    assert WorkflowState.objects.for_instance(english).get().status == "in_progress"
