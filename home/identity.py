"""
The site's name, in one place: what an editor sets in Settings → Sites, or the
``WAGTAIL_SITE_NAME`` setting (``SITE_NAME`` in the environment) when it is blank.
Templates ask ``{% site_name %}``; feeds, structured data and mail ask ``site_name()``.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost

from wagtail.models import Site

from memory.kept import kept
from memory.site import site_for_request


def site_name(request=None):
    """The name of the request's site, or of the default site outside a request."""
    if request is None:
        site = kept("site:default", lambda: Site.objects.filter(is_default_site=True).first())
    else:
        try:
            site = site_for_request(request)
        except DisallowedHost:  # answered with a 400 elsewhere; the name is still needed
            site = None
    return (site.site_name if site is not None else "") or settings.WAGTAIL_SITE_NAME
