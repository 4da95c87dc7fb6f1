"""
Hostile input everywhere public: every public URL pattern, every query parameter it
reads, with long, empty, repeated, non-UTF-8, control-character, script and SQL-like
values, and HEAD, OPTIONS and POST on pages. Never a 5xx, nothing reflected unescaped,
and the right 4xx where one applies.
"""

import itertools

import pytest

from django.test import Client

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
VALUES = {
    "empty": "",
    "long": "å" * 5000,
    "non-utf8": "%ff%fe%c3",
    "nul": "%00",
    "crlf": "a%0d%0aSet-Cookie:%20x=1",
    "control": "%01%02%1b[31m",
    "script": SCRIPT.replace("<", "%3C").replace(">", "%3E").replace("'", "%27"),
    "sql": "%27%20OR%201%3D1--",
    "negative": "-1",
    "huge-number": "99999999999999999999999",
    "path-traversal": "..%2F..%2Fetc%2Fpasswd",
}
# Each public URL pattern with the query parameters its view reads.
ENDPOINTS = {
    "/": [],
    "/en/": [],
    "/aktuellt/": ["kind", "region", "year", "page"],
    "/en/news/": ["kind", "region", "year", "page"],
    "/regioner/": [],
    "/regioner/mellersta-norrland/": [],
    "/regioner/mellersta-norrland/reflektion-fran-mitt-sverige/": [],
    "/om-produktionslyftet/": [],
    "/partner/": [],
    "/sok/": ["q", "page"],
    "/en/search/": ["q", "page"],
    "/rss/": [],
    "/rss/mellersta-norrland/": [],
    "/en/rss/": [],
    "/sitemap.xml": ["p"],
    "/en/sitemap.xml": ["p"],
    "/robots.txt": [],
}


def cases():
    for path, params in ENDPOINTS.items():
        for param, (name, value) in itertools.product(params or ["x"], VALUES.items()):
            yield pytest.param(path, f"{param}={value}", id=f"{path}?{param}:{name}")
            if params:
                yield pytest.param(
                    path,
                    f"{param}={value}&{param}=2&{param}=",
                    id=f"{path}?{param}:{name}-repeated",
                )


@pytest.fixture(scope="module")
def visitor():
    return Client(HTTP_HOST="testserver")


@pytest.mark.parametrize(("path", "query"), list(cases()))
def test_no_query_string_breaks_a_public_page(visitor, path, query):
    response = visitor.get(f"{path}?{query}")
    assert response.status_code < 500
    assert response.status_code in {200, 301, 302, 400, 404}
    body = response.content.decode("utf-8", "replace")
    assert SCRIPT not in body, "reflected unescaped"
    assert "x=1" not in response.get("Set-Cookie", "")


@pytest.mark.parametrize(
    "path",
    [
        "/finns-inte/%3Cscript%3E/",
        "/%ff%fe/",
        "/" + "a" * 3000 + "/",
        "/regioner/%00/",
        "/rss/%3Cscript%3E/",
        "/en/rss/finns-inte/",
        "/regioner/mellersta-norrland/..%2F..%2F/",
    ],
)
def test_odd_paths_get_a_not_found(visitor, path):
    response = visitor.get(path)
    assert response.status_code in {400, 404}
    assert SCRIPT not in response.content.decode("utf-8", "replace")


PAGES = ["/", "/en/", "/aktuellt/", "/regioner/mellersta-norrland/", "/sok/?q=norrland"]


@pytest.mark.parametrize("path", PAGES)
def test_head_answers_like_get(visitor, path):
    """The headers a GET would have. (That no body follows is the server's part: Django's
    test client drops it by itself, so tests/test_page_cache.py asks gunicorn.)"""
    get, head = visitor.get(path), visitor.head(path)
    assert head.status_code == get.status_code == 200
    for header in ("Content-Type", "Content-Language", "Cache-Control"):
        assert head.get(header) == get.get(header), header


@pytest.mark.parametrize("path", PAGES)
def test_options_never_fails(visitor, path):
    assert visitor.options(path).status_code < 500


@pytest.mark.parametrize("path", PAGES)
def test_a_post_without_a_csrf_token_is_refused(path):
    client = Client(HTTP_HOST="testserver", enforce_csrf_checks=True)
    response = client.post(path, {"q": SCRIPT})
    assert response.status_code in {403, 405}
    assert SCRIPT not in response.content.decode()


def test_a_huge_post_body_is_refused_not_a_crash(visitor):
    response = visitor.post(
        "/sok/", data="x=" + "a" * 3_000_000, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in {400, 403, 405, 413}


def test_too_many_parameters_are_refused(visitor):
    query = "&".join(f"k{n}=v" for n in range(12_000))
    assert visitor.get(f"/aktuellt/?{query}").status_code == 400
