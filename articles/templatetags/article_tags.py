from django import template

from wagtail.models import Locale

from articles.models import ArticleKind, ArticlePage

register = template.Library()


@register.inclusion_tag("articles/includes/latest_articles.html")
def latest_articles(kind=None, count=3, heading="", within=None):
    """
    The newest live articles of the visitor's language, optionally of one kind or only
    those below one page (a region's own articles).
    """
    articles = (
        ArticlePage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .select_related("author", "listing_image")
        .order_by("-date", "-pk")
    )
    if kind:
        articles = articles.filter(kind=ArticleKind(kind))
    if within is not None:
        articles = articles.descendant_of(within)
    return {"articles": articles[:count], "heading": heading}
