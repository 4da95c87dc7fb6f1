"""
Admin rules that hold for every translatable snippet: the Swedish source may be edited
only by those allowed to edit the source language; translators work on translations.
"""

from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.models import Locale, TranslatableMixin

SOURCE_LANGUAGE_PERMISSION = "home.edit_source_language"


def may_edit_source(user):
    return user.has_perm(SOURCE_LANGUAGE_PERMISSION)


def refuse_source_edits(request, objects):
    default = Locale.get_default()
    for obj in objects:
        if (
            isinstance(obj, TranslatableMixin)
            and obj.locale_id == default.pk
            and not may_edit_source(request.user)
        ):
            raise PermissionDenied


@hooks.register("before_edit_snippet")
def before_edit_snippet(request, instance):
    refuse_source_edits(request, [instance])


@hooks.register("before_delete_snippet")
def before_delete_snippet(request, instances):
    refuse_source_edits(request, instances)


@hooks.register("before_create_snippet")
def before_create_snippet(request, model):
    if not issubclass(model, TranslatableMixin) or may_edit_source(request.user):
        return
    code = request.GET.get("locale") or request.POST.get("locale")
    if not code or code == Locale.get_default().language_code:
        raise PermissionDenied
