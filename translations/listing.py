"""
wagtail-localize's "Translate this page" and "Sync translated pages" in the page explorer,
read from the kept translation states.

Its own hook asks the database three times per listed page, and checking whether the
viewer may use each button (``translations.permissions``) several more: a region with a
thousand articles cost 400 queries per explorer page. Here the explorer's own query
brings each page's states along (``with_states``), whether the viewer may translate
under a parent is asked once per parent and language, and only a sync's target pages are
read, one by one, to check the viewer may edit them. The rules are those of
``translations.permissions`` and the URLs wagtail-localize's.

A page not in the source language (an English row of the admin's page search) gets what
wagtail-localize's hook would give it, from two more columns of the same query: whether
a language still lacks the page, and the translation source it is, if any (its own hook
asked three times per row). An alias gets its hook.
"""

from urllib.parse import urlencode

from django.db.models import Exists, JSONField, OuterRef, Subquery
from django.db.models.functions import JSONObject
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import TranslationSource

from compat.wagtail import page_for_permissions
from memory.kept import kept
from memory.site import source_locale

from . import permissions, store
from .models import TranslationState
from .status import Status

PREFIX = "_translation_state_"
# For a page in another language than the source: a language lacks it; the translation
# source it is, with a translation still synced.
LACKED = "_translation_lacked_somewhere"
SOURCE_OF = "_translation_source_of"


def target_locales():
    """{pk: locale} of the languages translations are made into, kept."""

    def look_up():
        return Locale.objects.exclude(pk=source_locale().pk).in_bulk()

    return kept("locales:targets", look_up)


def with_states(pages):
    """``pages``, each with its kept state in every other language (a subquery each)."""
    store.flush()
    return pages.annotate(
        **{
            f"{PREFIX}{pk}": Subquery(
                TranslationState.objects.filter(page=OuterRef("pk"), locale_id=pk).values(
                    state=JSONObject(
                        status="status",
                        alias="translation_is_alias",
                        synced="synced",
                        translation="translation_id",
                        source="translation_source_id",
                        # What the edit permission on a sync's target is decided by.
                        target_path=Subquery(
                            Page.objects.filter(pk=OuterRef("translation_id")).values("path")
                        ),
                        target_owner=Subquery(
                            Page.objects.filter(pk=OuterRef("translation_id")).values("owner_id")
                        ),
                        target_type=Subquery(
                            Page.objects.filter(pk=OuterRef("translation_id")).values(
                                "content_type_id"
                            )
                        ),
                    )
                )[:1],
                output_field=JSONField(),
            )
            for pk in target_locales()
        },
        # As wagtail-localize's hook asks them (for the source language they go unused).
        **{
            LACKED: Exists(
                Locale.objects.exclude(
                    pk__in=Page.objects.filter(
                        translation_key=OuterRef(OuterRef("translation_key")),
                        alias_of__isnull=True,
                    ).values("locale_id")
                )
            ),
            SOURCE_OF: Subquery(
                TranslationSource.objects.filter(
                    object_id=OuterRef("translation_key"),
                    locale_id=OuterRef("locale_id"),
                    translations__enabled=True,
                ).values("pk")[:1]
            ),
        },
    )


def states_of(page):
    """{locale id: state} of ``page``: from the explorer's query, else asked for."""
    states = {
        int(name.removeprefix(PREFIX)): state
        for name, state in vars(page).items()
        if name.startswith(PREFIX) and state
    }
    if states or any(name.startswith(PREFIX) for name in vars(page)):
        return states
    store.flush()
    return {  # without the target's path: sync_target() reads the page
        state.locale_id: {
            "status": state.status,
            "alias": state.translation_is_alias,
            "synced": state.synced,
            "translation": state.translation_id,
            "source": state.translation_source_id,
        }
        for state in TranslationState.objects.filter(page=page)
    }


def translation_buttons(page, user, fallback, next_url=None, may_open=None):
    """The buttons for ``page`` in a listing; ``fallback(page)`` where states cannot tell.
    A page in another language gets wagtail-localize's buttons, those ``may_open(url)``."""
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return []
    if page.alias_of_id:
        return fallback(page)
    if page.locale_id != source_locale().pk:
        if LACKED not in vars(page) or may_open is None:
            return fallback(page)
        return [button for button in other_language_buttons(page, next_url) if may_open(button.url)]
    states = states_of(page)
    buttons = []
    untranslated = [
        (locale_id, state)
        for locale_id, state in states.items()
        if state["status"] in (Status.MISSING, Status.UNPUBLISHED) or state["alias"]
    ]
    if any(
        may_translate(user, page, target_locales()[locale_id], state["translation"])
        for locale_id, state in untranslated
    ):
        buttons.append(translate_button(page))
    synced = [state for state in states.values() if state["synced"] and state["translation"]]
    if synced and all(permissions.can_edit(user, sync_target(state)) for state in synced):
        buttons.append(sync_button(synced[0]["source"], next_url))
    return buttons


def other_language_buttons(page, next_url):
    """wagtail-localize's buttons for a page not in the source language, as its hook
    draws them, from the columns ``with_states`` added."""
    buttons = []
    if vars(page)[LACKED]:
        buttons.append(translate_button(page))
    if vars(page)[SOURCE_OF]:
        buttons.append(sync_button(vars(page)[SOURCE_OF], next_url))
    return buttons


def translate_button(page):
    return ListingButton(
        _("Translate this page"),
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        priority=60,
        icon_name="wagtail-localize-language",
    )


def sync_button(source_id, next_url):
    url = reverse("wagtail_localize:update_translations", args=[source_id])
    if next_url is not None:
        url += "?" + urlencode({"next": next_url})
    return ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def sync_target(state):
    """
    The translated page a sync would change, as far as Wagtail's edit permission reads
    it (its type, place in the tree and owner; the rest, such as a workflow the page is
    in, it asks the database by the page's id).
    """
    if "target_path" not in state:
        return Page.objects.get(pk=state["translation"])
    return page_for_permissions(
        state["translation"], state["target_path"], state["target_owner"], state["target_type"]
    )


def may_translate(user, page, locale, translation_id=None):
    """``permissions.can_translate_into``, with what is the same for siblings asked once."""
    if translation_id:  # an alias: translating it edits it
        return permissions.can_edit(user, Page.objects.get(pk=translation_id))
    if not permissions.may_translate_unpublished(user, page):
        return False

    def parent_allows():
        parent = permissions.nearest_translated_ancestor(page, locale)
        return PagePermissionPolicy().user_has_permission_for_instance(user, "change", parent)

    key = ("may_translate_under", user.pk, page.path[: -page.steplen], locale.pk)
    return store.remembered(key, parent_allows)
