"""Settings shared by every environment; each value comes from the environment.

local.py, test.py and production.py adjust these for their use. The variables
and their defaults are listed in docs/operations/configuration.md.
"""

from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config import embedded_database
from core.env import env_bool, env_int, env_list, env_optional, env_str

BACKEND_DIR = Path(__file__).resolve().parent.parent.parent
ROOT_DIR = BACKEND_DIR.parent
VAR_DIR = Path(env_str("DOJANG_VAR_DIR", str(ROOT_DIR / "var")))

DEBUG = env_bool("DEBUG", default=False)
# The public address of the site, the one base of every link the product writes
# (PDF QR codes, e-mails, verification answers); see docs/operations/configuration.md.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SECRET_KEY = env_str("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "viewflow",
    "viewflow.workflow",
    "core",
    "directory",
    "documents",
    "approvals",
    "signing",
    "disclosure",
    "portal",
    "audit",
    "notifications",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.api.session.SessionRenewMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [ROOT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# PostgreSQL everywhere: without DATABASE_URL, the embedded server in var/postgres
# (config.embedded_database) is started if needed and used.
_database_url = env_optional("DATABASE_URL") or embedded_database.database_url(VAR_DIR / "postgres")
DATABASES = {
    "default": dj_database_url.parse(
        _database_url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", default=0)
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]

# Korean by default, English beside it.
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [BACKEND_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Seoul")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# The staff web app's build (frontend/dist, `make frontend`), served under /static/app/.
STAFF_APP_DIST = Path(env_str("STAFF_APP_DIST", str(ROOT_DIR / "frontend" / "dist")))
STATICFILES_DIRS = [("app", STAFF_APP_DIST)] if STAFF_APP_DIST.is_dir() else []
# Vite names its files by content hash (index-9igYM7LU.js): cache them for a year.
WHITENOISE_IMMUTABLE_FILE_TEST = r"^.+/app/assets/.+-[A-Za-z0-9_-]{8}\.\w+$"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

REST_FRAMEWORK = {
    # The token class first: DRF answers a missing or wrong credential with 401 and the
    # first class's WWW-Authenticate header (core/api/authentication.py).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.api.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.ErrorAutoSchema",
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.StandardPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    # JSON and multipart bodies within bounds (core/api/parsers.py); forms as DRF parses them.
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "core.api.parsers.BoundedMultiPartParser",
    ],
    "DEFAULT_METADATA_CLASS": "core.api.metadata.FormatsMetadata",
    "PAGE_SIZE": 25,
}
# How deep a JSON body may nest (400 beyond); the API's inputs nest a few levels.
API_JSON_MAX_DEPTH = env_int("API_JSON_MAX_DEPTH", default=32)
SPECTACULAR_SETTINGS = {
    "TITLE": "Dojang API",
    "DESCRIPTION": "E-approval and open-disclosure API of Dojang.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI and Redoc from our own static files, not a CDN: a closed government
    # network reaches no CDN, and "@latest" would change the page under us.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Celery: without a broker the tasks run in process (the embedded default).
CELERY_BROKER_URL = env_optional("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env_optional("CELERY_RESULT_BACKEND") or CELERY_BROKER_URL
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_TIMEZONE = TIME_ZONE
# A worker process is replaced once it holds this many KiB: rendering PDFs leaves
# freed native memory with the allocator (docs/performance.md, "Official PDF").
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=800_000)
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {}
# Without a broker, `manage.py embedded_beat` works the outboxes (PDFs, tagging) and the
# web process wakes it through this socket instead of doing that work in a request;
# empty: every task runs where it is sent (core.dispatch, core.embedded_wake).
EMBEDDED_BEAT_SOCKET = env_str("EMBEDDED_BEAT_SOCKET", str(VAR_DIR / "embedded-beat.sock"))

LDAP_SERVER_URI = env_optional("LDAP_SERVER_URI")

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "dojang@localhost")

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every layout step at INFO; signing.limits listens to those
    # reports itself, so they stay out of the log.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}

HEALTH_CHECK_TIMEOUT_SECONDS = env_int("HEALTH_CHECK_TIMEOUT_SECONDS", default=3)

# The cache holds login-failure counters and rate limits: with several web processes it
# must be shared (CACHE_URL=redis://...), or each process counts on its own.
CACHE_URL = env_optional("CACHE_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Password of every demo login created by seed_demo (documented in README.md); the
# production settings have no default and refuse seed_demo unless it is allowed.
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "dojang-demo")
DEMO_SEED_ALLOWED = True

# Signing: the official PDF's keys, render limits and public verification.
# Every variable and its default is described in docs/operations/signing.md.
# Without SIGNING_PKCS12_PATH or SIGNING_KEY_PATH/SIGNING_CERT_PATH the keys made
# by `manage.py init_signing` under SIGNING_DIR are used (first run, demo, tests).
SIGNING_DIR = Path(env_str("SIGNING_DIR", str(VAR_DIR / "signing")))
# Directory / LDAP (config/settings/ldap.py, docs/operations/ldap.md); the signing keys,
# the organisation as the form prints it, render and verification limits
# (config/settings/signing.py, docs/operations/signing.md).
# Each domain's own values, named after it (config/settings/<domain>.py).
from config.settings.approvals import *  # noqa: E402
from config.settings.disclosure import *  # noqa: E402
from config.settings.ldap import *  # noqa: E402
from config.settings.signing import *  # noqa: E402

if LDAP_SERVER_URI:
    AUTHENTICATION_BACKENDS = [
        "directory.auth.DirectoryLDAPBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    CELERY_BEAT_SCHEDULE["directory-sync"] = {
        "task": "directory.sync",
        "schedule": DIRECTORY_SYNC_INTERVAL_MINUTES * 60.0,
    }
# Login throttling (core/login_throttle.py, docs/operations/configuration.md): every
# attempt of one address, the free failures of a username from one address and the
# doubling wait after them, and the ceilings per address and per username in the window.
LOGIN_THROTTLE_RATE = env_str("LOGIN_THROTTLE_RATE", "30/min")
LOGIN_FREE_FAILURES = env_int("LOGIN_FREE_FAILURES", default=3)
LOGIN_DELAY_BASE_SECONDS = env_int("LOGIN_DELAY_BASE_SECONDS", default=2)
LOGIN_DELAY_MAX_SECONDS = env_int("LOGIN_DELAY_MAX_SECONDS", default=300)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("LOGIN_FAILURE_WINDOW_SECONDS", default=900)
LOGIN_FAILURES_PER_ADDRESS = env_int("LOGIN_FAILURES_PER_ADDRESS", default=50)
LOGIN_FAILURES_PER_USERNAME = env_int("LOGIN_FAILURES_PER_USERNAME", default=500)
# Browser sessions (the staff app) end after this long idle (8 hours, a working day);
# activity renews them, written at most every SESSION_RENEW_SECONDS (core/api/session.py).
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_RENEW_SECONDS = env_int("SESSION_RENEW_SECONDS", default=60)
# API tokens die after this long unused (8 hours); use is written at most every minute.
AUTH_TOKEN_IDLE_SECONDS = env_int("AUTH_TOKEN_IDLE_SECONDS", default=8 * 3600)
AUTH_TOKEN_TOUCH_SECONDS = env_int("AUTH_TOKEN_TOUCH_SECONDS", default=60)

# Audit and notifications: documented in docs/audit.md and docs/notifications.md.
# How many reverse proxies in front of Dojang append to X-Forwarded-For; 0 trusts none.
AUDIT_TRUSTED_PROXY_COUNT = env_int("AUDIT_TRUSTED_PROXY_COUNT", default=0)
# The same count for any DRF throttle; the project's own ask core.request.client_address.
REST_FRAMEWORK["NUM_PROXIES"] = AUDIT_TRUSTED_PROXY_COUNT
AUDIT_VERIFY_CHUNK_SIZE = env_int("AUDIT_VERIFY_CHUNK_SIZE", default=2000)
NOTIFICATIONS_SITE_NAME = env_str("NOTIFICATIONS_SITE_NAME", "Dojang")
# Links in notifications; "{id}" is replaced by the document's (or the request's) id.
# Pages of the staff app under /app/ (not the portal's, whose ids are publications',
# nor the API's JSON): docs/notifications.md.
NOTIFICATIONS_DOCUMENT_URL = env_str("NOTIFICATIONS_DOCUMENT_URL", SITE_URL + "/app/documents/{id}")
NOTIFICATIONS_REQUEST_URL = env_str(
    "NOTIFICATIONS_REQUEST_URL", SITE_URL + "/app/disclosure/requests/{id}"
)
NOTIFICATIONS_EMAIL_BATCH_SIZE = env_int("NOTIFICATIONS_EMAIL_BATCH_SIZE", default=200)
NOTIFICATIONS_EMAIL_TIME_LIMIT_SECONDS = env_int(
    "NOTIFICATIONS_EMAIL_TIME_LIMIT_SECONDS", default=120
)
NOTIFICATIONS_EMAIL_SWEEP_AFTER_MINUTES = env_int(
    "NOTIFICATIONS_EMAIL_SWEEP_AFTER_MINUTES", default=15
)
# Several models have a "kind" field: drf-spectacular needs each choice set named, or it
# warns (and --fail-on-warn fails) once two of them meet in the schema.
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {})
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(  # type: ignore[attr-defined]
    {
        "NotificationKindEnum": "notifications.models.NotificationKind",
        "UnitKindEnum": "directory.models.UnitKind",
        "DocumentKindEnum": "documents.models.DocumentKind",
        "StageKindEnum": "approvals.models.StageKind",
    }
)
if CELERY_BROKER_URL:
    CELERY_BEAT_SCHEDULE["notifications-email-sweep"] = {
        "task": "notifications.email_sweep",
        "schedule": NOTIFICATIONS_EMAIL_SWEEP_AFTER_MINUTES * 60.0,
    }

# Approvals' schedules and schema names; the values are in config/settings/approvals.py.
# The flows live in workflows/, an app so that
# viewflow can store references to its flows and nodes ("workflows/memo.MemoFlow").
INSTALLED_APPS = [*INSTALLED_APPS, "workflows"]
CELERY_BEAT_SCHEDULE["approvals-deadlines"] = {
    "task": "approvals.scan_deadlines",
    "schedule": APPROVALS_DEADLINE_SCAN_MINUTES * 60.0,
}
CELERY_BEAT_SCHEDULE["approvals-workflow-timers"] = {
    "task": "approvals.fire_workflow_timers",
    "schedule": float(APPROVALS_TIMER_SCAN_SECONDS),
}
CELERY_BEAT_SCHEDULE["approvals-idempotency-purge"] = {
    "task": "approvals.purge_idempotency_keys",
    "schedule": 3600.0,
}
# Step and document statuses share the field name "status" in the API schema.
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {})
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(  # type: ignore[attr-defined]
    {
        "StepStatusEnum": "approvals.models.StepStatus",
        "DocumentStatusEnum": "documents.models.DocumentStatus",
        "WithholdingLevelEnum": "disclosure.api.views_scan.WITHHOLDING_LEVELS",
        "LapseEventEnum": "disclosure.models.LapseEventChoices",
    }
)

