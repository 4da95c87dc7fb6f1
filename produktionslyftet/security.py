"""
Login lockout (django-axes): what a locked-out editor is told (who the client is, its
address behind the proxies, is limits/clients.py's);
the Content-Security-Policy of the public site and of the admin; the other headers a
scanner expects, and those that keep uploaded documents inert.

After AXES_FAILURE_LIMIT failed logins from one client address (for one username or for
any), further attempts from it are refused for AXES_COOLOFF_TIME, even with the right
password; the same username from another address is not, so no stranger can lock an
editor out.
``manage.py axes_reset_username NAME`` (or ``axes_reset_ip ADDRESS``) lifts a lockout.
"""

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from compat.csp import policy_config
from syndication.embeds import is_embed


def editor_language(credentials):
    """The admin language the would-be editor chose, or the site's."""
    from wagtail.users.models import UserProfile

    username = (credentials or {}).get("username") or ""
    preferred = (
        UserProfile.objects.filter(user__username=username)
        .values_list("preferred_language", flat=True)
        .first()
    )
    return preferred or settings.LANGUAGE_CODE


def lockout(request, original_response=None, credentials=None):
    """The page a locked-out login gets (429), in the language of the editor trying."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    with translation.override(editor_language(credentials)):
        message = _(
            "Too many failed logins. Try again in %(minutes)d minutes, or ask the "
            "programme office to lift the lock."
        ) % {"minutes": minutes}
        response = render(request, "security/lockout.html", {"message": message}, status=429)
    return response


# Features no page of the site uses: no page, nor anything it embeds, may ask for them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "browsing-topics",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ]
)


class SecurityHeadersMiddleware:
    """
    Headers a security scanner expects beyond Django's own: Permissions-Policy on every
    response, and for uploaded documents a policy that makes them inert. Whatever a
    document holds, the browser runs none of it on the site's origin: it is downloaded
    (WAGTAILDOCS_INLINE_CONTENT_TYPES is empty), never sniffed, and, were it opened
    anyway, sandboxed with nothing allowed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path.startswith("/documents/"):
            response["Content-Security-Policy"] = "default-src 'none'; sandbox"
            response["X-Content-Type-Options"] = "nosniff"
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """
    django-csp's middleware with three policies: the strict CONTENT_SECURITY_POLICY for
    the public site, ADMIN_CONTENT_SECURITY_POLICY for Wagtail's admin, which needs
    inline scripts and styles (docs/security.md says why), and for the regions' embeds
    EMBED_CONTENT_SECURITY_POLICY, the public one that the universities' sites may frame.
    Chosen by path, so that a page from the page cache gets its policy too.
    ``get_policy_parts`` is django-csp's place for this; what else it relies on is
    checked in compat/csp.py.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path.startswith("/admin/"):
            parts.config = policy_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        elif not report_only and parts.config is None and is_embed(request.path):
            parts.config = policy_config(settings.EMBED_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
