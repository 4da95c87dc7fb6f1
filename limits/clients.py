"""
Who the client is: the address every limit counts by (the forms', the password reset's,
the content API's, and django-axes' login lockout, AXES_CLIENT_IP_CALLABLE).
"""

from django.conf import settings


def client_address(request):
    """
    The client's address: REMOTE_ADDR, unless TRUSTED_PROXY_COUNT proxies are configured,
    in which case the address the outermost trusted proxy saw. Without that setting a
    forwarded header is ignored, so nobody can claim a new address per attempt.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [address for address in forwarded if address]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
