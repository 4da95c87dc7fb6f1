"""
A Swedish editor's admin is in Swedish, found without a list of strings to forbid.

Each screen an editor of each role passes is rendered twice, for two editors of the same
group, one whose admin is in Swedish and one in English, and the visible text compared:
a text that reads the same in both was not translated, and is English left in the
Swedish admin, unless it is a name (of a page, a person, a partner, an image, a user, a
group…), a number or date, or one of the few words that Swedish and English spell alike
(``SAME_IN_BOTH``).
"""

import json
import re
from types import SimpleNamespace

import pytest
from lxml import html as lxml_html

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils.translation import trans_real

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page, Task, Workflow
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from articles.models import ArticlePage
from governance.groups import PROGRAMME_OFFICE, TRANSLATORS
from home.models import ProgrammePeriod
from partners.models import Partner
from regions.models import Person, RegionPage

pytestmark = pytest.mark.django_db

REGION = "Region Mellersta Norrland"

# Words that are the same in Swedish and English, so that finding them in both renders
# says nothing. Each is a proper noun or a word both languages use alike.
SAME_IN_BOTH = {
    "Produktionslyftet",  # the programme's name
    "Wagtail",  # the CMS's name, in its logo and footer
    "Status",  # Swedish "status"
    "Filter",  # Swedish "filter"
    "Partner",  # Swedish "partner", the snippet's name
    "Person",  # Swedish "person", the snippet's name
    "Region",  # Swedish "region", in the group names
    "PO",  # the gettext file format's name
    "ID",  # identifier
    "URL",  # web address
    "Admin",  # the admin's name
    "OK",
    # Swedish words as well as English ones, and Wagtail's Swedish for them.
    "Maximum",
    "Minimum",
    "Layout",
    # The names of the keys, as keyboards print them (the keyboard shortcuts dialog).
    "Ctrl",
    "Shift",
    "Alt",
    "Cmd",
    "Esc",
    "Enter",
}

# Elements whose text is not the interface's: code, styles, SVG sprites, and the content
# of form fields (what editors wrote, the same in both).
HIDDEN = {"script", "style", "noscript", "symbol", "path", "head", "title", "textarea", "iframe"}


def visible_texts(content):
    """Each text of the page that a reader sees (a label, a tooltip), whitespace collapsed,
    with those the admin's scripts show later ("Saved"), but not what is ``hidden`` until
    a script writes it anew (a side panel's count of issues)."""
    tree = lxml_html.fromstring(content)
    texts = set()
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in HIDDEN:
            continue
        lineage = [element, *element.iterancestors()]
        if any(ancestor.tag in HIDDEN for ancestor in lineage):
            continue
        if any(ancestor.get("hidden") is not None for ancestor in lineage):
            continue
        for text in (element.text, element.tail if element.getparent() is not None else None):
            if text and text.strip():
                texts.add(re.sub(r"\s+", " ", text).strip())
        for attribute in ("placeholder", "aria-label", "title"):
            if element.get(attribute):
                texts.add(re.sub(r"\s+", " ", element.get(attribute)).strip())
    return texts


def is_name_or_number(text, names):
    """A text without words (numbers, dates, punctuation), an address, or one made of
    names ("Alla samlingar » Logo: KTH", "Region Mellersta Norrland")."""
    if text.casefold() in names or re.fullmatch(r"\S+@\S+", text):
        return True
    parts = re.split(r"\s[»·|–/+]\s|\s*[()↳]\s*", text)
    return all(part.strip().casefold() in names or not has_words(part) for part in parts)


def has_words(text):
    return re.search(r"[^\W\d_]{2,}", text) is not None


def names_in_the_database():
    """What editors named (pages, snippets, media, collections, people, groups,
    workflows), and the words spelt alike in both languages, in lower case."""
    names = set()
    names.update(Page.objects.values_list("title", flat=True))
    names.update(Page.objects.values_list("slug", flat=True))
    for model in (Person, Partner, ProgrammePeriod):
        names.update(str(instance) for instance in model.objects.all())
    names.update(Image.objects.values_list("title", flat=True))
    names.update(Document.objects.values_list("title", flat=True))
    names.update(Collection.objects.values_list("name", flat=True))
    names.update(Group.objects.values_list("name", flat=True))
    names.update(Workflow.objects.values_list("name", flat=True))
    names.update(Task.objects.values_list("name", flat=True))
    for user in get_user_model().objects.all():
        names.update({user.get_username(), user.get_full_name(), user.email})
    return {name.strip().casefold() for name in names | SAME_IN_BOTH if name and name.strip()}


