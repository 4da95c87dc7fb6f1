"""The registration form on an event: who is coming, checked, in the visitor's language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from interest.forms import GuardedForm, LineEmailField, LineField, LinesField

from .models import Registration


class RegistrationForm(GuardedForm):
    name = LineField(label=_("Name"), max_length=200)
    organisation = LineField(label=_("Organisation"), max_length=200)
    email = LineEmailField(
        label=_("Email"), max_length=Registration._meta.get_field("email").max_length
    )
    needs = LinesField(
        label=_("Needs"),
        required=False,
        max_length=1000,
        help_text=_("Food, access or anything else we should know. Optional."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the programme stores these details to run the event."),
        error_messages={"required": _("We need your consent to handle the details you send.")},
    )
