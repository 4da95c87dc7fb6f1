"""Checks of what a company types that Django does not know: a Swedish organisation number."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORG_NUMBER = re.compile(r"^(\d{6})-?(\d{4})$")


def luhn_ok(digits):
    total = 0
    for position, digit in enumerate(int(d) for d in digits):
        product = digit * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def normalise_org_number(value):
    """'556036-0793' or '5560360793' → '556036-0793'; raises ValidationError otherwise."""
    match = ORG_NUMBER.match(value.strip().replace(" ", ""))
    if not match:
        raise ValidationError(
            _("Give the organisation number as ten digits, for example 556036-0793."),
            code="format",
        )
    digits = match.group(1) + match.group(2)
    if not luhn_ok(digits):
        raise ValidationError(
            _("That organisation number does not exist: its check digit is wrong."),
            code="check_digit",
        )
    return f"{match.group(1)}-{match.group(2)}"
