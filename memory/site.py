"""
What nearly every request asks of Wagtail, remembered per generation instead of read each
time: the site for a host, the locale of a language, the source language, and whether
any section of the site is private.

Wagtail reads each from the database: the site and the locale a query each, and the view
restrictions two more for the page and one for every listing that asks for ``.public()``
pages. They change only when content does, and every such change starts a new
generation (invalidation.py), so answers kept under the current generation are as fresh
as the pages built from them. Public pages and the admin read them alike.
"""

from django.utils import translation

from wagtail.models import Locale, PageViewRestriction

from compat import wagtail

from .kept import kept


def site_for_request(request):
    """``Site.find_for_request``, from what is kept for this host and port."""

    def find(look_up):
        # get_host() refuses a host the site does not serve (a 400), before anything is
        # kept under a name a visitor made up.
        host = f"{request.get_host()}:{request.get_port()}"
        return kept(f"site:{host}", look_up)

    return wagtail.remembered_site(request, find)


def active_locale():
    """``Locale.get_active()``, from what is kept for the active language."""
    code = translation.get_language()
    return kept(f"locale:{code}", Locale.get_active)


def source_locale():
    """``Locale.get_default()``, the language translations are made from, kept."""
    return kept("locale:source", Locale.get_default)


def has_private_sections():
    return kept("private-sections", PageViewRestriction.objects.exists)


def public(pages):
    """``pages.public()``: the database is asked only when some section is private."""
    return pages.public() if has_private_sections() else pages