# Disclosure's schedules; the values are in config/settings/disclosure.py.
CELERY_BEAT_SCHEDULE["disclosure-sweep-pending-tagging"] = {
    "task": "disclosure.sweep_pending_tagging",
    "schedule": 60.0,
}
CELERY_BEAT_SCHEDULE["disclosure-auto-publish"] = {
    "task": "disclosure.auto_publish",
    "schedule": 3600.0,
}
CELERY_BEAT_SCHEDULE["disclosure-ground5-rereview"] = {
    "task": "disclosure.rereview_due",
    "schedule": 6 * 3600.0,
}
CELERY_BEAT_SCHEDULE["disclosure-request-reminders"] = {
    "task": "disclosure.remind_requests",
    "schedule": 3600.0,
}

# The portal (docs/portal.md; its rates in config/settings/disclosure.py); the Kiwi
# analyser is loaded lazily once per process.
INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.sitemaps"]
# Review and request statuses share the field name "status" in the API schema.
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {})
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(  # type: ignore[attr-defined]
    {
        "DisclosureReviewStatusEnum": "disclosure.models.ReviewStatus",
        "DisclosureRequestStatusEnum": "disclosure.models.RequestStatus",
        "DisclosureLevelEnum": "documents.models.DisclosureLevel",
    }
)