def swedish_translations():
    """The Swedish of every interface string whose Swedish differs from its English: a
    text among them is Swedish, not English, even where the English screen shows it too
    (strings Wagtail fixes at start-up, in the default language)."""
    catalogue = trans_real.translation("sv")._catalog
    swedish = set()
    for key in catalogue.keys():  # noqa: SIM118 (a TranslationCatalog iterates by index)
        english = key if isinstance(key, str) else key[0]
        translated = catalogue[key]
        if translated != english.split("\x04")[-1]:
            swedish.add(translated.strip())
    return swedish


def editor_in(language, group=PROGRAMME_OFFICE):
    """A client for an editor of ``group`` whose admin is in ``language``."""
    user = get_user_model().objects.create_user(
        f"{group}-{language}", first_name="Karin", last_name="Kontorsdóttir"
    )
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    # Choosers answer in the browser's language rather than the profile's.
    client = Client(HTTP_HOST="testserver", HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def screens(sv, en):
    """The admin screens of the editors' journey: each report, listing, chooser and filter."""
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    region = RegionPage.objects.filter(locale=sv).first()
    source = TranslationSource.objects.get(object_id=article.translation_key, locale=sv)
    person = Person.objects.filter(locale=sv).first()
    partner = Partner.objects.filter(locale=sv).first()
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{article.get_parent().pk}/",
        f"/admin/pages/{region.pk}/?ordering=-latest_revision_created_at",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{article.get_translation(en).pk}/edit/",
        f"/admin/pages/{article.pk}/history/",
        "/admin/pages/search/?q=reflektion",
        f"/admin/localize/update/{source.pk}/",
        "/admin/reports/translation-status/",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/snippets/regions/person/",
        "/admin/snippets/partners/partner/",
        f"/admin/snippets/regions/person/edit/{person.pk}/",
        f"/admin/snippets/partners/partner/edit/{partner.pk}/",
        "/admin/snippets/choose/regions/person/",
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/documents/chooser/",
        "/admin/choose-page/",
    ]


def screens_of_the_other_roles(sv, en):
    """{group: the screens its editors pass}, for the regional editor and the translator."""
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    english = article.get_translation(en)
    partner = Partner.objects.filter(locale=en).first()
    return {
        REGION: [
            "/admin/",
            f"/admin/pages/{article.get_parent().pk}/",
            f"/admin/pages/{article.pk}/edit/",
            "/admin/images/",
            "/admin/images/chooser/",
        ],
        TRANSLATORS: [
            "/admin/",
            f"/admin/pages/{english.get_parent().pk}/",
            f"/admin/pages/{english.pk}/edit/",
            "/admin/reports/translation-status/",
            f"/admin/snippets/partners/partner/edit/{partner.pk}/",
            "/admin/images/chooser/",
        ],
    }


def rendered(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content


def untranslated(swedish, english, known):
    """The Swedish screen's texts that read the same in English, less names, numbers and
    Swedish; and any shown that says Python's ``None`` for a missing value."""
    same = visible_texts(swedish) & visible_texts(english)
    left = {
        text
        for text in same
        if not is_name_or_number(text, known.names) and text not in known.swedish
    }
    left |= {text for text in visible_texts(swedish) if re.search(r"\bNone\b", text)}
    return sorted(left)


def english_found(swedish, english, urls):
    """{url: the English its Swedish screen shows} for each of ``urls`` that shows any."""
    known = SimpleNamespace(names=names_in_the_database(), swedish=swedish_translations())
    found = {}
    for url in urls:
        left = untranslated(rendered(swedish, url), rendered(english, url), known)
        if left:
            found[url] = left
    return found


def report(found):
    return "\n".join(f"{url}: {texts}" for url, texts in found.items())


def test_no_screen_shows_english_to_the_programme_office(sv, en):
    found = english_found(editor_in("sv"), editor_in("en"), screens(sv, en))
    assert found == {}, report(found)


@pytest.mark.parametrize("group", [REGION, TRANSLATORS])
def test_no_screen_shows_english_to_a_regional_editor_or_translator(group, sv, en):
    urls = screens_of_the_other_roles(sv, en)[group]
    found = english_found(editor_in("sv", group), editor_in("en", group), urls)
    assert found == {}, report(found)
