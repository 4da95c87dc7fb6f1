"""
The site as docs/deployment.md deploys it, checked through HTTPS: nginx (TLS) → two
Varnish → gunicorn → PostgreSQL and Redis, with the production settings. The tests run
in file order: the set-up site first, then the demo's content on it for the editors'
checks, then what breaks things (Redis stopped, a reload, the application stopped).
"""

import json
import os
import re
import secrets
import subprocess
import threading
import time
from pathlib import Path

import requests
from lxml import html as lxml_html

from tests.admin_forms import form_fields, paragraph_body, post_admin_form
from tests.rehearsal.conftest import attempt_login, log_in, second_step, visitor
from tests.rehearsal.stack import ADMIN, DEMO_PASSWORD, SITE
from tests.servers import ROOT, free_port

# --- the first deploy -----------------------------------------------------------------


def test_the_first_deploy_sets_up_the_site_in_both_languages(stack):
    session = visitor(stack)
    for path, title in [
        ("/", "Produktionslyftet"),
        ("/en/", "Produktionslyftet"),
        ("/regioner/", "Regioner"),
        ("/en/regions/", "Regions"),
        ("/aktuellt/", "Aktuellt"),
        ("/en/news/", "News"),
        ("/partner/", "Partner"),
        ("/delta/", "Delta"),
        ("/en/take-part/", "Take part"),
    ]:
        response = session.get(SITE + path, timeout=10)
        assert response.status_code == 200, path
        assert title in response.text, path
        assert "Welcome to your new Wagtail site" not in response.text
    assert 'lang="en"' in session.get(SITE + "/en/", timeout=10).text


def test_the_first_administrator_comes_from_the_environment(stack):
    username, password = ADMIN
    session = visitor(stack)
    assert attempt_login(session, username, password).status_code == 302
    # In production the password alone does not open the admin: an app is set up, or its
    # code given, first.
    response = session.get(SITE + "/admin/", allow_redirects=False, timeout=10)
    assert response.status_code == 302
    assert response.headers["Location"].startswith(
        ("/admin/two-factor/setup/", "/admin/two-factor/verify/")
    )
    second_step(session, username)
    assert session.get(SITE + "/admin/", timeout=10).status_code == 200


def test_nothing_is_sent_in_the_clear(stack):
    response = requests.get("http://localhost/aktuellt/?a=1", allow_redirects=False, timeout=10)
    assert response.status_code == 301
    assert response.headers["Location"] == "https://localhost/aktuellt/?a=1"
    secure = visitor(stack).get(SITE + "/aktuellt/", timeout=10)
    assert "max-age=31536000" in secure.headers["Strict-Transport-Security"]
    assert "Secure" in visitor(stack).get(SITE + "/admin/login/", timeout=10).headers["Set-Cookie"]


# --- the edge -------------------------------------------------------------------------


def test_every_varnish_finds_the_application_healthy_with_the_production_hosts(stack):
    assert stack.environment["ALLOWED_HOSTS"] == "localhost"
    for name in ("varnish1", "varnish2"):
        listing = stack.backends(name)
        assert re.search(r"default\s+probe\s+\S*\s*[Hh]ealthy", listing), listing


def test_a_redirect_for_plain_http_is_never_served_over_https(stack):
    """A request that reached Varnish without the terminator's word gets the redirect;
    the HTTPS visitor after it still gets the page."""
    path = f"/aktuellt/?rehearsal={secrets.token_hex(4)}"
    for name in ("varnish1", "varnish2"):
        plain = requests.get(
            f"http://127.0.0.1:{stack.ports[name]}{path}",
            headers={"Host": "localhost"},
            allow_redirects=False,
            timeout=10,
        )
        assert plain.status_code == 301 and plain.headers["Location"].startswith("https://")
    session = visitor(stack)
    for _ in range(4):  # both Varnish, twice
        response = session.get(SITE + path, allow_redirects=False, timeout=10)
        assert response.status_code == 200


