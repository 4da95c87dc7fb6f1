"""
Production: every secret comes from the environment, and the site refuses to start
without them. Passes ``manage.py check --deploy``.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env, env_bool, errand_backends

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")

DEBUG = False

# Hashed, compressed static files (collectstatic), served by WhiteNoise with far-future,
# immutable caching.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Keep database connections between requests (checked before reuse: base.py).
DATABASES["default"]["CONN_MAX_AGE"] = int(env("DB_CONN_MAX_AGE", "60"))  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe /healthz over plain HTTP: it is answered before this redirect
# (produktionslyftet/health.py).
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's preview views allow their own same-origin frame; nothing else may be framed.
X_FRAME_OPTIONS = "DENY"
# Administrators and the programme office sign in with a code from an authenticator app
# as well as their password (docs/security.md).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
# Mail and the caches' purges wait in the database for deploy/bin/worker (errands/).
ERRANDS_IN_BACKGROUND = env_bool("ERRANDS_IN_BACKGROUND", True)
TASKS = errand_backends(ERRANDS_IN_BACKGROUND)
