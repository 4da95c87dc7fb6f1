"""
Send the mail of submissions whose mail has not gone out (run it from cron every few
minutes). One that fails again stays failed and is named; the others are sent all the same.
"""

from django.core.management.base import BaseCommand

from interest import mail
from interest.models import MailStatus, Submission


class Command(BaseCommand):
    help = "Retry the mail of every interest submission whose mail has not gone out."

    def handle(self, *args, **options):
        waiting = Submission.objects.exclude(mail_status=MailStatus.SENT).order_by("created_at")
        sent, failed = 0, []
        for submission in waiting.select_related("county", "region"):
            if mail.send(submission):
                sent += 1
            else:
                failed.append(submission)
        self.stdout.write(f"Sent {sent}; still failing {len(failed)}.")
        for submission in failed:
            self.stderr.write(
                f"#{submission.pk} of {submission.created_at:%Y-%m-%d %H:%M}, "
                f"{submission.mail_attempts} attempts: {submission.mail_error}"
            )
