"""
The second step of signing in, between the password and the admin (accounts/twofactor.py).
"""

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import twofactor

# What a signed-in editor reaches before the second step: signing in and out, password
# reset, the admin's sprite and script catalogue those pages load, and the step itself.
BEFORE_THE_SECOND_STEP = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "two_factor:verify",
    "two_factor:setup",
}


async def anonymous():
    return AnonymousUser()


class TwoFactorMiddleware:
    """
    An editor who has an authenticator app, or must have one, and has not yet given a code
    in this session is sent from every admin page to the step that is missing (a code, or
    setting up the app). Until then the password alone opens nothing: outside the admin
    the session is an anonymous visitor's, so no private page or document opens either,
    and the site's login page leads to the missing step too.

    Comes after django-otp's OTPMiddleware, which tells whether the session is verified.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        step = twofactor.missing_step(request.user)
        if step is None:
            return None
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        if view_name in BEFORE_THE_SECOND_STEP:
            return None
        if request.path.startswith(reverse("wagtailadmin_home")):
            goal = request.get_full_path() if request.method in ("GET", "HEAD") else None
            return redirect_to_step(step, goal)
        if view_name == "wagtailcore_login":
            return redirect_to_step(step, request.GET.get("next"))
        request.user = AnonymousUser()
        request.auser = anonymous
        return None


def redirect_to_step(step, goal=None):
    url = reverse(f"two_factor:{step}")
    return redirect(f"{url}?{urlencode({'next': goal})}" if goal else url)
