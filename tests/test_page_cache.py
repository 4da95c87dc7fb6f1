"""
The page cache (caching/pages.py): anonymous visitors get a kept copy of a public page,
built once; editors, forms and the admin never do; and a change in the admin shows on
the very next request, from any worker process.
"""

import io
import json
import re
import socket
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from lxml import html as lxml_html

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.models import ArticlePage
from caching import pages
from home.models import ContentPage, HomePage
from partners.models import Partner
from tests.admin_forms import (
    admin_session,
    form_data,
    paragraph_body,
    post_admin_form,
    post_page_edit,
)
from tests.conftest import login
from tests.measure import uncached_queries
from tests.servers import ROOT, demo_site, free_port, gunicorn, manage, running
from tests.test_settings import setting

pytestmark = pytest.mark.django_db


def heading(response):
    return lxml_html.fromstring(response.content).xpath("string(//h1)").strip()


@pytest.fixture
def article(sv):
    return ArticlePage.objects.filter(locale=sv).live().order_by("path").first()


@pytest.mark.parametrize("path", ["/", "/en/", "/aktuellt/?kind=news", "/rss/", "/sitemap.xml"])
def test_a_public_page_is_built_once_then_kept(client, path):
    first, second = client.get(path), client.get(path)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "public" in second["Cache-Control"]


def test_a_kept_page_answers_head_too(client):
    client.get("/aktuellt/")
    response = client.head("/aktuellt/")
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit"


def test_one_copy_serves_every_anonymous_visitor(client):
    """Language comes from the path: neither Accept-Language nor cookies change a page."""
    swedish = client.get("/aktuellt/", HTTP_ACCEPT_LANGUAGE="sv")
    english_browser = client.get(
        "/aktuellt/", HTTP_ACCEPT_LANGUAGE="en", HTTP_COOKIE="_ga=GA1.1.1; csrftoken=abc"
    )
    assert english_browser["X-Page-Cache"] == "hit"
    assert english_browser.content == swedish.content
    assert 'lang="sv"' in english_browser.content.decode()
    vary = english_browser.get("Vary", "").lower()
    assert "cookie" not in vary and "accept-language" not in vary


def test_a_missing_page_is_answered_in_its_language_and_never_kept(client):
    client.get("/en/not-here/")
    response = client.get("/en/not-here/")
    assert response.status_code == 404 and "X-Page-Cache" not in response
    assert "Page not found" in response.content.decode()


@pytest.fixture
def on_disk(tmp_path, settings):
    """The page cache as `make run` keeps it: files, at most ``MAX_ENTRIES`` of them."""
    settings.CACHES = {
        **settings.CACHES,
        settings.PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 5},
        },
        settings.PAGE_GENERATION_ALIAS: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "pages-generation"),
        },
    }
    return tmp_path / "pages"


def test_tracking_parameters_share_the_page_without_them(client):
    assert client.get("/aktuellt/")["X-Page-Cache"] == "miss"
    for query in ("utm_source=news&utm_medium=mail", "fbclid=abc", "gclid=1&MC_eid=2"):
        assert client.get(f"/aktuellt/?{query}")["X-Page-Cache"] == "hit", query
    assert client.get("/aktuellt/?page=1&utm_campaign=x")["X-Page-Cache"] == "miss"
    assert client.get("/aktuellt/?utm_content=y&page=1")["X-Page-Cache"] == "hit"


def test_a_flood_of_made_up_addresses_keeps_nothing(client, on_disk):
    client.get("/")
    assert len(list(on_disk.iterdir())) == 1
    for number in range(50):
        client.get(f"/?nonsense{number}=1")
        client.get(f"/finns-inte-{number}/")
    assert len(list(on_disk.iterdir())) == 1
    assert client.get("/")["X-Page-Cache"] == "hit", "the kept home page is still there"


def test_a_page_with_a_parameter_the_site_reads_is_kept(client):
    client.get("/aktuellt/?kind=news")
    assert client.get("/aktuellt/?kind=news")["X-Page-Cache"] == "hit"


def test_a_full_store_never_loses_the_generation(client, on_disk):
    """The file cache drops a third of its entries at random when full: never the generation."""
    generation = pages.current_generation()
    for number in range(1, 60):  # each a page of its own, each kept
        assert client.get(f"/aktuellt/?page={number}").status_code in (200, 404)
        client.get(f"/sok/?q=ord{number}")
    assert len(list(on_disk.iterdir())) <= 5
    assert pages.current_generation() == generation


def test_the_application_strips_what_the_vcl_strips():
    vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    (stripped,) = re.findall(r'regsuball\(req\.url, "\(\?i\)\(\[\?&\]\)\((.+?)\)=', vcl)
    assert stripped == pages.TRACKING_PARAMETERS


