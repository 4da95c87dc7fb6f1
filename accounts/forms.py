from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import twofactor


def code_field(label, help_text):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=32,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )


def throttled(error):
    return forms.ValidationError(
        ngettext(
            "Too many wrong codes in a row. Wait %(seconds)d second and try again.",
            "Too many wrong codes in a row. Wait %(seconds)d seconds and try again.",
            error.seconds,
        )
        % {"seconds": error.seconds},
        code="throttled",
    )


class VerifyForm(forms.Form):
    """The code after the password: from the authenticator app, or a recovery code."""

    code = code_field(
        _("Code"),
        _("The six digits your authenticator app shows now, or one of your recovery codes."),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        try:
            self.device = twofactor.verify(self.user, self.cleaned_data["code"])
        except twofactor.Throttled as error:
            raise throttled(error) from None
        if self.device is None:
            raise forms.ValidationError(
                _(
                    "That code is not right. Check that your phone's clock is right, wait "
                    "for the next code, or use a recovery code."
                ),
                code="wrong",
            )
        return self.cleaned_data["code"]


class SetupForm(forms.Form):
    """The first code from the app being set up, which shows that it has the secret."""

    code = code_field(_("Code from the app"), _("The six digits the app shows now."))

    def __init__(self, request, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.device = device
        self.recovery_codes = None

    def clean_code(self):
        try:
            self.recovery_codes = twofactor.confirm(
                self.request, self.device, self.cleaned_data["code"]
            )
        except twofactor.Throttled as error:
            raise throttled(error) from None
        if self.recovery_codes is None:
            raise forms.ValidationError(
                _("That code is not right. Check that your phone's clock is right and try again."),
                code="wrong",
            )
        return self.cleaned_data["code"]
