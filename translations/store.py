"""
The translation status of the whole site, kept in the database (``TranslationState``) so
that the report filters and pages it and the dashboard counts it without working out the
status of every page on every view.

Whenever something the status is read from is saved or deleted (a page or translatable
snippet, wagtail-localize's sources, segments, string translations, translations and logs,
a moderation workflow's state, a language), the translation key of the Swedish object it
concerns is noted, and the states of those objects are worked out again
(``translations.status.compute``) and written:

- at the end of the request, when the change happened in one (``StoreMiddleware``), so a
  publish that saves a page three times costs one refresh;
- otherwise when the transaction commits, or at once outside a transaction (commands such
  as ``publish_scheduled`` or ``add_articles``);
- and, in any case, before the states are read in the same thread.

``manage.py translation_status --rebuild`` works everything out afresh, for a database
changed behind the site's back; it is also done after ``migrate`` when there are no states.
"""

import threading

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count
from django.db.models.signals import post_delete, post_migrate, post_save

from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from .models import TranslationState
from .status import Status, compute, translatable_snippet_models

EVERYTHING = "everything"
BATCH = 500


class Pending(threading.local):
    def __init__(self):
        self.clear()
        self.in_request = False
        self.memo = {}  # what one request looked up once (translations.listing)

    def clear(self):
        self.keys = set()
        self.sources = set()  # TranslationSource ids, whose keys are read at the flush
        self.strings = set()  # (string id, context id) of translated strings, likewise

    def __bool__(self):
        return bool(self.keys or self.sources or self.strings)


pending = Pending()


def note(*keys, sources=(), strings=()):
    """
    Remember that the status of the objects with these translation keys may have changed,
    or of those with these translation sources or translated strings: those are turned
    into keys when the states are worked out, in one query for all of them.
    """
    pending.keys.update(key for key in keys if key)
    pending.sources.update(source for source in sources if source)
    pending.strings.update(strings)
    if not pending or pending.in_request:
        return
    if not transaction.get_connection().in_atomic_block:
        flush()
    else:
        # Once per note: the first to run after the commit does the work, the rest find
        # nothing pending. Whether one is waiting already is in no public API of Django's.
        transaction.on_commit(flush)


def flush():
    keys, sources, strings = pending.keys, pending.sources, pending.strings
    pending.clear()
    if EVERYTHING in keys:
        rebuild()
        return
    keys |= keys_of(sources, strings)
    if keys:
        refresh(keys)


def keys_of(sources, strings):
    """The translation keys of these translation sources and translated strings."""
    keys = set()
    if sources:
        found = TranslationSource.objects.filter(pk__in=sources)
        keys.update(found.values_list("object_id", flat=True))
    if strings:
        segments = StringSegment.objects.filter(
            string_id__in={string for string, _context in strings},
            context_id__in={context for _string, context in strings},
        ).values_list("string_id", "context_id", "source__object_id")
        keys.update(key for string, context, key in segments if (string, context) in strings)
    return keys


def refresh(keys):
    keys = sorted(str(key) for key in keys)
    for start in range(0, len(keys), BATCH):
        batch = keys[start : start + BATCH]
        with transaction.atomic():
            TranslationState.objects.filter(translation_key__in=batch).delete()
            write(compute(keys=batch))


def rebuild():
    pending.clear()
    with transaction.atomic():
        TranslationState.objects.all().delete()
        write(compute())


def write(rows):
    page_type = ContentType.objects.get_for_model(Page)
    TranslationState.objects.bulk_create(
        [
            TranslationState(
                translation_key=row.source.translation_key,
                locale=row.locale,
                kind=row.kind,
                page=row.source if row.kind == "page" else None,
                content_type=page_type
                if row.kind == "page"
                else ContentType.objects.get_for_model(row.source),
                object_id=row.source.pk,
                title=row.title[:255],
                type_name=row.type_name[:255],
                status=row.status,
                action=row.action,
                translation_id=row.translation.pk if row.translation else None,
                translation_is_alias=bool(getattr(row.translation, "alias_of_id", None)),
                synced=row.synced,
                translation_source=row.translation_source,
            )
            for row in rows
        ],
        batch_size=BATCH,
    )


