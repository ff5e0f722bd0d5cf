"""Kniewijs settings. One file; everything that differs per installation comes from the environment.

The embedded default (no DATABASE_URL) is SQLite in WAL mode under ./var, for one runner or a small practice.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from kniewijs.env import (
    env_bool,
    env_int,
    env_json_object,
    env_list,
    env_path,
    env_str,
    secret_from_env_or_file,
)
from kniewijs.web.client_ip import parse_trusted_proxies

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
DATA_DIR = env_path("KNIEWIJS_DATA_DIR", PROJECT_DIR / "var")

DEBUG = env_bool("DEBUG", True)
# DEBUG as configured; pytest-django turns DEBUG off in tests, not this. `kniewijs demo` refuses production.
KNIEWIJS_PRODUCTION = not DEBUG
SECRET_KEY = secret_from_env_or_file("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY (or SECRET_KEY_FILE) is required when DEBUG is off.")
    SECRET_KEY = "kniewijs-local-development-only-not-secret"  # noqa: S105 - DEBUG only, refused above otherwise

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    "kniewijs.selfcheck",  # first: its `check` command (the knee self-check) wraps Django's system check
    "kniewijs.web",
    "kniewijs.pages",
    "kniewijs.accounts",
    "kniewijs.training",
    "kniewijs.recovery",
    "kniewijs.clinic",
    "kniewijs.audit",
    "kniewijs.privacy",
    "kniewijs.api",
    "ninja",
    "kniewijs.clinic.admin_site.TwoFactorAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): physios and admins need TOTP
    "django.contrib.messages.middleware.MessageMiddleware",
    "kniewijs.accounts.session_limits.SessionLimitMiddleware",  # after messages: it says why you were signed out
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before any password check
    "django.contrib.auth.backends.ModelBackend",
]

# Argon2 first: new and changed passwords use it; older hashes are upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# The proxies (addresses or networks) whose X-Forwarded-For is believed, e.g. "127.0.0.1,::1" or "10.0.0.0/8":
# the client is the first address from the right that is not one of them (kniewijs.web.client_ip).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
parse_trusted_proxies(TRUSTED_PROXIES)  # a typo stops start-up instead of making every client the proxy

# Lockout after repeated failures, with a cool-off rather than a permanent lock. Three rules with their own
# limits (kniewijs.accounts.lockout, reasons in docs/decisions.md): this account from this address (5), this
# address for any account (20), this account from addresses it never signed in from (20).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
KNIEWIJS_LOCKOUT_ADDRESS_LIMIT = env_int("KNIEWIJS_LOCKOUT_ADDRESS_LIMIT", 20, minimum=1)
KNIEWIJS_LOCKOUT_ACCOUNT_LIMIT = env_int("KNIEWIJS_LOCKOUT_ACCOUNT_LIMIT", 20, minimum=1)
KNIEWIJS_KNOWN_ADDRESS_DAYS = env_int("KNIEWIJS_KNOWN_ADDRESS_DAYS", 180, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
AXES_HANDLER = "kniewijs.accounts.lockout.LockoutHandler"
AXES_CLIENT_IP_CALLABLE = "kniewijs.web.client_ip.client_key"
# Trying on during a lockout does not move its end.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "kniewijs.accounts.lockout.lockout_response"
# A sign-up link works this long (kniewijs.accounts.signup).
KNIEWIJS_SIGNUP_LINK_HOURS = env_int("KNIEWIJS_SIGNUP_LINK_HOURS", 48, minimum=1)
# Rate limits (kniewijs.web.ratelimits, django-ratelimit) count in the default cache; with the cache
# unreachable they let requests through rather than lock everyone out.
RATELIMIT_FAIL_OPEN = True

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "training:dashboard"
LOGOUT_REDIRECT_URL = "pages:home"

ROOT_URLCONF = "kniewijs.urls"
WSGI_APPLICATION = "kniewijs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kniewijs.web.context.site",
            ],
            # One date format on every page, mail and PDF: |datum and |moment need no {% load %}.
            "builtins": ["kniewijs.web.templatetags.kniewijs"],
        },
    },
]

_database_url = env_str("DATABASE_URL")
if _database_url:
    DATABASES = {
        "default": dj_database_url.parse(
            _database_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0)
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
        )
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "kniewijs.sqlite3",
            # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock up front so
            # two writers queue instead of failing halfway through a transaction.
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # A file, not Django's shared in-memory database: threads in the booking-race test need SQLite's
            # real locking (shared-cache memory databases fail at once instead of waiting for the lock).
            # One file per test process, so two test runs on one machine never share it.
            "TEST": {"NAME": DATA_DIR / f"test_kniewijs_{os.getpid()}.sqlite3"},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A clinic deployment: Redis for the cache (shared by all web nodes) and as Celery's broker.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
CELERY_BROKER_URL = REDIS_URL or None
# How long Redis waits for a worker's acknowledgement before handing a task out again (after a whole worker
# died). Longer than the longest import, or a slow job is run twice (harmless, but the second run waits).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=60),
}
# Sessions live in the database, so any web node can serve any request.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = env_path("MEDIA_ROOT", DATA_DIR / "media")
MEDIA_URL = "/media/"
# The media store: originals, uploads waiting for a worker, export archives. The local MEDIA_ROOT by default
# (several nodes then mount one shared file system there), or any Django storage backend with its options as
# a JSON object, e.g. django-storages' storages.backends.s3.S3Storage and {"bucket_name": "kniewijs-media"}.
STORAGES = {
    "default": {
        "BACKEND": env_str("KNIEWIJS_MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env_json_object("KNIEWIJS_MEDIA_STORAGE_OPTIONS"),
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The embedded default serves static files straight from the apps (no collectstatic step); a deployment
# collects them once and whitenoise serves the compressed, hashed copies.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Requests per minute per API token (api.auth); counted in the shared cache (Redis) in a clinic deployment.
KNIEWIJS_API_RATE_PER_MINUTE = env_int("KNIEWIJS_API_RATE_PER_MINUTE", 120, minimum=1)

# The largest activity file or export zip a runner may upload through the web.
KNIEWIJS_MAX_UPLOAD_BYTES = env_int("KNIEWIJS_MAX_UPLOAD_MB", 500, minimum=1) * 1024 * 1024

# Uploads larger than this are refused before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440, minimum=1024)

SESSION_COOKIE_HTTPONLY = True
# Idle and absolute limits (accounts.session_limits); clinic accounts get the shorter ones.
KNIEWIJS_IDLE_MINUTES = env_int("KNIEWIJS_IDLE_MINUTES", 120, minimum=1)
KNIEWIJS_SESSION_MAX_HOURS = env_int("KNIEWIJS_SESSION_MAX_HOURS", 24 * 14, minimum=1)
KNIEWIJS_CLINIC_IDLE_MINUTES = env_int("KNIEWIJS_CLINIC_IDLE_MINUTES", 30, minimum=1)
KNIEWIJS_CLINIC_MAX_HOURS = env_int("KNIEWIJS_CLINIC_MAX_HOURS", 12, minimum=1)
SESSION_COOKIE_AGE = KNIEWIJS_SESSION_MAX_HOURS * 3600
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind a TLS-terminating proxy: it says which requests came in over HTTPS.
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Exempt from the HTTPS redirect: the load balancer's health check talks plain HTTP on the inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)

# Every page: only our own scripts, styles, images and forms; no frames, no plugins. The templates have no
# inline script or style (PDFs are rendered by WeasyPrint, not a browser), so no 'unsafe-inline' is needed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)

# The key behind the access log's pseudonyms; derived from SECRET_KEY when not set.
KNIEWIJS_PSEUDONYM_KEY = secret_from_env_or_file("KNIEWIJS_PSEUDONYM_KEY")
OTP_TOTP_ISSUER = "Kniewijs"
# The admin never shows a TOTP device's key or QR code (it can still remove a device after a lost phone).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Where the site lives, for links in e-mails sent outside a request (booking reminders).
KNIEWIJS_BASE_URL = env_str("KNIEWIJS_BASE_URL", "http://127.0.0.1:8000")

# Mail prints to the console until a clinic sets EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
# and its server below; the password may come from a file (EMAIL_HOST_PASSWORD_FILE), like SECRET_KEY.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Kniewijs <kniewijs@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = secret_from_env_or_file("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30, minimum=1)
# For the file backend (used by the tests that run a real worker): one file per message in this folder.
EMAIL_FILE_PATH = env_path("EMAIL_FILE_PATH", DATA_DIR / "mail")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "kniewijs.logs.JsonFormatter"},
        # Both hide signed link keys (kniewijs.logs.redact), in messages and in tracebacks.
        "plain": {"()": "kniewijs.logs.RedactingFormatter", "fmt": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env_str("LOG_FORMAT", "plain" if DEBUG else "json"),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
AXES_VERBOSE = False  # its start-up banner and per-login lines add nothing to our logs

# Imports (kniewijs.training.queue, kniewijs.training.quota, docs/training-log.md): how many run at once on
# this installation and per account (the rest wait in the queue, oldest first), how many one account may
# have waiting, what one upload may unpack at every level together, and the storage each account has for
# its original files.
KNIEWIJS_IMPORTS_AT_ONCE = env_int("KNIEWIJS_IMPORTS_AT_ONCE", 2, minimum=1)
KNIEWIJS_IMPORTS_PER_ACCOUNT = env_int("KNIEWIJS_IMPORTS_PER_ACCOUNT", 1, minimum=1)
KNIEWIJS_QUEUED_IMPORTS_PER_ACCOUNT = env_int("KNIEWIJS_QUEUED_IMPORTS_PER_ACCOUNT", 20, minimum=1)
KNIEWIJS_UNPACKED_BYTES_PER_UPLOAD = env_int("KNIEWIJS_UNPACKED_MB_PER_UPLOAD", 4096, minimum=1) * 1024 * 1024
KNIEWIJS_STORAGE_QUOTA_BYTES = env_int("KNIEWIJS_STORAGE_QUOTA_MB", 2048, minimum=1) * 1024 * 1024
