"""
Who may do what to a translation. wagtail-localize checks only its site-wide
``submit_translation`` permission in several views; these rules apply the page tree's
permissions (and, for snippets, the model permissions and the source-language rule) to
every one of them. ``translations.middleware`` enforces them on each of its views, and
the admin offers only what they allow.

The rules, for a user and the object a translation is of:
- starting a translation into a language needs permission to edit the page it will
  create: "change" on the nearest page that already exists in that language above it;
  and, while the Swedish has never been published, permission to publish it: only the
  programme office translates text it has not approved;
- every other action on a translation (translate strings, override, PO files, machine
  translation, preview, stop, sync) needs permission to edit the translated object;
- publishing it (sync with "publish immediately", the editor's publish, converting it to
  an alias of the live source) needs permission to publish it.
"""

from django.contrib.auth import get_permission_codename
from django.core.exceptions import ObjectDoesNotExist

from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from memory.site import source_locale

from .status import never_published

# Declared on TranslationState's Meta (models.py); the programme office holds it.
SOURCE_LANGUAGE_PERMISSION = "translations.edit_source_language"


def may_edit_source(user):
    return user.has_perm(SOURCE_LANGUAGE_PERMISSION)


def is_source_language(obj):
    return isinstance(obj, TranslatableMixin) and obj.locale_id == source_locale().pk


def has_model_permission(user, action, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")


def can_edit(user, obj):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    if not has_model_permission(user, "change", type(obj)):
        return False
    return not is_source_language(obj) or may_edit_source(user)


def can_publish(user, obj):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    if isinstance(obj, DraftStateMixin) and not has_model_permission(user, "publish", type(obj)):
        return False
    return can_edit(user, obj)


def nearest_translated_ancestor(page, locale):
    """The page in ``locale`` under which the translation of ``page`` will be created."""
    for ancestor in page.get_ancestors().order_by("-depth"):
        if ancestor.is_root():
            return ancestor
        translated = ancestor.get_translation_or_none(locale)
        if translated is not None:
            return translated
    return Page.get_first_root_node()


def may_translate_unpublished(user, obj):
    """A never-published Swedish page or snippet is translated only by those who may publish it."""
    return not (is_source_language(obj) and never_published(obj)) or can_publish(user, obj)


def can_translate_into(user, obj, locale):
    """May ``user`` start (or restart from an alias) the translation of ``obj`` into ``locale``?"""
    if not may_translate_unpublished(user, obj):
        return False
    if isinstance(obj, Page):
        existing = obj.get_translation_or_none(locale)
        if existing is not None:
            return can_edit(user, existing)
        parent = nearest_translated_ancestor(obj, locale)
        return PagePermissionPolicy().user_has_permission_for_instance(user, "change", parent)
    if not has_model_permission(user, "change", type(obj)):
        return False
    return locale.pk != source_locale().pk or may_edit_source(user)


def untranslated_locales(obj):
    """The languages ``obj`` has no translation in yet (an alias page does not count)."""
    existing = obj.get_translations(inclusive=True)
    if isinstance(obj, Page):
        existing = existing.exclude(alias_of__isnull=False)
    return Locale.objects.exclude(pk__in=existing.values("locale_id"))


def translatable_locales(user, obj):
    """The languages ``user`` may translate ``obj`` into that it has no translation in yet."""
    return [locale for locale in untranslated_locales(obj) if can_translate_into(user, obj, locale)]


def sync_targets(source):
    """The translated objects that syncing ``source`` (a TranslationSource) would change."""
    targets = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            targets.append(translation.get_target_instance())
        except ObjectDoesNotExist:
            continue  # the translated object was deleted; syncing would recreate it
    return targets


def can_sync(user, source):
    targets = sync_targets(source)
    return bool(targets) and all(can_edit(user, target) for target in targets)


def can_publish_sync(user, source):
    targets = sync_targets(source)
    return bool(targets) and all(can_publish(user, target) for target in targets)