# --- reading ------------------------------------------------------------------------------


def states(locales=None):
    """The kept states, pages in tree order and then snippets, fresh for this thread."""
    flush()
    queryset = TranslationState.objects.select_related(
        "locale", "content_type", "page__content_type"
    ).order_by("kind", "page__path", "content_type", "object_id", "locale__language_code")
    if locales is not None:
        queryset = queryset.filter(locale__in=locales)
    return queryset


def summary(queryset=None):
    """[(language name, [(status, label, count), …]), …], counted by the database."""
    queryset = states() if queryset is None else queryset
    counted = {}
    for row in queryset.order_by().values("locale", "status").annotate(count=Count("pk")):
        counted.setdefault(row["locale"], {})[row["status"]] = row["count"]
    locales = Locale.objects.in_bulk(counted)
    return [
        (
            locales[pk].get_display_name(),
            [(value, label, counts.get(value, 0)) for value, label in Status.choices],
        )
        for pk, counts in sorted(counted.items(), key=lambda item: locales[item[0]].language_code)
    ]


def remembered(key, look_up):
    """``look_up()``, asked once per request (every time outside one)."""
    if not pending.in_request:
        return look_up()
    if key not in pending.memo:
        pending.memo[key] = look_up()
    return pending.memo[key]


def with_objects(page_of_states, specific=True):
    """The states with ``source`` and ``translation`` objects, a few queries for all of them."""
    page_of_states = list(page_of_states)
    wanted = {}
    for state in page_of_states:
        model = Page if state.kind == "page" else state.content_type.model_class()
        wanted.setdefault(model, set()).update(
            pk for pk in (state.object_id, state.translation_id) if pk
        )
    found = {}
    for model, pks in wanted.items():
        objects = model.objects.filter(pk__in=pks)
        if model is Page and specific:
            objects = objects.specific()
        found.update({(model, obj.pk): obj for obj in objects})
    for state in page_of_states:
        model = Page if state.kind == "page" else state.content_type.model_class()
        state.source = found.get((model, state.object_id))
        state.translation = found.get((model, state.translation_id))
    return page_of_states


# --- noticing changes ---------------------------------------------------------------------


def translatable_saved(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, TranslatableMixin):
        return
    if isinstance(instance, Page) or sender in translatable_snippet_models():
        note(instance.translation_key)


def source_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        note(instance.object_id)


def through_source(sender, instance, raw=False, **kwargs):
    if not raw:
        note(sources=[instance.source_id])


def string_translation_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        note(strings=[(instance.translation_of_id, instance.context_id)])


def workflow_state_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    model = ContentType.objects.get_for_id(instance.base_content_type_id).model_class()
    if model is not None and issubclass(model, TranslatableMixin):
        found = model.objects.filter(pk=instance.object_id)
        note(found.values_list("translation_key", flat=True).first())


def locale_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        note(EVERYTHING)


def fill_when_empty(sender, **kwargs):
    if sender.name == "translations" and not TranslationState.objects.exists():
        rebuild()


def connect():
    for signal in (post_save, post_delete):
        signal.connect(translatable_saved, dispatch_uid=f"translation_state_{signal}")
        signal.connect(source_saved, sender=TranslationSource)
        signal.connect(through_source, sender=StringSegment)
        signal.connect(through_source, sender=Translation)
        signal.connect(through_source, sender=TranslationLog)
        signal.connect(string_translation_saved, sender=StringTranslation)
        signal.connect(workflow_state_saved, sender=WorkflowState)
        signal.connect(locale_changed, sender=Locale)
    post_migrate.connect(fill_when_empty)


class StoreMiddleware:
    """Changes made while answering a request are worked out once, when it is answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pending.in_request, pending.memo = True, {}
        try:
            return self.get_response(request)
        finally:
            pending.in_request, pending.memo = False, {}
            flush()
