"""Django settings of the portal, from the environment with safe defaults for a local run (README, "Portal").

PORTAL_DATA        data folder (default: portal-data/ in the checkout, git-ignored): database, uploads, feedback
DATABASE_URL       any database dj-database-url knows (default: SQLite in PORTAL_DATA)
PORTAL_SECRET_KEY  the secret key (default: one generated once and kept in PORTAL_DATA/secret_key)
PORTAL_ALLOWED_HOSTS  comma-separated host names (default: 127.0.0.1,localhost)
PORTAL_SECURE      1 behind HTTPS: secure cookies, HSTS, redirect to HTTPS (production; `check --deploy` passes)
PORTAL_DEBUG       1 for Django's debug pages (never in production)
PORTAL_YEAR        the year departments submit for (default: 2025)
PORTAL_CONFIG      the city configuration file (default: the packaged one)
PORTAL_LOG_LEVEL   the portal's log level on the console (default: WARNING; INFO shows each audit record)
PORTAL_URL         the portal's address as people reach it, for the links in e-mails (default: http://127.0.0.1:8000)
PORTAL_SMTP_HOST   send e-mails through this SMTP server (default: none, e-mails are printed on the console)
PORTAL_SMTP_PORT, PORTAL_SMTP_USER, PORTAL_SMTP_PASSWORD, PORTAL_SMTP_TLS (1: STARTTLS)  the server's details
PORTAL_MAIL_FROM   the sender of the portal's e-mails (default: portale@localhost)
"""
from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django
from csp.constants import NONE, SELF

from report.texts import pair

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("PORTAL_DATA") or BASE_DIR.parent / "portal-data").resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _secret_key() -> str:
    if os.environ.get("PORTAL_SECRET_KEY"):
        return os.environ["PORTAL_SECRET_KEY"]
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64), encoding="ascii")
        path.chmod(0o600)
    return path.read_text(encoding="ascii").strip()


SECRET_KEY = _secret_key()
DEBUG = _flag("PORTAL_DEBUG")
SECURE = _flag("PORTAL_SECURE")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("PORTAL_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
                 if h.strip()]
PORTAL_YEAR = int(os.environ.get("PORTAL_YEAR", "2025"))
PORTAL_CONFIG = os.environ.get("PORTAL_CONFIG") or None
PORTAL_MAX_BYTES = 20 * 1024 * 1024
PORTAL_URL = os.environ.get("PORTAL_URL", "http://127.0.0.1:8000")

# E-mail: SMTP when a server is given, else the console (a local demo prints the e-mails). Django 6.1 takes the
# mailer from MAILERS (its EMAIL_* settings are deprecated); Django 5.2 (the Python 3.11 fallback) from EMAIL_*.
_SMTP_HOST = os.environ.get("PORTAL_SMTP_HOST", "")
_SMTP = {"host": _SMTP_HOST, "port": int(os.environ.get("PORTAL_SMTP_PORT", "25")),
         "username": os.environ.get("PORTAL_SMTP_USER", ""), "password": os.environ.get("PORTAL_SMTP_PASSWORD", ""),
         "use_tls": _flag("PORTAL_SMTP_TLS"), "timeout": 20}
_MAIL_BACKEND = ("django.core.mail.backends.smtp.EmailBackend" if _SMTP_HOST
                 else "django.core.mail.backends.console.EmailBackend")
if django.VERSION >= (6, 1):
    MAILERS = {"default": {"BACKEND": _MAIL_BACKEND, "OPTIONS": _SMTP if _SMTP_HOST else {}}}
else:
    EMAIL_BACKEND = _MAIL_BACKEND
    EMAIL_HOST, EMAIL_PORT, EMAIL_TIMEOUT = _SMTP["host"], _SMTP["port"], _SMTP["timeout"]
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS = _SMTP["username"], _SMTP["password"], _SMTP["use_tls"]
DEFAULT_FROM_EMAIL = os.environ.get("PORTAL_MAIL_FROM", "portale@localhost")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "axes",
    "csp",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.body_limit",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.italian_first",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.template.context_processors.i18n",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]

DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{DATA_DIR / 'portal.sqlite3'}",
                                               conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Uploads of several people at once: writers wait for each other (WAL, a 20 s busy timeout) instead of failing
    # with "database is locked"; the test database is a file too, so that the tests see the same behaviour.
    # IMMEDIATE: a transaction takes the write lock when it begins, so one that reads first never fails to upgrade
    # ("database is locked" at once, without waiting, as the desk's load benchmark showed).
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, init_command="PRAGMA journal_mode=WAL;",
                                                          transaction_mode="IMMEDIATE")
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:home"

# Repeated failed logins lock the account (the e-mail, whatever the address) for a while.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/locked.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "it"
LANGUAGES = [("it", "Italiano"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Rome"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"   # empty: whitenoise serves from the finders
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True   # served straight from the package: no collectstatic step
STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# Uploads: larger bodies are refused by portal.middleware before they are read; files go to disk, not memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 0
FILE_UPLOAD_TEMP_DIR = DATA_DIR / "tmp"
FILE_UPLOAD_TEMP_DIR.mkdir(exist_ok=True)
FILE_UPLOAD_PERMISSIONS = 0o600

# Cookies and headers.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_AGE = 8 * 3600
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None

# No inline script anywhere; the report's own stylesheet embeds its fonts as data: URIs.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": [SELF], "script-src": [SELF], "style-src": [SELF], "img-src": [SELF, "data:"],
    "font-src": [SELF, "data:"], "frame-src": [SELF], "frame-ancestors": [SELF], "form-action": [SELF],
    "base-uri": [NONE], "object-src": [NONE],
}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.TokenAuthentication",
                                       "rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.MultiPartParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "portal.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{pair('portal.name').both()} API",
    "DESCRIPTION": "Submissions of the department workbooks: upload, findings, feedback (docs/portal-api.md).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

LOGGING = {
    "version": 1, "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"portal": {"handlers": ["console"], "level": os.environ.get("PORTAL_LOG_LEVEL", "WARNING")},
                "django.request": {"handlers": ["console"], "level": "ERROR"}},
}

# axes.W006 asks for the IP address among the lockout parameters; the issue asks to lock the account itself
# (attackers rotating addresses or user agents still hit the same account's counter).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
