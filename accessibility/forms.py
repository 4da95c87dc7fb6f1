"""The barrier report: what could not be used, where, and an address for an answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from interest.forms import GuardedForm, LineEmailField, LineField, LinesField

from .reports import BarrierReport


class BarrierReportForm(GuardedForm):
    description = LinesField(
        label=_("What did not work?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Describe what you tried to do and what stopped you."),
    )
    address = LineField(
        label=_("On which page?"),
        required=False,
        max_length=BarrierReport._meta.get_field("address").max_length,
        help_text=_("The page's address, or its title."),
    )
    email = LineEmailField(
        label=_("Your email, if you want an answer"),
        required=False,
        max_length=BarrierReport._meta.get_field("email").max_length,
    )
