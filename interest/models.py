"""
The interest form ("intresseanmälan"), served by views.py, and what companies send with
it (submissions.py).

A submission is stored first and routed to the node that serves the company's county;
mail to the node and the company's confirmation follow, and a failed send is marked and
retried by ``retry_interest_mail``, so nothing is lost. ``delete_old_submissions``
removes submissions older than INTEREST_RETENTION_DAYS.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail_localize.fields import TranslatableField

from home.models import BasePage

# Submissions are models of this app: importing them here registers them with it.
from .submissions import Employees, MailStatus, Submission  # noqa: F401
from .views import serve_interest_form


class InterestFormPage(BasePage):
    """The form a company fills in to take part, one per language (/delta/, /en/take-part/)."""

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy text"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page that says how the programme handles the data sent."),
    )
    confirmation = RichTextField(
        _("confirmation"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown once the form is sent."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "interest/interest_form_page.html"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("privacy_page"),
        FieldPanel("confirmation"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("privacy_page"),
        TranslatableField("confirmation"),
    ]

    class Meta:
        verbose_name = _("interest form")
        verbose_name_plural = _("interest forms")

    def serve(self, request, *args, **kwargs):
        return serve_interest_form(self, request)
