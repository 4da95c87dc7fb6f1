import json

from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from articles.models import ArticleKind, ArticlePage, attach_regions
from home.identity import site_name
from memory.kept import sitewide
from memory.site import public
from regions.models import RegionPage

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_articles(context, kind=None, count=3, heading="", within=None):
    """
    The newest live articles of the visitor's language, optionally of one kind or only
    those below one page (a region's own articles). The same wherever it is shown, so
    rendered once per generation of the content (memory/kept.py).
    """

    def render():
        articles = (
            public(ArticlePage.objects.live())
            .filter(locale__language_code=translation.get_language())
            .select_related("author", "listing_image")
            .prefetch_related("listing_image__renditions")
            .order_by("-date", "-pk")
        )
        if kind:
            articles = articles.filter(kind=ArticleKind(kind))
        if within is not None:
            articles = articles.descendant_of(within)
        articles = list(articles[:count])
        regions = (
            [within]
            if within is not None
            else RegionPage.objects.filter(locale__language_code=translation.get_language())
        )
        attach_regions(articles, regions)
        return render_to_string(
            "articles/includes/latest_articles.html", {"articles": articles, "heading": heading}
        )

    within_key = within.pk if within is not None else "all"
    name = f"latest-articles:{kind}:{count}:{within_key}:{slugify(str(heading))}"
    return sitewide(name, context.get("request"), render)


# The characters json_script escapes, so that the data cannot close its <script>.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    """schema.org ``Article`` data for search engines: headline, author, date, language."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.introduction,
        "datePublished": article.date.isoformat(),
        "inLanguage": article.locale.language_code,
        "url": article.get_full_url(request),
        "publisher": {"@type": "Organization", "name": site_name(request)},
    }
    if article.byline_author:
        data["author"] = {"@type": "Person", "name": article.byline_author.name}
        if article.author_role:
            data["author"]["jobTitle"] = str(article.author_role)
    return json_ld_script(data)


def json_ld_script(data):
    """``data`` as a JSON-LD script element that nothing in it can close."""
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
