"""
The barrier reports visitors send from the accessibility statement: apart from the
statement's page (models.py), which serves through views.py, whose form stores them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BarrierReport(models.Model):
    """A visitor's report of something on the site they could not use."""

    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    language = models.CharField(_("language"), max_length=10)
    address = models.CharField(_("page"), max_length=500, blank=True)
    description = models.TextField(_("description"))
    email = models.EmailField(_("email"), blank=True)
    mailed = models.BooleanField(_("mailed to the office"), default=False)

    class Meta:
        verbose_name = _("barrier report")
        verbose_name_plural = _("barrier reports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.description[:60]
