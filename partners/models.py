"""
The programme's partners, stakeholders and financiers: a snippet for each organisation,
shown as a logo strip in every page's footer and in full on the PartnersPage.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BodyPage, InLocaleQuerySet, PublishedSnippet


class PartnerKind(models.TextChoices):
    PARTNER = "partner", _("Partner")
    STAKEHOLDER = "stakeholder", _("Stakeholder")
    FINANCIER = "financier", _("Financier")


# Headings of the PartnersPage's groups, in the order they are shown.
PARTNER_GROUP_HEADINGS = {
    PartnerKind.PARTNER: _("Partners"),
    PartnerKind.STAKEHOLDER: _("Stakeholders"),
    PartnerKind.FINANCIER: _("Financiers"),
}


class PartnerQuerySet(InLocaleQuerySet):
    def in_locale(self, locale=None):
        """The partners as a visitor of ``locale`` should see them, with their logos."""
        return super().in_locale(locale).select_related("logo")


class Partner(PublishedSnippet, index.Indexed):
    """
    An organisation the programme works with or is financed by. It shows on every page,
    so a change waits as a draft until someone who may publish does.
    """

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=PartnerKind.choices, default=PartnerKind.PARTNER
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("website"), blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences on what the organisation does for the programme."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("sort order"), default=100, help_text=_("Lower numbers are shown first.")
    )

    objects = PartnerQuerySet.as_manager()
    preview_template = "partners/partner_preview.html"

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
        index.FilterField("kind"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("logo"),
        SynchronizedField("url"),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(PublishedSnippet.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class PartnersPage(BodyPage):
    """Presents every partner, stakeholder and financier, grouped by kind."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "partners/partners_page.html"

    class Meta:
        verbose_name = _("partners page")
        verbose_name_plural = _("partners pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = list(Partner.objects.in_locale(self.locale).prefetch_related("logo__renditions"))
        context["partner_groups"] = [
            (heading, [p for p in partners if p.kind == kind])
            for kind, heading in PARTNER_GROUP_HEADINGS.items()
            if any(p.kind == kind for p in partners)
        ]
        return context
