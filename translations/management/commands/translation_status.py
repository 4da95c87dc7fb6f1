"""Print the site's translation status, for CI or a cron job."""

from django.core.management.base import BaseCommand, CommandError

from translations.status import Status, site_translation_status, summary


class Command(BaseCommand):
    help = "Summarise, per language, how many pages and snippets are in each translation state."

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", action="store_true", help="Also list every item that is not up to date."
        )
        parser.add_argument(
            "--fail-if-incomplete",
            action="store_true",
            help="Exit with an error when anything is not up to date.",
        )

    def handle(self, *args, list=False, fail_if_incomplete=False, **options):
        rows = site_translation_status()
        for language, counted in summary(rows):
            counts = ", ".join(f"{value}: {count}" for value, _label, count in counted)
            self.stdout.write(f"{language}: {counts}")
        pending = [row for row in rows if row.status != Status.UP_TO_DATE]
        if list:
            for row in pending:
                self.stdout.write(
                    f"  {row.status_label}: {row.type_name} “{row.title}” ({row.language})"
                )
        if fail_if_incomplete and pending:
            raise CommandError(f"{len(pending)} translations are not up to date.")
