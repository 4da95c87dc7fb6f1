"""
RSS feeds of articles: one per language, and one per region in each language.

One Feed instance serves every request (urls.py makes it once), so nothing about a
request is stored on it: ``get_object`` hands the request on inside the feed's subject.
"""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from home.identity import site_name
from memory.site import active_locale, public
from regions.models import RegionPage

from .models import ArticleIndexPage, ArticlePage

FEED_LENGTH = 20


@dataclass(frozen=True)
class FeedSubject:
    """What one request's feed is about: the request, and the region if there is one."""

    request: HttpRequest
    region: RegionPage | None = None


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request):
        return FeedSubject(request)

    def title(self, obj):
        return _("%(site)s: news and articles") % {"site": site_name(obj.request)}

    def description(self, obj):
        return _("Editorials, news, features and blog posts from %(site)s.") % {
            "site": site_name(obj.request)
        }

    def link(self, obj):
        index = ArticleIndexPage.objects.live().filter(locale=active_locale()).first()
        return index.get_full_url(obj.request) if index else "/"

    def articles(self, obj):
        return (
            public(ArticlePage.objects.live())
            .filter(locale=active_locale())
            .select_related("author")
            .order_by("-date", "-pk")
        )

    def items(self, obj):
        return self.articles(obj)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        # Site root paths are cached; no request is needed to build an address.
        return item.get_full_url()

    def item_guid(self, item):
        return item.get_full_url()

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8)))

    def item_author_name(self, item):
        return item.byline_author.name if item.byline_author else None

    def item_categories(self, item):
        return [item.get_kind_display()]


class RegionArticleFeed(ArticleFeed):
    """The articles written under one region."""

    def get_object(self, request, region):
        try:
            found = public(RegionPage.objects.live()).get(locale=active_locale(), slug=region)
        except RegionPage.DoesNotExist:
            raise Http404(_("There is no such region.")) from None
        return FeedSubject(request, found)

    def title(self, obj):
        return _("%(site)s %(region)s: articles") % {
            "site": site_name(obj.request),
            "region": obj.region.title,
        }

    def description(self, obj):
        return _("Articles from the %(region)s node of %(site)s.") % {
            "site": site_name(obj.request),
            "region": obj.region.title,
        }

    def link(self, obj):
        return obj.region.get_full_url(obj.request)

    def articles(self, obj):
        return super().articles(obj).descendant_of(obj.region)
