"""robots.txt, the favicon and the 500 page: the site's views that are not pages."""

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe


@require_safe
def robots_txt(request):
    # The Swedish sitemap lists every language's pages, each with its alternates.
    with translation.override(settings.LANGUAGE_CODE):
        sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def server_error(request):
    """
    The 500 page in the visitor's language, taken from the address alone: it touches no
    database, since the database may be why it is shown.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    home_url = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
    with translation.override(language):
        html = render_to_string(
            "500.html",
            # The setting, not the site's record: the database may be down.
            {
                "LANGUAGE_CODE": language,
                "home_url": home_url,
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
    return HttpResponseServerError(html)


@require_safe
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says: send them the icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