# Issuance's queue and sweeps; the values are in config/settings/signing.py.
CELERY_TASK_ROUTES = {"signing.*": {"queue": SIGNING_CELERY_QUEUE}}
CELERY_BEAT_SCHEDULE["signing-sweep-pending-renditions"] = {
    "task": "signing.sweep_pending_renditions",
    "schedule": 60.0,
}
CELERY_BEAT_SCHEDULE["signing-sweep-pending-countersignatures"] = {
    "task": "signing.sweep_pending_countersignatures",
    "schedule": 60.0,
}
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {})
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(  # type: ignore[attr-defined]
    {
        "RenditionStatusEnum": "signing.models.RenditionStatus",
        "RenditionVariantEnum": "signing.models.RenditionVariant",
    }
)

# Documents (docs/documents.md).
DOCUMENT_ATTACHMENT_MAX_BYTES = env_int("DOCUMENT_ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
# The longest multipart body the API reads (413 beyond): the largest file it accepts
# and room for the form around it (core/api/parsers.py).
API_UPLOAD_MAX_BYTES = env_int(
    "API_UPLOAD_MAX_BYTES",
    default=max(DOCUMENT_ATTACHMENT_MAX_BYTES, SIGNING_VERIFY_MAX_BYTES) + 1024 * 1024,
)
