"""
`manage.py setup_site`: an empty production database becomes the site, in Swedish and
English, with its groups and first administrator; run again, or on the demo, it creates
nothing.
"""

import json
import os
import shutil
import tempfile
from io import StringIO
from pathlib import Path

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from wagtail.models import Page, Revision, Site
from wagtail_localize.models import Translation

from operations.management.commands.setup_site import site_address
from partners.models import PartnersPage
from tests.servers import manage, site_database

HOST = "produktionslyftet.example"
FIRST_PASSWORD = "the-first-password-from-the-environment"
# Each address of a new site, and the title it shows.
PAGES = {
    "/": "Produktionslyftet",
    "/en/": "Produktionslyftet",
    "/regioner/": "Regioner",
    "/en/regions/": "Regions",
    "/aktuellt/": "Aktuellt",
    "/en/news/": "News and articles",
    "/partner/": "Partner",
    "/en/partners/": "Partners",
    "/personuppgifter/": "Personuppgifter",
    "/en/personal-data/": "Personal data",
    "/delta/": "Delta i Produktionslyftet",
    "/en/take-part/": "Take part in Produktionslyftet",
}

# What a visitor and an administrator of the served site would find, as JSON.
READ_BACK = """
import json
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, override_settings
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import Translation
from interest.models import InterestFormPage
from regions.models import RegionIndexPage

responses = {}
# Pages name their static files; this run has no collectstatic manifest to look them up in.
plain_static = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES={**settings.STORAGES, **plain_static}):
    client = Client(HTTP_HOST=HOST)
    for path in PATHS:
        response = client.get(path)
        responses[path] = [response.status_code, response.content.decode()]
site = Site.objects.get(is_default_site=True)
print(json.dumps({
    "responses": responses,
    "site": [site.hostname, site.port, site.site_name, site.root_page.url],
    "groups": sorted(Group.objects.values_list("name", flat=True)),
    "workflow": Page.get_first_root_node().get_workflow().name,
    "superusers": [
        [user.username, user.check_password(FIRST_PASSWORD)]
        for user in get_user_model().objects.filter(is_superuser=True)
    ],
    "counts": {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "users": get_user_model().objects.count(),
    },
    "region_indexes": sorted(
        [page.locale.language_code, page.title, page.url]
        for page in RegionIndexPage.objects.all()
    ),
    "privacy_links": sorted(
        [form.url, form.privacy_page.url] for form in InterestFormPage.objects.all()
    ),
}))
"""

# An editor renames the region index (title and address) and publishes it.
RENAME = """
from regions.models import RegionIndexPage
page = RegionIndexPage.objects.get(locale__language_code="sv")
page.title, page.slug = "Våra noder", "noder"
page.save_revision().publish()
"""


def read_back(env, then=""):
    """What READ_BACK finds on ``env``'s site; the script ``then`` runs after it."""
    script = f"HOST = {HOST!r}\nPATHS = {list(PAGES)!r}\nFIRST_PASSWORD = {FIRST_PASSWORD!r}\n"
    result = manage(
        env, "shell", "-v0", "-c", script + READ_BACK + then, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def setup_site(env, **variables):
    result = manage(env | variables, "setup_site", capture_output=True, text=True)
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def fresh():
    """
    An empty production database (migrated, nothing else) after one run of setup_site,
    after a second one with another password, and after a third once an editor renamed
    the region index.
    """
    workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-setup-"))
    database_url, drop_database = site_database(workdir)
    env = {
        name: value for name, value in os.environ.items() if not name.startswith("DJANGO_SUPERUSER")
    } | {
        "DJANGO_SETTINGS_MODULE": "produktionslyftet.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "a-long-random-looking-value-used-only-by-this-test-2c81f0d4e9b7",
        "ALLOWED_HOSTS": HOST,
        "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "PAGE_CACHE_DIR": str(workdir / "page-cache"),
    }
    administrator = {
        "DJANGO_SUPERUSER_USERNAME": "sysadmin",
        "DJANGO_SUPERUSER_EMAIL": "it@example.org",
    }
    try:
        manage(env, "migrate", "--no-input", "-v0")
        runs = {"first": setup_site(env, **administrator, DJANGO_SUPERUSER_PASSWORD=FIRST_PASSWORD)}
        first = read_back(env)
        runs["second"] = setup_site(env, **administrator, DJANGO_SUPERUSER_PASSWORD="another")
        second = read_back(env, then=RENAME)
        runs["after_rename"] = setup_site(env)
        yield {
            "runs": runs,
            "first": first,
            "second": second,
            "after_rename": read_back(env),
        }
    finally:
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)


# --- an empty database ----------------------------------------------------------------


def test_every_page_answers_in_both_languages_with_its_title(fresh):
    for path, title in PAGES.items():
        status, html = fresh["first"]["responses"][path]
        assert status == 200, path
        assert f"<title>{title} – Produktionslyftet</title>" in html, path


def test_the_placeholder_welcome_page_is_gone(fresh):
    assert "Welcome to your new Wagtail site" not in fresh["first"]["responses"]["/"][1]


