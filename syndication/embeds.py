"""
A region's news and coming events made to sit in an ``<iframe>`` on its university's site: ``/inbaddning/
<region>/`` and ``/en/embed/<region>/`` (the region page's slug in that language).

No script and no cookie: a plain page with the site's stylesheet whose links open the
article on the site in a new window. Only the universities' sites (UNIVERSITY_ORIGINS) and
the site itself may frame it: its Content-Security-Policy's ``frame-ancestors`` names
them (produktionslyftet/security.py reads ``is_embed``), where every other page allows
only the site. Like any public page it is kept in the page cache and by Varnish.
"""

import functools
import re

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt

from articles.models import ArticlePage, attach_regions
from events.models import EventPage, start_of_today
from memory.site import public
from regions.models import RegionPage

NEWS_SHOWN = 5
EVENTS_SHOWN = 3


@xframe_options_exempt
def region_news(request, region):
    code = translation.get_language()
    page = (
        public(RegionPage.objects.live())
        .filter(locale__language_code=code, slug=region)
        .select_related("locale")
        .first()
    )
    if page is None:
        raise Http404
    articles = list(
        public(ArticlePage.objects.live())
        .child_of(page)
        .filter(locale__language_code=code)
        .order_by("-date", "-pk")[:NEWS_SHOWN]
    )
    attach_regions(articles, [page])
    today = start_of_today()
    events = list(
        public(EventPage.objects.live())
        .child_of(page)
        .filter(locale__language_code=code)
        .upcoming(today)[:EVENTS_SHOWN]
    )
    return TemplateResponse(
        request,
        "syndication/region_news.html",
        {"region": page, "articles": articles, "events": events},
    )


@functools.cache
def embed_paths():
    """The embeds' addresses in every language, as one pattern."""
    prefixes = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefixes.append(re.escape(reverse("region_embed", args=["x"])[: -len("x/")]))
    return re.compile(rf"^(?:{'|'.join(prefixes)})[^/]+/$")


def is_embed(path):
    return embed_paths().match(path) is not None
