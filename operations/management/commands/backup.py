"""Back up the database and media into one archive (``make backup``)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from operations.backup import create


class Command(BaseCommand):
    help = "Write the database and every media file to a .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Where to write it (default: backups/<time>.tar.gz)")

    def handle(self, *args, output=None, **options):
        output = output or f"backups/produktionslyftet-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        manifest = create(output)
        held = ", ".join(f"{count} {label}" for label, count in manifest["counts"].items())
        self.stdout.write(f"Backed up to {output}: {held}")
