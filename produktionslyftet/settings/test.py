"""Test runs: fast hashing, media in a temporary folder, no debug."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="produktionslyftet-media-"))
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Editors log in with a password alone; tests/test_two_factor.py switches it on.
TWO_FACTOR_REQUIRED = False
# Each test starts with an empty page cache (tests/conftest.py); memory is enough for one
# process, and the tests that serve the site from several workers set their own. Its own
# LOCATION: two memory caches without one share a store, and emptying one empties both.
CACHES = {
    **CACHES,  # noqa: F405
    PAGE_CACHE_ALIAS: {  # noqa: F405
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
    },
    PAGE_GENERATION_ALIAS: {  # noqa: F405
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "page-generation",
    },
}
