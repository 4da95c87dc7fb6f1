"""
A Swedish editor's admin is in Swedish: the main screens, rendered for the programme
office and a translator, show none of the English that Wagtail's and wagtail-localize's
own Swedish catalogues leave untranslated (the project's catalogue supplies it).
"""

import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from wagtail_localize.models import TranslationSource

from articles.models import ArticlePage
from governance.groups import PROGRAMME_OFFICE
from regions.models import Person

pytestmark = pytest.mark.django_db

# Server-rendered English; the translation editor's heading, which its JavaScript draws,
# is checked in Chromium (tests/browser/test_translation_editor.py).
ENGLISH_LEFT_OVER = [
    "More actions",
    ">Locale<",
    "Search options",
    " of 5 sidor",
    "Publish immediately",
    "Apply the updates and publish immediately",
    "Use machine translation",
    "Translate this page",
    "Sync translated pages",
]


@pytest.fixture
def office(db):
    user = get_user_model().objects.create_user("office", "office@example.org", "pw")
    user.groups.add(Group.objects.get(name=PROGRAMME_OFFICE))
    client = Client(HTTP_HOST="testserver", HTTP_ACCEPT_LANGUAGE="sv")
    client.force_login(user)
    return client


def screens(sv, en):
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    source = TranslationSource.objects.get(object_id=article.translation_key, locale=sv)
    person = Person.objects.filter(locale=sv).first()
    return [
        "/admin/",
        f"/admin/pages/{article.get_parent().pk}/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{article.get_translation(en).pk}/edit/",
        f"/admin/localize/update/{source.pk}/",
        "/admin/reports/translation-status/",
        f"/admin/snippets/regions/person/edit/{person.pk}/",
        "/admin/snippets/choose/regions/person/",
    ]


def visible_text(html):
    return re.sub(r"\s+", " ", html)


def test_the_main_screens_show_no_english_to_a_swedish_editor(office, sv, en):
    found = {}
    for url in screens(sv, en):
        response = office.get(url)
        assert response.status_code == 200, url
        html = visible_text(response.content.decode())
        left = [text for text in ENGLISH_LEFT_OVER if text in html]
        if left:
            found[url] = left
    assert found == {}
