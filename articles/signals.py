"""
When an article is published or withdrawn, the pages that list it change too: purge
them from the frontend cache along with the article itself (which Wagtail purges).
"""

import math

from django.conf import settings
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from home.models import HomePage
from home.sitemaps import MultilingualSitemap

from .models import ArticleIndexPage, ArticlePage


def listing_urls(article):
    """Absolute addresses of everything that shows ``article`` besides itself."""
    batch = PurgeBatch()
    pages = [article.get_parent()]
    pages += ArticleIndexPage.objects.filter(locale=article.locale)
    pages += HomePage.objects.filter(locale=article.locale)
    batch.add_pages(pages)
    root = article.get_site().root_url
    with translation.override(article.locale.language_code):
        batch.add_url(root + reverse("article_feed"))
        if article.region is not None:
            batch.add_url(root + reverse("region_article_feed", args=[article.region.slug]))
    # Every sitemap lists every language, and the index's last-modified time changes too.
    sitemap_pages = math.ceil(Page.objects.live().count() / MultilingualSitemap.limit)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            batch.add_url(root + reverse("sitemap"))
            section = root + reverse("sitemap_section", args=["pages"])
            batch.add_url(section)
            batch.add_urls(f"{section}?p={number}" for number in range(1, sitemap_pages + 1))
    return batch


@receiver(page_published, sender=ArticlePage)
@receiver(page_unpublished, sender=ArticlePage)
def purge_article_listings(sender, instance, **kwargs):
    if settings.WAGTAILFRONTENDCACHE:  # with nothing in front to purge, nothing to work out
        listing_urls(instance).purge()
