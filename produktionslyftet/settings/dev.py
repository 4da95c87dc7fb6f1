"""Local development: debug on, a throwaway secret, mail to the console."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-c6c0b8a0f8a94c6d9d3f")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# No page cache: a changed template or view shows on the next reload.
PAGE_CACHE_SECONDS = 0
