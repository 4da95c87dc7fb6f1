"""
An editor's forms link a chosen item's editor only for those who may edit it.

A chooser (a person on a node's team, an article's author, a page, an image) shows a
link to the chosen item's editor. Wagtail draws it without knowing who looks, so a
regional editor was offered their team's people, whose editor then refused them. Its
modal already asks for the user when something is chosen anew; here the form does the
same for what was chosen before, in the form and in each inline panel's forms.
``BasePage`` and ``PublishedSnippet`` name these forms as their ``base_form_class``.
"""

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets.chooser import BaseChooser

from compat.wagtail import chooser_edit_link_for


def link_only_what_they_may_edit(form, user):
    for field in form.fields.values():
        if isinstance(field.widget, BaseChooser):
            chooser_edit_link_for(field.widget, user)
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            link_only_what_they_may_edit(child, user)


class ChooserLinksForUser:
    """A Wagtail admin form whose choosers link only what ``for_user`` may edit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            link_only_what_they_may_edit(self, self.for_user)


class GovernedModelForm(ChooserLinksForUser, WagtailAdminModelForm):
    pass


class GovernedPageForm(ChooserLinksForUser, WagtailAdminPageForm):
    pass
