"""The interest form: what a company says, checked, in the visitor's language."""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import EmailValidator, validate_email
from django.utils.encoding import punycode
from django.utils.translation import gettext_lazy as _

from regions.models import County

from .submissions import Employees, Submission
from .validators import normalise_org_number, refuse_odd_characters

TIMESTAMP_SALT = "interest-form-started"
TOKEN_MAX_AGE = 60 * 60 * 24  # seconds a shown form may wait before it is sent


class CountyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, county):
        return county.name


class TypedText:
    """
    A text field that takes only what a person can have typed: no control characters, no
    line breaks unless ``multiline`` (which keeps newlines and tabs), nothing that reorders
    the text around it or could not be decoded. Checked before any other validation, so a
    visitor is given the one message that says what is wrong.
    """

    multiline = False

    def to_python(self, value):
        value = super().to_python(value)
        refuse_odd_characters(value, multiline=self.multiline)
        return value


class LineField(TypedText, forms.CharField):
    pass


class LinesField(TypedText, forms.CharField):
    multiline = True


class LineRegexField(TypedText, forms.RegexField):
    pass


class LineEmailField(TypedText, forms.EmailField):
    def validate(self, value):
        """
        Django's check takes domains of almost any characters, as IDNA allows; some have
        no ASCII form, or one that is no domain (an ideographic space becomes a space), and
        mail to them cannot be sent. So the address is checked as it will be sent.
        """
        super().validate(value)
        if value in self.empty_values:  # left empty where it may be
            return
        local, _at, domain = value.rpartition("@")
        try:
            validate_email(f"{local}@{punycode(domain)}")
        except (UnicodeError, forms.ValidationError):
            raise forms.ValidationError(EmailValidator.message, code="invalid") from None


class GuardedForm(forms.Form):
    """
    A public form's defences against scripts: a field people never see (a filled one
    is spam, answered as if sent) and a signed token of when the form was shown (too
    quick, or too old, is refused; the token serves one submission: see the views).
    """

    website = forms.CharField(required=False, label=_("Leave this empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The traps last, after the fields a person fills in.
        self.order_fields([name for name in self.fields if name not in ("website", "started")])
        if not self.is_bound:
            self.initial["started"] = signing.dumps(signing.time.time(), salt=TIMESTAMP_SALT)

    def clean_started(self):
        try:
            started = signing.loads(
                self.cleaned_data["started"], salt=TIMESTAMP_SALT, max_age=TOKEN_MAX_AGE
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
        return self.cleaned_data["started"]  # the signed token itself: it is used once

    @property
    def is_spam(self):
        """A filled honeypot: answered as if sent, and not stored."""
        return bool(self.data.get("website"))


class InterestForm(GuardedForm):
    company_name = LineField(label=_("Company name"), max_length=200)
    org_number = LineField(
        label=_("Organisation number"),
        max_length=20,
        help_text=_("Ten digits, for example 556036-0793."),
    )
    county = CountyChoiceField(
        label=_("County"), queryset=County.objects.none(), empty_label=_("Choose a county")
    )
    employees = forms.ChoiceField(label=_("Number of employees"), choices=Employees.choices)
    contact_name = LineField(label=_("Contact person"), max_length=200)
    email = LineEmailField(
        label=_("Email"), max_length=Submission._meta.get_field("email").max_length
    )
    phone = LineRegexField(
        label=_("Phone"),
        regex=r"^\+?[0-9 ()-]{6,30}$",
        max_length=30,
        error_messages={"invalid": _("Give a phone number of digits, spaces and dashes.")},
    )
    message = LinesField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the programme stores and handles these details to contact us."),
        error_messages={"required": _("We need your consent to handle the details you send.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        counties = sorted(County.objects.all(), key=lambda county: county.name)
        self.fields["county"].queryset = County.objects.all()
        self.fields["county"].choices = [("", _("Choose a county"))] + [
            (county.code, county.name) for county in counties
        ]

    def clean_org_number(self):
        return normalise_org_number(self.cleaned_data["org_number"])
