"""The interest form: what a company says, checked, in the visitor's language."""

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from regions.models import County

from .models import Employees
from .validators import normalise_org_number

TIMESTAMP_SALT = "interest-form-started"


class CountyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, county):
        return county.name


class InterestForm(forms.Form):
    company_name = forms.CharField(label=_("Company name"), max_length=200)
    org_number = forms.CharField(
        label=_("Organisation number"),
        max_length=20,
        help_text=_("Ten digits, for example 556036-0793."),
    )
    county = CountyChoiceField(
        label=_("County"), queryset=County.objects.none(), empty_label=_("Choose a county")
    )
    employees = forms.ChoiceField(label=_("Number of employees"), choices=Employees.choices)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    email = forms.EmailField(label=_("Email"))
    phone = forms.RegexField(
        label=_("Phone"),
        regex=r"^\+?[0-9 ()-]{6,30}$",
        max_length=30,
        error_messages={"invalid": _("Give a phone number of digits, spaces and dashes.")},
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the programme stores and handles these details to contact us."),
        error_messages={"required": _("We need your consent to handle the details you send.")},
    )
    # Spam traps: a field people never see, and when the form was shown.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        counties = sorted(County.objects.all(), key=lambda county: county.name)
        self.fields["county"].queryset = County.objects.all()
        self.fields["county"].choices = [("", _("Choose a county"))] + [
            (county.code, county.name) for county in counties
        ]
        if not self.is_bound:
            self.initial["started"] = signing.dumps(signing.time.time(), salt=TIMESTAMP_SALT)

    def clean_org_number(self):
        return normalise_org_number(self.cleaned_data["org_number"])

    def clean_started(self):
        try:
            started = signing.loads(
                self.cleaned_data["started"], salt=TIMESTAMP_SALT, max_age=60 * 60 * 24
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                _("The form is too old. Check your details and send it again."), code="stale"
            ) from None
        if signing.time.time() - float(started) < settings.INTEREST_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was quicker than anyone can type. Check your details and send again."),
                code="too_fast",
            )
        return started

    @property
    def is_spam(self):
        """A filled honeypot: answered as if sent, and not stored."""
        return bool(self.data.get("website"))