def test_a_clients_own_forwarded_headers_are_replaced(stack):
    session = visitor(stack)
    response = session.get(
        SITE + "/partner/",
        headers={"X-Forwarded-Proto": "http", "X-Forwarded-For": "203.0.113.9"},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 200, "the terminator said https, whatever the client said"


def test_a_login_lockout_hits_the_attacking_address_only(stack):
    username, password = ADMIN
    attacker = visitor(stack, "127.0.0.2")
    for n in range(5):
        forged = f"198.51.100.{n + 1}"  # a new address claimed each time
        response = attempt_login(attacker, username, f"gissning{n}", **{"X-Forwarded-For": forged})
        assert response.status_code in (200, 429), "refused: the form again, then locked"
    assert response.status_code == 429, "the fifth failure locks the address"
    assert attempt_login(attacker, username, password).status_code == 429
    # The editor whose name the attacker tried logs in as usual from another address.
    editor = visitor(stack, "127.0.0.3")
    response = attempt_login(editor, username, password)
    assert response.status_code == 302 and response.headers["Location"] == "/admin/"
    stack.script("manage", "axes_reset")


def test_browsers_get_html_css_and_js_compressed(stack):
    session = visitor(stack)
    browser = {"Accept-Encoding": "gzip, deflate, br"}
    page = session.get(SITE + "/", headers=browser, timeout=10)
    assert page.headers["Content-Encoding"] == "gzip"
    assets = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', page.text)
    assert any(a.endswith(".css") for a in assets) and any(a.endswith(".js") for a in assets)
    for asset in assets:
        response = session.get(SITE + asset, headers=browser, timeout=10)
        assert response.headers.get("Content-Encoding") in {"gzip", "br"}, asset
        assert "immutable" in response.headers["Cache-Control"]


def test_whitenoise_has_brotli_files_as_the_guide_installs_it(stack):
    static = stack.environment["STATIC_ROOT"]
    css = subprocess.run(
        ["find", static, "-name", "site.*.css.br"], capture_output=True, text=True
    ).stdout
    assert css.strip(), "collectstatic wrote Brotli files"


# --- editors publishing while readers read --------------------------------------------


def read_while(session, url, stop, seen):
    while not stop.is_set():
        started = time.monotonic()
        try:
            response = session.get(SITE + url, timeout=10)
            seen.append((started, response.status_code, response.text))
        except requests.RequestException as error:
            seen.append((started, 0, str(error)))


def readers(stack, url, count=6):
    stop, seen = threading.Event(), []
    threads = [
        threading.Thread(target=read_while, args=(visitor(stack), url, stop, seen), daemon=True)
        for _ in range(count)
    ]
    for thread in threads:
        thread.start()
    return stop, seen, threads


def approve(stack, session, page_pk):
    task_state = stack.shell(
        "from wagtail.models import Page; "
        f"print(Page.objects.get(pk={page_pk}).current_workflow_task_state.pk)"
    )
    response = session.post(
        f"{SITE}/admin/pages/workflow/action/{page_pk}/approve/{task_state}/",
        data={"comment": "", "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code < 400, response.text[:500]


SUBMIT_ENGLISH = """
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
english = Page.objects.get(pk={pk}).specific
source = english.get_translation(english.get_translations(inclusive=True).get(locale__language_code="sv").locale)
translation = Translation.objects.get(source__object_id=english.translation_key, target_locale=english.locale)
for segment in StringSegment.objects.filter(source=translation.source, context__path="introduction"):
    StringTranslation.objects.update_or_create(
        translation_of=segment.string, locale=english.locale, context=segment.context,
        defaults={{"data": "{text}"}})
with transaction.atomic():
    translation.save_target(publish=False)
english.refresh_from_db()
translator = get_user_model().objects.get(username="oversattare")
english.get_workflow().start(english, translator)
print("submitted")
"""


def assert_fresh_after(seen, approved_at, text, after_seconds):
    later = [(status, body) for started, status, body in seen if started > approved_at]
    assert later, "readers went on reading"
    assert all(status == 200 for status, _ in later), {status for status, _ in later}
    stale = [body for _status, body in later if text not in body]
    assert not stale, f"{len(stale)} of {len(later)} reads after the approval were stale"
    assert max(started for started, *_ in seen) > approved_at + after_seconds


def test_an_approved_editorial_shows_at_once_and_stays_fresh_in_both_languages(stack, demo):
    sv, en = demo["sv"], demo["en"]
    new_sv = f"Ny ingress efter granskning {secrets.token_hex(3)}"
    new_en = f"New introduction after review {secrets.token_hex(3)}"

    # The regional editor changes the editorial and submits it; the English translator
    # submits a new English introduction.
    region_editor = log_in(stack, "mellersta-norrland", DEMO_PASSWORD)
    response = post_admin_form(
        region_editor,
        f"{SITE}/admin/pages/{sv['pk']}/edit/",
        {"introduction": new_sv, "action-submit": "action-submit", **paragraph_body()},
        form_id="page-edit-form",
    )
    assert response.status_code == 302, "submitted for moderation"
    assert stack.shell(SUBMIT_ENGLISH.format(pk=en["pk"], text=new_en)) == "submitted"

    office = log_in(stack, "programkontoret", DEMO_PASSWORD)
    for page, text in ((sv, new_sv), (en, new_en)):
        stop, seen, threads = readers(stack, page["url"])
        time.sleep(3)  # the old page is in both Varnish and read over and over
        approve(stack, office, page["pk"])
        approved_at = time.monotonic()
        assert text in visitor(stack).get(SITE + page["url"], timeout=10).text, "at once"
        time.sleep(60 if page is en else 20)
        stop.set()
        for thread in threads:
            thread.join()
        assert_fresh_after(seen, approved_at, text, 15)
        # Straight from each Varnish too: both were purged.
        for name in ("varnish1", "varnish2"):
            response = requests.get(
                f"http://127.0.0.1:{stack.ports[name]}{page['url']}",
                headers={"Host": "localhost", "X-Forwarded-Proto": "https"},
                timeout=10,
            )
            assert text in response.text, name


def test_the_worker_mails_what_a_company_sent_and_the_daily_round_runs(stack, demo, smtp):
    company = visitor(stack, "127.0.0.9")
    data = form_fields(company.get(SITE + "/delta/", timeout=10).content)
    data.update(
        company_name="Rehearsal Verkstad AB",
        org_number="556036-0793",
        county="23",  # Jämtlands län
        employees="10-49",
        contact_name="Rut Rehearsal",
        email="rut@example.org",
        phone="063-12 34 56",
        message="Vi vill korta ställtiderna.",
        consent="on",
    )
    time.sleep(3.5)  # INTEREST_MIN_FILL_SECONDS: no person fills it in faster
    response = company.post(SITE + "/delta/", data=data, allow_redirects=False, timeout=10)
    assert response.status_code == 302, lxml_html.fromstring(response.content).xpath(
        "string(//form)"
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not any(
        "rut@example.org" in recipients for recipients, _ in smtp.messages
    ):
        time.sleep(0.5)
    assert any("rut@example.org" in recipients for recipients, _ in smtp.messages), (
        "the worker sent the receipt: " + stack.log("worker")[-2000:]
    )
    assert "interest.mail.mail_submission" in stack.log("worker"), "not the request"

    daily = stack.script("daily")
    assert "Page cache renewed" in daily.stdout and "Caches in front banned." in daily.stdout


def test_the_images_come_from_media_and_a_document_never_does(stack, demo):
    """nginx serves uploaded images from MEDIA_ROOT; a document only through Wagtail's view."""
    session = visitor(stack)
    article = session.get(SITE + demo["sv"]["url"], timeout=10)
    images = re.findall(r'src="(/media/images/[^"]+)"', article.text)
    assert images, "the editorial shows its image"
    for image in images:
        response = session.get(SITE + image, timeout=10)
        assert response.status_code == 200, image
        assert response.headers["Content-Type"].startswith("image/")
        assert "max-age=2592000" in response.headers["Cache-Control"]
    media = Path(stack.environment["MEDIA_ROOT"])
    documents = media / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "intern-rapport.pdf").write_bytes(b"%PDF-1.4 internal")
    for path in (
        "/media/documents/intern-rapport.pdf",
        "/media/images/../documents/intern-rapport.pdf",
    ):
        response = session.get(SITE + path, timeout=10)
        assert response.status_code == 404, path
        assert b"internal" not in response.content


def test_the_search_folds_diacritics_on_the_guides_database(stack, demo):
    """
    The search's migration made unaccent and the folded configurations as the database's
    owner (create-database makes no superuser), and the deploy built the index with them.
    """
    session = visitor(stack)

    def found(query):
        response = session.get(f"{SITE}/sok/", params={"q": query}, timeout=10)
        assert response.status_code == 200, query
        return re.findall(
            r'<h2[^>]*>\s*<a href="([^"]+)"', response.text.split("search-results", 1)[-1]
        )

    def hits(query):
        response = session.get(f"{SITE}/sok/", params={"q": query}, timeout=10)
        return int(re.search(r"(\d+) träff", response.text).group(1))

    assert found("Östersund")
    assert found("ostersund") == found("Östersund")
    # As many found either way; the exact spelling ranks first, so a first page of more
    # than fit on it can differ at its foot.
    assert hits("foretag") == hits("företag") > 0


def test_a_deploy_renews_every_cache(stack, demo):
    session = visitor(stack)
    for _ in range(3):
        session.get(SITE + "/partner/", timeout=10)
    assert session.get(SITE + "/partner/", timeout=10).headers["X-Cache"] == "HIT"
    output = stack.script("deploy").stdout
    assert "reloaded" in output and "Page cache renewed" in output
    assert session.get(SITE + "/partner/", timeout=10).headers["X-Cache"] == "MISS"


def test_a_backup_is_its_owners_alone_and_restores_whole(stack, demo):
    folder = stack.work / "backups"
    stack.script("backup", str(folder))
    (archive,) = folder.glob("produktionslyftet-*.tar.gz")
    assert archive.stat().st_mode & 0o777 == 0o600
    restored = stack.script("restore", str(archive)).stdout
    assert "every count matches" in restored and "Page cache renewed" in restored
    assert visitor(stack).get(SITE + demo["sv"]["url"], timeout=10).status_code == 200


# --- what breaks ----------------------------------------------------------------------


def health(stack):
    return requests.get(
        f"http://127.0.0.1:{stack.ports['gunicorn']}/healthz",
        headers={"Host": "127.0.0.1"},
        timeout=10,
    )


def test_with_redis_stopped_the_site_and_the_admin_keep_working(stack, demo):
    office = log_in(stack, "programkontoret", DEMO_PASSWORD)
    stack.stop_redis()
    try:
        assert health(stack).json()["status"] == "degraded"
        session = visitor(stack)
        for path in ("/", "/en/", demo["sv"]["url"], f"/sok/?q={secrets.token_hex(3)}"):
            assert session.get(SITE + path, timeout=10).status_code == 200, path
        explorer = office.get(f"{SITE}/admin/pages/{demo['sv']['pk']}/edit/", timeout=10)
        assert explorer.status_code == 200
        # A new login works too: sessions live in the database.
        log_in(stack, "oversattare", DEMO_PASSWORD)
    finally:
        stack.start_redis()
    deadline = time.monotonic() + 30
    while health(stack).json()["status"] != "ok":
        assert time.monotonic() < deadline, "recovered once Redis is back"
        time.sleep(1)


def test_a_graceful_reload_under_load_answers_every_request(stack, demo):
    """
    No request is refused or dropped while gunicorn's workers are replaced. How long the
    slowest waited is printed, not asserted: that depends on how busy the machine is.
    """
    stop, seen = threading.Event(), []

    def read(session):
        while not stop.is_set():
            # Built afresh each time: a search no cache holds.
            path = f"/sok/?q={secrets.token_hex(3)}"
            started = time.monotonic()
            try:
                status = session.get(SITE + path, timeout=10).status_code
            except requests.RequestException:
                status = 0
            seen.append((started, time.monotonic() - started, status))

    # As many readers as workers: the machine is busy, not swamped (on two cores the
    # readers, nginx and Varnish share them with gunicorn).
    threads = [threading.Thread(target=read, args=(visitor(stack),), daemon=True) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    stack.reload_gunicorn()
    time.sleep(12)
    stop.set()
    for thread in threads:
        thread.join()
    assert len(seen) > 50
    assert {status for *_, status in seen} == {200}
    waits = sorted(seconds for _, seconds, _ in seen)
    print(
        f"\n{len(seen)} requests through a reload: median {waits[len(waits) // 2] * 1000:.0f} ms,"
        f" slowest {waits[-1] * 1000:.0f} ms"
    )


def test_a_forced_error_leaves_a_traceback_a_mail_and_a_sentry_event(stack, smtp, sentry):
    username, password = ADMIN
    session = log_in(stack, username, password)
    url = f"{SITE}/admin/operations/test-error/"
    data = form_fields(session.get(url, timeout=10).content)
    response = session.post(url, data=data, timeout=10)
    assert response.status_code == 500
    deadline = time.monotonic() + 20
    while not (smtp.messages and sentry.envelopes) and time.monotonic() < deadline:
        time.sleep(0.5)
    events = [line for line in stack.log("gunicorn").splitlines() if "Traceback" in line]
    assert events and all(line.startswith("{") for line in events), "one JSON line per event"
    assert any("drift@example.org" in recipients for recipients, _ in smtp.messages)
    assert any(b"Test error" in body for _path, body in sentry.envelopes), sentry.envelopes


def test_with_the_application_stopped_varnish_serves_what_it_holds_or_a_page_of_its_own(
    stack, demo
):
    session = visitor(stack)
    held = demo["sv"]["url"]
    for _ in range(4):
        session.get(SITE + held, timeout=10)
    stack.stop("gunicorn")
    try:
        for _ in range(4):  # both Varnish
            response = session.get(SITE + held, timeout=10)
            assert response.status_code == 200 and response.headers["X-Cache"] == "HIT"
        missing = session.get(SITE + f"/sok/?q={secrets.token_hex(3)}", timeout=10)
        assert missing.status_code == 503
        assert "Produktionslyftet är strax tillbaka" in missing.text
        assert "Back soon" in missing.text
        assert "Varnish" not in missing.text and "Guru" not in missing.text
    finally:
        stack.start_gunicorn()
        stack.wait_until_served(visitor(stack))


# --- figures from this stack (docs/scaling.md) ------------------------------------------


def wrk(url, *headers, script=None, seconds=5):
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", str(script)]
    out = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=seconds + 30
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    p50 = re.search(r"\s50%\s+([\d.]+)(us|ms|s)\b", out)
    factor = {"us": 0.001, "ms": 1, "s": 1000}[p50.group(2)]
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": round(float(p50.group(1)) * factor, 2),
        "errors": int(errors.group(1)) if errors else 0,
    }


def test_figures_of_this_stack(stack, demo):
    """
    Requests a second on this stack, each row a ratio to a trivial view measured in the
    same run through a gunicorn of its own (benchmarks/urls.py: a saved page returned
    through the same middleware). Printed and written to artifacts/rehearsal.json for
    docs/scaling.md; nothing here fails on a slow machine, only on errors.
    """
    copies = stack.work / "copies"
    copies.mkdir()
    (copies / "home.html").write_bytes(visitor(stack).get(SITE + "/", timeout=10).content)
    reference_port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        **stack.environment,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "BENCH_COPIES": str(copies),
        "GUNICORN_BIND": f"127.0.0.1:{reference_port}",
        "GUNICORN_PIDFILE": "",
        "GUNICORN_ACCESSLOG": "/dev/null",
    }
    stack.start(
        "reference",
        [str(stack.venv / "bin" / "gunicorn"), "-c", "deploy/gunicorn.conf.py",
         "produktionslyftet.wsgi"],
        env=env,
        cwd=ROOT,
    )  # fmt: skip
    stack.wait_for_port("reference", reference_port)
    reference = f"http://127.0.0.1:{reference_port}/bench/same-bytes/home.html"
    stack.wait_until_served(visitor(stack), reference)
    fresh = stack.work / "fresh.lua"
    fresh.write_text(
        'request = function() return wrk.format(nil, "/aktuellt/?r=" .. math.random(1, 1e9)) end\n'
    )
    app = f"http://127.0.0.1:{stack.ports['gunicorn']}"
    behind_tls = ("Host: localhost", "X-Forwarded-Proto: https")
    gzip = "Accept-Encoding: gzip"
    try:
        for _ in range(3):  # warm: Varnish and the page cache hold /, workers are loaded
            visitor(stack).get(SITE + "/", timeout=10)
        rows = {
            "trivial view (gunicorn)": wrk(reference, *behind_tls),
            "Varnish hit, through nginx (TLS)": wrk(f"{SITE}/", gzip),
            "Varnish hit": wrk(f"http://127.0.0.1:{stack.ports['varnish1']}/", *behind_tls, gzip),
            "page-cache hit (gunicorn, Redis)": wrk(f"{app}/", *behind_tls),
            "page built afresh (gunicorn)": wrk(f"{app}/", *behind_tls, script=fresh),
            "/healthz (gunicorn)": wrk(f"{app}/healthz", *behind_tls),
        }
    finally:
        stack.stop("reference")
    trivial = rows["trivial view (gunicorn)"]["rps"]
    lines = [f"{'':34} {'req/s':>9} {'p50 ms':>8} {'× trivial':>10}"]
    for name, figures in rows.items():
        figures["ratio"] = round(figures["rps"] / trivial, 2)
        lines.append(
            f"{name:34} {figures['rps']:>9.0f} {figures['p50_ms']:>8.2f} {figures['ratio']:>10.2f}"
        )
    print("\n" + "\n".join(lines))
    (ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / "rehearsal.json").write_text(json.dumps(rows, indent=2))
    assert all(figures["rps"] > 0 and figures["errors"] == 0 for figures in rows.values()), rows
