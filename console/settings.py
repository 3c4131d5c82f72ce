"""Console settings, all from the environment; safe defaults for development."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.utils.translation import gettext_lazy as _

ROOT = Path(__file__).resolve().parents[1]
BASE_DIR = Path(__file__).resolve().parent
PRODUCTION = os.environ.get("BOT_ENV", "development").lower() in ("production", "prod")


def _secret_key() -> str:
    key = os.environ.get("BOT_CONSOLE_SECRET_KEY", "")
    if key:
        return key
    if PRODUCTION:
        # The bot's servers load these settings only for the database; the console itself
        # refuses to start without a key (console.serve), and Django refuses to sign with ''.
        return ""
    path = ROOT / "var" / "console.key"  # development: a random key kept between restarts
    try:
        return path.read_text().strip()
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key


SECRET_KEY = _secret_key()
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("BOT_CONSOLE_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("BOT_CONSOLE_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "console.accounts",
    "console.handover",
    "console.audit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "console.middleware.ContentSecurityPolicy",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "console.middleware.StaffGate",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

ROOT_URLCONF = "console.urls"
WSGI_APPLICATION = "console.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "console.accounts.context.role",
            ]
        },
    }
]


def _database() -> dict:
    """PostgreSQL when ``BOT_CONSOLE_DB_HOST`` (or scale mode's ``BOT_DB_HOST``) is set, else SQLite."""
    scale = "scale" in os.environ.get("BOT_ENDPOINTS", "")
    host = os.environ.get("BOT_CONSOLE_DB_HOST") or (os.environ.get("BOT_DB_HOST") if scale else "")
    if host:
        env = lambda name, default="": os.environ.get(f"BOT_CONSOLE_DB_{name}") or os.environ.get(f"BOT_DB_{name}", default)  # noqa: E731
        return {
            "ENGINE": "django.db.backends.postgresql",
            "HOST": host,
            "PORT": env("PORT", "5432"),
            "NAME": os.environ.get("BOT_CONSOLE_DB_NAME", "console"),  # its own database on the same server
            "USER": env("USER"),
            "PASSWORD": env("PASSWORD"),
        }
    path = Path(os.environ.get("BOT_CONSOLE_SQLITE_PATH", ROOT / "var" / "console.sqlite3"))
    path.parent.mkdir(parents=True, exist_ok=True)
    # Three processes share this file (console, Rasa server, action server): wait for the lock,
    # and take it at the start of a write transaction so none deadlocks.
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"},
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "inbox"

LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Spanish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("BOT_CONSOLE_TIME_ZONE", "UTC")
USE_TZ = True

STATIC_URL = "static/"

# Cookies only over HTTPS, unless explicitly in development on loopback without TLS.
_INSECURE = not PRODUCTION and os.environ.get("BOT_CONSOLE_INSECURE_COOKIES", "1") == "1"
SESSION_COOKIE_SECURE = not _INSECURE
CSRF_COOKIE_SECURE = not _INSECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_AGE = 8 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Login attempts: 5 failures for one account from one address lock that pair for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("BOT_CONSOLE_LOGIN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"

# Two-factor: required for coordinators in production (console.middleware.StaffGate).
OTP_TOTP_ISSUER = "Migrant help bot console"
OTP_REQUIRED_FOR_COORDINATORS = PRODUCTION or os.environ.get("BOT_CONSOLE_REQUIRE_OTP") == "1"

# Nothing of a handover at INFO: Django's own loggers at WARNING and above. The root logger is
# left alone: the Rasa processes, which load these settings too, keep their logging.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "loggers": {"django": {"level": "WARNING"}},
}
