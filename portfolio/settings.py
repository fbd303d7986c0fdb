"""Settings for the portfolio CMS, read from environment variables with embedded defaults.

A fresh clone runs with nothing set: SQLite file, local-memory cache, media in ./media.
"""

import importlib.util
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable, "
            "or set DEBUG=1 for local development (make run does this for you)."
        )
    # Development only: DEBUG is on, so a fixed, clearly insecure key is acceptable.
    SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "markdownx",
    "taggit",
    "reversion",
    "portfolio",
    "people",
    "timeline",
    "publications",
    "importers",
    "backups",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
]

ROOT_URLCONF = "portfolio.urls"
WSGI_APPLICATION = "portfolio.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portfolio.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer commits; IMMEDIATE avoids "database is locked"
    # when two writers meet. Safe defaults for a laptop or a small single-server site.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portfolio"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Operations: /healthz, bounded waits on the database and the cache (README "Operations").
# A database that takes connections and never answers costs a request
# DATABASE_CONNECT_TIMEOUT seconds, then the 503 page; the server cancels a statement
# after DATABASE_STATEMENT_TIMEOUT, well before gunicorn's 30 s worker timeout would kill
# the process mid-request. CONN_HEALTH_CHECKS (on, above) replaces a persistent connection
# that died, so a process serves again as soon as the database is back.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
DATABASE_STATEMENT_TIMEOUT = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "15"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    # What DATABASE_URL's query string sets wins: its connect_timeout, and its own -c
    # options, which come after ours.
    _db_options.setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT)
    if DATABASE_STATEMENT_TIMEOUT > 0:
        _statement_timeout = f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT}s"
        _db_options["options"] = f"{_statement_timeout} {_db_options.get('options', '')}".strip()
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "2"))
if REDIS_URL:
    # Without them redis-py waits for ever on a cache that takes connections and never answers.
    CACHES["default"]["OPTIONS"] = {
        "socket_connect_timeout": REDIS_TIMEOUT,
        "socket_timeout": REDIS_TIMEOUT,
    }
# Probes come by address and over plain HTTP: /healthz is answered before host validation
# (CommonMiddleware) and the HTTPS redirect (SecurityMiddleware), for that path only.
MIDDLEWARE = ["portfolio.health.HealthCheckMiddleware", *MIDDLEWARE]
# The admin's live preview renders at most this much markdown (bytes); more answers 413.
MARKDOWN_PREVIEW_MAX_BYTES = int(os.environ.get("MARKDOWN_PREVIEW_MAX_BYTES", str(200 * 1024)))
# --- end of Operations.

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

SITE_ID = 1
SITE_NAME = os.environ.get("SITE_NAME", "Portfolio")

# --- Deployment: static files and media storage -------------------------------------------
# Everything about where static files and uploads live is in this block.
STATIC_URL = "/static/"
# The image's build collects here (Dockerfile); the smoke test collects into a folder of its own.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME and importlib.util.find_spec("storages") is None:
    raise ImproperlyConfigured(
        "AWS_STORAGE_BUCKET_NAME is set but django-storages is not installed: "
        'pip install ".[s3]" (the Docker image has it).'
    )
if AWS_STORAGE_BUCKET_NAME:
    # S3-compatible object storage for media, shared by every web process (the `s3` extra:
    # pip install ".[s3]"). Credentials come from boto3's usual chain (AWS_ACCESS_KEY_ID and
    # AWS_SECRET_ACCESS_KEY, or an instance role), never from this file.
    default_storage = {
        "BACKEND": "portfolio.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            # Avatars appear on public pages: plain URLs, since signed ones expire (in an
            # hour) while pages and browsers still hold them. Reads must then be public.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
        },
    }
else:
    default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": default_storage,
    "staticfiles": {
        # In production: hashed names (cached for good) with .gz and .br copies next to them,
        # written once by collectstatic and served by WhiteNoise.
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("TESTING", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# --- End of deployment block ------------------------------------------------------------------

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Markdown: one renderer everywhere, the admin's live preview included.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "portfolio.markdown.render_markdown"
MARKDOWNX_MEDIA_PATH = "markdownx/%Y/%m/"
MARKDOWNX_UPLOAD_MAX_SIZE = 5 * 1024 * 1024
MARKDOWNX_UPLOAD_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"]

TAGGIT_CASE_INSENSITIVE = True

# ---- Security: HTTPS, headers, Content Security Policy, login throttling ---------------
# Strict by default; `manage.py check --deploy` is clean with production settings. The apps
# and middleware this needs are added here too, so all of it reads (and changes) in one place.
TESTING = env_bool("TESTING", False)
# X-Forwarded-Proto (and X-Forwarded-For, for login throttling) are believed only when a
# reverse proxy that sets them stands in front: anyone can send them to a bare gunicorn.
TRUST_PROXY_HEADERS = env_bool("TRUST_PROXY_HEADERS", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUST_PROXY_HEADERS else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG and not TESTING)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS += ["csp"]
MIDDLEWARE += ["csp.middleware.CSPMiddleware"]
# No inline script, style or event handler anywhere, the admin's included: scripts and
# stylesheets come from our own origin. Images may also come from any https: address, as
# profiles show badges and pictures hosted elsewhere (and media may live on a bucket's
# domain). JSON-LD blocks are data, not scripts, so script-src does not apply to them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failed attempts in a row, one
# username from one address is locked out for LOGIN_LOCKOUT_MINUTES. Keyed on the pair, so
# an attacker can lock no one else out: other users at that address, and that user
# elsewhere, still log in. The middleware comes last so its lockout page passes through the
# others (and gets the policy above); axes' backend comes first so it sees attempts first.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portfolio.login_throttling.client_ip"
AXES_LOCKOUT_CALLABLE = "portfolio.login_throttling.lockout_response"
# ---- end of security -------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # WeasyPrint (the CV's PDF) warns of every screen-only CSS rule it skips, at each render.
    "loggers": {"weasyprint": {"level": "ERROR"}},
}
