"""Every interface string has Swedish, and the compiled catalogues match their sources."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"
NOT_SOURCE = (".git", ".venv", "var", "artifacts", "media", "static_collected", "backups")


ADMIN_LOCALE_DIR = ROOT / "translations" / "admin_locale" / "sv" / "LC_MESSAGES"
CATALOGUES = [
    LOCALE_DIR / "sv" / "LC_MESSAGES" / "django.po",
    LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po",
    # The project's Swedish for Wagtail's and wagtail-localize's strings.
    ADMIN_LOCALE_DIR / "django.po",
    ADMIN_LOCALE_DIR / "djangojs.po",
]


@pytest.mark.parametrize("source", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_compiled_catalogue_matches_its_source(source):
    po = polib.pofile(str(source))
    with open(source.with_suffix(".mo"), "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 5) == entry.msgstr_plural[1]
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


def test_every_interface_string_is_translated_to_swedish():
    po = polib.pofile(str(LOCALE_DIR / "sv" / "LC_MESSAGES" / "django.po"))
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


def test_every_string_in_the_code_has_swedish(tmp_path):
    """
    The strings are extracted from the code afresh, as ``make messages`` does, into a
    copy of the project: a string added to a template or module without Swedish in the
    catalogue fails here, not only one already in it.
    """
    copy = tmp_path / "site"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            *NOT_SOURCE, "__pycache__", "*.sqlite3", ".*_cache", "*.egg-info", ".tools"
        ),
    )
    extract = ["makemessages", "--locale", "sv", "--no-obsolete", "--ignore", ".venv/*", "-v0"]
    subprocess.run(
        [sys.executable, "manage.py", *extract],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "produktionslyftet.settings.test"},
        check=True,
    )
    po = polib.pofile(str(copy / "locale" / "sv" / "LC_MESSAGES" / "django.po"))
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
