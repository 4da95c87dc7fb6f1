"""
When an article is published or withdrawn, the pages that list it change too: purge
them from the frontend cache along with the article itself (which Wagtail purges).
"""

from django.conf import settings
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished

from home.models import HomePage

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
    for code, _name in settings.LANGUAGES:  # every sitemap lists every language
        with translation.override(code):
            batch.add_url(root + reverse("sitemap"))
    return batch


@receiver(page_published, sender=ArticlePage)
@receiver(page_unpublished, sender=ArticlePage)
def purge_article_listings(sender, instance, **kwargs):
    listing_urls(instance).purge()
