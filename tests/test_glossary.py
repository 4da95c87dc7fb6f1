"""
The admin's Swedish follows the glossary in docs/translation.md: no string that a Swedish
editor can be shown, from the project's catalogue or Wagtail's or wagtail-localize's as
the project corrects them, uses a form the glossary's "never" column names.
"""

import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from django.utils import timezone, translation
from django.utils.translation import trans_real
from django.views.i18n import JavaScriptCatalog

from wagtail.models import Collection, Page

from articles.models import ArticlePage
from translations import localize_dates

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "translation.md"
SWEDISH_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def never_forms():
    """The forms in the glossary table's "never" column."""
    section = GLOSSARY.read_text().split("## The admin's Swedish: glossary", 1)[1]
    forms = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("English", "---"):
            forms += [form.strip() for form in cells[2].split(",") if form.strip()]
    return forms


def catalogue(domain, packages=None):
    """Every Swedish string of ``domain`` as Django serves it, overrides taking precedence."""
    paths = JavaScriptCatalog().get_paths(packages) if packages else None
    merged = trans_real.DjangoTranslation("sv", domain=domain, localedirs=paths)._catalog
    strings = {}
    for key in merged.keys():  # noqa: SIM118 (a TranslationCatalog iterates by index)
        strings[key] = merged[key]
    return strings


def admin_swedish():
    """The Swedish of the admin: its templates and code, and the two editors' scripts."""
    strings = catalogue("django")
    strings.update(catalogue("djangojs", ["wagtail.admin"]))
    strings.update(catalogue("djangojs", ["wagtail_localize"]))
    return strings


def test_the_glossary_names_forms_to_avoid():
    assert {"slugg", "PO fil", "och Publicera", "uppift"} <= set(never_forms())


@pytest.mark.parametrize("form", never_forms())
def test_no_admin_string_uses_a_form_the_glossary_rules_out(form):
    pattern = re.compile(rf"\b{re.escape(form)}", re.IGNORECASE if form.islower() else 0)
    using = {key: text for key, text in admin_swedish().items() if pattern.search(text)}
    assert using == {}


def test_dates_are_written_the_swedish_way():
    with translation.override("sv"):
        for month, name in enumerate(SWEDISH_MONTHS, start=1):
            day = timezone.make_aware(timezone.datetime(2026, month, 1, 12, 0))
            assert localize_dates.local_date(day) == f"1 {name} 2026"


def test_the_translation_editor_writes_its_dates_in_swedish(office, sv, en):
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    response = office.get(f"/admin/pages/{article.get_translation(en).pk}/edit/")
    props = json.loads(
        lxml_html.fromstring(response.content).xpath("//*[@data-props]/@data-props")[0]
    )
    published = props["object"]["lastPublishedDate"]
    comments = [t["comment"] for t in props["initialStringTranslations"] if t.get("comment")]
    month = "|".join(SWEDISH_MONTHS)
    assert re.fullmatch(rf"\d{{1,2}} ({month}) \d{{4}}", published)
    assert comments
    assert all(re.search(rf" den \d{{1,2}} ({month}) \d{{4}}$", comment) for comment in comments)


def test_the_roots_of_the_tree_and_of_the_collections_have_swedish_names(db):
    assert Page.get_first_root_node().title == "Alla sidor"
    assert Collection.get_first_root_node().name == "Alla samlingar"
