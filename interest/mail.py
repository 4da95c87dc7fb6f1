"""
Mail for a submission: to its node, with a link into the admin, and the company's receipt.

The receipt goes to whatever address was typed in, so it repeats nothing the visitor
wrote, and one mailbox gets at most INTEREST_RECEIPTS_PER_DAY of them: the form cannot be
used to send mail to strangers.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from errands import Undelivered, errand
from home.identity import site_name
from limits import counters

from .submissions import MailStatus, Submission

logger = logging.getLogger(__name__)

DAY = 60 * 60 * 24


def one_line(text):
    """A subject on one line: a line break in a header is refused (BadHeaderError)."""
    return " ".join(text.split())


def messages_for(submission):
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_interest_submission:inspect", args=[submission.pk]
    )
    mails = []
    site = site_name()  # mail is sent outside a request too (retry_interest_mail)
    node = submission.region
    recipient = (node.contact_email if node else "") or settings.INTEREST_FALLBACK_EMAIL
    with translation.override(settings.LANGUAGE_CODE):  # the nodes work in Swedish
        mails.append(
            EmailMessage(
                subject=one_line(
                    render_to_string(
                        "interest/mail/to_node_subject.txt", {"submission": submission}
                    )
                ),
                body=render_to_string(
                    "interest/mail/to_node.txt",
                    {"submission": submission, "admin_url": admin_url, "site_name": site},
                ),
                to=[recipient],
                reply_to=[submission.email],
            )
        )
    if counters.exceeded(
        "interest-receipts", submission.email.lower(), settings.INTEREST_RECEIPTS_PER_DAY, DAY
    ):
        logger.warning(
            "No receipt for interest submission %s: its address had %s today",
            submission.pk,
            settings.INTEREST_RECEIPTS_PER_DAY,
        )
        return mails
    with translation.override(submission.language):
        node_page = node and (
            node.get_translations(inclusive=True)
            .filter(locale__language_code=submission.language)
            .specific()
            .first()
            or node
        )
        mails.append(
            EmailMessage(
                subject=one_line(
                    render_to_string(
                        "interest/mail/confirmation_subject.txt",
                        {"submission": submission, "site_name": site},
                    )
                ),
                body=render_to_string(
                    "interest/mail/confirmation.txt",
                    {"submission": submission, "node": node_page, "site_name": site},
                ),
                to=[submission.email],
            )
        )
    return mails


def send(submission):
    """
    Send both mails and mark the submission sent; returns True if it was. A mail that
    cannot go, for whatever reason (the server gone or refusing, a timeout, a message that
    cannot be built from what is stored), marks the submission failed for
    ``retry_interest_mail`` and is logged; nothing here raises, so the company that sent it
    is answered all the same and the retry goes on with the next.
    """
    submission.mail_attempts += 1
    try:
        for message in messages_for(submission):
            message.send()
    except Exception as error:
        logger.exception("The mail of interest submission %s could not be sent", submission.pk)
        submission.mail_status = MailStatus.FAILED
        submission.mail_error = f"{type(error).__name__}: {error}"[:2000]
        submission.save(update_fields=["mail_status", "mail_error", "mail_attempts"])
        return False
    submission.mail_status = MailStatus.SENT
    submission.mail_error = ""
    submission.save(update_fields=["mail_status", "mail_error", "mail_attempts"])
    return True


@errand
def mail_submission(submission_pk):
    """
    The worker's mail of a submission (``later(mail_submission, pk)``), tried again while
    the mail server does not take it; ``retry_interest_mail`` can still send what it gave
    up on.
    """
    submission = (
        Submission.objects.select_related("county", "region").filter(pk=submission_pk).first()
    )
    if submission is None or submission.mail_status == MailStatus.SENT:
        return  # deleted since, or sent by retry_interest_mail in the meantime
    if not send(submission):
        raise Undelivered(submission.mail_error)
