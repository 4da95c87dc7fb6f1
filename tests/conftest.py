import os
from types import SimpleNamespace

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from wagtail.models import Locale, Page, Site

from governance.groups import PROGRAMME_OFFICE, TRANSLATORS
from translations import store
from translations.status import compute

# The production rehearsal runs on its own (make rehearsal): it brings up a whole stack.
collect_ignore = [] if os.environ.get("REHEARSAL") else ["rehearsal"]

# What the database engine cannot change: headers, settings, deploy files, catalogues,
# storage, mails and the admin's wording. CI runs these on SQLite only, and the rest of
# the suite (the browser's excepted) again on PostgreSQL, as production runs it.
SAME_ON_EVERY_ENGINE = {
    "test_admin_language.py",
    "test_blocks.py",
    "test_catalogues.py",
    "test_dependencies.py",
    "test_deploy_files.py",
    "test_documents.py",
    "test_editor_mails.py",
    "test_error_reports.py",
    "test_glossary.py",
    "test_s3_media.py",
    "test_security.py",
    "test_serving.py",
    "test_settings.py",
    "test_two_factor.py",
    "test_varnish.py",
    "test_well_known.py",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.name in SAME_ON_EVERY_ENGINE:
            item.add_marker(pytest.mark.same_on_every_engine)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The test database holds the demo site, loaded once; each test rolls back its changes.

    With ``--reuse-db`` and a test database in a file (``make mutate``), a session finds the
    demo site an earlier one loaded, and keeps it.
    """
    with django_db_blocker.unblock():
        if (
            request.config.getoption("reuse_db")
            and Site.objects.filter(hostname="testserver").exists()
        ):
            return
        call_command("load_demo_content", "--no-admin", "--hostname", "testserver", "--port", "80")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Swedish: a request to /en/ leaves English active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with nothing kept: the caches outlive a test's database."""
    caches[settings.PAGE_CACHE_ALIAS].clear()
    caches[settings.PAGE_GENERATION_ALIAS].clear()
    caches["default"].clear()


@pytest.fixture
def client():
    return Client(HTTP_HOST="testserver")


@pytest.fixture
def sv(db):
    return Locale.objects.get(language_code="sv")


@pytest.fixture
def en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def live_pages(db):
    """Every live page of the demo site below the root, in tree order."""
    return list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))


# One editor of each kind, named after their role, keyed as the permission tests use them.
EDITOR_GROUPS = {
    "office": PROGRAMME_OFFICE,
    "region": "Region Mellersta Norrland",
    "other_region": "Region Övre Norrland",
    "translator": TRANSLATORS,
}


@pytest.fixture
def users(db):
    made = {}
    for key, group in EDITOR_GROUPS.items():
        user = get_user_model().objects.create_user(key, f"{key}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        made[key] = user
    return made


def login(user):
    """A test client logged in as ``user``."""
    client = Client(HTTP_HOST="testserver")
    client.force_login(user)
    return client


@pytest.fixture
def office(users):
    """A test client logged in as someone of the programme office."""
    return login(users["office"])


@pytest.fixture
def translator(users):
    """A test client logged in as a translator."""
    return login(users["translator"])


@pytest.fixture(autouse=True)
def nothing_pending_from_earlier_tests():
    """What a rolled-back test noted for the translation status is not this test's."""
    store.pending.clear()


@pytest.fixture
def status_kept_true(db):
    """After the test, the kept translation status is what working it out afresh says."""
    yield

    def seen(rows):
        return {
            (str(r.translation_key), r.locale_id, r.status, r.action, r.translation_id, r.synced)
            for r in rows
        }

    kept = seen(store.states())
    fresh = seen(
        SimpleNamespace(
            translation_key=r.source.translation_key,
            locale_id=r.locale.pk,
            status=r.status,
            action=r.action,
            translation_id=r.translation.pk if r.translation else None,
            synced=r.synced,
        )
        for r in compute()
    )
    assert kept == fresh, f"kept but wrong: {kept - fresh}; missing: {fresh - kept}"
