"""
Settings shared by every environment.

Everything that differs between machines is read from the environment here, in one
place; ``dev``, ``test`` and ``production`` only override.
"""

import datetime
import email.utils
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import botocore.config
import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_addresses(name):
    """
    ``[(name, address), …]`` as ADMINS takes them, from a comma-separated list of
    ``Name <address>`` or plain addresses: "Ann Berg <ann@example.se>, ops@example.se".
    """
    value = env(name, "").strip()
    pairs = [pair for pair in email.utils.getaddresses([value]) if pair != ("", "")]
    valid = all(re.fullmatch(r"[^@\s<>,]+@[^@\s<>,]+", address) for _, address in pairs)
    if not valid or (value and not pairs):
        raise ImproperlyConfigured(
            f"{name} must be addresses, as Name <address> or address, separated by commas; "
            f"not {value!r}"
        )
    return [(display or address, address) for display, address in pairs]


def env_origins(name):
    """
    Web origins, space- or comma-separated: "https://www.miun.se https://www.ltu.se".
    Each is a scheme and a host (and a port), nothing more: browsers compare them whole.
    """
    origins = [item for item in re.split(r"[\s,]+", env(name, "")) if item]
    for origin in origins:
        parts = urlsplit(origin)
        if (
            parts.scheme not in ("https", "http")
            or not parts.hostname
            or origin != (f"{parts.scheme}://{parts.netloc}")
        ):
            raise ImproperlyConfigured(
                f"{name} must be origins such as https://www.miun.se (a scheme and a host, "
                f"no path or trailing slash), separated by spaces; not {origin!r}"
            )
    return origins


SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The one cookie an anonymous visitor may get, on a page with a form (the interest form, a
# password-protected page): it lasts until the browser closes, not Django's year.
CSRF_COOKIE_AGE = None

INSTALLED_APPS = [
    # The door to the libraries' internals, with a start-up check for each reach.
    "compat",
    "home",
    "search",
    "regions",
    "events",
    "articles",
    "partners",
    "translations",
    "governance",
    "interest",
    "accessibility",
    "operations",
    "accounts",
    # Before caching: a change renews the content's generation before the caches in
    # front are asked to let go, so that they fetch the new page (memory/, caching/).
    "memory",
    "caching",
    "limits",
    "syndication",
    "errands",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # /healthz, answered before the host is checked or HTTPS is asked for: load
    # balancers and Varnish probe by address, over plain HTTP (produktionslyftet/health.py).
    "produktionslyftet.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "produktionslyftet.security.SecurityHeadersMiddleware",
    "produktionslyftet.security.ContentSecurityPolicyMiddleware",
    # CORS for the content API (syndication/), outside the page cache: a kept answer gets
    # the headers of the origin asking for it, not those of the first one.
    "corsheaders.middleware.CorsMiddleware",
    # Static files straight from the application server, before anything else runs.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors' pages from the page cache, before sessions, users or the page
    # tree are looked at (caching/pages.py).
    "caching.pages.PageCacheMiddleware",
    # The site for the request's host, kept rather than looked up (memory/site.py).
    "caching.tree.KeptSiteMiddleware",
    # What a request changed in the translation status is worked out once, at its end.
    "translations.store.StoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The second step of signing in: until an editor who has (or must have) an
    # authenticator app has given a code, the admin asks for it (accounts/middleware.py).
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "caching.headers.CacheHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "translations.middleware.LocalizePermissionsMiddleware",
    # The explorer opens only the part of the page tree the editor works in
    # (governance/explorer.py).
    "governance.explorer.ExplorerMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the response below.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (produktionslyftet/security.py, docs/security.md). The public
# site: scripts, styles and fonts from the site only, no inline script, no eval; images
# from the site and the media host.
MEDIA_HOSTS = [
    host
    for host in [
        env("AWS_S3_CUSTOM_DOMAIN") and f"https://{env('AWS_S3_CUSTOM_DOMAIN')}",
        env("AWS_S3_ENDPOINT_URL"),
    ]
    if host
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_HOSTS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # Only the site itself may frame a public page: Wagtail's page editor frames the
        # site while an editor works ('none' is refused there), no other origin can.
        "frame-ancestors": ["'self'"],
    }
}
# The universities' own sites (syndication/): their pages may read the content API from
# the browser (CORS) and frame a region's embed (frame-ancestors). No other origin may.
UNIVERSITY_ORIGINS = env_origins("UNIVERSITY_ORIGINS")
EMBED_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "frame-ancestors": ["'self'", *UNIVERSITY_ORIGINS],
    }
}
CORS_ALLOWED_ORIGINS = UNIVERSITY_ORIGINS
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
# What one client address may ask of the API a minute, beyond what caches answer.
API_REQUESTS_PER_MINUTE = int(env("API_REQUESTS_PER_MINUTE", "120"))
WAGTAILAPI_LIMIT_MAX = 50
# Wagtail 8's admin writes inline scripts and style attributes, draws previews in a
# same-origin frame, and makes images from blobs while uploading.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *MEDIA_HOSTS],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# The interest form (interest/): mail, spam and how long submissions are kept.
# Mail goes through Django's EMAIL_* settings: SMTP from the environment in production.
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Produktionslyftet <noreply@produktionslyftet.se>")
INTEREST_FALLBACK_EMAIL = env("INTEREST_FALLBACK_EMAIL", "programkontoret@produktionslyftet.se")
INTEREST_MIN_FILL_SECONDS = int(env("INTEREST_MIN_FILL_SECONDS", "3"))
INTEREST_RATE_LIMIT = int(env("INTEREST_RATE_LIMIT", "10"))  # posts per address per hour
# Receipts one mailbox gets a day, however many forms name it: the form is no mail cannon.
INTEREST_RECEIPTS_PER_DAY = int(env("INTEREST_RECEIPTS_PER_DAY", "3"))
INTEREST_RETENTION_DAYS = int(env("INTEREST_RETENTION_DAYS", "730"))
# Days after an event that its registrations are kept (delete_old_registrations).
EVENT_REGISTRATION_RETENTION_DAYS = int(env("EVENT_REGISTRATION_RETENTION_DAYS", "90"))


