"""Search, robots.txt and the error pages: the public views that are not pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

# Longer queries are cut here: nobody types more, and the database need not read more.
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """Searches the live pages of the visitor's language only."""
    query = " ".join(request.GET.get("q", "").split())
    truncated = len(query) > MAX_QUERY_LENGTH
    query = query[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "home/search.html",
        {
            "search_query": query,
            "search_results": results,
            "query_truncated": truncated,
            "max_query_length": MAX_QUERY_LENGTH,
            "translatable_view": True,
            "page_title": _("Search"),
        },
    )


@require_GET
def robots_txt(request):
    # The Swedish sitemap lists every language's pages, each with its alternates.
    with translation.override(settings.LANGUAGE_CODE):
        sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
