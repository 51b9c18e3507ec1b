"""masthead's one settings module.

The embedded default (no environment at all) runs on one machine with SQLite, local-memory
cache and a database task queue. Environment variables, each documented in README.md, move
any concern to its scale-out service. MASTHEAD_ENV=production turns on the checks that
protect a public server and requires the secrets such a server must have.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url

from masthead.config.env import ConfigError, Env
from masthead.publishing.lite.style import style_source_hash as lite_style_source_hash

env = Env()

PACKAGE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env.str("MASTHEAD_VAR_DIR", str(PACKAGE_DIR.parent / "var"))).resolve()

MASTHEAD_ENV = env.choice("MASTHEAD_ENV", "development", ("development", "production"))
PRODUCTION = MASTHEAD_ENV == "production"

if PRODUCTION:
    SECRET_KEY = env.required_str("SECRET_KEY", "when MASTHEAD_ENV=production")
    if len(SECRET_KEY) < 50:
        raise ConfigError("SECRET_KEY must be at least 50 random characters in production.")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ConfigError(
            "ALLOWED_HOSTS is required when MASTHEAD_ENV=production"
            " (comma-separated host names, e.g. news.example.org)."
        )
else:
    SECRET_KEY = env.str("SECRET_KEY", "development-only-key-never-used-in-production-0123456789")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])

DEBUG = env.bool("DEBUG", False)
if PRODUCTION and DEBUG:
    raise ConfigError("DEBUG must be off when MASTHEAD_ENV=production.")

PORT = env.int("PORT", 8000, minimum=1, maximum=65535)
_default_base_url = f"http://127.0.0.1:{PORT}"
BASE_URL = (env.url("MASTHEAD_BASE_URL", _default_base_url, ("http", "https")) or "").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
CSRF_TRUSTED_ORIGINS = [BASE_URL]

INSTALLED_APPS = [
    "masthead.core",
    "masthead.journalism",
    "masthead.journalism.weather",
    "masthead.metrics",
    "masthead.search",
    "masthead.audience",
    "masthead.newsletters",
    "masthead.publishing",
    "masthead.demo",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "masthead.core.middleware.EditionLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "masthead.config.urls"
WSGI_APPLICATION = "masthead.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "masthead.journalism.context_processors.edition",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------
DATABASE_URL = env.url(
    "DATABASE_URL",
    f"sqlite:///{VAR_DIR / 'masthead.sqlite3'}",
    ("sqlite", "postgres", "postgresql", "pgsql"),
)
_database = dj_database_url.parse(DATABASE_URL or "", conn_max_age=60, conn_health_checks=True)
if _database["ENGINE"] == "django.db.backends.sqlite3":
    Path(_database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers and the task worker run while a write commits; IMMEDIATE takes the
    # write lock at BEGIN so two writers queue instead of failing with "database is locked".
    # Connections are kept between requests like PostgreSQL's: opening one and setting its
    # pragmas cost more than the rest of a cached page's queries.
    _database["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USING_POSTGRES = _database["ENGINE"].startswith("django.db.backends.postgresql")

# --- Cache, counters, rate limits -----------------------------------------------------
REDIS_URL = env.url("REDIS_URL", None, ("redis", "rediss", "unix"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "masthead.core.cache.TolerantRedisCache",  # Redis down: a miss
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "masthead",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Wagtail writes every picture size it hands out to this cache, pickled, even one it was
# given already read: that was a tenth of a story page's render. Sizes are read with the
# page instead (in bulk for a build), and rendered pages are kept (docs/decisions/0015).
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# --- Background tasks -----------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Periodic jobs (scheduled publishing, ...) run from the worker's scheduler; seconds.
MASTHEAD_SCHEDULER_TICK = env.int("MASTHEAD_SCHEDULER_TICK", 15, minimum=1, maximum=3600)
# The queue's loggers: a failed task and up. `masthead worker -v 2` shows every task run.
MASTHEAD_TASK_LOG_LEVEL = "WARNING"

# --- Languages and editions -----------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("my", "Burmese")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
MASTHEAD_DISPLAY_TIME_ZONE = env.str("MASTHEAD_DISPLAY_TIME_ZONE", "Asia/Yangon")

# --- Static files, media, published pages ----------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Webfonts copied from npm packages by scripts/build-assets (never committed). Without npm
# the folder is absent and reader pages fall back to the reader's own Myanmar fonts.
if (PACKAGE_DIR / "static_build").is_dir():
    STATICFILES_DIRS.append(PACKAGE_DIR / "static_build")
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Proxies whose X-Forwarded-For is believed (nginx on the same machine, by default).
MASTHEAD_TRUSTED_PROXIES = env.list("MASTHEAD_TRUSTED_PROXIES", ["127.0.0.1", "::1"])
# Where the site is also reachable as an onion service: sent as Onion-Location on every page.
MASTHEAD_ONION_URL = (env.url("MASTHEAD_ONION_URL", None, ("http", "https")) or "").rstrip("/")
PUBLISHED_ROOT = Path(env.str("MASTHEAD_PUBLISHED_ROOT", str(VAR_DIR / "published")))
# A URL asked for again within this many milliseconds is rendered once, after the last ask...
MASTHEAD_PUBLISH_QUIET_MS = env.int("MASTHEAD_PUBLISH_QUIET_MS", 300, maximum=60_000)
# ...but never waits longer than this for a burst of edits to end.
MASTHEAD_PUBLISH_MAX_WAIT_MS = env.int("MASTHEAD_PUBLISH_MAX_WAIT_MS", 5000, maximum=600_000)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env.str("MASTHEAD_SITE_NAME", "masthead")
WAGTAILIMAGES_IMAGE_MODEL = "journalism.NewsImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "masthead.journalism.image_forms.NewsImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_COMMENTS_ENABLED = True
TAGGIT_CASE_INSENSITIVE = True
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "json", "xlsx", "docx", "odt", "zip"]

# --- Email ------------------------------------------------------------------------------
EMAIL_URL = env.url("EMAIL_URL", f"file://{VAR_DIR / 'mail'}", ("smtp", "smtps", "file", "console"))
_email = urlsplit(EMAIL_URL or "")
if _email.scheme in {"smtp", "smtps"}:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or ""
    EMAIL_PORT = _email.port or (465 if _email.scheme == "smtps" else 587)
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_SSL = _email.scheme == "smtps"
    EMAIL_USE_TLS = not EMAIL_USE_SSL and parse_qs(_email.query).get("tls", ["1"])[0] != "0"
    EMAIL_TIMEOUT = 10
elif _email.scheme == "console":
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = _email.path
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MASTHEAD_CONTACT_EMAIL = env.str("MASTHEAD_CONTACT_EMAIL", DEFAULT_FROM_EMAIL)

# --- Security -------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's live preview shows the page in a same-origin frame; nothing else may frame us.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
HTTPS = env.bool("MASTHEAD_HTTPS", PRODUCTION)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("MASTHEAD_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

CONTENT_SECURITY_POLICY = {
    # The admin brings its own inline scripts and styles; reader pages allow only ours.
    "EXCLUDE_URL_PREFIXES": ("/admin/",),
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        # The light edition's one inline style, allowed by its hash and nothing else inline.
        "style-src": ["'self'", lite_style_source_hash()],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Readers log in through their edition's own login page (the name is resolved in the
# edition's language); editors reach the admin's own through WAGTAILADMIN_LOGIN_URL's default.
LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL  # pages restricted to logged-in readers

# --- Reader accounts (docs/decisions/0017-reader-accounts.md) ------------------------------
# django-allauth, under /accounts/ and /my/accounts/. A session (and its cookie) exists only
# once a reader logs in; the CSRF cookie only once a reader opens an account page.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "masthead.audience.adapter.ReaderAccountAdapter"
ACCOUNT_FORMS = {
    "login": "masthead.audience.forms.LoginForm",
    "signup": "masthead.audience.forms.SignupForm",
    "add_email": "masthead.audience.forms.AddEmailForm",
    "change_password": "masthead.audience.forms.ChangePasswordForm",
    "reset_password": "masthead.audience.forms.PasswordResetForm",
    "reset_password_from_key": "masthead.audience.forms.ResetPasswordKeyForm",
}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_SESSION_REMEMBER = None  # the reader chooses, on the login form
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""  # the adapter names the edition instead
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if HTTPS else "http"
# allauth's own limits, per address and per account, kept in the cache (Redis when set).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
LOGIN_REDIRECT_URL = "reader_account"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO").upper()},
    # Wagtail logs every page edit and the task queue every task at INFO: too much to read.
    "loggers": {
        "django.request": {"level": "ERROR"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": MASTHEAD_TASK_LOG_LEVEL},
        "django_tasks_db": {"level": MASTHEAD_TASK_LOG_LEVEL},
    },
}

# --- Weather ------------------------------------------------------------------------------
# The header's weather line for one city (docs/decisions/0012-header-facts.md). No city, no
# line. The worker asks the provider every 30 minutes; tests point the URL at a local server.
MASTHEAD_WEATHER_CITY_EN = env.optional_str("MASTHEAD_WEATHER_CITY_EN")
MASTHEAD_WEATHER_CITY_MY = env.optional_str("MASTHEAD_WEATHER_CITY_MY")


def _coordinate(name: str, limit: float) -> float | None:
    value = env.optional_str(name)
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise ConfigError(f"{name} must be a number of degrees, not {value!r}.") from None
    if not -limit <= number <= limit:
        raise ConfigError(f"{name} must be between -{limit:g} and {limit:g}, not {value}.")
    return number


MASTHEAD_WEATHER_LATITUDE = _coordinate("MASTHEAD_WEATHER_LATITUDE", 90)
MASTHEAD_WEATHER_LONGITUDE = _coordinate("MASTHEAD_WEATHER_LONGITUDE", 180)
if (MASTHEAD_WEATHER_CITY_EN or MASTHEAD_WEATHER_CITY_MY) and (
    MASTHEAD_WEATHER_LATITUDE is None or MASTHEAD_WEATHER_LONGITUDE is None
):
    raise ConfigError(
        "MASTHEAD_WEATHER_LATITUDE and MASTHEAD_WEATHER_LONGITUDE are required"
        " when a weather city is set."
    )
MASTHEAD_WEATHER_URL = env.url(
    "MASTHEAD_WEATHER_URL", "https://api.open-meteo.com/v1/forecast", ("http", "https")
)
MASTHEAD_WEATHER_TIMEOUT = 5  # seconds to connect, and to wait for each read

# --- Reading time -----------------------------------------------------------------------
MASTHEAD_READING_SYLLABLES_PER_MINUTE = env.int(
    "MASTHEAD_READING_SYLLABLES_PER_MINUTE", 300, minimum=50, maximum=2000
)
MASTHEAD_READING_WORDS_PER_MINUTE = env.int(
    "MASTHEAD_READING_WORDS_PER_MINUTE", 230, minimum=50, maximum=2000
)

# --- Search -------------------------------------------------------------------------------
# Requests per client and minute to the live search endpoint and to the search page; more
# get a 429 with Retry-After. Many readers may share one address (NAT, Tor): be generous.
MASTHEAD_SEARCH_LIVE_PER_MINUTE = env.int(
    "MASTHEAD_SEARCH_LIVE_PER_MINUTE", 120, minimum=1, maximum=100_000
)
MASTHEAD_SEARCH_PAGE_PER_MINUTE = env.int(
    "MASTHEAD_SEARCH_PAGE_PER_MINUTE", 60, minimum=1, maximum=100_000
)
MASTHEAD_SERVE_MEDIA = env.bool("MASTHEAD_SERVE_MEDIA", True)
# The embedded default serves static files straight from the package, with no collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
