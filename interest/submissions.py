"""
What companies send with the interest form: one ``Submission`` each, routed to the node
that serves the company's county, and the state of its mail. Apart from the form's page
(models.py), which serves through views.py, whose forms and mail store these.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from regions.models import County, RegionPage


class Employees(models.TextChoices):
    FEW = "1-9", _("1–9")
    SMALL = "10-49", _("10–49")
    MEDIUM = "50-249", _("50–249")
    LARGE = "250+", _("250 or more")


class MailStatus(models.TextChoices):
    PENDING = "pending", _("Not sent yet")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Sending failed; will be retried")


class Submission(models.Model):
    """One company's interest, routed to the node that serves its county."""

    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    language = models.CharField(_("language"), max_length=10)
    company_name = models.CharField(_("company"), max_length=200)
    org_number = models.CharField(_("organisation number"), max_length=11)
    county = models.ForeignKey(County, verbose_name=_("county"), on_delete=models.PROTECT)
    region = models.ForeignKey(
        RegionPage,
        verbose_name=_("node"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="interest_submissions",
        help_text=_("The node that served the county when the form was sent."),
    )
    employees = models.CharField(_("employees"), max_length=10, choices=Employees.choices)
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40)
    message = models.TextField(_("message"), blank=True)
    consent = models.BooleanField(_("consent to the handling of the data"))
    mail_status = models.CharField(
        _("mail"), max_length=10, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    mail_attempts = models.PositiveSmallIntegerField(_("mail attempts"), default=0)
    mail_error = models.TextField(_("last mail error"), blank=True)

    class Meta:
        verbose_name = _("interest submission")
        verbose_name_plural = _("interest submissions")
        ordering = ["-created_at"]
        permissions = [("view_every_submission", _("Can see every node's submissions"))]

    def __str__(self):
        return f"{self.company_name} ({self.county})"
