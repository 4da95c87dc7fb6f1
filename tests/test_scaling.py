"""
The engines the site scales out on, switched on from the environment: a CDN purged on
publish (tested against a loopback server that stands in for its purge endpoint) and
Redis as the shared cache (a real redis-server in CI).
"""

import io
import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from unittest import mock

import pytest
import requests

from django.core.management import call_command
from django.test import override_settings

from articles.models import ArticlePage
from caching import downstream
from partners.models import Partner
from regions.models import Person, RegionPage

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


class PurgeRecorder(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_PURGE(self):
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def do_BAN(self):
        if self.headers["X-Ban-Prefix"]:
            self.server.banned_under.append((self.headers["Host"], self.headers["X-Ban-Prefix"]))
        else:
            self.server.banned.append(self.headers["Host"])
        self.send_response(200)
        self.end_headers()


@contextmanager
def recording_server(address=("127.0.0.1", 0)):
    """A loopback server standing in for one cache's purge endpoint (on ``address``)."""
    server = ThreadingHTTPServer(address, PurgeRecorder)
    server.purged = []
    server.banned = []
    server.banned_under = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def purge_server():
    with recording_server() as server:
        yield server


@pytest.fixture
def second_purge_server():
    with recording_server() as server:
        yield server


def purge_settings(*servers):
    """The frontend cache as the settings configure it, one backend per purge server."""
    return {
        f"http{number}": {
            "BACKEND": "caching.frontend.AfterCommitHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
        for number, server in enumerate(servers, start=1)
    }


@pytest.fixture
def purging(purge_server, django_capture_on_commit_callbacks):
    """Run the block with the HTTP purge backend on, purges sent; returns the purged paths."""

    @contextmanager
    def run():
        settings = purge_settings(purge_server)
        paths = set()
        with (
            override_settings(WAGTAILFRONTENDCACHE=settings),
            django_capture_on_commit_callbacks(execute=True),
        ):
            yield paths
        paths.update(path for _host, path in purge_server.purged)

    return run


@pytest.mark.django_db
def test_publishing_an_article_purges_it_and_every_page_that_lists_it(purging, purge_server, sv):
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    with purging() as purged:
        article.save_revision().publish()
    assert {host for host, _path in purge_server.purged} == {"testserver"}
    assert {
        "/regioner/mellersta-norrland/reflektion-fran-mitt-sverige/",
        "/regioner/mellersta-norrland/",
        "/aktuellt/",
        "/",
        "/rss/",
        "/rss/mellersta-norrland/",
        "/sitemap.xml",
        "/en/sitemap.xml",
        "/sitemap-pages.xml",
        "/en/sitemap-pages.xml",
    } <= purged


@pytest.mark.django_db
def test_purges_leave_only_after_the_commit_and_reach_every_cache(
    purge_server, second_purge_server, django_capture_on_commit_callbacks, sv
):
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    with (
        override_settings(WAGTAILFRONTENDCACHE=purge_settings(purge_server, second_purge_server)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        article.save_revision().publish()
        # A reader now would still get the old page from the database: nothing purged yet.
        assert purge_server.purged == second_purge_server.purged == []
    for server in (purge_server, second_purge_server):
        assert ("testserver", article.url) in server.purged
        assert ("testserver", "/aktuellt/") in server.purged


@pytest.mark.django_db
def test_english_articles_purge_their_english_addresses(purging, en):
    article = ArticlePage.objects.get(locale=en, slug="eight-nodes-one-shared-lift")
    with purging() as purged:
        article.unpublish()
    assert {"/en/news/eight-nodes-one-shared-lift/", "/en/news/", "/en/", "/en/rss/"} <= purged
    assert not any(path.startswith("/sv/") for path in purged), "no made-up language prefixes"


def test_a_partner_or_a_person_saved_bans_the_whole_site_downstream(purging, purge_server, sv):
    partner = Partner.objects.filter(locale=sv).first()
    with purging():
        partner.name = "Nytt namn AB"
        partner.save()
    assert purge_server.banned == ["testserver"], "one ban for the site, not a purge per page"

    person = Person.objects.filter(locale=sv).first()
    with purging():
        person.delete()
    assert purge_server.banned == ["testserver", "testserver"]


def test_publishing_an_article_purges_addresses_and_bans_only_the_api(purging, purge_server, sv):
    article = ArticlePage.objects.filter(locale=sv).live().first()
    with purging() as purged:
        article.save_revision().publish()
    assert purged and not purge_server.banned
    # The content API's listings can have any query string: let go of by path.
    assert purge_server.banned_under == [("testserver", "/api/")]


def test_any_other_page_published_or_withdrawn_bans_the_whole_site(purging, purge_server, sv):
    # A region shows in the menu, on the home page, in the region index and in its
    # articles' breadcrumbs: more addresses than are worth listing.
    region = RegionPage.objects.get(locale=sv, slug="mellersta-norrland")
    with purging() as purged:
        region.title = "Mellersta Norrland (Mittuniversitetet)"
        region.save_revision().publish()
    assert "/regioner/mellersta-norrland/" in purged, "Wagtail still purges its own address"
    assert purge_server.banned == ["testserver"]
    with purging():
        region.unpublish()
    assert purge_server.banned == ["testserver", "testserver"]


def test_a_moved_article_bans_the_whole_site(purging, purge_server, sv):
    article = ArticlePage.objects.get(locale=sv, slug="reflektion-fran-mitt-sverige")
    elsewhere = RegionPage.objects.get(locale=sv, slug="ovre-norrland")
    with purging():
        article.move(elsewhere, pos="last-child")
    assert purge_server.banned == ["testserver"], "both regions' listings changed"


@pytest.mark.django_db
def test_renewing_the_caches_on_deploy_bans_the_whole_site_in_every_cache(
    purge_server, second_purge_server
):
    with override_settings(WAGTAILFRONTENDCACHE=purge_settings(purge_server, second_purge_server)):
        call_command("renew_caches", stdout=io.StringIO())
    assert purge_server.banned == second_purge_server.banned == ["testserver"]


CLOUDFLARE = {
    "cloudflare": {
        "BACKEND": "caching.frontend.AfterCommitCloudflareBackend",
        "BEARER_TOKEN": "token",
        "ZONEID": "zone",
    }
}


@pytest.fixture
def cloudflare(django_capture_on_commit_callbacks):
    """
    Cloudflare's API cannot be reached from here: its HTTP client stands in for it. Runs
    a block with Cloudflare as the frontend cache; returns what was posted to it.
    """

    @contextmanager
    def run():
        sent = []

        def post(url, json=None, headers=None, timeout=None):
            sent.append((url, json, headers["Authorization"]))
            response = requests.Response()
            response.status_code = 200
            response._content = b'{"success": true}'
            return response

        with (
            override_settings(WAGTAILFRONTENDCACHE=CLOUDFLARE),
            mock.patch("caching.downstream.requests.post", post),
            django_capture_on_commit_callbacks(execute=True),
        ):
            yield sent

    return run


def test_cloudflare_is_asked_to_purge_everything_once(sv, cloudflare):
    with cloudflare() as sent:
        Partner.objects.filter(locale=sv).first().save()
    assert sent == [
        (
            "https://api.cloudflare.com/client/v4/zones/zone/purge_cache",
            {"purge_everything": True},
            "Bearer token",
        )
    ]


def test_cloudflare_is_asked_to_purge_the_api_by_prefix_on_an_article(sv, cloudflare):
    with cloudflare() as sent:
        ArticlePage.objects.filter(locale=sv).live().first().save_revision().publish()
    posted = [json for _url, json, _auth in sent]
    assert {"prefixes": ["testserver/api/"]} in posted
    assert {"purge_everything": True} not in posted


def test_without_a_cache_in_front_nothing_is_sent_or_looked_up(
    purge_server, sv, django_capture_on_commit_callbacks, django_assert_num_queries, settings
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        Partner.objects.filter(locale=sv).first().save()
    assert not purge_server.banned and not purge_server.purged
    with django_assert_num_queries(0):  # not even the sites, to ban nobody
        downstream.ban_everything()


def settings_value(expression, **environment):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"REDIS_URL", "FRONTEND_CACHE_PURGE_URL", "CLOUDFLARE_API_TOKEN"}
    }
    env.update(environment, DJANGO_SETTINGS_MODULE="produktionslyftet.settings.test")
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_redis_is_the_cache_when_redis_url_is_set():
    assert settings_value(
        "settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/0"
    ).endswith("RedisCache")
    assert settings_value("settings.CACHES['default']['BACKEND']").endswith("LocMemCache")


def test_frontend_cache_backends_come_from_the_environment():
    assert settings_value("sorted(settings.WAGTAILFRONTENDCACHE)") == "[]"
    assert (
        settings_value(
            "sorted(settings.WAGTAILFRONTENDCACHE)",
            FRONTEND_CACHE_PURGE_URL="http://varnish-a:6081, http://varnish-b:6081",
            CLOUDFLARE_API_TOKEN="token",
            CLOUDFLARE_ZONE_ID="zone",
        )
        == "['cloudflare', 'http1', 'http2']"
    )


def test_the_site_caches_in_a_real_redis():
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if IN_CI:
            pytest.fail("TEST_REDIS_URL is not set; .ci/run starts a redis-server for this test")
        pytest.skip("no Redis server (set TEST_REDIS_URL)")
    value = settings_value(
        "(lambda c: (c.set('produktionslyftet-check', 'å', 30), c.get('produktionslyftet-check'))[1])(__import__('django.core.cache', fromlist=['cache']).cache)",
        REDIS_URL=url,
    )
    assert value == "å"
