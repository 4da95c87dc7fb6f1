"""
``make run``: the site exactly as production serves it (production settings, DEBUG off,
hashed static files, the application server), on one machine over plain HTTP on
loopback, with media from the local disk.

Only what needs TLS or a second machine differs. The secret key is made once and kept
in ``.secret_key`` beside the checkout (ignored by git), unless SECRET_KEY is set.
"""

import os
import secrets
from pathlib import Path

_key_file = Path(__file__).resolve().parents[2] / ".secret_key"
if not os.environ.get("SECRET_KEY"):
    if not _key_file.exists():
        _key_file.write_text(secrets.token_urlsafe(50))
        _key_file.chmod(0o600)
    os.environ["SECRET_KEY"] = _key_file.read_text().strip()

from .production import *  # noqa: E402, F403
from .production import env_bool, errand_backends  # noqa: E402

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# The demo logins `make run` prints work with their password alone.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# No worker runs beside make run's gunicorn: each errand (errands/) runs where it is asked.
ERRANDS_IN_BACKGROUND = env_bool("ERRANDS_IN_BACKGROUND", False)
TASKS = errand_backends(ERRANDS_IN_BACKGROUND)
