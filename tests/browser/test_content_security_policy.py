"""
The Content-Security-Policy holds in a real browser: every public page, and the admin's
main screens (dashboard, explorer, page editor, translation editor, reports, images,
snippets), load with no policy violation in Chromium's console and no request leaving
the machine.
"""

from urllib.parse import urlsplit

import pytest

from .test_design import public_urls  # noqa: F401 - the fixture
from .test_editorial_journey import log_in_as

pytestmark = pytest.mark.browser


def watch(tab):
    """Collect CSP violations and off-site requests made by ``tab``."""
    seen = {"violations": [], "offsite": []}
    tab.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and seen["violations"].append(f"{tab.url}: {message.text}")
        ),
    )
    tab.on(
        "request",
        lambda request: (
            urlsplit(request.url).hostname not in {"127.0.0.1", None}
            and urlsplit(request.url).scheme in {"http", "https"}
            and seen["offsite"].append(request.url)
        ),
    )
    return seen


def test_public_pages_keep_to_the_strict_policy(browser, site_url, public_urls):  # noqa: F811
    context = browser.new_context(base_url=site_url)
    tab = context.new_page()
    seen = watch(tab)
    policy = tab.request.get(site_url + "/").headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and "unsafe" not in policy
    assert directives["frame-ancestors"] == "'self'" and directives["object-src"] == "'none'"
    for path in public_urls:
        tab.goto(path, wait_until="load")
        tab.set_viewport_size({"width": 375, "height": 800})  # the menu script runs too
    context.close()
    assert seen == {"violations": [], "offsite": []}


def admin_screens(site_shell):
    ids = site_shell(
        "from articles.models import ArticlePage; "
        "sv = ArticlePage.objects.get(slug='reflektion-fran-mitt-sverige'); "
        "en = sv.get_translations().get(); "
        "print(f'{sv.pk} {en.pk} {sv.get_parent().pk}')"
    ).split()
    article, english, region = ids
    return [
        "/admin/",
        f"/admin/pages/{region}/",
        f"/admin/pages/{article}/edit/",
        f"/admin/pages/{english}/edit/",
        "/admin/reports/translation-status/",
        "/admin/reports/site-history/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/partners/partner/",
        "/admin/snippets/regions/person/",
    ]


def test_the_admins_main_screens_keep_to_the_admin_policy(browser, site_url, site_shell):
    tab = log_in_as(browser, site_url, "admin")
    seen = watch(tab)
    for path in admin_screens(site_shell):
        response = tab.goto(path, wait_until="networkidle")
        assert response.status == 200, path
        assert "content-security-policy" in response.headers, path
    # The page editor's preview panel frames the preview on the same origin.
    tab.goto(admin_screens(site_shell)[2], wait_until="networkidle")
    tab.locator("[data-side-panel-toggle=preview]").click()
    tab.frame_locator("iframe").first.locator("h1").wait_for(state="attached")
    tab.wait_for_timeout(1500)
    assert seen == {"violations": [], "offsite": []}
