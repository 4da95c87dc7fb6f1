from django.urls import include, path, reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from . import twofactor, urls


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/", include(urls))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    if twofactor.is_enrolled(request.user):
        help_text = _("On: you sign in with a code from your authenticator app.")
    else:
        help_text = _("Sign in with a code from an authenticator app as well as your password.")
    return {
        "url": reverse("two_factor:manage"),
        "label": _("Two-step verification"),
        "help_text": help_text,
    }
