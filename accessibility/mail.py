"""A barrier report mailed to the programme office, in Swedish, with a link into the admin."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

from errands import Undelivered, errand
from interest.mail import one_line

from .reports import BarrierReport

logger = logging.getLogger(__name__)


def send(report, page):
    """Mail ``report`` to the office; True if it went. A failure is logged and returned."""
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
        return False
    report.mailed = True
    report.save(update_fields=["mailed"])
    return True


@errand
def mail_report(report_pk, page_pk):
    """The worker's mail of a barrier report, tried again while the server does not take it."""
    report = BarrierReport.objects.filter(pk=report_pk, mailed=False).first()
    page = Page.objects.filter(pk=page_pk).specific().first()
    if report is None or page is None:
        return  # mailed or deleted since; a statement deleted leaves the report in the admin
    if not send(report, page):
        raise Undelivered(f"barrier report {report_pk} not mailed")
