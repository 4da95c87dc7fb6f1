"""
Two-step verification for editors, through django-otp: a time-based code from an
authenticator app (a ``TOTPDevice``) and ten single-use recovery codes (a
``StaticDevice``) for when the phone is not at hand.

An editor with a confirmed app gives one of its codes after the password before any
admin page opens (accounts/middleware.py). Administrators and the programme office must
have one when ``TWO_FACTOR_REQUIRED`` is on; everyone else may set one up. Wrong codes
are throttled by django-otp itself: after each failure the next try must wait twice as
long (1, 2, 4 … seconds), and a right code resets the wait.
"""

import base64
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from governance.groups import PROGRAMME_OFFICE

RECOVERY_CODE_COUNT = 10
# The device being set up, kept for this session only: a secret shown to one session is
# never confirmed from another.
PENDING_SESSION_KEY = "two_factor_pending_device"


class Throttled(Exception):
    """Too many wrong codes in a row: the next try must wait ``seconds``."""

    def __init__(self, seconds):
        super().__init__(seconds)
        self.seconds = seconds


def required_for(user):
    """Whether ``user`` must sign in with a second step: administrators and the office."""
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name=PROGRAMME_OFFICE).exists()


def is_enrolled(user):
    """Whether ``user`` has a confirmed authenticator app, and so is asked for its codes."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def missing_step(user):
    """
    What a signed-in ``user`` must still do before the admin opens: ``"verify"`` (give a
    code), ``"setup"`` (set up an app first) or None.
    """
    if not user.is_authenticated or user.is_verified():
        return None
    if is_enrolled(user):
        return "verify"
    if required_for(user):
        return "setup"
    return None


def pending_device(request):
    """The app this session is setting up: made on the first visit, the same on a reload."""
    user = request.user
    device = TOTPDevice.objects.filter(
        user=user, confirmed=False, pk=request.session.get(PENDING_SESSION_KEY)
    ).first()
    if device is None:
        # Whatever another session began and left is not this one's to finish.
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
        request.session[PENDING_SESSION_KEY] = device.pk
    return device


def secret(device):
    """The device's key as an authenticator app takes it typed in: base32, in fours."""
    text = b32encode(device.bin_key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_code_data_uri(device):
    """The device's otpauth:// address as a QR code: an SVG image, drawn here, no request out."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage)
    svg = image.to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def normalised(code):
    """A code as typed: spaces and dashes dropped, letters in lower case."""
    return "".join(code.split()).replace("-", "").lower()


def check(device, code):
    """Whether ``device`` accepts ``code``; Throttled while it makes the user wait."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        until = (details or {}).get("locked_until") or timezone.now()
        raise Throttled(max(1, round((until - timezone.now()).total_seconds())))
    return device.verify_token(code)


@transaction.atomic
def verify(user, code):
    """
    The device that accepts ``code``: six digits from the app, or else one of the
    recovery codes, which it uses up. None for a wrong code; Throttled while waiting.
    """
    code = normalised(code)
    if code.isdigit() and len(code) == 6:
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    else:
        devices = StaticDevice.objects.filter(user=user, confirmed=True)
    for device in devices.select_for_update():
        if check(device, code):
            return device
    return None


@transaction.atomic
def confirm(request, device, code):
    """
    Confirm the app being set up with a code it shows: it replaces any earlier app, the
    session counts as verified, and new recovery codes are made. Returns them, or None
    for a wrong code.
    """
    if not check(device, normalised(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    request.session.pop(PENDING_SESSION_KEY, None)
    otp_login(request, device)
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Ten new single-use recovery codes for ``user``; the earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def remove(user):
    """Forget ``user``'s app and recovery codes (a lost phone); whether there was an app."""
    had_app = is_enrolled(user)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    return had_app
