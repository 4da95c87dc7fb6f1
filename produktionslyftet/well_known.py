"""
/.well-known/security.txt (RFC 9116): whom to tell of a vulnerability. The contact comes
from SECURITY_CONTACT (a mailto: or https: address), else from the first of ADMINS; with
neither there is nothing true to say, and the file is not there.
"""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone

# RFC 9116 asks that a security.txt expire within a year; it is made afresh on each request.
VALID_FOR = datetime.timedelta(days=180)


def security_contact():
    if settings.SECURITY_CONTACT:
        return settings.SECURITY_CONTACT
    if settings.ADMINS:
        return f"mailto:{settings.ADMINS[0][1]}"
    return None


def security_txt(request):
    contact = security_contact()
    if not contact:
        raise Http404("No security contact is configured")
    expires = (timezone.now() + VALID_FOR).replace(microsecond=0)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.astimezone(datetime.UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: sv, en",
        f"Canonical: {request.build_absolute_uri(request.path)}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response
