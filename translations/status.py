"""
The translation state of the whole site: for every Swedish page and translatable snippet
and every other language, one of

- **missing**: no translation exists;
- **unpublished**: no translation exists, and the Swedish has never been published (a
  draft, or waiting for its first approval): nothing the programme office approved to
  translate yet;
- **draft**: the translation was never published and still has untranslated text;
- **outdated**: the Swedish source was published since the translation was last synced,
  or a sync brought in text nobody has translated yet;
- **in review**: every string is translated and the translation waits in the moderation
  workflow;
- **ready**: every string is translated, but the live translation does not show it yet
  (never published, or published before the last sync or string edit);
- **up to date**: the live translation shows the translation of the live source.

wagtail-localize's own report lists translations that exist; this also shows what was
never translated, and whether the live translation still matches its source. It reads
every model generically, so it imports no app of the site, and it costs the same number
of queries for ten pages as for ten thousand.
"""

import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Count, Exists, F, Max, OuterRef
from django.utils.translation import gettext_lazy as _

from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
    WorkflowState,
)
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)


class Status(models.TextChoices):
    MISSING = "missing", _("Missing")
    UNPUBLISHED = "unpublished", _("Not published yet")
    DRAFT = "draft", _("Draft")
    OUTDATED = "outdated", _("Out of date")
    IN_REVIEW = "in_review", _("In review")
    READY = "ready", _("Ready to publish")
    UP_TO_DATE = "up_to_date", _("Up to date")


class Action(models.TextChoices):
    """What a row asks of someone; the report links each to its view if the viewer may."""

    TRANSLATE = "translate", _("Translate")
    SYNC = "sync", _("Sync")
    TRANSLATE_NEW = "translate_new", _("Translate the new text")
    FINISH = "finish", _("Finish the translation")
    PUBLISH = "publish", _("Publish")
    SUBMIT = "submit", _("Submit for review")
    REVIEW = "review", _("Review")
    EDIT = "edit", _("Edit")


@dataclass
class Row:
    source: models.Model
    kind: str  # "page" or "snippet"
    type_name: str
    locale: Locale
    status: str
    translation: models.Model | None
    translation_source: TranslationSource | None
    action: str
    synced: bool  # wagtail-localize keeps the translation in step with the source

    @property
    def title(self):
        return self.source.get_admin_display_title() if self.kind == "page" else str(self.source)


def translatable_snippet_models():
    return [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]


# What a snippet with drafts keeps of its publishing, locking and revisions: not content.
BOOKKEEPING_FIELDS = frozenset(
    field.name
    for mixin in (DraftStateMixin, LockableMixin, RevisionMixin)
    for field in mixin._meta.fields
)


def snippet_changed_since_sync(instance, source):
    """Does the (live) Swedish snippet differ from what was last sent for translation?"""

    def content(data):
        return {name: value for name, value in data.items() if name not in BOOKKEEPING_FIELDS}

    current = json.loads(
        json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
    )
    return content(current) != content(json.loads(source.content_json))


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


def compute(keys=None, locales=None):
    """
    Every (Swedish object, other language) pair with its status, pages first, worked out
    from wagtail-localize's records; ``keys`` limits it to objects with those translation
    keys. ``translations.store`` keeps the result, so that nobody waits for this.
    """
    source_locale = Locale.get_default()
    targets = list(locales or Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
    pages = Page.objects.filter(locale=source_locale, depth__gt=1)
    snippets = [
        model.objects.filter(locale=source_locale) for model in translatable_snippet_models()
    ]
    if keys is not None:
        pages = pages.filter(translation_key__in=keys)
        snippets = [objects.filter(translation_key__in=keys) for objects in snippets]
    groups = [("page", pages.specific().order_by("path"))] + [
        ("snippet", objects.order_by("pk")) for objects in snippets
    ]
    rows = []
    for kind, objects in groups:
        objects = list(objects)
        if not objects:
            continue
        keys_of_group = [obj.translation_key for obj in objects]
        sources = {
            ts.object_id: ts
            for ts in TranslationSource.objects.filter(
                object_id__in=keys_of_group, locale=source_locale
            )
        }
        for locale in targets:
            rows += status_rows(kind, objects, keys_of_group, sources, locale)
    return rows


@dataclass
class Evidence:
    """What is known, for one language, about the translations of a group of objects."""

    missing_strings: dict  # translation source id -> untranslated strings
    last_string_edit: dict  # translation source id -> latest translated string's change
    last_save: dict  # translation source id -> latest save of a snippet without drafts
    in_review: set  # pks of translated objects in a moderation workflow


def string_edits(source_ids, locale):
    """{translation source id: when one of its strings' translations last changed}."""
    rows = (
        StringTranslation.objects.filter(
            locale=locale,
            translation_of__segments__source_id__in=source_ids,
            translation_of__segments__context_id=F("context_id"),
        )
        .values("translation_of__segments__source_id")
        .annotate(latest=Max("updated_at"))
    )
    return {row["translation_of__segments__source_id"]: row["latest"] for row in rows}


def translation_saves(source_ids, locale):
    """{translation source id: when wagtail-localize last saved its translated object}."""
    rows = (
        TranslationLog.objects.filter(source_id__in=source_ids, locale=locale)
        .values("source_id")
        .annotate(latest=Max("created_at"))
    )
    return {row["source_id"]: row["latest"] for row in rows}


def in_review(model, pks):
    """The pks among ``pks`` of ``model`` (Page for every page) in a moderation workflow."""
    if not issubclass(model, WorkflowMixin):
        return set()
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(pk) for pk in pks],
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return {int(pk) for pk in states.values_list("object_id", flat=True)}


