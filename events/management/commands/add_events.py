"""
``manage.py add_events N``: make sure the site has N generated events, spread over the
regions and the calendar, half of them past, each published in Swedish and translated to
English through wagtail-localize as ``add_articles`` does its articles. For measuring the
site at scale (``make bench EVENTS=1000``).

Idempotent per N, as ``add_articles`` is: a number that exists is not added again.
"""

import datetime
import sys

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Locale

from articles.management.commands.add_articles import index, indexes_per_batch, translate
from events.choices import EventKind
from events.models import EventIndexPage, EventPage
from regions.models import RegionPage

SLUG_PREFIX = "evenemang-"
BATCH = 50
TOPICS = [
    ("Inspirationsdag om lean", "Inspiration day on lean"),
    ("Utbildningsdag i flöde", "Training day on flow"),
    ("Mötesplats för ledare", "Meeting place for leaders"),
    ("Webbinarium om automation", "Webinar on automation"),
]


def english_for(number):
    """The Swedish of generated event ``number`` and its English, string by string."""
    topic_sv, topic_en = TOPICS[number % len(TOPICS)]
    return {
        f"{topic_sv} ({number})": f"{topic_en} ({number})",
        f"{SLUG_PREFIX}{number}": f"event-{number}",
        "En dag med programmets företag.": "A day with the programme's companies.",
    }


class Command(BaseCommand):
    help = "Ensure N generated events exist, in Swedish and translated to English."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="how many generated events there should be")

    def handle(self, *args, count, **options):
        if count < 0:
            raise CommandError("The number of events cannot be negative.")
        self.sv = Locale.objects.get(language_code="sv")
        self.en = Locale.objects.get(language_code="en")
        self.parents = list(RegionPage.objects.filter(locale=self.sv).order_by("path"))
        self.parents += EventIndexPage.objects.filter(locale=self.sv)
        if not self.parents:
            raise CommandError("There are no regions to add events to: load the demo first.")
        existing = set(
            EventPage.objects.filter(locale=self.sv, slug__startswith=SLUG_PREFIX).values_list(
                "slug", flat=True
            )
        )
        missing = [n for n in range(count) if f"{SLUG_PREFIX}{n}" not in existing]
        progress = tqdm(
            total=len(missing),
            unit="event",
            disable=not missing or options["verbosity"] == 0,
            file=sys.stderr,
        )
        self.today = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
        with indexes_per_batch(EventPage):
            for start in range(0, len(missing), BATCH):
                batch = missing[start : start + BATCH]
                with transaction.atomic():
                    added = [page for number in batch for page in self.add(number)]
                    index(added, EventPage)
                progress.update(len(batch))
        progress.close()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        if options["verbosity"]:
            self.stdout.write(
                f"{len(missing)} events added in Swedish and English; "
                f"{count - len(missing)} were there already."
            )

    def add(self, number):
        """Event ``number``, published in Swedish and in English; returns both."""
        strings = english_for(number)
        title, slug, introduction = strings
        parent = self.parents[number % len(self.parents)]
        # Every other event past, the rest over the next year and a half.
        days = number // 2 % 550 + 1
        start = self.today + datetime.timedelta(days=-days if number % 2 else days)
        event = EventPage(
            locale=self.sv,
            title=title,
            slug=slug,
            introduction=introduction,
            kind=list(EventKind)[number % len(EventKind)],
            start=start,
            end=start + datetime.timedelta(hours=6),
            venue_name="Mittuniversitetet",
            municipality="Sundsvall",
            capacity=30,
            first_published_at=timezone.now(),
            last_published_at=timezone.now(),
        )
        parent.add_child(instance=event)  # live, as created: no draft to publish
        return event, translate(event, strings, self.en, "add_events")
