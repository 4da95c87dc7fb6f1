"""
``manage.py add_articles N``: make sure the site has N generated articles, spread over the
regions, each published in Swedish and translated to English through wagtail-localize as
a translator would (the source submitted, its PO file filled in and imported, the
translation published). For measuring the site at scale (``make bench ARTICLES=10000``)
and for trying the admin with a realistic amount of content.

Idempotent per N: the articles are numbered, and a number that exists is not added again,
so running it twice, or with a smaller N, adds nothing.
"""

import datetime
import sys
from contextlib import contextmanager

from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.models import Locale, ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail_localize.models import Translation, TranslationSource

from articles.choices import ArticleKind
from articles.models import ArticlePage
from regions.models import RegionPage

SLUG_PREFIX = "skala-"
FIRST_DAY = datetime.date(2010, 1, 1)
# Small batches, each in a transaction: SQLite writes them at once, and an interrupted run
# keeps what it finished.
BATCH = 50

TOPICS = [
    ("Lean i verkstaden", "Lean on the shop floor"),
    ("Flöde och ledtider", "Flow and lead times"),
    ("Ledarskap i förändring", "Leadership in change"),
    ("Ständiga förbättringar", "Continuous improvement"),
    ("Från analys till handling", "From analysis to action"),
]


def english_for(number):
    """The Swedish of generated article ``number`` and its English, string by string."""
    topic_sv, topic_en = TOPICS[number % len(TOPICS)]
    return {
        f"{topic_sv} ({number})": f"{topic_en} ({number})",
        f"{SLUG_PREFIX}{number}": f"scale-{number}",
        f"En artikel om {topic_sv.lower()} hos ett av programmets företag.": (
            f"An article on {topic_en.lower()} at one of the programme's companies."
        ),
    }


class Command(BaseCommand):
    help = "Ensure N generated articles exist, in Swedish and translated to English."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="how many generated articles there should be")

    def handle(self, *args, count, **options):
        if count < 0:
            raise CommandError("The number of articles cannot be negative.")
        self.sv = Locale.objects.get(language_code="sv")
        self.en = Locale.objects.get(language_code="en")
        self.regions = list(RegionPage.objects.filter(locale=self.sv).order_by("path"))
        if not self.regions:
            raise CommandError("There are no regions to add articles to: load the demo first.")
        existing = set(
            ArticlePage.objects.filter(locale=self.sv, slug__startswith=SLUG_PREFIX).values_list(
                "slug", flat=True
            )
        )
        missing = [n for n in range(count) if f"{SLUG_PREFIX}{n}" not in existing]
        progress = tqdm(
            total=len(missing),
            unit="article",
            disable=not missing or options["verbosity"] == 0,
            file=sys.stderr,
        )
        with indexes_per_batch(ArticlePage):
            for start in range(0, len(missing), BATCH):
                batch = missing[start : start + BATCH]
                with transaction.atomic():
                    added = [page for number in batch for page in self.add(number)]
                    index(added)
                progress.update(len(batch))
        progress.close()
        # The query planner's statistics (a tenth of a second at 20,000 pages), so that
        # listings read the date index at this size; SQLite gathers none on its own.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        if options["verbosity"]:
            self.stdout.write(
                f"{len(missing)} articles added in Swedish and English; "
                f"{count - len(missing)} were there already."
            )

    def add(self, number):
        """Article ``number``, published in Swedish and in English; returns both."""
        strings = english_for(number)
        title, slug, introduction = strings
        region = self.regions[number % len(self.regions)]
        article = ArticlePage(
            locale=self.sv,
            title=title,
            slug=slug,
            introduction=introduction,
            kind=list(ArticleKind)[number % len(ArticleKind)],
            date=FIRST_DAY + datetime.timedelta(days=number % 5000),
            first_published_at=timezone.now(),
            last_published_at=timezone.now(),
        )
        region.add_child(instance=article)  # live, as created: no draft to publish
        return article, self.translate(article, strings)

    def translate(self, article, strings):
        return translate(article, strings, self.en, "add_articles")


def translate(page, strings, locale, tool_name):
    """
    ``page`` translated to ``locale`` from ``strings`` (its Swedish -> the translation) in
    wagtail-localize, and published: as the demo does (load_demo_content.translate), a
    draft, then its revision published at once, not at the end of the transaction
    (wagtail-localize #773).
    """
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings[entry.msgid]
    translation.import_po(po, tool_name=tool_name)
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    return target


# What updates on every save of an article, read back and written again each time.
PER_SAVE_INDEXES = (post_save_signal_handler, update_reference_index_on_save)


@contextmanager
def indexes_per_batch(model):
    """
    Keep the search and reference indexes from updating on each of the several saves that
    publishing and translating a page make (a third of the time it takes); index() writes
    each batch's pages once instead.
    """
    for handler in PER_SAVE_INDEXES:
        post_save.disconnect(handler, sender=model)
    try:
        yield
    finally:
        for handler in PER_SAVE_INDEXES:
            post_save.connect(handler, sender=model)


def index(pages, model=ArticlePage):
    """Write ``pages`` (of ``model``) to the search and reference indexes, once each."""
    fresh = list(model.objects.filter(pk__in=[page.pk for page in pages]))
    for backend in get_search_backends():
        backend.add_bulk(model, fresh)
    for page in fresh:
        ReferenceIndex.create_or_update_for_object(page)