def status_rows(kind, objects, keys, sources, locale):
    model = Page if kind == "page" else type(objects[0])
    translations = {
        t.translation_key: t for t in model.objects.filter(translation_key__in=keys, locale=locale)
    }
    localize = {
        tr.source.object_id: tr
        for tr in Translation.objects.filter(
            source__in=sources.values(), target_locale=locale, enabled=True
        ).select_related("source")
    }
    source_ids = [s.pk for s in sources.values()]
    evidence = Evidence(
        missing_strings=untranslated_counts(source_ids, locale),
        last_string_edit=string_edits(source_ids, locale),
        last_save={}
        if issubclass(model, DraftStateMixin)
        else translation_saves(source_ids, locale),
        in_review=in_review(model, [t.pk for t in translations.values()]),
    )
    rows = []
    for obj in objects:
        translation = translations.get(obj.translation_key)
        source = sources.get(obj.translation_key)
        record = localize.get(obj.translation_key)
        status, action = classify(kind, obj, translation, source, record, evidence)
        rows.append(
            Row(
                source=obj,
                kind=kind,
                type_name=str(obj._meta.verbose_name).capitalize(),
                locale=locale,
                status=status,
                translation=translation,
                translation_source=source,
                action=action,
                synced=record is not None,
            )
        )
    return rows


def never_published(obj):
    """Is ``obj`` a draft that was never live (new, or waiting for its first approval)?

    A live object with changes in review is not: its translation follows the live one.
    """
    return isinstance(obj, DraftStateMixin) and not obj.live and obj.first_published_at is None


def classify(kind, obj, translation, source, record, evidence):
    """(status, action) of one translation; see the module's docstring for the statuses."""
    if translation is None:
        if never_published(obj):
            return Status.UNPUBLISHED, Action.TRANSLATE
        return Status.MISSING, Action.TRANSLATE
    if source is None or record is None:
        # Made by hand, not through wagtail-localize: all that is known is whether it is live.
        if isinstance(translation, DraftStateMixin) and not translation.live:
            return Status.DRAFT, Action.PUBLISH
        return Status.UP_TO_DATE, Action.EDIT

    if kind == "page":
        changed = bool(obj.last_published_at and obj.last_published_at > source.last_updated_at)
    else:
        changed = snippet_changed_since_sync(obj, source)
    if isinstance(translation, DraftStateMixin):
        published_at = translation.last_published_at if translation.live else None
    else:  # a snippet without drafts is public as soon as wagtail-localize saves it
        published_at = evidence.last_save.get(source.pk)
    untranslated = evidence.missing_strings.get(source.pk, 0)

    if published_at is None and untranslated:
        return Status.DRAFT, Action.FINISH
    if changed:
        return Status.OUTDATED, Action.SYNC
    if untranslated:
        return Status.OUTDATED, Action.TRANSLATE_NEW
    if translation.pk in evidence.in_review:
        return Status.IN_REVIEW, Action.REVIEW
    last_change = max(
        filter(None, [source.last_updated_at, evidence.last_string_edit.get(source.pk)])
    )
    if published_at is None or published_at < last_change:
        return Status.READY, Action.PUBLISH
    return Status.UP_TO_DATE, Action.EDIT
