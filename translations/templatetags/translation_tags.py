from django import template
from django.contrib.admin.utils import quote
from django.urls import reverse

from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.models import Page, RevisionMixin, WorkflowMixin

from compat.wagtail import whole_status_panel

from .. import editor, permissions, review

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review(context, translation, page):
    """The moderation state of a translated page, for its translation editor."""
    return review.review_state(context["request"].user, translation, page)


@register.simple_tag(takes_context=True)
def translation_editor_props(context, props, instance):
    """The translation editor's properties, its dates in the reader's language and
    only the actions the user may take."""
    return editor.props_for(props, instance, context["request"].user)


@register.simple_tag(takes_context=True)
def translation_header_links(context, source_translation, translations, instance):
    """The editor header's links to the other languages, those the user may edit only."""
    return editor.header_links(context["request"].user, instance, source_translation, translations)


@register.simple_tag(takes_context=True)
def translation_return_address(context):
    """Where the user goes back to from the translation editor or the sync form:
    ``url``, and ``next``, the address they came from if the request said (else None)."""
    request = context["request"]
    return {"url": editor.return_address(request), "next": editor.safe_next(request)}


@register.simple_tag(takes_context=True)
def sync_return_address(context):
    """Where the sync form leads once done (translations.editor.sync_return_address)."""
    return editor.sync_return_address(context["request"])


@register.simple_tag(takes_context=True)
def translation_review_url(context, translation):
    """The address review-panel.js reads the review panel from, as it changes."""
    return editor.with_next(
        reverse("translation_review_panel", args=[translation.pk]),
        editor.safe_next(context["request"]),
    )


@register.simple_tag(takes_context=True)
def may_publish_sync(context, translation_source):
    """Whether the sync form may offer "publish immediately" to this user."""
    return permissions.can_publish_sync(context["request"].user, translation_source)


class TranslatedSnippetStatusPanel(StatusSidePanel):
    """
    The status panel of a snippet in wagtail-localize's translation editor. wagtail-localize
    builds Wagtail's generic StatusSidePanel, which lacks the snippet's own addresses that
    Wagtail's SnippetStatusSidePanel takes from its editor: the moderation part reverses
    ``revisions_compare_url_name``, so the editor answered 500 once the snippet was in a
    workflow. This one knows them from the snippet's viewset.
    """

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        viewset, pk = self.object.snippet_viewset, quote(self.object.pk)
        context.update(
            workflow_history_url=reverse(viewset.get_url_name("workflow_history"), args=[pk]),
            revisions_compare_url_name=viewset.get_url_name("revisions_compare"),
            revision_enabled=isinstance(self.object, RevisionMixin),
            lock_url=reverse(viewset.get_url_name("lock"), args=[pk]),
            unlock_url=reverse(viewset.get_url_name("unlock"), args=[pk]),
        )
        context["status_templates"] = self.get_status_templates(context)
        return context


@register.simple_tag
def translation_side_panels(side_panels, instance):
    """wagtail-localize's side panels, with a snippet with a workflow's status panel whole."""
    if not isinstance(instance, WorkflowMixin) or isinstance(instance, Page):
        return side_panels
    return [
        whole_status_panel(panel, TranslatedSnippetStatusPanel)
        if type(panel) is StatusSidePanel
        else panel
        for panel in side_panels
    ]


@register.simple_tag(takes_context=True)
def openable(context, translations):
    """Of a language selector's ``translations`` (each with a ``url``), those the user may
    open; all of them where the selector is drawn without the request (the choosers)."""
    request = context.get("request")
    if request is None or not translations:
        return translations
    return [t for t in translations if editor.may_open(request.user, t["url"])]
