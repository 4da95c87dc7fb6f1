"""
wagtail-localize's internals the site relies on, each with its start-up check.

- Saving a translation as a revision only (``translated_revision_of``): wagtail-localize's
  ``save_target`` writes the translated content into the live row, which a translator
  submitting for review must not; this does what it does up to that point, with the
  private ``TranslationSource._get_segments_for_translation`` it uses.
- Its "Translate this page" / "Sync translated pages" hook, swapped in the hooks'
  registry (``page_buttons``; the swap is ``compat.wagtail.replace_hook``).
- ``TranslationSource.create_or_update_translation``, wrapped to know who started a
  translation (``remember_the_starter``), which its signal does not say.
- ``StringTranslation.get_comment``, replaced to write its date in the reader's language
  (``replace_the_translation_comment``).
- Same-name overrides of its editor and sync form templates, which extend its blocks.
- The properties its translation editor is drawn from, and the shape of the footer it
  draws, where the site withdraws "Convert to alias page" and puts the next step in the
  main button's place (``convert_to_alias_url``, ``EDITOR_FOOTER_CLASSES``).
"""

import functools
import inspect
from pathlib import Path

from django.contrib.staticfiles import finders

from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.views import edit_translation

from . import templates
from .checks import missing_attributes, missing_parameters, reach

# --- a translation saved as a revision only -----------------------------------------------


def translated_revision_of(translation, target, user):
    """Save the translation's current state into ``target`` (the translated object, read
    afresh) as its latest revision, leaving what is live untouched."""
    source = translation.source
    original = source.as_instance()
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=False)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    return target.save_revision(user=user, log_action=True)


@reach("wagtail-localize", "translations/review.py (submit for review)", id="compat.E101")
def revision_of_a_translation():
    gone = missing_attributes(TranslationSource, ["_get_segments_for_translation", "as_instance"])
    if not gone:
        gone += missing_parameters(
            TranslationSource._get_segments_for_translation,
            ["locale", "fallback"],
            owner=TranslationSource,
        )
    gone += missing_parameters(
        ingest_segments, ["original_obj", "translated_obj", "src_locale", "tgt_locale", "segments"]
    )
    gone += missing_parameters(copy_synchronised_fields, ["source", "target"])
    return gone


# --- its page buttons' hook ---------------------------------------------------------------


def page_buttons():
    """wagtail-localize's hook function for a page's translation buttons."""
    return localize_hooks.page_listing_more_buttons


@reach("wagtail-localize", "translations/wagtail_hooks.py (its page buttons)", id="compat.E102")
def page_buttons_hook():
    gone = missing_attributes(localize_hooks, ["page_listing_more_buttons"])
    if not gone:
        gone += missing_parameters(
            localize_hooks.page_listing_more_buttons, ["page", "user", "view_name", "next_url"]
        )
    return gone


# --- who starts a translation -------------------------------------------------------------


def remember_the_starter(starter):
    """While ``TranslationSource.create_or_update_translation`` runs, ``starter`` (a
    ContextVar) holds the user it was given."""
    create = TranslationSource.create_or_update_translation
    if getattr(create, "remembers_the_starter", False):
        return

    @functools.wraps(create)
    def create_or_update_translation(self, locale, user=None, *args, **kwargs):
        token = starter.set(user)
        try:
            return create(self, locale, user, *args, **kwargs)
        finally:
            starter.reset(token)

    create_or_update_translation.remembers_the_starter = True
    TranslationSource.create_or_update_translation = create_or_update_translation


@reach("wagtail-localize", "translations/credit.py (who started a translation)", id="compat.E103")
def translation_creation():
    gone = missing_attributes(TranslationSource, ["create_or_update_translation"])
    if gone:
        return gone
    create = inspect.unwrap(TranslationSource.create_or_update_translation)
    names = list(inspect.signature(create).parameters)
    if names[1:3] != ["locale", "user"]:
        gone.append(
            "TranslationSource.create_or_update_translation(self, locale, user, …) "
            f"(it takes {', '.join(names)})"
        )
    return gone


# --- the date in a translated text's comment ------------------------------------------------


def replace_the_translation_comment(comment):
    """``comment(string_translation)`` serves as ``StringTranslation.get_comment``, which
    the translation editor shows under each translated text."""
    StringTranslation.get_comment = comment


@reach("wagtail-localize", "translations/localize_dates.py (the editor's dates)", id="compat.E104")
def translation_comment():
    gone = missing_attributes(StringTranslation, ["get_comment", "tool_name", "updated_at"])
    gone += missing_attributes(
        StringTranslation, ["TRANSLATION_TYPE_MANUAL", "TRANSLATION_TYPE_MACHINE"]
    )
    if 'source="get_comment"' not in inspect.getsource(edit_translation):
        gone.append("the editor's comment read from StringTranslation.get_comment")
    return gone


# --- same-name overrides of its templates ---------------------------------------------------


@reach("wagtail-localize", "templates/wagtail_localize/ (overrides)", id="compat.E105")
def localize_templates():
    package = "wagtail_localize"
    return [
        *templates.missing_in_extended(
            package, "wagtail_localize/admin/update_translations.html", ["visible_fields"]
        ),
        *templates.missing_in_extended(
            package,
            "wagtail_localize/admin/edit_translation.html",
            ["content", "extra_js"],
            variables=["props", "side_panels", "instance", "translation"],
        ),
    ]


# --- what its translation editor offers -----------------------------------------------------
#
# The editor is a React app drawn from one JSON object of properties (its ``props``); its
# footer offers "Convert to alias page" whenever ``links.convertToAliasUrl`` is set, and
# makes the last of its actions (Stop, Convert, Delete, Lock, Unlock, Unpublish, Publish)
# the big main button. translations/editor.py withdraws what the user may not do, and
# translations/static/translations/js/editor-footer.js puts the next step in the main
# button's place where the last action would destroy something.

EDITOR_BUNDLE = "wagtail_localize/js/wagtail-localize.js"
# What editor-footer.js looks for in the footer the bundle draws.
EDITOR_FOOTER_CLASSES = ["footer__container", "w-dropdown-button", "w-dropdown__content"]


def convert_to_alias_menu_item_name():
    """The name of its "Convert to alias page" item in the page editor's action menu."""
    return localize_hooks.ConvertToAliasPageActionMenuItem.name


def convert_to_alias_url(props):
    """The editor's "Convert to alias page" address in ``props`` (a dict), or None."""
    return props["links"].get("convertToAliasUrl")


def withdraw_convert_to_alias(props):
    props["links"]["convertToAliasUrl"] = None


@reach("wagtail-localize", "translations/editor.py (what its editor offers)", id="compat.E106")
def editor_properties():
    source = inspect.getsource(edit_translation.edit_translation)
    gone = [
        f'the editor\'s property "{key}"'
        for key in ("links", "convertToAliasUrl", "stopTranslationUrl", "canPublish")
        if f'"{key}"' not in source
    ]
    gone += missing_attributes(localize_hooks, ["ConvertToAliasPageActionMenuItem"])
    bundle = finders.find(EDITOR_BUNDLE)
    text = Path(bundle).read_text(encoding="utf-8") if bundle else ""
    gone += [
        f"the class {name!r} in its editor's footer ({EDITOR_BUNDLE})"
        for name in ["convertToAliasUrl", *EDITOR_FOOTER_CLASSES]
        if name not in text
    ]
    return gone
