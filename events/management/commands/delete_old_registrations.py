"""Delete the registrations of events that ended EVENT_REGISTRATION_RETENTION_DAYS ago (data protection)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import Registration


class Command(BaseCommand):
    help = (
        "Delete the registrations of events that ended more than the retention period ago "
        "(EVENT_REGISTRATION_RETENTION_DAYS)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="override the setting")

    def handle(self, *args, days=None, **options):
        days = settings.EVENT_REGISTRATION_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _counts = Registration.objects.filter(event__end__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {deleted} registrations of events that ended over {days} days ago."
        )
