"""
``/healthz`` for load balancers and Varnish: may this application server be sent traffic?

- 200 ``{"status": "ok", ...}``: the database and the cache answer;
- 200 ``{"status": "degraded", "cache": "unavailable", ...}``: the cache does not, and the
  site still serves, built from the database (caching/backends.py): slower, not down, so
  traffic must keep coming;
- 503 ``{"status": "unavailable", "database": "unavailable", ...}``: without its database
  the site cannot serve a page.

Never cached, and names no host, user or version.
"""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

PATH = "/healthz"


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def cache_ok():
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        found = cache.get(key)
        cache.delete(key)
    except Exception:  # a cache backend that does not fail soft
        return False
    return found == "ok"


@never_cache
@require_safe
def healthz(request):
    """The state of what this server depends on, as JSON; 503 only without the database."""
    database, cache = database_ok(), cache_ok()
    if not database:
        status = "unavailable"
    elif not cache:
        status = "degraded"
    else:
        status = "ok"
    body = {
        "status": status,
        "database": "ok" if database else "unavailable",
        "cache": "ok" if cache else "unavailable",
    }
    return JsonResponse(body, status=503 if status == "unavailable" else 200)


class HealthCheckMiddleware:
    """
    Answers ``GET`` and ``HEAD /healthz`` before any other middleware runs: a probe
    addresses the server by its own address (``Host: 127.0.0.1``, not a name in
    ALLOWED_HOSTS) and over plain HTTP (which SECURE_SSL_REDIRECT would redirect), and
    neither the page cache nor a session has anything to do with it. Other methods go on
    to the URL, which refuses them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
