"""
The accessibility statement and the barrier reports sent from it.

Swedish law on accessible digital public services (lag 2018:1937) asks a publicly funded
site for a statement following the model of DIGG (Myndigheten för digital förvaltning):
how accessible the site is, what is known not to be, how to get what cannot be read and
how to report a barrier, the supervisory authority, and how the site was tested. The page
lays out the model's sections itself (templates/accessibility/); the office writes what
is particular to the site in its fields, in Swedish, and translators translate them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage

# Barrier reports are models of this app: importing them here registers them with it.
from .reports import BarrierReport  # noqa: F401
from .views import serve_statement

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]
# Where DIGG takes reports of sites that do not answer a barrier report: the model's
# "Tillsyn" section, in both languages.
SUPERVISORY_REPORT_URL = "https://www.digg.se/tdosanmalan"


class Compliance(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityStatementPage(BasePage):
    """The statement, one per language under the home page (/tillganglighet/, /en/accessibility/)."""

    compliance = models.CharField(
        _("compliance with WCAG 2.1 level AA"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
    )
    known_barriers = RichTextField(
        _("content that is not accessible"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("What is known not to meet the requirements, and why."),
    )
    alternatives = RichTextField(
        _("if you cannot use parts of the site"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("How a visitor gets what they cannot read here, e.g. by mail or phone."),
    )
    testing = RichTextField(
        _("how we tested the site"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("The tests and tools used, and what they found."),
    )
    assessed_on = models.DateField(_("last assessed"), null=True, blank=True)
    report_email = models.EmailField(
        _("reports go to"),
        blank=True,
        help_text=_("Where barrier reports are mailed; the programme office's address if empty."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "accessibility/accessibility_statement_page.html"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("compliance"), FieldPanel("assessed_on")], heading=_("Compliance")
        ),
        FieldPanel("known_barriers"),
        FieldPanel("alternatives"),
        FieldPanel("testing"),
        FieldPanel("report_email"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("known_barriers"),
        TranslatableField("alternatives"),
        TranslatableField("testing"),
        SynchronizedField("compliance"),
        SynchronizedField("assessed_on"),
        SynchronizedField("report_email"),
    ]

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def serve(self, request, *args, **kwargs):
        return serve_statement(self, request)
