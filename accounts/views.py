"""
The editors' sign-in pages beyond Wagtail's: the second step (a code, or setting up the
app that makes them), the recovery codes shown once, an editor's own two-step settings,
and Wagtail's password reset with limits per client address and per account.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View

from wagtail.admin.views.account import PasswordResetView as WagtailPasswordResetView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from limits.clients import client_address
from limits.counters import exceeded

from . import twofactor
from .forms import SetupForm, VerifyForm

RECOVERY_CODES_SESSION_KEY = "two_factor_recovery_codes"


def goal(request):
    """Where the editor was going: ``next``, if it is on this site, else the dashboard."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def with_next(url, request):
    return f"{url}?{urlencode({'next': goal(request)})}"


class VerifyView(FormView):
    """After the password: a code from the app, or a recovery code."""

    template_name = "accounts/two_factor/verify.html"
    form_class = VerifyForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_verified():
            return redirect(goal(request))
        if not twofactor.is_enrolled(user):
            if twofactor.required_for(user):
                return redirect(with_next(reverse("two_factor:setup"), request))
            return redirect(goal(request))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": goal(self.request)}

    def form_valid(self, form):
        otp_login(self.request, form.device)
        # The session now counts for more: a new key, so no earlier copy of it does.
        self.request.session.cycle_key()
        if isinstance(form.device, StaticDevice):
            left = twofactor.recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                ngettext(
                    "You signed in with a recovery code, which now no longer works. You have "
                    "%(count)d left; make new ones under Account → Two-step verification.",
                    "You signed in with a recovery code, which now no longer works. You have "
                    "%(count)d left; make new ones under Account → Two-step verification.",
                    left,
                )
                % {"count": left},
            )
        return redirect(goal(self.request))


class SetupView(FormView):
    """Setting up an authenticator app: its QR code and secret, then a first code from it."""

    template_name = "accounts/two_factor/setup.html"
    form_class = SetupForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        # With an app already, the password alone cannot put another in its place.
        if twofactor.is_enrolled(user) and not user.is_verified():
            return redirect(with_next(reverse("two_factor:verify"), request))
        self.device = twofactor.pending_device(request)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request, "device": self.device}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "qr_code": twofactor.qr_code_data_uri(self.device),
            "secret": twofactor.secret(self.device),
            "required": twofactor.required_for(self.request.user),
            "next": goal(self.request),
        }

    def form_valid(self, form):
        self.request.session.cycle_key()
        self.request.session[RECOVERY_CODES_SESSION_KEY] = form.recovery_codes
        return redirect(with_next(reverse("two_factor:recovery_codes"), self.request))


class RecoveryCodesView(TemplateView):
    """The recovery codes just made, shown this once: the page keeps no copy."""

    template_name = "accounts/two_factor/recovery_codes.html"

    def get(self, request, *args, **kwargs):
        codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
        if not codes:
            return redirect("two_factor:manage")
        return self.render_to_response({"codes": codes, "next": goal(request)})


class ManageView(WagtailAdminTemplateMixin, TemplateView):
    """An editor's own two-step verification: set it up, new recovery codes, turn it off."""

    page_title = gettext_lazy("Two-step verification")
    header_icon = "key"
    template_name = "accounts/two_factor/manage.html"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "enrolled": twofactor.is_enrolled(user),
            "required": twofactor.required_for(user),
            "codes_left": twofactor.recovery_codes_left(user),
        }


class NewRecoveryCodesView(View):
    """POST: ten new recovery codes in place of the old ones, shown once."""

    def post(self, request):
        if not twofactor.is_enrolled(request.user):
            return redirect("two_factor:manage")
        request.session[RECOVERY_CODES_SESSION_KEY] = twofactor.new_recovery_codes(request.user)
        shown = reverse("two_factor:recovery_codes")
        return redirect(f"{shown}?{urlencode({'next': reverse('two_factor:manage')})}")


class TurnOffView(View):
    """POST: remove the app and the recovery codes, for those who need not have them."""

    def post(self, request):
        if twofactor.required_for(request.user):
            raise PermissionDenied
        twofactor.remove(request.user)
        request.session.pop(DEVICE_ID_SESSION_KEY, None)
        messages.success(request, _("Two-step verification is off."))
        return redirect("two_factor:manage")


class PasswordResetView(WagtailPasswordResetView):
    """
    Wagtail's password reset, limited: at most PASSWORD_RESETS_PER_ADDRESS requests an hour
    from one client address (then a 429 that says so), and PASSWORD_RESETS_PER_ACCOUNT
    mails an hour to one address typed in. Beyond that no mail is sent, and the answer is
    the same as ever, so it tells nobody whether the account exists. Counted where every
    worker sees it (limits.counters).
    """

    def post(self, request, *args, **kwargs):
        if exceeded(
            "password-reset-address",
            client_address(request),
            limit=settings.PASSWORD_RESETS_PER_ADDRESS,
            seconds=60 * 60,
        ):
            return TemplateResponse(request, "accounts/password_reset_limited.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if exceeded(
            "password-reset-account",
            form.cleaned_data["email"].strip().lower(),
            limit=settings.PASSWORD_RESETS_PER_ACCOUNT,
            seconds=60 * 60,
        ):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
