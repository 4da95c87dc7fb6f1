"""``/healthz`` for load balancers: is this application server able to serve?"""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


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
    except Exception:
        return False
    return found == "ok"


@never_cache
@require_safe
def healthz(request):
    """200 when the database and the cache answer, 503 otherwise; names no host or user."""
    checks = {"database": database_ok(), "cache": cache_ok()}
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    return JsonResponse(body, status=200 if all(checks.values()) else 503)
