"""
A translator's path to publication: from wagtail-localize's translation editor, submit
the finished translation to the moderation workflow, as Wagtail's own editor submits a
page or a snippet with drafts (a person, a partner). The programme office is notified and
approves (or asks for changes) in the same editor, and the translation goes live; until
then the live object is untouched.

wagtail-localize's editor offers only "Publish", which a translator or regional editor
may not do. Its ``save_target(publish=False)`` is no way round that: it writes the
translated content into the object's row itself, which is what visitors see (and takes a
snippet offline). So this builds the translated object in memory and saves it as a
revision only (``compat.localize.translated_revision_of``).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.models import Page, WorkflowMixin, WorkflowState

from compat.localize import translated_revision_of

from .editor import safe_next
from .permissions import can_edit, can_publish
from .status import untranslated_counts

SUBMIT_ACTION = "translations-submit-for-review"
REVIEW_ACTION = "translations-review-action"  # its value: "approve" or "reject"


def title_of(obj):
    return obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)


def review_state(user, translation, page):
    """What the translation editor shows about moderation for this user and ``page`` (a
    page or a snippet with a workflow).

    ``translation`` may be None where only the workflow is of interest. ``None`` for an
    object no workflow can apply to.
    """
    if not isinstance(page, WorkflowMixin):
        return None
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("requested_by", "current_task_state__task")
        .first()
    )
    task_state = state.current_task_state if state else None
    return {
        "workflow_state": state,
        "task_state": task_state,
        "may_review": bool(
            task_state
            and "approve" in [a[0] for a in task_state.task.specific.get_actions(page, user)]
        ),
        "may_publish": can_publish(user, page),
        "may_submit": state is None
        and page.get_workflow() is not None
        and can_edit(user, page)
        and not can_publish(user, page),
        "untranslated": untranslated_counts([translation.source_id], translation.target_locale).get(
            translation.source_id, 0
        )
        if translation
        else 0,
    }


def translated_revision(translation, page, user):
    """Save the current translation of ``page`` as its latest revision, leaving it unpublished."""
    model = page.specific_class if isinstance(page, Page) else type(page)
    target = model._default_manager.get(pk=page.pk)
    return translated_revision_of(translation, target, user)


def submit_for_review(request, translation, page):
    """Handle the editor's "Submit for review" button; answer with a redirect and a message."""
    state = review_state(request.user, translation, page)
    here = request.get_full_path()
    if not state["may_submit"]:
        messages.error(request, _("This translation cannot be submitted for review now."))
        return redirect(here)
    if state["untranslated"]:
        messages.error(
            request,
            _("Translate every text before submitting: %(count)d still in Swedish.")
            % {"count": state["untranslated"]},
        )
        return redirect(here)
    translated_revision(translation, page, request.user)
    page.refresh_from_db()
    sent_back = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .first()
    )
    if sent_back is not None:
        sent_back.resume(request.user)  # back to the task that asked for changes
    else:
        page.get_workflow().start(page, request.user)
    messages.success(
        request,
        _("“%(title)s” in %(language)s was submitted for review.")
        % {"title": title_of(page), "language": page.locale.get_display_name()},
    )
    return redirect(safe_next(request) or here)  # back where they started


def review(request, page):
    """Handle the reviewer's Approve / Request changes in the translation editor."""
    here = request.path
    state = review_state(request.user, None, page)
    action = request.POST.get(REVIEW_ACTION)
    task_state = state["task_state"]
    if task_state is None or action not in {"approve", "reject"}:
        messages.error(request, _("This translation is not waiting for review."))
        return redirect(here)
    task = task_state.task.specific
    if action not in [name for name, _label, _modal in task.get_actions(page, request.user)]:
        messages.error(request, _("Sorry, you do not have permission to access this area."))
        return redirect(here)
    task.on_action(task_state, request.user, action, comment=request.POST.get("comment", ""))
    title, language = title_of(page), page.locale.get_display_name()
    if action == "approve":
        text = _("“%(title)s” in %(language)s was approved and published.")
    else:
        text = _("Changes to “%(title)s” in %(language)s were requested.")
    messages.success(request, text % {"title": title, "language": language})
    return redirect(here)
