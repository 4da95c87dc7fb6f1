"""
What the application server tells load balancers and caches: /healthz, and which
responses a CDN or Varnish may keep (Cache-Control).
"""

import pytest

from django.contrib.auth import get_user_model
from django.test import override_settings

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "caching.backends.FailSoftRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5},
    }
}


def test_healthz_answers_ok_and_is_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_says_which_part_is_down_and_keeps_traffic_without_the_cache(client):
    """Without Redis the site serves, slower: a load balancer must keep sending traffic."""
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.parametrize("path", ["/", "/en/", "/aktuellt/", "/en/news/", "/rss/", "/sitemap.xml"])
def test_public_pages_may_be_kept_by_a_shared_cache(client, path):
    response = client.get(path)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage=3600" in cache_control
    assert "stale-while-revalidate" in cache_control
    assert not response.cookies


def test_a_missing_page_may_be_kept_too(client):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert "public" in response["Cache-Control"]


def test_a_logged_in_editor_gets_private_pages(client):
    user = get_user_model().objects.create_superuser("redaktor", "r@example.org", "pw")
    client.force_login(user)
    response = client.get("/aktuellt/")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/admin/login/", "/documents/1/x.pdf"])
def test_the_admin_and_documents_are_never_public(client, path):
    response = client.get(path)
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("path", ["/", "/aktuellt/"])
def test_posts_are_not_marked_for_caching(client, path):
    """A page answers a POST as it answers a GET; only the GET may be kept."""
    response = client.post(path, {"q": "x"})
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")
    assert "public" in client.get(path)["Cache-Control"]
