"""
Checks of what a company types that Django does not know: a Swedish organisation number,
and text that a person can have typed (no control characters, no line breaks in a
one-line field, nothing that reorders the text around it or could not be decoded).
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORG_NUMBER = re.compile(r"^(\d{6})-?(\d{4})\Z")

# What ends a line (str.splitlines): in a one-line field it would end a mail header too.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# Embeddings, overrides and isolates: they reorder the text after them wherever it is
# shown (the admin, a mail, a spreadsheet). The marks (LRM, RLM, ALM) reorder nothing.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# What a multi-line field keeps of the control characters.
TEXT_CONTROLS = frozenset("\t\n\r")

LINE_BREAK_MESSAGE = _("Write this on one line, without line breaks.")
INVISIBLE_MESSAGE = _(
    "This holds invisible control characters, which pasting text sometimes brings along. "
    "Type it again."
)
UNREADABLE_MESSAGE = _("Some characters could not be read. Type the text again.")


def is_noncharacter(char):
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def is_unreadable(char):
    """U+FFFD is what bytes that are not UTF-8 (a lone surrogate's too) are decoded to."""
    return char == "\ufffd" or is_noncharacter(char) or unicodedata.category(char) == "Cs"


def refuse_odd_characters(value, multiline=False):
    """Raise ValidationError for characters a person cannot mean to send in this field."""
    for char in value:
        if multiline and char in TEXT_CONTROLS:
            continue
        if not multiline and char in LINE_BREAKS:
            raise ValidationError(LINE_BREAK_MESSAGE, code="line_break")
        if unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS:
            raise ValidationError(INVISIBLE_MESSAGE, code="control_character")
        if is_unreadable(char):
            raise ValidationError(UNREADABLE_MESSAGE, code="unreadable")


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
    # Digits of any script (full-width ones, say) are stored as the ASCII digits they are.
    first, last = ("".join(str(int(d)) for d in part) for part in match.groups())
    if not luhn_ok(first + last):
        raise ValidationError(
            _("That organisation number does not exist: its check digit is wrong."),
            code="check_digit",
        )
    return f"{first}-{last}"
