"""
deploy/varnish/default.vcl in front of the site as `make run` serves it (gunicorn, the
production settings), each a real process on loopback: Varnish keeps what anonymous
visitors get, never serves an editor a stored page, is purged when an editor publishes in
the admin (both languages), lets go of every page when a partner shown on all of them is
saved, and takes PURGE and BAN only from the application servers.
"""

import http.client
import json
import re
import tempfile
from pathlib import Path

import pytest
import requests
from lxml import html as lxml_html

from tests.admin_forms import admin_session, form_fields, paragraph_body, post_admin_form
from tests.servers import demo_site, free_port, gunicorn, manage, require, running, varnish

PAGES = """
import json
from articles.models import ArticlePage
from wagtail_localize.models import StringSegment, Translation
sv = ArticlePage.objects.get(locale__language_code="sv", slug="reflektion-fran-mitt-sverige")
en = sv.get_translation(sv.get_translations().get().locale)
translation = Translation.objects.get(source__object_id=sv.translation_key, target_locale=en.locale)
title = StringSegment.objects.get(source=translation.source, context__path="title")
from partners.models import Partner
partner = Partner.objects.filter(locale=sv.locale).order_by("sort_order").first()
print(json.dumps({"sv": [sv.pk, sv.url, sv.get_parent().url], "en": [en.pk, en.url],
    "translation": translation.pk, "title_segment": title.pk, "partner": partner.pk}))
"""


@pytest.fixture(scope="module")
def stack():
    require("varnishd")
    workdir = Path(tempfile.mkdtemp(prefix="produktionslyftet-varnish-"))
    front, app = free_port(), free_port()
    with demo_site(workdir, "local", public_port=front) as env:
        shell = manage(env, "shell", "-c", PAGES, capture_output=True, text=True)
        pages = json.loads(shell.stdout.strip().splitlines()[-1])
        env = {
            **env,
            "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{front}",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{front}",
            "INTEREST_MIN_FILL_SECONDS": "0",
            "UNIVERSITY_ORIGINS": "https://www.miun.se",
        }
        command = varnish(workdir, front, app, memory="32m")
        with (
            running(gunicorn(env, app), env, f"http://127.0.0.1:{app}/healthz"),
            running(command, env, f"http://127.0.0.1:{front}/healthz"),
        ):
            yield {"url": f"http://127.0.0.1:{front}", "port": front, "pages": pages}


def get(stack, path, session=None):
    return (session or requests).get(stack["url"] + path, timeout=10)


def editor(stack):
    """A session logged in to the admin through Varnish, as the local admin."""
    return admin_session(stack["url"])


def test_a_repeated_anonymous_request_is_a_hit(stack):
    path = stack["pages"]["sv"][1]
    first, second = get(stack, path), get(stack, path)
    assert first.status_code == second.status_code == 200
    assert second.headers["X-Cache"] == "HIT"
    assert "s-maxage" in second.headers["Cache-Control"]


def test_tracking_parameters_and_cookies_share_the_stored_copy(stack):
    get(stack, "/partner/")
    response = requests.get(
        stack["url"] + "/partner/?utm_source=nyhetsbrev&fbclid=x",
        cookies={"_ga": "GA1.2.3"},
        headers={"Accept-Language": "en"},
        timeout=10,
    )
    assert response.headers["X-Cache"] == "HIT"