# Errands (errands/): mail and the caches' purges and bans, out of the request. In the
# background (production's default) each waits in the database for deploy/bin/worker,
# which tries again what fails; otherwise (make run, the tests) each runs at once where it
# is asked for. Wagtail's own tasks (its search index, its references) keep the default.
def errand_backends(in_background):
    immediate = "django_tasks.backends.immediate.ImmediateBackend"
    return {
        "default": {"BACKEND": immediate},
        "errands": {"BACKEND": "django_tasks_db.DatabaseBackend" if in_background else immediate},
    }


ERRANDS_IN_BACKGROUND = env_bool("ERRANDS_IN_BACKGROUND", False)
TASKS = errand_backends(ERRANDS_IN_BACKGROUND)

# Login lockout (produktionslyftet/security.py). django-axes' backend comes first so that
# it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(env("LOGIN_COOLOFF_MINUTES", "15")))
# Locked per username at one client address, and per address whatever the username: a
# stranger's failures lock the stranger's address, never the editor's account elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "limits.clients.client_address"
AXES_LOCKOUT_CALLABLE = "produktionslyftet.security.lockout"
# How many proxies (Varnish, a load balancer) append to X-Forwarded-For in front of the
# application; 0 means the header is not trusted at all.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# Two-step verification (accounts/): administrators and the programme office must set up
# an authenticator app when this is on (production); anyone may. Off by default, so that
# `make run` and the tests log in with a password alone.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
# Password reset mails an hour, per client address and per account (accounts/views.py).
PASSWORD_RESETS_PER_ADDRESS = int(env("PASSWORD_RESETS_PER_ADDRESS", "5"))
PASSWORD_RESETS_PER_ACCOUNT = int(env("PASSWORD_RESETS_PER_ACCOUNT", "3"))

