"""
Text of Wagtail's admin that Wagtail 8.0 itself gets wrong, put right in one place.

- The page search names no kind of item (its view leaves ``verbose_name`` ``None``), so
  its header read "1-2 av 2 None": the view is told it lists pages, as the explorer is.
- The choosers' language filter has no label, so Django makes one of the field's name,
  "Locale", in English whatever the language: it is given Wagtail's translated one.

An upgrade that moves either fails at start-up, on the imports below.
"""

from django.utils.translation import gettext_lazy

from wagtail.admin.forms.choosers import LocaleFilterMixin
from wagtail.admin.views.pages.search import SearchView
from wagtail.models import Page


def install():
    SearchView.verbose_name = Page._meta.verbose_name
    SearchView.verbose_name_plural = Page._meta.verbose_name_plural
    label_the_choosers_language_filter()


def label_the_choosers_language_filter():
    make_fields = LocaleFilterMixin.__init__

    def __init__(self, *args, **kwargs):
        make_fields(self, *args, **kwargs)
        if "locale" in self.fields:
            self.fields["locale"].label = gettext_lazy("Locale")

    LocaleFilterMixin.__init__ = __init__
