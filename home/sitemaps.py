"""A sitemap of every live page in every language, each with its translations as alternates."""

from collections import defaultdict

from django.conf import settings

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from caching.tree import public


class MultilingualSitemap(Sitemap):
    # Django's sitemap.xml template renders an <xhtml:link rel="alternate"> for each
    # entry of url["alternates"]; _urls() builds them from one query per sitemap page.

    def items(self):
        site = self.get_wagtail_site()
        homes = site.root_page.get_translations(inclusive=True).live()
        pages = Page.objects.none()
        for home in homes:
            pages = pages | Page.objects.descendant_of(home, inclusive=True)
        return public(pages.live()).order_by("path").select_related("locale")

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        by_key = defaultdict(list)
        for item in pages:
            by_key[item.translation_key].append(item)
        default = settings.LANGUAGE_CODE
        urls = []
        for item in pages:
            translations = sorted(
                by_key[item.translation_key], key=lambda p: p.locale.language_code
            )
            alternates = [
                {"lang_code": p.locale.language_code, "location": p.get_full_url(self.request)}
                for p in translations
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
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates,
                }
            )
        return urls
