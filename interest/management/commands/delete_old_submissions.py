"""Delete interest submissions older than INTEREST_RETENTION_DAYS (data protection)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from interest.models import Submission


class Command(BaseCommand):
    help = "Delete interest submissions older than the retention period (INTEREST_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="override the setting")

    def handle(self, *args, days=None, **options):
        days = settings.INTEREST_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _counts = Submission.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} submissions older than {days} days.")