ROOT_URLCONF = "produktionslyftet.urls"
WSGI_APPLICATION = "produktionslyftet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# An embedded SQLite file unless DATABASE_URL names another engine
# (postgres://user:pass@host/db in production and in CI).
# Connections are kept for DB_CONN_MAX_AGE seconds and checked before reuse, so a
# restarted database server costs one failed check, not a failed request.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several workers (or runserver's threads) on one SQLite file: take the write lock at
    # the start of a transaction instead of failing to upgrade to it midway ("database is
    # locked"), wait for it rather than give up, and let reads go on during a write (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Swedish is the source language and lives at /, English at /en/.
LANGUAGE_CODE = "sv"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
]
# Where each language is written for (Open Graph's og:locale): the English is British.
LANGUAGE_TERRITORIES = {"sv": "SE", "en": "GB"}
WAGTAIL_I18N_ENABLED = True
# The project's catalogue, then Swedish for strings the admin's own catalogues leave in
# English (translations/admin_locale); both take precedence over the installed apps'.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "translations" / "admin_locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Let Django itself serve uploaded media: only for local use, never behind a real server.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Media on S3-compatible storage when a bucket is named: original images, renditions and
# documents. Files are never overwritten (a second upload of a name gets a new name), and
# the checksums that newer AWS SDKs add to every request are sent only where the S3 API
# requires them, which S3-compatible services (MinIO, Ceph, most clouds') accept.
if env("AWS_STORAGE_BUCKET_NAME"):
    # django-storages' S3Storage, with documents private (produktionslyftet/storage.py).
    STORAGES["default"] = {"BACKEND": "produktionslyftet.storage.S3MediaStorage"}
    # django-storages reads these settings. They are settings, not the backend's
    # OPTIONS, because Wagtail hands the storage's constructor arguments to a background
    # task when it deletes a file, and neither a secret nor a client config belongs there.
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME") or None
    AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY") or None
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    # Images and renditions are public by URL (a bucket policy or the custom domain's
    # CDN); documents are private objects, reached only through Wagtail's view below.
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_CLIENT_CONFIG = botocore.config.Config(
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )
    # Every document download passes Wagtail's permission checks (private collections,
    # view restrictions) before Wagtail redirects to the object's signed address, which
    # expires within a minute; the bucket sends the file, not a worker.
    WAGTAILDOCS_SERVE_METHOD = "redirect"

# Wagtail's page editor can post more fields than Django's default of 1,000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# A private page's login and password forms, in the site's own look and language.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "security/login.html"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "security/password_required.html"
# The site's name where an editor has not set one in Settings → Sites (home/identity.py).
WAGTAIL_SITE_NAME = env("SITE_NAME", "Produktionslyftet")
# What an authenticator app calls the account it keeps codes for.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Nothing in the admin calls out: no editor's email address (hashed or not) goes to an
# avatar service, and the dashboard asks no outside server for Wagtail's latest version.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Addresses stay plain ASCII in both languages: "Tursamtal i Östersund" becomes
# tursamtal-i-ostersund, as every demo address is, not tursamtal-i-%C3%B6stersund.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database search, ranked in one statement and bounded in time, on
        # SQLite and PostgreSQL (search/backends.py). On PostgreSQL each language is
        # indexed and searched with its own stemming, diacritics folded (the
        # configurations are search/migrations'); SQLite's full-text search folds them
        # and does not stem.
        "BACKEND": "search.backends",
        "SEARCH_CONFIG": "swedish_unaccent",
        "SEARCH_CONFIGS": {"sv": "swedish_unaccent", "en": "english_unaccent"},
        "AUTOCOMPLETE_CONFIG": "simple_unaccent",
    }
}
# A search (the site's or the admin's) is stopped after this long, whatever was asked.
SEARCH_TIMEOUT_MS = int(env("SEARCH_TIMEOUT_MS", "3000"))
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# A decompression bomb (a small file of huge dimensions) is refused before it is decoded.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(env("IMAGES_MAX_PIXELS", str(40_000_000)))
# Every document is a download, never shown inline on the site's origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []

WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# A new translation starts as a draft. wagtail-localize's default publishes it at once
# when the source is live, which puts Swedish text at an English address until someone
# translates it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation in wagtail-localize's editor: DeepL when DEEPL_API_KEY is set,
# otherwise LibreTranslate when LIBRETRANSLATE_URL is set, otherwise none is offered.
if env("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "produktionslyftet.machine_translation.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_API_KEY"), "API_URL": env("DEEPL_API_URL", "")},
    }
elif env("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env("LIBRETRANSLATE_URL"),
            "API_KEY": env("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# The shared cache: Redis when REDIS_URL is set, so that every application server sees
# the same rendition and site-root caches; otherwise memory in each process. The page
# cache (caching/pages.py) must be shared by every worker that serves the site: Redis,
# or else files on the local disk, which every worker process on the machine sees.
# Redis is an optimisation, not a dependency: when it cannot be reached every call
# answers as a miss within milliseconds and the site is built from the database
# (caching/backends.py), and /healthz says "degraded".
PAGE_CACHE_ALIAS = "pages"
# The page cache's generation (caching/pages.py) is kept apart from the pages, where
# no flood of new entries can push it out: losing it would rebuild every page.
PAGE_GENERATION_ALIAS = "page-generation"
# How long a page may be kept; it is rebuilt sooner whenever content changes. 0: off.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", str(60 * 60 * 24)))
# The query parameters public pages read (listings' filters and pages, search, the county
# finder, the calendar's month and archive); a page asked for with any other is served but
# not kept.
PAGE_CACHE_QUERY_PARAMETERS = {
    *("page", "q", "kind", "region", "period", "year", "county", "month", "past")
}
# …and those that the content API reads, under its own address (syndication/api.py).
PAGE_CACHE_QUERY_PARAMETERS_BY_PREFIX = {
    "/api/": {"locale", "region", "kind", "when", "fields", "limit", "offset", "order"},
}
# Rate limits count in Redis when there is one, else in the database (limits/counters.py).
LIMITS_IN_CACHE = bool(env("REDIS_URL"))
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "caching.backends.FailSoftRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "produktionslyftet"),
            "TIMEOUT": 300,
        },
        PAGE_CACHE_ALIAS: {
            "BACKEND": "caching.backends.FailSoftRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "produktionslyftet") + "-pages",
        },
        # A key without expiry: Redis's volatile-* eviction never takes it (deployment.md).
        PAGE_GENERATION_ALIAS: {
            "BACKEND": "caching.backends.FailSoftRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "produktionslyftet") + "-generation",
        },
    }
    # Editors' sessions live in the database, read through Redis: shared by every
    # application server, and not lost when Redis restarts.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "page-cache")),
            "OPTIONS": {"MAX_ENTRIES": int(env("PAGE_CACHE_MAX_ENTRIES", "20000"))},
        },
        # A folder of its own, which the pages' culling never touches.
        PAGE_GENERATION_ALIAS: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "page-cache")) + "-generation",
        },
    }

# What goes wrong leaves a trace. Every log event is one line of JSON on stderr
# (produktionslyftet/logging.py), from the project, Wagtail, the libraries and Django,
# with method, path and status for a failed request and the traceback in one field, at
# LOG_LEVEL and above. gunicorn keeps its own access and error log (deploy/).
LOG_LEVEL = env("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR; not {LOG_LEVEL!r}"
    )
