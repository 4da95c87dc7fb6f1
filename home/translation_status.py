"""
The translation state of the whole site: for every Swedish page and translatable snippet
and every other language, one of

- **missing**: no translation exists;
- **draft**: the translated page exists but is not live;
- **outdated**: the source changed since the translation was last synced, or a sync
  brought in strings nobody has translated yet;
- **up to date**: none of the above.

wagtail-localize's own report lists translations that exist; this also shows what was
never translated, and whether what was translated still matches its source. It reads
every model generically, so ``home`` imports no other app.
"""

import json
from collections import Counter
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


class Status(models.TextChoices):
    MISSING = "missing", _("Missing")
    DRAFT = "draft", _("Draft")
    OUTDATED = "outdated", _("Out of date")
    UP_TO_DATE = "up_to_date", _("Up to date")


@dataclass
class Row:
    source: models.Model
    kind: str  # "page" or "snippet"
    type_name: str
    locale: Locale
    status: str
    translation: models.Model | None
    action_url: str
    action_label: str

    @property
    def title(self):
        return self.source.get_admin_display_title() if self.kind == "page" else str(self.source)

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def language(self):
        return self.locale.get_display_name()


def translatable_snippet_models():
    return [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]


def snippet_changed_since_sync(instance, source):
    current = json.loads(
        json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
    )
    stored = json.loads(source.content_json)
    return current != stored


def untranslated_counts(source_ids, locale):
    """{translation source id: number of its strings not yet translated into ``locale``}."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=locale,
        has_error=False,
    )
    rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .annotate(done=Exists(translated))
        .filter(done=False)
        .values("source_id")
        .annotate(missing=Count("id"))
    )
    return {row["source_id"]: row["missing"] for row in rows}


def site_translation_status(locales=None):
    """Every (source object, target language) pair with its status, pages first."""
    source_locale = Locale.get_default()
    targets = list(locales or Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
    groups = [
        ("page", Page.objects.filter(locale=source_locale, depth__gt=1).specific().order_by("path"))
    ] + [
        ("snippet", model.objects.filter(locale=source_locale).order_by("pk"))
        for model in translatable_snippet_models()
    ]
    rows = []
    for kind, objects in groups:
        objects = list(objects)
        if not objects:
            continue
        keys = [obj.translation_key for obj in objects]
        sources = {
            ts.object_id: ts
            for ts in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
        }
        for locale in targets:
            rows += status_rows(kind, objects, keys, sources, locale)
    return rows


def status_rows(kind, objects, keys, sources, locale):
    model = Page if kind == "page" else type(objects[0])
    translations = {
        t.translation_key: t for t in model.objects.filter(translation_key__in=keys, locale=locale)
    }
    localize = {
        tr.source.object_id: tr
        for tr in Translation.objects.filter(
            source__in=sources.values(), target_locale=locale
        ).select_related("source")
    }
    missing_strings = untranslated_counts([s.pk for s in sources.values()], locale)
    rows = []
    for obj in objects:
        translation = translations.get(obj.translation_key)
        source = sources.get(obj.translation_key)
        record = localize.get(obj.translation_key)
        status, url, label = classify(kind, obj, translation, source, record, missing_strings)
        rows.append(
            Row(
                source=obj,
                kind=kind,
                type_name=str(obj._meta.verbose_name).capitalize(),
                locale=locale,
                status=status,
                translation=translation,
                action_url=url,
                action_label=label,
            )
        )
    return rows


def classify(kind, obj, translation, source, record, missing_strings):
    if translation is None:
        if kind == "page":
            url = reverse("wagtail_localize:submit_page_translation", args=[obj.pk])
        else:
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[obj._meta.app_label, obj._meta.model_name, obj.pk],
            )
        return Status.MISSING, url, _("Translate")

    if kind == "page":
        edit_url = reverse("wagtailadmin_pages:edit", args=[translation.pk])
    else:
        ct = ContentType.objects.get_for_model(translation)
        edit_url = reverse(f"wagtailsnippets_{ct.app_label}_{ct.model}:edit", args=[translation.pk])

    if source is not None:
        if kind == "page":
            changed = bool(obj.last_published_at and obj.last_published_at > source.last_updated_at)
        else:
            changed = snippet_changed_since_sync(obj, source)
        if changed:
            return (
                Status.OUTDATED,
                reverse("wagtail_localize:update_translations", args=[source.pk]),
                _("Sync"),
            )
        if record is not None and missing_strings.get(source.pk):
            return Status.OUTDATED, edit_url, _("Translate the new text")
    if kind == "page" and not translation.live:
        return Status.DRAFT, edit_url, _("Finish and publish")
    return Status.UP_TO_DATE, edit_url, _("Edit")


def summary(rows):
    """[(language name, [(status, label, count), …]), …], for the dashboard, report and command."""
    counts = {}
    for row in rows:
        counts.setdefault(row.language, Counter())[row.status] += 1
    return [
        (language, [(value, label, counter.get(value, 0)) for value, label in Status.choices])
        for language, counter in counts.items()
    ]
