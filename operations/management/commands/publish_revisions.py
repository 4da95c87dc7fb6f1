"""
Publish N revisions while the site is under load (``make loadtest``): in turn a Swedish
article's title, its English translation (through wagtail-localize), and a partner's
description. Prints, as JSON, the last text each changed object should show.
"""

import json
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail_localize.models import StringSegment, StringTranslation, Translation

from articles.models import ArticlePage
from partners.models import Partner


class Command(BaseCommand):
    help = "Publish revisions of pages, translations and partners, N in all, for a load test."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=50)
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between them")

    def handle(self, *args, count, interval, **options):
        articles = list(ArticlePage.objects.filter(locale__language_code="sv").order_by("pk")[:5])
        partners = list(Partner.objects.filter(locale__language_code="sv").order_by("pk")[:3])
        expected = {}
        for n in range(count):
            kind = ("article", "translation", "partner")[n % 3]
            if kind == "article":
                page = articles[n % len(articles)]
                page.refresh_from_db()
                page.title = f"{page.title.split(' · ')[0]} · version {n}"
                page.save_revision().publish()
                expected[page.url] = page.title
            elif kind == "translation":
                english = self.publish_translation(articles[n % len(articles)], n)
                expected[english.url] = english.title
            else:
                partner = partners[n % len(partners)]
                partner.refresh_from_db()
                partner.description = f"Beskrivning, version {n}."
                partner.save_revision().publish()
                expected[f"partner:{partner.pk}"] = partner.description
            time.sleep(interval)
        self.stdout.write(json.dumps({"published": count, "expected": expected}))

    def publish_translation(self, article, n):
        english = article.get_translations().get()
        translation = Translation.objects.get(
            source__object_id=article.translation_key, target_locale=english.locale
        )
        translation.source.update_from_db()
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string", "context"
        ):
            if segment.context.path == "title":
                title = f"{english.title.split(' · ')[0]} · version {n}"
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=english.locale,
                    context=segment.context,
                    defaults={"data": title},
                )
        with transaction.atomic():
            translation.save_target(publish=False)
        english.refresh_from_db()
        english.get_latest_revision().publish()
        english.refresh_from_db()
        return english
