"""Print the site's translation status, for CI or a cron job."""

from django.core.management.base import BaseCommand, CommandError

from translations import store
from translations.status import Status


class Command(BaseCommand):
    help = "Summarise, per language, how many pages and snippets are in each translation state."

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", action="store_true", help="Also list every item that is not up to date."
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="First work out every status afresh (after the database was changed by hand).",
        )
        parser.add_argument(
            "--fail-if-incomplete",
            action="store_true",
            help="Exit with an error when anything is not up to date.",
        )

    def handle(self, *args, list=False, rebuild=False, fail_if_incomplete=False, **options):
        if rebuild:
            store.rebuild()
        states = store.states()
        for language, counted in store.summary(states):
            counts = ", ".join(f"{value}: {count}" for value, _label, count in counted)
            self.stdout.write(f"{language}: {counts}")
        pending = states.exclude(status=Status.UP_TO_DATE)
        if list:
            for row in pending.iterator():
                self.stdout.write(
                    f"  {row.status_label}: {row.type_name} “{row.title}” ({row.language})"
                )
        if fail_if_incomplete and pending.exists():
            raise CommandError(f"{pending.count()} translations are not up to date.")
