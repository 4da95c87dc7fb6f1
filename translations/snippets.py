"""
Snippet listings offering a Swedish item's editor only to those who may edit the source
language: the model's permissions let translators edit people and partners, and the
source-language rule (``translations.wagtail_hooks``) then refused them the Swedish ones,
which the listing linked all the same. The viewsets of translatable snippets use this
view for their listing.
"""

from wagtail.snippets.views.snippets import IndexView

from .permissions import is_source_language, may_edit_source


class TranslatableSnippetIndexView(IndexView):
    def source_refused(self, instance):
        return is_source_language(instance) and not may_edit_source(self.request.user)

    def get_edit_url(self, instance):
        return None if self.source_refused(instance) else super().get_edit_url(instance)

    def get_copy_url(self, instance):
        return None if self.source_refused(instance) else super().get_copy_url(instance)

    def get_delete_url(self, instance):
        return None if self.source_refused(instance) else super().get_delete_url(instance)
