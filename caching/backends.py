"""
Django's Redis cache, failing soft: a Redis that cannot be reached makes the site slower,
never absent (STYLE.md, point 9).

Any error from Redis makes a call answer as Django's DummyCache does, as if nothing were
kept: ``get`` returns the default, ``get_many`` ``{}``, ``set``, ``delete`` and the rest do
nothing, ``add`` reports success and ``incr`` raises ValueError as for a missing key. So
every caller, ours or a library's, sees a miss it already knows how to handle, and builds
from the database: the page cache (caching/pages.py) and what is kept per generation
(fragments.py, tree.py) start a new generation on every read, Django's cached_db sessions
read and write the database, django-axes keeps its lockouts in the database anyway.

A dead Redis must cost little: connections give up within a fraction of a second, and
after a failure this process leaves Redis alone for ``retry_after`` seconds (answering
every call as a miss at once) before it tries again, so it recovers by itself. A warning
is logged when Redis fails, at most once every ``warn_every`` seconds while it stays
down, and another when it answers again.

What a process could not write while Redis was away (a new page-cache generation, a
deleted session, Wagtail's forgotten site root paths) would leave older entries in
Redis to be read once it is back. So a process that lost a write removes every key of
that cache (its KEY_PREFIX, not the whole Redis database) before it uses Redis again.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.retry import Retry

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

# A Redis on the same network answers in well under a millisecond. These bound what an
# unreachable one (a dropped route, a host gone) costs: not the operating system's default
# of minutes. Connection refused (Redis stopped, the host up) fails at once anyway.
CONNECTION_DEFAULTS = {
    "socket_connect_timeout": 0.2,
    "socket_timeout": 0.5,
    # A pooled connection that Redis closed when it restarted fails on its next use:
    # one retry on a fresh connection, at once, so that a restart costs no failure.
    # Not on a timeout, which would only double the wait.
    "retry": Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
}


class Server:
    """What this process knows of one Redis server, shared by every cache that uses it."""

    def __init__(self, name):
        self.name = name
        self.lock = threading.Lock()
        self.down_until = 0.0  # time.monotonic() before which Redis is left alone
        self.failed_at = None  # when the current outage began
        self.warned_at = None
        self.unreported = 0  # failures since the last warning
        self.lost_writes = set()  # key prefixes of caches that lost a write


SERVERS = {}
SERVERS_LOCK = threading.Lock()


def server_for(servers):
    key = tuple(servers)
    with SERVERS_LOCK:
        if key not in SERVERS:
            SERVERS[key] = Server(", ".join(address(url) for url in servers))
        return SERVERS[key]


def address(url):
    """host:port of a Redis URL, without the password it may carry."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return parts.path
    return f"{parts.hostname}:{parts.port or 6379}"


def glob_escape(text):
    """``text`` matched literally in a Redis SCAN pattern."""
    return "".join(f"\\{c}" if c in "*?[]\\" else c for c in text)


class FailSoftRedisCache(RedisCache):
    """Django's RedisCache that answers as a miss, and says so in the log, when Redis fails."""

    retry_after = 5
    warn_every = 60

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = options.pop("retry_after", self.retry_after)
        self.warn_every = options.pop("warn_every", self.warn_every)
        params["OPTIONS"] = {**CONNECTION_DEFAULTS, **options}
        super().__init__(server, params)
        self._server = server_for(self._servers)

    # --- how every call goes -------------------------------------------------------------

    def _attempt(self, call, fallback, *, writes):
        """``call()``'s result, or ``fallback`` when Redis fails or is being left alone."""
        server = self._server
        if time.monotonic() < server.down_until:
            self._note_failure(None, writes)
            return fallback
        try:
            if self.key_prefix in server.lost_writes:
                self._forget_what_was_kept()
            result = call()
        except RedisError as error:
            self._note_failure(error, writes)
            return fallback
        if server.failed_at is not None:
            self._note_recovery()
        return result

    def _note_failure(self, error, writes):
        server = self._server
        if writes:
            server.lost_writes.add(self.key_prefix)
        if error is None:  # left alone, not tried
            return
        now = time.monotonic()
        with server.lock:
            # Any error, not only a lost connection: a Redis that refuses writes (out of
            # memory, a read-only replica after a failover) is left alone for a while too.
            server.down_until = now + self.retry_after
            if server.failed_at is None:
                server.failed_at = now
            server.unreported += 1
            if server.warned_at is not None and now - server.warned_at < self.warn_every:
                return
            server.warned_at, unreported, server.unreported = now, server.unreported, 0
        logger.warning(
            "Redis cache at %s failed (%s: %s); answering as a miss, trying again in %s s "
            "(failed calls since the last warning: %d).",
            server.name,
            type(error).__name__,
            error,
            self.retry_after,
            unreported,
        )

    def _note_recovery(self):
        server = self._server
        with server.lock:
            if server.failed_at is None:
                return
            seconds = time.monotonic() - server.failed_at
            server.failed_at = server.warned_at = None
            server.unreported = 0
        logger.warning("Redis cache at %s answers again, after %.0f s.", server.name, seconds)

    def _forget_what_was_kept(self):
        """Remove every key of this cache: some were to be replaced or removed meanwhile."""
        self._server.lost_writes.discard(self.key_prefix)
        try:
            client = self._cache.get_client(write=True)
            batch = []
            for key in client.scan_iter(match=f"{glob_escape(self.key_prefix)}:*", count=1000):
                batch.append(key)
                if len(batch) == 1000:
                    client.unlink(*batch)
                    batch = []
            if batch:
                client.unlink(*batch)
        except RedisError:
            self._server.lost_writes.add(self.key_prefix)
            raise
        logger.warning(
            "Redis cache %r at %s emptied: it missed writes while it could not be reached.",
            self.key_prefix,
            self._server.name,
        )

    # --- the cache API, each answering as DummyCache does when Redis fails ---------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        return self._attempt(lambda: self._cache.add(key, value, timeout), True, writes=True)

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._attempt(lambda: self._cache.get(key, default), default, writes=False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        self._attempt(lambda: self._cache.set(key, value, timeout), None, writes=True)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        return self._attempt(lambda: self._cache.touch(key, timeout), False, writes=True)

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._attempt(lambda: self._cache.delete(key), False, writes=True)

    def get_many(self, keys, version=None):
        return self._attempt(lambda: RedisCache.get_many(self, keys, version), {}, writes=False)

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._attempt(lambda: self._cache.has_key(key), False, writes=False)

    def incr(self, key, delta=1, version=None):
        key_made = self.make_and_validate_key(key, version=version)
        missing = object()
        value = self._attempt(lambda: self._cache.incr(key_made, delta), missing, writes=True)
        if value is missing:
            raise ValueError(f"Key '{key}' not found.")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(
            lambda: RedisCache.set_many(self, data, timeout, version), [], writes=True
        )

    def delete_many(self, keys, version=None):
        self._attempt(lambda: RedisCache.delete_many(self, keys, version), None, writes=True)

    def clear(self):
        return self._attempt(self._cache.clear, False, writes=True)
