"""A barrier report mailed to the programme office, in Swedish, with a link into the admin."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from interest.mail import one_line

logger = logging.getLogger(__name__)


def send(report, page):
    """Mail ``report`` to the office; a failure is logged, and the report stays in the admin."""
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_accessibility_barrierreport:inspect", args=[report.pk]
    )
    with translation.override(settings.LANGUAGE_CODE):  # the office works in Swedish
        message = EmailMessage(
            subject=one_line(render_to_string("accessibility/mail/report_subject.txt")),
            body=render_to_string(
                "accessibility/mail/report.txt", {"report": report, "admin_url": admin_url}
            ),
            to=[page.report_email or settings.INTEREST_FALLBACK_EMAIL],
            reply_to=[report.email] if report.email else None,
        )
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Barrier report %s was not mailed; it is in the admin", report.pk)
        return
    report.mailed = True
    report.save(update_fields=["mailed"])
