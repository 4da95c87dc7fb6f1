"""A translation's creation is credited to the person who started it, not the page's owner."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import PageLogEntry

from governance.groups import PROGRAMME_OFFICE, TRANSLATORS
from home.models import ContentPage, HomePage
from tests.conftest import login

pytestmark = pytest.mark.django_db


def person(username, group):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def swedish_page(sv):
    """A page the programme office wrote and published, not yet translated."""
    owner = person("skribent", PROGRAMME_OFFICE)
    home = HomePage.objects.get(locale=sv)
    page = home.add_child(instance=ContentPage(title="Nyhetsbrev", slug="nyhetsbrev", owner=owner))
    page.save_revision(user=owner).publish(user=owner)
    return page


def test_the_translator_who_starts_a_translation_is_credited_with_it(swedish_page, en):
    translator = person("oversattare-1", TRANSLATORS)
    response = login(translator).post(
        f"/admin/localize/submit/page/{swedish_page.pk}/", {"locales": [en.pk]}
    )
    assert response.status_code == 302

    english = swedish_page.get_translation(en)
    created = PageLogEntry.objects.get(page=english, action="wagtail.copy_for_translation")
    assert created.user == translator
    assert english.owner == translator
    assert english.get_latest_revision().user == translator
    assert {entry.user for entry in PageLogEntry.objects.filter(page=english)} == {translator}
