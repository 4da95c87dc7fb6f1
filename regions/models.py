"""
The regional nodes: an index of all nodes, one page per node with its team and the
companies taking part, and the people who make up the teams.

A node's articles live below its RegionPage, so that the node's editors can be given
that subtree and nothing else.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.forms import GovernedPageForm
from home.models import BasePage, BodyPage, ProgrammePeriod, PublishedSnippet
from memory.site import public

from .maps import SWEDEN_EAST, SWEDEN_NORTH, SWEDEN_SOUTH, SWEDEN_WEST
from .panels import EmbedPanel


class Person(PublishedSnippet, index.Indexed):
    """
    Someone who works for the programme: a node's team member or an article's author,
    shown on public pages once published. The name, photo and email are the same in
    every language; the short bio is translated.
    """

    name = models.CharField(_("name"), max_length=120)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("email"), blank=True)
    bio = models.TextField(
        _("short bio"),
        blank=True,
        help_text=_("Two or three sentences about the person's work in the programme."),
    )

    panels = [FieldPanel("name"), FieldPanel("photo"), FieldPanel("email"), FieldPanel("bio")]
    preview_template = "regions/person_preview.html"
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("bio"),
        index.FilterField("locale"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("photo"),
        SynchronizedField("email"),
        TranslatableField("bio"),
    ]

    class Meta(PublishedSnippet.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


def shown_people(people):
    """
    Each of ``people`` as visitors see them, by pk: the person once published; else, for
    a translation that is a draft or withdrawn, the live original in the source language
    (docs/governance.md); else None. One query, only when some translation is not live.
    """
    waiting = {person.translation_key for person in people if not person.live}
    originals = {}
    if waiting:
        originals = {
            original.translation_key: original
            for original in Person.objects.filter(
                translation_key__in=waiting,
                locale__language_code=settings.LANGUAGE_CODE,
                live=True,
            )
            .select_related("photo")
            .prefetch_related("photo__renditions")
        }
    return {
        person.pk: person if person.live else originals.get(person.translation_key)
        for person in people
    }


class County(models.Model):
    """One of Sweden's 21 counties (län): fixed data from regions/counties.py."""

    code = models.CharField(_("county code"), max_length=2, primary_key=True)
    letter = models.CharField(_("letter code"), max_length=2, unique=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=60)
    name_en = models.CharField(_("name in English"), max_length=60)

    class Meta:
        verbose_name = _("county")
        verbose_name_plural = _("counties")
        ordering = ["name_sv"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_sv if translation.get_language() == "sv" else self.name_en


class RegionPageForm(GovernedPageForm):
    """Refuses a county that another node already serves."""

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("counties")
        if not chosen:
            return cleaned
        page = self.instance
        others = (
            RegionPage.objects.filter(locale_id=page.locale_id, counties__in=chosen)
            .exclude(translation_key=page.translation_key)
            .distinct()
        )
        taken = [
            (county, other)
            for other in others
            for county in other.counties.all()
            if county in chosen
        ]
        if taken:
            self.add_error(
                "counties",
                _("%(county)s is already served by %(node)s. A county belongs to one node.")
                % {"county": taken[0][0].name, "node": taken[0][1].title},
            )
        return cleaned


class RegionIndexPage(BasePage):
    """Lists every regional node of its language, on a map and as a plain list."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["regions.RegionPage"]
    max_count_per_parent = 1
    template = "regions/region_index_page.html"

    class Meta:
        verbose_name = _("region index")
        verbose_name_plural = _("region indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        regions = public(RegionPage.objects.child_of(self).live()).order_by("title")
        context["regions"] = regions
        context.update(self.county_finder(request.GET.get("county", ""), regions))
        return context

    @staticmethod
    def county_finder(code, regions):
        """Which node serves the county ``code`` (from ``?county=``, a plain GET form)."""
        counties = sorted(County.objects.all(), key=lambda county: county.name)
        chosen = next((county for county in counties if county.code == code), None)
        serving = regions.filter(counties=chosen).first() if chosen else None
        return {
            "counties": counties,
            "chosen_county": chosen,
            "county_unknown": bool(code) and chosen is None,
            "serving_region": serving,
        }


class RegionPage(BodyPage):
    """
    One regional node of the programme, run from a university: its host organisation,
    team, the companies taking part, how to reach it and where it is on the map.
    The page title is the region's name, for example "Mellersta Norrland".
    """

    host_organisation = models.CharField(
        _("host organisation"),
        max_length=200,
        help_text=_("The university or institute that runs the node, e.g. Mittuniversitetet."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    counties = ParentalManyToManyField(
        County,
        verbose_name=_("counties served"),
        blank=True,
        related_name="regions",
        help_text=_("The counties whose companies this node serves; each county has one node."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(SWEDEN_SOUTH), MaxValueValidator(SWEDEN_NORTH)],
        help_text=_("Where the node sits on the map of Sweden, in decimal degrees (55–69)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(SWEDEN_WEST), MaxValueValidator(SWEDEN_EAST)],
        help_text=_("In decimal degrees east (10.5–24.2)."),
    )
    periods = ParentalManyToManyField(
        "home.ProgrammePeriod",
        verbose_name=_("programme periods"),
        blank=True,
        related_name="regions",
        help_text=_("The periods of the programme this node took part in."),
    )

    parent_page_types = ["regions.RegionIndexPage"]
    subpage_types = ["articles.ArticlePage", "events.EventPage"]
    template = "regions/region_page.html"
    base_form_class = RegionPageForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("host_organisation"),
        FieldPanel("body"),
        InlinePanel("team_members", heading=_("Team"), label=_("Team member")),
        InlinePanel(
            "participating_companies",
            heading=_("Participating companies"),
            label=_("Company"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("counties", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("periods", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Contact, map and period"),
        ),
    ]
    promote_panels = [
        *BasePage.promote_panels,
        EmbedPanel(heading=_("On the university's site")),
    ]
    search_fields = [*BodyPage.search_fields, index.SearchField("host_organisation", boost=1.5)]
    translatable_fields = [
        *BodyPage.translatable_fields,
        TranslatableField("host_organisation"),
        TranslatableField("team_members"),
        SynchronizedField("participating_companies"),
        SynchronizedField("contact_email"),
        SynchronizedField("counties", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("periods", overridable=False),
    ]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})

    def timeline(self):
        """The periods this node took part in, in order, in the page's language."""
        keys = [period.translation_key for period in self.periods.all()]
        return ProgrammePeriod.objects.filter(translation_key__in=keys).in_locale(self.locale)

    def team(self):
        """
        The team as visitors see it, with each person's photo and its renditions, in
        three queries: a person whose translation is not published shows as the live
        original (shown_people); one published in no language is left out.
        """
        members = list(
            self.team_members.select_related("person__photo").prefetch_related(
                "person__photo__renditions"
            )
        )
        shown = shown_people([member.person for member in members])
        team = []
        for member in members:
            if shown[member.person.pk] is not None:
                member.person = shown[member.person.pk]  # for this page only; never saved
                team.append(member)
        return team

    def role_of(self, person):
        """The role ``person`` (in any language) has in this node's team, or ``None``."""
        for member in self.team_members.select_related("person"):
            if member.person.translation_key == person.translation_key:
                return member.role
        return None


class TeamMember(TranslatableMixin, Orderable):
    """A person's place in a node's team; the role is translated with the page."""

    page = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="team_members")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(
        _("role"), max_length=120, help_text=_("For example Regionledare or Utbildningsansvarig.")
    )

    panels = [FieldPanel("person"), FieldPanel("role")]
    translatable_fields = [TranslatableField("person"), TranslatableField("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self):
        return f"{self.person} ({self.role})"


class ParticipatingCompany(Orderable):
    """A company taking part in the programme through a node; the same in every language."""

    page = ParentalKey(RegionPage, on_delete=models.CASCADE, related_name="participating_companies")
    name = models.CharField(_("company name"), max_length=200)
    town = models.CharField(_("town"), max_length=120)
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("town"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("participating company")
        verbose_name_plural = _("participating companies")

    def __str__(self):
        return self.name
