"""
wagtail-localize behaviour the project depends on or works around.
"""

import pytest

from django.db import transaction

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from home.models import ContentPage, HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("status_kept_true")]


def submit(page, locale):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    return Translation.objects.create(source=source, target_locale=locale)


def test_publishing_a_parent_and_child_translation_in_one_transaction_loses_the_child(
    sv, en, django_capture_on_commit_callbacks
):
    """
    wagtail-localize issue #773: save_target(publish=True) publishes on commit, from the
    page object as it was when scheduled, so an English parent that gets an English child
    in the same transaction is saved back with numchild=0 and its child cannot be reached.
    The demo loader publishes each translation itself for this reason. If this test starts
    failing, wagtail-localize has fixed it and the workaround can go.
    """
    home = HomePage.objects.get(locale=sv)
    parent = home.add_child(instance=ContentPage(title="Förälder", slug="foralder", locale=sv))
    parent.save_revision().publish()
    child = parent.add_child(instance=ContentPage(title="Barn", slug="barn", locale=sv))
    child.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        submit(parent, en).save_target(publish=True)
        submit(child, en).save_target(publish=True)

    english_parent = Page.objects.get(translation_key=parent.translation_key, locale=en)
    assert Page.objects.filter(translation_key=child.translation_key, locale=en).exists()
    assert english_parent.numchild == 0
    assert english_parent.get_children().count() == 0
