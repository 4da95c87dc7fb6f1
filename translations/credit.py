"""
A translation's creation is credited to the person who started it.

wagtail-localize creates a page's translation with ``Page.copy_for_translation``, which
Wagtail 8.0 runs without a user (``CopyPageForTranslationAction`` does not pass its user
on to the copy): the new English page kept the Swedish page's owner, its history said
the owner created it (``Page.save`` logs a new page as its owner's doing), and its first
revision and "copied for translation" entry named nobody. The user
wagtail-localize is given (``TranslationSource.create_or_update_translation``'s
``user``) is kept while it runs (``compat.localize.remember_the_starter``), and the copy
credited to them as soon as it exists.
"""

import contextvars

from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import copy_for_translation_done

from compat.localize import remember_the_starter

# Who started the translation being created in this thread, while it is created.
starter = contextvars.ContextVar("translation_starter", default=None)


def install():
    remember_the_starter(starter)
    copy_for_translation_done.connect(credit_the_starter, dispatch_uid="translations.credit")


def credit_the_starter(sender, source_obj, target_obj, **kwargs):
    """Make the one who started the translation its owner and its creator in the history:
    what its history and revisions hold so far is its creation."""
    user = starter.get()
    if not isinstance(target_obj, Page) or getattr(user, "pk", None) is None:
        return
    target_obj.owner = user
    Page.objects.filter(pk=target_obj.pk).update(owner=user)
    PageLogEntry.objects.filter(page=target_obj).update(user=user)
    Revision.objects.for_instance(target_obj).update(user=user)
