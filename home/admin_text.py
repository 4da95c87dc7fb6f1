"""
Text of Wagtail's admin that Wagtail 8.0 itself gets wrong, put right in one place.

- The choosers' language filter has no label, so Django makes one of the field's name,
  "Locale", in English whatever the language: it is given Wagtail's translated one.

An upgrade that moves it fails at start-up, on the imports below.
"""

from django.utils.translation import gettext_lazy

from wagtail.admin.forms.choosers import LocaleFilterMixin


def install():
    label_the_choosers_language_filter()


def label_the_choosers_language_filter():
    make_fields = LocaleFilterMixin.__init__

    def __init__(self, *args, **kwargs):
        make_fields(self, *args, **kwargs)
        if "locale" in self.fields:
            self.fields["locale"].label = gettext_lazy("Locale")

    LocaleFilterMixin.__init__ = __init__
