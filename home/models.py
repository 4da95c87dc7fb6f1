"""
The national programme's own pages: the home page of each language and the generic
content pages under it (about, method, contact), and the base every page type shares.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PageViewRestriction,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from memory.site import has_private_sections

from .blocks import BodyBlock
from .forms import GovernedModelForm, GovernedPageForm

# The fields every page has from Wagtail itself, and how each crosses languages.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]


class BasePage(Page):
    """
    Abstract base of every page on the site: an introduction that listings, search
    results and the meta description use, and the translation behaviour of the
    fields every page shares.
    """

    # Its choosers link the chosen item's editor only for those who may edit it.
    base_form_class = GovernedPageForm

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "One or two sentences that say what the page is about. Shown under the "
            "title, in listings and in search results."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("introduction")]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.introduction

    def get_view_restrictions(self):
        # Asked before every page is served. Most sites have no private section at all;
        # whether this one has is kept per generation (memory/site.py).
        if not has_private_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve_password_required_response(self, request, form, action_url):
        """
        The form that asks for a protected page's password shows nothing of the page: not
        its title or description, which the site's head would otherwise put in its meta
        tags. Wagtail's own response hands the page to the template.
        """
        context = {"form": form, "action_url": action_url}
        return TemplateResponse(request, settings.WAGTAIL_PASSWORD_REQUIRED_TEMPLATE, context)

    def full_clean(self, *args, **kwargs):
        # A new page's address is plain ASCII (å, ä, ö and é become a, a, o and e), as
        # WAGTAIL_ALLOW_UNICODE_SLUGS = False makes the admin's slug field suggest. Only new
        # pages: an existing address, whatever its letters, keeps working.
        if self._state.adding and self.slug:
            self.slug = slugify(self.slug)
        super().full_clean(*args, **kwargs)


class BodyPage(BasePage):
    """Abstract: a BasePage with a StreamField body of the shared blocks, translated."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    """
    The front page of the national programme, one per language. Everything else on the
    site lives below it.
    """

    hero_heading = models.CharField(
        _("hero heading"),
        max_length=120,
        blank=True,
        help_text=_(
            "The large line at the top of the front page. The page title is used if empty."
        ),
    )
    hero_text = models.TextField(
        _("hero text"),
        blank=True,
        help_text=_("A short paragraph under the hero heading."),
    )
    featured_content = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("featured content"),
        help_text=_("Text, images, quotes and invitations shown on the front page."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "regions.RegionIndexPage",
        "articles.ArticleIndexPage",
        "events.EventIndexPage",
        "partners.PartnersPage",
        "interest.InterestFormPage",
    ]
    template = "home/home_page.html"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("featured_content"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("featured_content"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("hero_heading"),
        TranslatableField("hero_text"),
        TranslatableField("featured_content"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def can_create_at(cls, parent):
        # One home page per language: the Swedish one is made here, the English one
        # by translating it, so an editor never adds a second one under the root.
        return (
            super().can_create_at(parent)
            and not cls.objects.filter(locale_id=parent.locale_id).exists()
        )


class ContentPage(BodyPage):
    """A page of running text, such as about the programme, how it works or contact."""

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
    template = "home/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class InLocaleQuerySet(models.QuerySet):
    """For translatable snippets: what a visitor of one language should see."""

    def public(self):
        """What has been published, for a snippet with drafts; everything otherwise."""
        return self.filter(live=True) if issubclass(self.model, DraftStateMixin) else self

    def in_locale(self, locale=None):
        """
        Each published object in ``locale``'s language (the active one by default) where
        it has been translated and published, otherwise in the source language: one query.
        """
        code = locale.language_code if locale else translation.get_language()
        published = self.public()
        translated = published.filter(locale__language_code=code)
        untranslated = published.filter(locale__language_code=settings.LANGUAGE_CODE).exclude(
            translation_key__in=translated.values("translation_key")
        )
        return translated | untranslated


class PublishedSnippet(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    models.Model,
):
    """
    Abstract base of a snippet that visitors see and editors prepare: saved as a draft
    with revisions, previewed in its own language, locked while someone works on it,
    published by whoever may (through the moderation workflow otherwise), and shown
    only once live (``InLocaleQuerySet.public``).
    """

    # A page that shows the object as visitors will see it; set by each model.
    preview_template = None
    # Its choosers link the chosen item's editor only for those who may edit it.
    base_form_class = GovernedModelForm
    # A new translation starts unlocked and unpublished, whatever its source's state.
    exclude_fields_in_copy = [
        "locked",
        "locked_at",
        "locked_by",
        "live_revision",
        "first_published_at",
        "last_published_at",
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def get_preview_template(self, request, mode_name):
        return self.preview_template

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "page_title": str(self)}

    def serve_preview(self, request, mode_name):
        """The preview in the object's own language, whatever the admin's is."""
        with translation.override(self.locale.language_code):
            response = super().serve_preview(request, mode_name)
            return response.render()


class ProgrammePeriodQuerySet(InLocaleQuerySet):
    def with_source_id(self):
        """Each period with ``source_id``, the id of its Swedish original: the same in every
        language, so an address such as ``?period=3`` means one period everywhere."""
        source = ProgrammePeriod.objects.filter(
            translation_key=models.OuterRef("translation_key"),
            locale__language_code=settings.LANGUAGE_CODE,
        )
        return self.annotate(source_id=models.Subquery(source.values("pk")[:1]))

    def of_date(self, day):
        """The period ``day`` falls in, or None."""
        return (
            self.filter(start__lte=day)
            .filter(models.Q(end__isnull=True) | models.Q(end__gte=day))
            .order_by("-start")
            .first()
        )


class ProgrammePeriod(TranslatableMixin, models.Model):
    """
    One period of the programme, such as "Produktionslyftet 2": its name, when it began
    and ended (an end not yet known stays empty) and a few words about it. The nodes say
    which periods they took part in; articles belong to the period of their date.
    """

    name = models.CharField(_("name"), max_length=100)
    start = models.DateField(_("start"))
    end = models.DateField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("Leave empty while the period runs or while its end is not known."),
    )
    description = models.TextField(_("description"), blank=True)

    objects = ProgrammePeriodQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("description"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["start"]
        verbose_name = _("programme period")
        verbose_name_plural = _("programme periods")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("A period cannot end before it starts.")})

    @property
    def years(self):
        """The years it spans, with an open end while it runs (an en dash between)."""
        if self.end is None:
            return f"{self.start.year}–"
        if self.end.year == self.start.year:
            return str(self.start.year)
        return f"{self.start.year}–{self.end.year}"
