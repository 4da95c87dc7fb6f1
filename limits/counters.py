"""
Limits that hold across worker processes and machines: how many forms an address may send
an hour, how many receipts one mailbox may get a day, that a form's token is used once.

A limit counted in one process's memory is a limit per worker: with four gunicorn workers
a limit of ten lets forty through. So counts are kept where every worker sees them: in
Redis (the default cache) when REDIS_URL is set, and otherwise, or while Redis cannot be
reached, in the database (``Counter``), whose row locks make each increment exact.

    if limits.counters.exceeded("interest-posts", address, limit=10, seconds=3600): ...
    if not limits.counters.first_use("interest-token", token, seconds=86400): ...
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import Counter


def key_for(kind, subject):
    """A fixed-length key: what is counted may be long, odd text or personal data."""
    digest = hashlib.sha256(str(subject).encode("utf-8", "surrogatepass")).hexdigest()
    return f"limits:{kind}:{digest[:40]}"


def increment(kind, subject, seconds):
    """Count one more in the window of ``seconds`` that began with the first; the new count."""
    key = key_for(kind, subject)
    if settings.LIMITS_IN_CACHE:
        counted = increment_in_cache(key, seconds)
        if counted is not None:
            return counted
    return increment_in_database(key, seconds)


def exceeded(kind, subject, limit, seconds):
    """Count this one; True once more than ``limit`` were counted in the window."""
    return increment(kind, subject, seconds) > limit


def first_use(kind, subject, seconds):
    """True the first time ``subject`` is used within ``seconds``, False every time after."""
    return increment(kind, subject, seconds) == 1


def increment_in_cache(key, seconds):
    """The new count from Redis; None when Redis did not answer (its backend fails soft)."""
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key)
    except ValueError:  # Redis unreachable, or the key expired between add and incr
        return None


def increment_in_database(key, seconds):
    now = timezone.now()
    with transaction.atomic():
        updated = Counter.objects.filter(key=key, expires_at__gt=now).update(count=F("count") + 1)
        if updated:
            return Counter.objects.values_list("count", flat=True).get(key=key)
        # A new window: forget what has expired, this key's old window included.
        Counter.objects.filter(expires_at__lte=now).delete()
        try:
            with transaction.atomic():
                Counter.objects.create(
                    key=key, count=1, expires_at=now + datetime.timedelta(seconds=seconds)
                )
            return 1
        except IntegrityError:  # another worker began the window at the same moment
            Counter.objects.filter(key=key).update(count=F("count") + 1)
            return Counter.objects.values_list("count", flat=True).get(key=key)
