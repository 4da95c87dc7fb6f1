"""Editorials go through the programme office: submit, then approve or request changes."""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import PageLogEntry, WorkflowContentType, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from governance.groups import PROGRAMME_OFFICE, sync_editor_groups
from partners.models import Partner
from regions.models import Person, RegionPage
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def editor(username, group):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    client = Client(HTTP_HOST="testserver")
    client.force_login(user)
    return user, client


@pytest.fixture
def region(sv):
    return RegionPage.objects.get(locale=sv, slug="mellersta-norrland")


@pytest.fixture
def submitted_editorial(region):
    """A regional editor writes an editorial and submits it for moderation."""
    author, client = editor("skribent", "Region Mellersta Norrland")
    url = f"/admin/pages/add/articles/articlepage/{region.pk}/"
    data = form_data(client, url, form_id="page-edit-form")
    data.update(
        title="Ett år med Produktion Mitt",
        slug="ett-ar-med-produktion-mitt",
        kind="editorial",
        date=datetime.date(2012, 5, 30).isoformat(),
        introduction="Ledaren om året som gått.",
        **{"action-submit": "action-submit"},
    )
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Ett år senare.</p>"))])})
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ArticlePage.objects.get(slug="ett-ar-med-produktion-mitt")
    return author, page


def test_submitted_editorial_waits_for_the_programme_office(submitted_editorial):
    _author, page = submitted_editorial
    assert not page.live
    state = page.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Programkontoret godkänner"


def task_action(client, page, action, **data):
    state = page.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/", {"comment": "", **data}
    )


def test_programme_office_approves_and_the_editorial_is_published(submitted_editorial):
    _author, page = submitted_editorial
    _office, client = editor("granskare", PROGRAMME_OFFICE)
    task_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    assert page.title == "Ett år med Produktion Mitt"
    actions = list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp")
        .values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "skribent") in actions
    assert ("wagtail.workflow.approve", "granskare") in actions
    assert ("wagtail.publish", "granskare") in actions


def test_requested_changes_keep_the_draft_unpublished(submitted_editorial):
    _author, page = submitted_editorial
    _office, client = editor("granskare", PROGRAMME_OFFICE)
    task_action(client, page, "reject", comment="Korta ingressen, tack.")
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().as_object().title == "Ett år med Produktion Mitt"
    state = page.workflow_states.order_by("-created_at").first()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.workflow.reject", user__username="granskare"
    ).exists()


def test_a_regional_editor_cannot_approve_their_own_editorial(submitted_editorial):
    author, page = submitted_editorial
    client = Client(HTTP_HOST="testserver")
    client.force_login(author)
    task_action(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_english_translation_of_an_editorial_is_moderated_too(sv, en):
    """The workflow covers the whole tree, English included: a translator cannot publish."""
    _translator, _client = editor("oversattare2", "Översättare")
    english = ArticlePage.objects.get(locale=en, slug="reflections-from-the-middle-of-sweden")
    assert english.get_workflow().name == "Programkontorets granskning"
    assert not english.permissions_for_user(_translator).can_publish()


def test_syncing_the_groups_switches_a_workflow_someone_disabled_back_on(region):
    """sync_editor_groups corrects what drifted: editorials go through the office again."""
    workflow = region.get_workflow()
    workflow.deactivate()
    assert region.get_workflow() is None
    sync_editor_groups()
    assert region.get_workflow() == workflow


@pytest.mark.parametrize("model", [Person, Partner])
def test_people_and_partners_go_through_the_programme_offices_workflow(region, model):
    """What translators finish of a person or partner waits for the office, as pages do;
    syncing the groups puts a snippet someone took out of moderation back in."""
    workflow = region.get_workflow()
    snippet = model.objects.first()
    assert snippet.get_workflow() == workflow
    WorkflowContentType.objects.filter(workflow=workflow).delete()
    sync_editor_groups()
    assert snippet.get_workflow() == workflow
