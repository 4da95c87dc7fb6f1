"""
Editorials ("Ledare"), news briefs, features and blog posts, and the index that lists
every article of its language wherever in the tree it lives.
"""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage, BodyPage, ProgrammePeriod
from memory.kept import sitewide
from memory.site import public
from regions.models import RegionPage, shown_people

from .choices import ArticleKind
from .filters import ArticleFilterForm

ARTICLES_PER_PAGE = 12


class CountedPaginator(Paginator):
    """A paginator told its count rather than asking the database."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @property
    def count(self):
        return self.known_count


class ArticleIndexPage(BasePage):
    """ "News and articles" for one language: every article of that language, newest first."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1
    template = "articles/article_index_page.html"

    class Meta:
        verbose_name = _("article index")
        verbose_name_plural = _("article indexes")

    def articles(self):
        """Every live, public article of this page's language, wherever it lives."""
        return (
            public(ArticlePage.objects.live())
            .filter(locale_id=self.locale_id)
            .select_related("author", "listing_image")
            .prefetch_related("listing_image__renditions")
            .order_by("-date", "-pk")
        )

    def filter_choices(self):
        """
        What the index can be filtered by: its language's regions and programme periods,
        and the years it has articles from (one row per year, from the database).
        """
        return {
            "regions": list(
                public(RegionPage.objects.live()).filter(locale_id=self.locale_id).order_by("title")
            ),
            "periods": list(ProgrammePeriod.objects.in_locale(self.locale).with_source_id()),
            "years": [day.year for day in self.articles().dates("date", "year", order="DESC")],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        # The same for every visitor until content changes, so looked up once per
        # generation (SQLite, for one, truncates every article's date to find the years).
        choices = sitewide("article-filter-choices", request, self.filter_choices)
        form = ArticleFilterForm(request.GET, **choices)
        # Counting thousands of articles is the one part of a page that grows with them;
        # the count for each combination of filters is kept until content changes.
        filtered = form.apply(articles)
        count_key = "article-count:" + urlencode(sorted(form.filters().items()))
        count = sitewide(count_key, request, filtered.count)
        paginator = CountedPaginator(filtered, ARTICLES_PER_PAGE, count=count)
        # get_page() turns a missing, non-numeric or out-of-range ?page= into a real page.
        page = paginator.get_page(request.GET.get("page"))
        attach_regions(page.object_list, form.regions.values())
        context.update(articles=page, filter_form=form, active_filters=form.filters())
        return context


def attach_regions(articles, regions):
    """
    Set each article's region from the regions already loaded, by tree path, so that a
    listing costs the same number of queries however many articles it shows.
    """
    by_path = {region.path: region for region in regions}
    for article in articles:
        region_path = article.path[: len(article.path) - ArticlePage.steplen]
        article.__dict__["region"] = by_path.get(region_path)


class ArticlePage(BodyPage):
    """
    One article. Written by a node, it lives under that node's RegionPage and belongs to
    that region; written by the programme office, it lives under the ArticleIndexPage.
    """

    # Its publishing purges the exact addresses that list it (signals.py), not the whole
    # site downstream (caching/invalidation.py).
    purges_its_listings = True

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ArticleKind.choices,
        default=ArticleKind.NEWS,
        help_text=_(
            "Shown on the article and used to filter the news list. Like every page, an "
            "article a regional editor writes is published when the programme office "
            "approves it."
        ),
    )
    author = models.ForeignKey(
        "regions.Person",
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    date = models.DateField(
        _("publication date"),
        default=datetime.date.today,
        # Every listing and feed is newest first: with an index, the newest page of
        # 10,000 articles is read from it, not sorted each time.
        db_index=True,
        help_text=_("The date shown on the article; listings are ordered by it."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown with the article in listings and when it is shared."),
    )

    parent_page_types = ["articles.ArticleIndexPage", "regions.RegionPage"]
    subpage_types = []
    template = "articles/article_page.html"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]), FieldPanel("author")],
            heading=_("About the article"),
        ),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BodyPage.search_fields,
        index.FilterField("kind"),
        index.FilterField("date"),
        index.RelatedFields("author", [index.SearchField("name")]),
    ]
    translatable_fields = [
        *BodyPage.translatable_fields,
        # The translation points at the same person's translated snippet; a translator
        # cannot choose another author.
        TranslatableField("author"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("date", overridable=False),
        SynchronizedField("listing_image"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @cached_property
    def region(self):
        """The RegionPage this article was written under, or ``None`` for a national one."""
        return RegionPage.objects.ancestor_of(self).first()

    @cached_property
    def period(self):
        """The programme period this article's date falls in, in its language, or ``None``."""
        return (
            ProgrammePeriod.objects.in_locale(self.locale).of_date(self.date) if self.date else None
        )

    @cached_property
    def byline_author(self):
        """
        The author as the byline names them: ``None`` until their person is published;
        the live original while their translation is a draft or withdrawn.
        """
        if self.author is None:
            return None
        return shown_people([self.author])[self.author.pk]

    @cached_property
    def author_role(self):
        """
        The author's role as the byline gives it, e.g. "Regionledare Mellersta Norrland":
        taken from the author's place in the team of the article's region.
        """
        if self.byline_author is None or self.region is None:
            return ""
        role = self.region.role_of(self.byline_author)
        if not role:
            return ""
        return _("%(role)s %(region)s") % {"role": role, "region": self.region.title}
