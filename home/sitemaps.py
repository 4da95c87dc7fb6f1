"""
The sitemap: an index (``/sitemap.xml``) of pages of at most ``limit`` addresses each
(``/sitemap-pages.xml?p=N``), every live page in every language with its translations
as alternates and the time it was last published. Both carry Last-Modified: the latest
publication they list.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Max

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from memory.site import public


class MultilingualSitemap(Sitemap):
    # However many articles there are, a sitemap page costs the same: it lists at most
    # this many addresses, well under the protocol's 50,000.
    limit = 1000

    def items(self):
        site = self.get_wagtail_site()
        homes = site.root_page.get_translations(inclusive=True).live()
        pages = Page.objects.none()
        for home in homes:
            pages = pages | Page.objects.descendant_of(home, inclusive=True)
        return public(pages.live()).order_by("path").select_related("locale")

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def get_latest_lastmod(self):
        """For the index: asked of the database, not of every page."""
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        # Django's sitemap.xml template renders an <xhtml:link rel="alternate"> for each
        # entry of url["alternates"]: every live translation of each page, wherever in
        # the sitemap it is listed, read in one query per sitemap page.
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        keys = {item.translation_key for item in pages}
        for translation in (
            public(Page.objects.live().filter(translation_key__in=keys))
            .order_by("locale__language_code")
            .select_related("locale")
        ):
            translations[translation.translation_key].append(translation)
        default = settings.LANGUAGE_CODE
        urls = []
        for item in pages:
            alternates = [
                {"lang_code": p.locale.language_code, "location": p.get_full_url(self.request)}
                for p in translations[item.translation_key]
            ]
            alternates += [
                {"lang_code": "x-default", "location": a["location"]}
                for a in alternates
                if a["lang_code"] == default
            ]
            urls.append(
                {
                    "item": item,
                    "location": item.get_full_url(self.request),
                    "lastmod": self.lastmod(item),
                    "alternates": alternates,
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and all(lastmods):  # Django's view turns this into Last-Modified
            self.latest_lastmod = max(lastmods)
        return urls


SITEMAPS = {"pages": MultilingualSitemap}