def test_the_site_answers_at_wagtailadmin_base_url_on_port_443(fresh):
    assert fresh["first"]["site"] == [HOST, 443, "Produktionslyftet", "/"]


def test_the_interest_form_links_to_the_privacy_page_of_its_language(fresh):
    assert fresh["first"]["privacy_links"] == [
        ["/delta/", "/personuppgifter/"],
        ["/en/take-part/", "/en/personal-data/"],
    ]


def test_the_editor_groups_and_moderation_workflow_exist(fresh):
    assert {"Programkontoret", "Översättare"} <= set(fresh["first"]["groups"])
    assert fresh["first"]["workflow"] == "Programkontorets granskning"


def test_the_administrator_from_the_environment_can_log_in(fresh):
    assert fresh["first"]["superusers"] == [["sysadmin", True]]
    assert "sysadmin" in fresh["runs"]["first"]


def test_the_summary_names_what_was_created(fresh):
    summary = fresh["runs"]["first"]
    for words in ("Regioner (/regioner/)", "Regions (/en/regions/)", f"{HOST}:443"):
        assert words in summary


def test_a_second_run_creates_and_changes_nothing(fresh):
    assert fresh["second"]["counts"] == fresh["first"]["counts"]
    assert fresh["second"]["site"] == fresh["first"]["site"]
    assert "Nothing to do" in fresh["runs"]["second"]


def test_a_second_run_with_another_password_keeps_the_administrators(fresh):
    assert fresh["second"]["superusers"] == [["sysadmin", True]]


def test_a_renamed_index_page_is_found_again_not_duplicated(fresh):
    after = fresh["after_rename"]
    assert after["region_indexes"] == [
        ["en", "Regions", "/en/regions/"],
        ["sv", "Våra noder", "/noder/"],
    ]
    assert after["counts"]["pages"] == fresh["second"]["counts"]["pages"]
    assert "Nothing to do" in fresh["runs"]["after_rename"]


# --- the demo database ----------------------------------------------------------------


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": list(Site.objects.values_list("hostname", "port", "site_name", "root_page")),
    }


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("setup_site", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


@pytest.fixture
def no_administrator_variables(monkeypatch):
    for name in ("USERNAME", "EMAIL", "PASSWORD"):
        monkeypatch.delenv(f"DJANGO_SUPERUSER_{name}", raising=False)


@pytest.mark.django_db
def test_on_the_demo_it_creates_nothing(no_administrator_variables):
    before = counts()
    assert "Nothing to do" in run()
    assert counts() == before


@pytest.mark.django_db
def test_on_the_demo_another_url_moves_only_the_site():
    before = counts()
    run("--url", "https://produktionslyftet.se")
    after = counts()
    assert after.pop("sites") == [("produktionslyftet.se", 443, *before.pop("sites")[0][2:])]
    assert after == before


@pytest.mark.django_db
def test_without_an_administrator_it_says_how_to_create_one(no_administrator_variables):
    assert "manage.py createsuperuser" in run()
    assert not get_user_model().objects.filter(is_superuser=True).exists()


@pytest.mark.django_db
def test_an_existing_user_is_never_made_administrator_or_changed(monkeypatch):
    user = get_user_model().objects.create_user("editor", "e@example.org", "the-editors")
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "editor")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "other@example.org")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "not-the-editors")
    assert "left as it is" in run()
    user.refresh_from_db()
    assert (user.is_superuser, user.email, user.check_password("the-editors")) == (
        False,
        "e@example.org",
        True,
    )


@pytest.mark.django_db
def test_no_administrator_is_added_where_one_exists(monkeypatch):
    get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "newcomer")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "new@example.org")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "pw")
    run()
    assert not get_user_model().objects.filter(username="newcomer").exists()


@pytest.mark.django_db
def test_a_site_still_on_wagtails_placeholder_is_pointed_at_the_home_page(sv):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    placeholder = Page(title="Welcome to your new Wagtail site!", slug="welcome", locale=sv)
    Page.get_first_root_node().add_child(instance=placeholder)
    site.root_page = placeholder
    site.save()
    run()
    site.refresh_from_db()
    assert site.root_page == home


@pytest.mark.django_db
def test_a_page_renamed_and_left_without_english_is_left_to_the_editors(sv, en):
    partners = PartnersPage.objects.get(locale=sv)
    partners.get_translation(en).delete()
    partners.title = "Våra partner"
    partners.save_revision().publish()
    pages = Page.objects.count()
    assert "Våra partner (/partner/)" in run()
    assert not partners.has_translation(en)
    assert Page.objects.count() == pages


# --- the address ----------------------------------------------------------------------


def test_the_port_follows_the_scheme_unless_the_url_names_one():
    assert site_address("https://produktionslyftet.se") == ("produktionslyftet.se", 443)
    assert site_address("http://produktionslyftet.se/") == ("produktionslyftet.se", 80)
    assert site_address("http://localhost:8000") == ("localhost", 8000)


def test_an_address_that_is_not_a_url_is_refused():
    for url in ("produktionslyftet.se", "ftp://produktionslyftet.se", "http://host:port"):
        with pytest.raises(CommandError):
            site_address(url)
