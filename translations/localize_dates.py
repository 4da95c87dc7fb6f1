"""
Dates in wagtail-localize's translation editor, written as the reader's language writes
them ("1 december 2026"), not as Python's ``strftime`` does ("1 December 2026").

wagtail-localize 1.14 formats two dates with ``strftime("%-d %B %Y")``, whose month names
are always English: the "last published" date in the editor's properties, and the date
in each translated text's comment ("Översatt manuellt på …"). Both are written here with
Django's date formatting instead.
"""

from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from wagtail_localize.models import StringTranslation

from compat.localize import replace_the_translation_comment

DATE_FORMAT = "j F Y"


def local_date(moment):
    """``moment`` as a date in the active language: "1 december 2026"."""
    return dateformat.format(timezone.localtime(moment), DATE_FORMAT)


def string_translation_comment(string_translation):
    """StringTranslation.get_comment, with the date in the active language."""
    date = local_date(string_translation.updated_at)
    if string_translation.tool_name:
        return _("Translated with {tool_name} on {date}").format(
            tool_name=string_translation.tool_name, date=date
        )
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None


def date_the_props(data, instance):
    """The translation editor's properties (a dict), its "last published" date in the
    active language."""
    revision = getattr(instance, "live_revision", None)
    published = revision.created_at if revision else getattr(instance, "last_published_at", None)
    if data.get("object", {}).get("lastPublishedDate") and published:
        data["object"]["lastPublishedDate"] = local_date(published)


def install():
    replace_the_translation_comment(string_translation_comment)