def test_static_files_come_hashed_and_immutable(stack):
    home = get(stack, "/").text
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home).group(1)
    response = requests.get(stack["url"] + css, headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert "immutable" in response.headers["Cache-Control"]
    assert response.headers["Content-Encoding"] == "gzip"


def test_a_logged_in_editor_is_never_served_a_stored_page(stack):
    path = stack["pages"]["sv"][2]
    get(stack, path), get(stack, path)  # stored for anonymous visitors
    session = editor(stack)
    for _ in range(2):
        response = get(stack, path, session)
        assert response.headers["X-Cache"] == "MISS"
        assert "private" in response.headers["Cache-Control"]
        assert "w-userbar" in response.text or "userbar" in response.text


def test_a_purge_from_outside_the_acl_is_refused(stack):
    path = "/regioner/"
    get(stack, path), get(stack, path)
    connection = http.client.HTTPConnection(
        "127.0.0.1", stack["port"], timeout=10, source_address=("127.0.0.2", 0)
    )
    connection.request("PURGE", path, headers={"Host": f"127.0.0.1:{stack['port']}"})
    assert connection.getresponse().status == 405
    assert get(stack, path).headers["X-Cache"] == "HIT", "still stored"


def test_a_ban_from_outside_the_acl_is_refused(stack):
    path = "/partner/"
    get(stack, path), get(stack, path)
    connection = http.client.HTTPConnection(
        "127.0.0.1", stack["port"], timeout=10, source_address=("127.0.0.2", 0)
    )
    connection.request("BAN", "/", headers={"Host": f"127.0.0.1:{stack['port']}"})
    assert connection.getresponse().status == 405
    assert get(stack, path).headers["X-Cache"] == "HIT", "still stored"


def test_the_api_is_kept_per_origin_and_let_go_of_by_path(stack):
    api, page = "/api/v2/news/?locale=sv&region=mellersta-norrland", "/kontakt/"
    miun = {"Origin": "https://www.miun.se"}
    for headers in (miun, {"Origin": "https://evil.example"}):
        requests.get(stack["url"] + api, headers=headers, timeout=10)
        again = requests.get(stack["url"] + api, headers=headers, timeout=10)
        assert again.headers["X-Cache"] == "HIT"
        allowed = again.headers.get("Access-Control-Allow-Origin")
        assert allowed == (headers["Origin"] if headers is miun else None)
    get(stack, page), get(stack, page)

    connection = http.client.HTTPConnection("127.0.0.1", stack["port"], timeout=10)
    host = f"127.0.0.1:{stack['port']}"
    connection.request("BAN", "/", headers={"Host": host, "X-Ban-Prefix": "/api/"})
    assert connection.getresponse().status == 200
    assert requests.get(stack["url"] + api, headers=miun, timeout=10).headers["X-Cache"] == "MISS"
    assert get(stack, page).headers["X-Cache"] == "HIT", "only the API was let go of"


def test_a_partner_published_in_the_admin_is_fresh_on_every_page_through_varnish(stack):
    paths = ("/", "/aktuellt/", "/en/", stack["pages"]["sv"][1])
    for path in paths:
        get(stack, path)
        assert get(stack, path).headers["X-Cache"] == "HIT"
    url = f"{stack['url']}/admin/snippets/partners/partner/edit/{stack['pages']['partner']}/"
    changes = {"name": "Omdöpt Partner AB", "action-publish": "action-publish"}
    response = post_admin_form(editor(stack), url, changes, form_id="w-editor-form")
    assert response.status_code == 302, "published"
    for path in paths:
        response = get(stack, path)
        assert response.headers["X-Cache"] == "MISS", f"{path} let go of"
        if not path.startswith("/en/"):  # English shows the partner's English name
            assert "Omdöpt Partner AB" in response.text, path


def publish_swedish_title(session, stack, title):
    page_id = stack["pages"]["sv"][0]
    url = f"{stack['url']}/admin/pages/{page_id}/edit/"
    body = paragraph_body()
    changes = {**body, "title": title, "action-publish": "action-publish"}
    response = post_admin_form(session, url, changes, form_id="page-edit-form")
    assert response.status_code == 302, "published"


def publish_english_title(session, stack, title):
    pages = stack["pages"]
    csrf = session.cookies["csrftoken"]
    base = f"{stack['url']}/admin/localize/translate/{pages['translation']}"
    response = session.put(
        f"{base}/strings/{pages['title_segment']}/edit/",
        data={"value": title},
        headers={"X-CSRFToken": csrf, "Referer": stack["url"] + "/admin/"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    edit = f"{stack['url']}/admin/pages/{pages['en'][0]}/edit/"
    response = session.post(
        edit,
        data={"action": "publish", "csrfmiddlewaretoken": csrf},
        headers={"Referer": edit},
        timeout=30,
    )
    assert response.status_code == 200


def test_publishing_in_the_admin_purges_both_languages(stack):
    sv_path, sv_index = stack["pages"]["sv"][1], stack["pages"]["sv"][2]
    en_path = stack["pages"]["en"][1]
    for path in (sv_path, sv_index, en_path, "/aktuellt/", "/en/news/"):
        get(stack, path)
        assert get(stack, path).headers["X-Cache"] == "HIT"

    session = editor(stack)
    publish_swedish_title(session, stack, "Reflektion från Mitt Sverige (uppdaterad)")
    publish_english_title(session, stack, "Reflections from central Sweden (updated)")

    def heading(path):
        return lxml_html.fromstring(get(stack, path).content).xpath("string(//h1)").strip()

    assert heading(sv_path) == "Reflektion från Mitt Sverige (uppdaterad)"
    assert "Reflektion från Mitt Sverige (uppdaterad)" in get(stack, "/aktuellt/").text
    assert heading(en_path) == "Reflections from central Sweden (updated)"
    assert "Reflections from central Sweden (updated)" in get(stack, "/en/news/").text


@pytest.mark.parametrize(
    ("path", "language", "text"),
    [("/finns-inte/", "sv", "Sidan hittades inte"), ("/en/not-here/", "en", "Page not found")],
)
def test_a_missing_page_is_the_sites_own_in_its_language(stack, path, language, text):
    response = get(stack, path)
    assert response.status_code == 404
    assert f'lang="{language}"' in response.text and text in response.text


def test_the_interest_form_works_behind_the_cache_and_shares_no_token(stack):
    first, second = get(stack, "/delta/"), get(stack, "/delta/")
    assert first.headers["X-Cache"] == second.headers["X-Cache"] == "MISS"
    assert first.cookies["csrftoken"] != second.cookies["csrftoken"], "each visitor their own"

    visitor = requests.Session()
    data = form_fields(get(stack, "/delta/", visitor).content)
    data.update(
        company_name="Sundsvalls Gjuteri AB",
        org_number="556036-0793",
        county="22",
        employees="50-249",
        contact_name="Erik Sjö",
        email="erik@example.org",
        phone="060-123 45",
        consent="on",
    )
    response = visitor.post(stack["url"] + "/delta/", data=data, allow_redirects=False, timeout=30)
    assert response.status_code == 302, "the post passes Varnish with its CSRF cookie"

    get(stack, "/aktuellt/")
    assert get(stack, "/aktuellt/", visitor).headers["X-Cache"] == "HIT", "the cookie is dropped"