def test_a_logged_in_editor_never_gets_a_kept_page(client, users):
    client.get("/aktuellt/")
    editor = login(users["office"])
    response = editor.get("/aktuellt/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "cookie" in response["Vary"].lower(), "a CDN must not keep it for the next visitor"
    assert client.get("/aktuellt/")["X-Page-Cache"] == "hit", "the editor's page was not kept"


def test_a_form_with_a_csrf_token_is_never_kept():
    first, second = (Client(HTTP_HOST="testserver").get("/delta/") for _visitor in range(2))
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert "private" in second["Cache-Control"]


@pytest.mark.parametrize("path", ["/admin/login/", "/healthz"])
def test_the_admin_and_the_probe_are_never_kept(client, path):
    client.get(path)
    assert "X-Page-Cache" not in client.get(path)


def test_a_post_is_never_answered_from_the_cache(client):
    client.get("/sok/?q=industri")
    response = client.post("/sok/?q=industri", {"q": "industri"})
    assert "X-Page-Cache" not in response


def test_the_cache_can_be_switched_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")


def test_the_development_server_keeps_no_pages():
    """`make dev`: a changed template shows on the next reload, not a kept old page."""
    assert setting("produktionslyftet.settings.dev", "settings.PAGE_CACHE_SECONDS") == "0"


# --- fresh after every change -----------------------------------------------------------


def test_renewing_the_caches_after_a_deploy_builds_every_page_afresh(client):
    kept(client, "/", "/en/", "/aktuellt/")
    call_command("renew_caches", stdout=io.StringIO())
    for path in ("/", "/en/", "/aktuellt/"):
        assert client.get(path)["X-Page-Cache"] == "miss", path


def kept(client, *paths):
    """Fill the cache with ``paths`` and check that they are kept."""
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit", path


def test_publishing_in_the_admin_shows_on_the_next_request(client, users, article):
    index = article.get_parent()
    kept(client, article.url, index.url, "/", "/rss/")
    response = post_page_edit(
        login(users["office"]), article, title="Ny rubrik i dag", **{"action-publish": "publish"}
    )
    assert response.status_code == 302
    assert heading(client.get(article.url)) == "Ny rubrik i dag"
    for path in (index.url, "/", "/rss/"):
        assert "Ny rubrik i dag" in client.get(path).content.decode(), path


def test_a_saved_draft_leaves_the_kept_page_alone(client, users, article):
    kept(client, article.url)
    post_page_edit(login(users["office"]), article, title="Bara ett utkast")
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "hit" and heading(response) == article.title


def test_unpublishing_moving_and_deleting_show_at_once(client, article, sv):
    index = article.get_parent()
    kept(client, article.url, index.url)
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert article.title not in client.get(index.url).content.decode()

    other = ArticlePage.objects.filter(locale=sv).live().exclude(pk=article.pk).first()
    kept(client, other.url)
    old_url = other.url
    other.move(other.get_parent().get_parent(), pos="last-child")
    moved = client.get(old_url)
    assert moved.status_code == 301, "Wagtail leaves a redirect where the page was"
    assert moved["Location"] == ArticlePage.objects.get(pk=other.pk).url

    third = ArticlePage.objects.filter(locale=sv).live().exclude(pk=other.pk).first()
    kept(client, third.url)
    third.delete()
    assert client.get(third.url).status_code == 404


def test_scheduled_publishing_shows_when_it_runs(client, article):
    kept(client, article.url)
    article.title = "Publiceras enligt schema"
    revision = article.save_revision(approved_go_live_at=timezone.now())
    assert revision.approved_go_live_at is not None
    call_command("publish_scheduled")
    assert heading(client.get(article.url)) == "Publiceras enligt schema"


def test_a_published_translation_shows_on_the_english_site(client, article, en):
    english = article.get_translation(en)
    kept(client, english.url, "/en/news/")
    english.title = "Published in English today"
    english.save_revision().publish()
    assert heading(client.get(english.url)) == "Published in English today"
    assert "Published in English today" in client.get("/en/news/").content.decode()


def test_a_partner_published_in_the_admin_shows_on_every_page_at_once(client, users, sv):
    partner = Partner.objects.filter(locale=sv).order_by("sort_order").first()
    kept(client, "/", "/aktuellt/")
    url = f"/admin/snippets/partners/partner/edit/{partner.pk}/"
    editor = login(users["office"])
    data = form_data(editor, url, form_id="w-editor-form")
    data.update({"name": "Omdöpt partner AB", "action-publish": "action-publish"})
    assert editor.post(url, data).status_code == 302
    for path in ("/", "/aktuellt/"):
        assert "Omdöpt partner AB" in client.get(path).content.decode(), path


def test_the_parts_every_page_shares_cost_no_query_once_built(client):
    sql = " ".join(query["sql"] for query in uncached_queries(client, "/aktuellt/"))
    assert "partners_partner" not in sql, "the partner strip is looked up for every page"
    assert '"show_in_menus")' not in sql, "the menu is looked up for every page"


def test_a_page_added_to_the_menu_shows_in_the_menu_of_every_page(client, sv):
    kept(client, "/aktuellt/")
    home = HomePage.objects.get(locale=sv)
    page = ContentPage(title="Nytt i menyn", slug="nytt", show_in_menus=True, live=False)
    home.add_child(instance=page)
    page.save_revision().publish()
    menu = lxml_html.fromstring(client.get("/aktuellt/").content).xpath("//nav[@class='main-menu']")
    assert "Nytt i menyn" in menu[0].text_content()


def test_every_snippet_says_in_its_app_whether_pages_show_it(monkeypatch):
    from django.apps import apps

    from memory.checks import every_snippet_is_classified

    assert every_snippet_is_classified(None) == []
    monkeypatch.setattr(apps.get_app_config("partners"), "shown_on_pages", ())
    [error] = every_snippet_is_classified(None)
    assert error.id == "memory.E001" and error.obj.__name__ == "Partner"
    assert "AppConfig of partners" in error.hint


# --- several worker processes -------------------------------------------------------------

ARTICLE = """
import io
import json
from articles.models import ArticlePage
from caching import pages
from partners.models import Partner
page = ArticlePage.objects.filter(locale__language_code="sv").live().order_by("path").first()
partner = Partner.objects.filter(locale__language_code="sv").order_by("sort_order").first()
print(json.dumps({"id": page.pk, "url": page.url, "index": page.get_parent().url,
    "partner": partner.pk}))
"""


@pytest.fixture(scope="module")
def served(django_db_blocker):
    """The site as `make run` serves it: gunicorn with three workers, the page cache on disk."""
    workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-pagecache-"))
    port = free_port()
    with django_db_blocker.unblock(), demo_site(workdir, "local", public_port=port) as env:
        shell = manage(env, "shell", "-c", ARTICLE, capture_output=True, text=True)
        pages = json.loads(shell.stdout.strip().splitlines()[-1])
        env = {**env, "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}"}
        with running(gunicorn(env, port, workers=3), env, f"http://127.0.0.1:{port}/healthz"):
            yield {"url": f"http://127.0.0.1:{port}", "pages": pages, "cache": workdir}


def read_everywhere(served, path, times=12):
    """``path`` as anonymous visitors get it, enough times to reach every worker."""
    return [requests.get(served["url"] + path, timeout=10) for _ in range(times)]


@pytest.mark.parametrize("path", ["/", "/aktuellt/"])
def test_head_over_http_sends_the_headers_and_no_body(served, path):
    address = urlsplit(served["url"])
    for _ in range(2):  # built, then kept
        with socket.create_connection((address.hostname, address.port), timeout=10) as sock:
            sock.sendall(
                f"HEAD {path} HTTP/1.1\r\nHost: {address.netloc}\r\n"
                "Connection: close\r\n\r\n".encode()
            )
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200")
        assert b"Content-Type: text/html; charset=utf-8" in head
        assert body == b"", "nothing follows the headers"


def test_a_change_in_the_admin_is_fresh_from_every_worker(served):
    pages = served["pages"]
    for path in (pages["url"], pages["index"], "/"):
        responses = read_everywhere(served, path)
        assert {r.headers["X-Page-Cache"] for r in responses[1:]} == {"hit"}, path
    assert any((served["cache"] / "page-cache").iterdir()), "kept on disk, shared by workers"

    session = admin_session(served["url"])
    edit = f"{served['url']}/admin/pages/{pages['id']}/edit/"
    changes = {"title": "Färsk från alla arbetare", "action-publish": "action-publish"}
    changes.update(paragraph_body())
    assert post_admin_form(session, edit, changes, form_id="page-edit-form").status_code == 302
    for response in read_everywhere(served, pages["url"]):
        assert heading(response) == "Färsk från alla arbetare"
    for response in read_everywhere(served, pages["index"]):
        assert "Färsk från alla arbetare" in response.text

    snippet = f"{served['url']}/admin/snippets/partners/partner/edit/{pages['partner']}/"
    renamed = post_admin_form(
        session,
        snippet,
        {"name": "Ny partner i sidfoten", "action-publish": "action-publish"},
        "w-editor-form",
    )
    assert renamed.status_code == 302
    for response in read_everywhere(served, "/"):
        assert "Ny partner i sidfoten" in response.text


def test_an_editor_reading_the_site_gets_it_built_for_them(served):
    session = admin_session(served["url"])
    read_everywhere(served, "/", times=2)
    response = session.get(served["url"] + "/", timeout=10)
    assert "X-Page-Cache" not in response.headers
    assert "private" in response.headers["Cache-Control"]
