"""Send the mail of submissions whose mail failed (run it from cron every few minutes)."""

from django.core.management.base import BaseCommand

from interest import mail
from interest.models import MailStatus, Submission


class Command(BaseCommand):
    help = "Retry the mail of every interest submission whose mail has not gone out."

    def handle(self, *args, **options):
        waiting = Submission.objects.exclude(mail_status=MailStatus.SENT).order_by("created_at")
        sent = failed = 0
        for submission in waiting.select_related("county", "region"):
            if mail.send(submission):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Sent {sent}; still failing {failed}.")
