"""
"Waiting for you" on the dashboard: what the signed-in editor's role has to do next,
each with its count and one link to where it is listed.

- The programme office: tasks awaiting its review (Wagtail's workflow tasks report,
  "Awaiting my review"), and translations ready to publish (the translation status
  report).
- A regional editor: drafts in their region that nobody submitted yet, and pages sent
  back with changes requested (Wagtail's workflow report, which lists those they may
  edit).
- A translator: pages and snippets to translate, and those to translate again since the
  Swedish changed (the translation status report's "Missing" and "Out of date"), and
  translations sent back.

The counts are those the linked listings show.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from translations.status import Status
from translations.store import states

from .groups import PROGRAMME_OFFICE, REGION_GROUP_PREFIX, TRANSLATORS


@dataclass
class Waiting:
    label: str
    count: int
    url: str


def with_query(name, **query):
    return f"{reverse(name)}?{urlencode(query)}"


def in_groups(user):
    return set(user.groups.values_list("name", flat=True))


def editable_pages(user):
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def returned_pages(user):
    """Pages the user may edit whose moderation asked for changes (the workflow report's
    "Needs changes", which lists the pages its viewer may edit)."""
    return WorkflowState.objects.filter(
        status=WorkflowState.STATUS_NEEDS_CHANGES,
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in editable_pages(user).values_list("pk", flat=True)],
    )


def drafts(user):
    """Pages below the user's own (their region) with changes never submitted nor published."""
    own = [
        page
        for page in PagePermissionPolicy().instances_with_direct_explore_permission(user)
        if not page.is_root()
    ]
    if not own:
        return Page.objects.none(), None
    below = Q()
    for page in own:
        below |= Q(path__startswith=page.path)
    moderated = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ).values_list("object_id", flat=True)
    pages = (
        Page.objects.filter(below)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .exclude(pk__in=[int(pk) for pk in moderated])
    )
    return pages, own[0]


def translation_count(status):
    return states().filter(status=status).count()


def report_of(status):
    return with_query("translation_status_report", status=status)


def waiting_for(user):
    groups = in_groups(user)
    rows = []
    if PROGRAMME_OFFICE in groups or user.is_superuser:
        rows += [
            Waiting(
                _("Awaiting your review"),
                TaskState.objects.reviewable_by(user).count(),
                with_query("wagtailadmin_reports:workflow_tasks", reviewable="true"),
            ),
            Waiting(
                _("Translations ready to publish"),
                translation_count(Status.READY),
                report_of(Status.READY),
            ),
        ]
    if any(name.startswith(REGION_GROUP_PREFIX) for name in groups):
        pages, region = drafts(user)
        rows.append(
            Waiting(
                _("Drafts in your region"),
                pages.count(),
                reverse("wagtailadmin_explore", args=[region.pk]) if region else "",
            )
        )
    if TRANSLATORS in groups:
        rows += [
            Waiting(
                _("To translate"), translation_count(Status.MISSING), report_of(Status.MISSING)
            ),
            Waiting(
                _("To translate again"),
                translation_count(Status.OUTDATED),
                report_of(Status.OUTDATED),
            ),
        ]
    if groups & {TRANSLATORS} or any(name.startswith(REGION_GROUP_PREFIX) for name in groups):
        rows.append(
            Waiting(
                _("Sent back with changes requested"),
                returned_pages(user).count(),
                with_query(
                    "wagtailadmin_reports:workflow", status=WorkflowState.STATUS_NEEDS_CHANGES
                ),
            )
        )
    return rows


class WaitingForYouPanel(Component):
    name = "waiting_for_you"
    order = 40
    template_name = "governance/admin/waiting_for_you_panel.html"

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context=None):
        return {"rows": self.rows}