# Who is mailed the traceback of every server error: ADMINS="Ann Berg <ann@example.se>,
# ops@example.se" (none by default), from SERVER_EMAIL.
ADMINS = env_addresses("ADMINS")
# Whom /.well-known/security.txt names for reporting a vulnerability (mailto: or https:);
# the first of ADMINS when unset (produktionslyftet/well_known.py).
SECURITY_CONTACT = env("SECURITY_CONTACT", "")
if SECURITY_CONTACT and not SECURITY_CONTACT.startswith(("mailto:", "https://")):
    raise ImproperlyConfigured(
        f"SECURITY_CONTACT must be a mailto: or https:// address; not {SECURITY_CONTACT!r}"
    )
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_SUBJECT_PREFIX = f"[{WAGTAIL_SITE_NAME}] "
LOGGING = {
    "version": 1,
    # Loggers configured before this (gunicorn's) keep working as they were.
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {"json": {"()": "produktionslyftet.logging.JsonFormatter"}},
    "handlers": {
        "stderr": {"class": "produktionslyftet.logging.StderrHandler", "formatter": "json"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        # Replaces Django's own setup of its loggers, which mails every error of theirs
        # (a bad Host header included) and writes to the console only under DEBUG.
        "django": {"handlers": ["stderr"], "level": LOG_LEVEL, "propagate": False},
        # Server errors, mailed too: django.request logs them with the traceback.
        "django.request": {"handlers": ["mail_admins"] if ADMINS else [], "propagate": True},
        # An errand given up, or one that broke: mailed too (errands/).
        "errands": {"handlers": ["mail_admins"] if ADMINS else [], "propagate": True},
        # Not a line per task run in the web processes (Wagtail runs its own on every
        # save); the worker (db_worker) logs each errand it runs itself.
        "django_tasks": {
            "handlers": ["mail_admins"] if ADMINS else [],
            "level": "WARNING",
            "propagate": True,
        },
    },
}

# Sentry, when SENTRY_DSN is set: every unhandled exception, with its request but no
# personal data (no cookies, user or client address); no performance tracing unless
# SENTRY_TRACES_SAMPLE_RATE asks for a share of requests.
if env("SENTRY_DSN"):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import ignore_logger
    from sentry_sdk.scrubber import DEFAULT_DENYLIST, EventScrubber

    sentry_sdk.init(
        dsn=env("SENTRY_DSN"),
        integrations=[DjangoIntegration()],
        environment=env("SENTRY_ENVIRONMENT") or None,
        send_default_pii=False,
        # The scrubber knows the CSRF header as x_csrftoken; requests carry X-CSRFToken.
        event_scrubber=EventScrubber(denylist=[*DEFAULT_DENYLIST, "x-csrftoken"]),
        traces_sample_rate=float(env("SENTRY_TRACES_SAMPLE_RATE", "0")) or None,
    )
    # A request with a Host the site does not serve (scanners, mostly) is logged, not
    # reported: the log keeps it, and Sentry's quota is for the site's own errors.
    ignore_logger("django.security.DisallowedHost")

# How long a CDN or Varnish (purged on publish) and browsers (never purged, so by
# default they ask again each time and a publish shows on the next page view) may keep a
# public page: caching/headers.py.
HTTP_CACHE_SHARED_SECONDS = int(env("HTTP_CACHE_SHARED_SECONDS", str(60 * 60)))
HTTP_CACHE_BROWSER_SECONDS = int(env("HTTP_CACHE_BROWSER_SECONDS", "0"))
HTTP_CACHE_STALE_SECONDS = int(env("HTTP_CACHE_STALE_SECONDS", "60"))

# The caches in front, purged when pages are published, after the commit: one or more
# HTTP purge endpoints (every Varnish in front; comma-separated) and/or Cloudflare, each
# switched on by its variables (caching/frontend.py).
WAGTAILFRONTENDCACHE = {}
for number, location in enumerate(env_list("FRONTEND_CACHE_PURGE_URL"), start=1):
    WAGTAILFRONTENDCACHE[f"http{number}"] = {
        "BACKEND": "caching.frontend.AfterCommitHTTPBackend",
        "LOCATION": location,
    }
if env("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "caching.frontend.AfterCommitCloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
# Each translation is a page with its own, translated address and purges it itself;
# Wagtail must not rewrite one address into one per language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []
