"""
Caches are an optimisation: with Redis gone the site is slower, not down
(caching/backends.py). Public pages, the page cache, logging in and the admin all answer
with Redis unreachable; /healthz says "degraded" and keeps the server in the load
balancer; and the cache comes back by itself, without serving what it missed.
"""

import logging
import os
import time

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCacheClient
from django.db import OperationalError, connection
from django.test import Client, override_settings

from wagtail.models import Page

from articles.models import ArticlePage
from caching import backends
from tests.admin_forms import form_fields
from tests.servers import free_port, in_ci

pytestmark = pytest.mark.django_db

BACKEND = "caching.backends.FailSoftRedisCache"
PASSWORD = "rätt-lösenord-1"


# Each test process its own keys: test runs in parallel share the one Redis server.
PREFIX = f"t{os.environ.get('PYTEST_XDIST_WORKER', '')}"


def redis_caches(url, **options):
    """The production cache setup (settings/base.py) on ``url``."""
    return {
        alias: {"BACKEND": BACKEND, "LOCATION": url, "KEY_PREFIX": prefix, "OPTIONS": options}
        for alias, prefix in (
            ("default", PREFIX),
            ("pages", f"{PREFIX}-pages"),
            ("page-generation", f"{PREFIX}-generation"),
        )
    }


@pytest.fixture(autouse=True)
def nothing_known_of_earlier_outages():
    backends.SERVERS.clear()
    yield
    backends.SERVERS.clear()


@pytest.fixture
def redis_down():
    """Settings as production's with REDIS_URL at a loopback port nothing listens on."""
    url = f"redis://127.0.0.1:{free_port()}/0"
    with override_settings(
        CACHES=redis_caches(url), SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
    ):
        yield url


@pytest.fixture
def real_redis():
    """A real Redis (CI starts one), emptied before the test."""
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if in_ci():
            pytest.fail("TEST_REDIS_URL is not set; .ci/run starts a redis-server for this test")
        pytest.skip("no Redis server (set TEST_REDIS_URL)")
    # retry_after=0: after an outage the next call tries Redis again at once.
    with override_settings(
        CACHES=redis_caches(url, retry_after=0),
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
    ):
        redis = caches["default"]._cache.get_client(write=True)
        for pattern in (f"{PREFIX}:*", f"{PREFIX}-pages:*", f"{PREFIX}-generation:*"):
            for key in redis.scan_iter(match=pattern):
                redis.delete(key)
        yield url


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("redaktor", "r@example.org", PASSWORD)


def editorial():
    """The demo's editorial, under its region: /regioner/mellersta-norrland/…"""
    return ArticlePage.objects.get(locale__language_code="sv", slug="reflektion-fran-mitt-sverige")


# --- the site without Redis --------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "ARTICLE", "/en/", "/aktuellt/", "/rss/", "/sitemap.xml"])
def test_public_pages_answer_with_redis_down(redis_down, client, path):
    path = editorial().url if path == "ARTICLE" else path
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "miss", "nothing is kept, nothing fails"


def test_a_change_shows_at_once_with_redis_down(redis_down, client):
    article = editorial()
    client.get(article.url)
    article.title = "Publicerad utan Redis"
    article.save_revision().publish()
    assert "Publicerad utan Redis" in client.get(article.url).content.decode()


def test_an_editor_logs_in_and_out_with_redis_down(redis_down, superuser):
    client = Client(HTTP_HOST="testserver")
    login_page = client.get("/admin/login/")
    assert login_page.status_code == 200
    data = form_fields(login_page.content)
    data.update(username="redaktor", password=PASSWORD)
    assert client.post("/admin/login/", data).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert client.post("/admin/logout/").status_code == 302
    assert client.get("/admin/").status_code == 302, "logged out, back to the login page"


def test_a_wrong_password_is_still_counted_with_redis_down(redis_down, superuser):
    """django-axes keeps its failures in the database, not in the cache."""
    for _attempt in range(5):
        client = Client(HTTP_HOST="testserver", REMOTE_ADDR="203.0.113.9")
        data = form_fields(client.get("/admin/login/").content)
        data.update(username="redaktor", password="fel")
        client.post("/admin/login/", data)
    data.update(password=PASSWORD)
    assert client.post("/admin/login/", data).status_code == 429


def test_the_page_explorer_answers_with_redis_down(redis_down, superuser):
    client = Client(HTTP_HOST="testserver")
    client.force_login(superuser)
    home = Page.objects.get(locale__language_code="sv", depth=2)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    assert client.get(f"/admin/pages/{home.pk}/").status_code == 200
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code == 200


def test_healthz_says_degraded_but_keeps_the_server_in_service(redis_down, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_takes_the_server_out_without_its_database(client, monkeypatch):
    def refused(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refused)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}


# --- what a dead Redis costs -------------------------------------------------------------


def test_a_dead_redis_costs_milliseconds_and_is_left_alone_for_a_while(redis_down, monkeypatch):
    cache = caches["default"]
    attempts = []
    get_client = RedisCacheClient.get_client
    monkeypatch.setattr(
        RedisCacheClient,
        "get_client",
        lambda client, *args, **kwargs: attempts.append(1) or get_client(client, *args, **kwargs),
    )
    started = time.perf_counter()
    for _call in range(1000):
        assert cache.get("x", "default") == "default"
    assert time.perf_counter() - started < 0.5
    assert len(attempts) == 1, "after a failure Redis is not asked again at once"
    assert caches["pages"].get("x") is None
    assert len(attempts) == 1, "the page cache knows the same server is down"


def test_every_call_answers_as_a_miss(redis_down):
    cache = caches["default"]
    cache.set("a", 1)
    assert cache.get("a") is None and cache.get("a", 5) == 5
    assert cache.add("b", 1) is True
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1}) == []
    assert cache.has_key("a") is False
    assert cache.delete("a") is False and cache.touch("a") is False
    assert cache.get_or_set("c", 3) == 3
    cache.delete_many(["a", "b"])
    with pytest.raises(ValueError):
        cache.incr("a")
    with pytest.raises(ValueError):
        cache.decr("a")


def test_an_outage_is_logged_once_per_interval_not_once_per_call(caplog):
    port = free_port()
    with (
        override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{port}/0", retry_after=0)),
        caplog.at_level(logging.WARNING, logger="caching.backends"),
    ):
        for _call in range(50):
            caches["default"].get("x")
    warnings = [r for r in caplog.records if r.name == "caching.backends"]
    assert len(warnings) == 1
    assert "answering as a miss" in warnings[0].getMessage()
    assert f"Redis cache at 127.0.0.1:{port} failed" in warnings[0].getMessage()


# --- with a real Redis -------------------------------------------------------------------


def test_a_real_redis_keeps_what_it_is_given(real_redis):
    cache = caches["default"]
    cache.set("round-trip", "å", 30)
    assert cache.get("round-trip") == "å"
    assert cache.add("counter", 1) is True and cache.add("counter", 5) is False
    assert cache.incr("counter", 2) == 3
    assert cache.get_many(["round-trip", "counter", "none"]) == {"round-trip": "å", "counter": 3}
    assert cache.delete("round-trip") is True and cache.get("round-trip") is None


def test_with_a_real_redis_pages_are_kept_and_healthz_is_ok(real_redis, client):
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def unreachable(client, *args, **kwargs):
    raise RedisConnectionError("Error 111 connecting to redis. Connection refused.")


def test_a_change_made_while_redis_was_away_is_not_undone_when_it_returns(
    real_redis, client, monkeypatch, caplog
):
    """
    Publishing while Redis is unreachable cannot start a new generation of the page cache
    there; when Redis answers again, the pages it kept from before must not be served.
    """
    article = editorial()
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    with monkeypatch.context() as outage:
        outage.setattr(RedisCacheClient, "get_client", unreachable)
        article.title = "Publicerad medan Redis var borta"
        article.save_revision().publish()
        assert "Publicerad medan Redis var borta" in client.get(article.url).content.decode()

    with caplog.at_level(logging.WARNING, logger="caching.backends"):
        response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Publicerad medan Redis var borta" in response.content.decode()
    assert client.get(article.url)["X-Page-Cache"] == "hit", "kept again once Redis is back"
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "answers again" in messages and "emptied" in messages


def test_what_another_cache_keeps_in_the_same_redis_is_left_alone(real_redis, monkeypatch):
    other = caches["default"]._cache.get_client(write=True)
    other.set("another-application:key", "kept")
    with monkeypatch.context() as outage:
        outage.setattr(RedisCacheClient, "get_client", unreachable)
        caches["default"].set("lost", 1)
    caches["default"].set("after", 2)
    assert caches["default"].get("after") == 2
    assert other.get("another-application:key") == b"kept"
    other.delete("another-application:key")


# --- a probe that asks by address, over plain HTTP -----------------------------------------


@override_settings(ALLOWED_HOSTS=["produktionslyftet.se"], SECURE_SSL_REDIRECT=True)
def test_a_probe_by_address_over_http_gets_healthz():
    probe = Client(HTTP_HOST="127.0.0.1")
    response = probe.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert probe.head("/healthz").status_code == 200
    # Everything else is still refused to that host, and redirected to HTTPS for the site's.
    assert probe.get("/").status_code == 400
    assert probe.post("/healthz").status_code == 400
    assert Client(HTTP_HOST="produktionslyftet.se").get("/").status_code == 301
