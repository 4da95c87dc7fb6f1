"""Restore a backup made by ``backup`` (``make restore BACKUP=…``) and check it is whole."""

import tarfile

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from operations.backup import counts, restore


class Command(BaseCommand):
    help = "Restore the database and media from a backup archive, replacing what is there."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore(archive)
        except tarfile.TarError as error:
            raise CommandError(f"{archive} is not a backup archive ({error}).") from error
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Could not restore {archive}: {error}") from error
        missing = {
            label: (count, counts()[label])
            for label, count in manifest["counts"].items()
            if counts()[label] != count
        }
        if missing:
            raise CommandError(f"Restored, but counts differ (backup, now): {missing}")
        self.stdout.write(f"Restored {archive}; every count matches the backup.")
        # Pages kept from before the restore must not outlive it, here or in front.
        call_command("renew_caches", stdout=self.stdout)
