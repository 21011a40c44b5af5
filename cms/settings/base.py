"""Settings shared by every environment; environment-specific modules override them."""

import os
from pathlib import Path

from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _

from .database import default_database

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default):
    return os.environ.get(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


INSTALLED_APPS = [
    "cms",
    "home",
    "news",
    "news.translation",
    # Background queue (admin report, retries, edge cache purges) and publish webhooks.
    "news.queue",
    "news.webhooks",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v3",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
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
    "ninja",
    "corsheaders",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # A request id for every log record of the request (cms/logging.py).
    "cms.logging.RequestIdMiddleware",
    # problem+json for every error under /api/, HTML ones included (cms/middleware.py).
    "cms.middleware.APIProblemMiddleware",
    # TRACE refused, OPTIONS without a body.
    "cms.middleware.HTTPMethodsMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (CONTENT_SECURITY_POLICY below; the admin's in cms/csp.py).
    "cms.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control for anonymous page views (news/caching/headers.py); before SessionMiddleware.
    "news.caching.responses.ResponseCacheMiddleware",  # before the next: see its docstring
    "news.caching.headers.PublicCacheControlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, except that it leaves /api/ alone (no /lt/ redirect of a 404).
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The live preview says it failed instead of answering 500 (cms/middleware.py).
    "cms.middleware.PreviewFailureMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Login rate limiting (AXES_* below); last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
# Where a login goes when its `next` is missing or refused: the admin (not /accounts/profile/).
LOGIN_REDIRECT_URL = "wagtailadmin_home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {"default": default_database(BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login rate limiting (README, "Running in production"): after AXES_FAILURE_LIMIT failed
# logins for one username from one IP address, that pair is locked out for AXES_COOLOFF_TIME
# hours. `manage.py axes_reset` (or axes_reset_username) lifts a lockout early.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the
# address the outermost proxy appended to X-Forwarded-For (cms/client_ip.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.client_ip"
# Page passwords (view restrictions) are limited the same way (cms/page_passwords.py).
PAGE_PASSWORD_FAILURE_LIMIT = AXES_FAILURE_LIMIT
PAGE_PASSWORD_COOLOFF_SECONDS = int(AXES_COOLOFF_TIME * 3600)
AXES_SENSITIVE_PARAMETERS = ["password"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Lithuanian is the source language of the newsroom, English its translation.
LANGUAGE_CODE = "lt"
LANGUAGES = [
    ("lt", _("Lithuanian")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Vilnius"
# British English dates in the English edition (cms/formats/en/formats.py).
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The page editor of a long article with many list items exceeds Django's default of 1000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Kaunas News"
# Slugs are ASCII, transliterated from the title ("Šventė Žaliakalnyje" becomes
# "svente-zaliakalnyje"), as the demo's are: no percent-encoded Lithuanian letters in URLs.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Absolute URLs (canonical, og:url, sitemap, RSS, API) are made from the Site's hostname and
# port (Settings > Sites; README, "The address the site is served at"). load_demo gives the
# demo Site this address: the README's runserver address unless the environment says
# otherwise ("news.example.org:443" for HTTPS on a public host).
DEMO_SITE_ADDRESS = os.environ.get("DEMO_SITE_ADDRESS", "127.0.0.1:8000")
# The API's absolute URLs: the Site's root URL unless this is set (an API served under
# another host than the website, e.g. "https://api.example.org").
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL") or None
# Wagtail's database backend; on PostgreSQL each page is indexed with the text search
# configuration of its language (news/search/backend.py). "lithuanian" ships with PostgreSQL
# 12+; news migration 0003 creates a plain one where it is missing.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "news.search.backend",
        "SEARCH_CONFIGS": {"lt": "lithuanian", "en": "english"},
        "INDEX_CONFIG": "simple",
    }
}

# Caching (README, "Performance"; news/caching/). Redis with REDIS_URL, else local memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "kaunas-news"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Edge caches (Varnish, deploy/varnish/default.vcl) purged on publish, unpublish, move and
# delete: FRONTEND_CACHE_URLS lists where each takes PURGE requests, comma-separated, one per
# host (deploy/README.md); FRONTEND_CACHE_URL is the one-cache form. Each cache is a backend
# named after its address, so that a purge retried for one that failed names it
# (news/queue/purge.py).
FRONTEND_CACHE_URLS = env_list("FRONTEND_CACHE_URLS") or env_list("FRONTEND_CACHE_URL")
WAGTAILFRONTENDCACHE = {
    location: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": location,
    }
    for location in FRONTEND_CACHE_URLS
}
# news.caching.purge computes every URL of every language itself: no per-language URL rewriting.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# Anonymous page views: seconds browsers (max-age) and shared caches (s-maxage) may keep
# them. Purging makes a long edge lifetime safe; without a purger it stays short.
NEWS_CACHE_MAX_AGE = int(os.environ.get("NEWS_CACHE_MAX_AGE", "60"))
NEWS_EDGE_CACHE_MAX_AGE = int(
    os.environ.get("NEWS_EDGE_CACHE_MAX_AGE", "86400" if FRONTEND_CACHE_URLS else "300")
)
# Anonymous responses kept whole until the content changes (news/caching/responses.py).
NEWS_RESPONSE_CACHE = env_bool("NEWS_RESPONSE_CACHE", True)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"

TAGGIT_CASE_INSENSITIVE = True

# Seconds between two runs of Wagtail's publish_scheduled by `manage.py run_scheduler`
# (README, "Scheduled publishing"): a scheduled page goes live or down within this time.
NEWS_SCHEDULER_INTERVAL = int(os.environ.get("NEWS_SCHEDULER_INTERVAL", "30"))

# How many other articles the "More news" block under an article shows.
NEWS_MORE_COUNT = 3
# Articles per page of the news index.
NEWS_PAGE_SIZE = 10
# Articles in the RSS feed and on each home page.
NEWS_FEED_COUNT = 20
NEWS_HOME_COUNT = 4

# Content-Security-Policy (django-csp 4), sent with every response. The public site runs no
# inline script or style: scripts and styles come from this origin, and an inline script
# would need the request's nonce ({{ CSP_NONCE }}, `csp` context processor). The Wagtail
# admin (/admin/) gets CSP_ADMIN_DIRECTIVES on top of this (cms/csp.py, README).
# CSP_EXTRA_ORIGINS: e.g. the S3/CDN origin serving media, comma-separated.
CSP_EXTRA_ORIGINS = env_list("CSP_EXTRA_ORIGINS")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *CSP_EXTRA_ORIGINS],
        "media-src": ["'self'", *CSP_EXTRA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The video players of news.embeds (its PLAYER_ORIGINS): no other site's frames.
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Wagtail 8's admin and wagtail-localize's translation editor render inline <script>
# elements (date pickers, chooser URLs) and style="" attributes without a nonce: the admin
# needs 'unsafe-inline' for both, and blob: images (upload previews). Replaces the
# directives above under /admin/ only.
CSP_ADMIN_DIRECTIVES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *CSP_EXTRA_ORIGINS],
}
# No browser requests to outside services from the admin (also keeps CSP-clean).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Uploads (cms/uploads.py): images are checked by Wagtail (format from the content, matching
# the extension, size, pixels); documents by extension, size and content.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.DocumentForm"

# Logs: JSON lines on stdout with the request id and path (cms/settings/log_config.py).
from .log_config import LOG_LEVEL, LOGGING  # noqa: E402, F401

# Headless content API: Wagtail API v3 at /api/v3/ (see cms/api.py and docs/headless.md).
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# Seconds a shared cache may keep an anonymous API response.
NEWS_API_CACHE_MAX_AGE = int(os.environ.get("NEWS_API_CACHE_MAX_AGE", "60"))
# Browser origins allowed to call the API, comma-separated; none by default.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_EXPOSE_HEADERS = ["ETag"]

# Translation workflow (README, "Translation workflow"). A newly submitted translation starts
# as a draft: wagtail-localize would otherwise publish the new page with the source text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Submitting a page with its subtree translates the pages under it on the background queue,
# with its progress in the admin (news/queue/localize.py).
WAGTAILLOCALIZE_JOBS = {"BACKEND": "news.queue.localize_backend.QueueJobBackend"}
# Deleting an edition: the library's handler only disables translations, and
# news/translation/deletion.py deletes what the library would, but keeps the object's records
# while its source edition remains (a deleted English topic unlinked it from every article).
WAGTAILLOCALIZE_DISABLE_ON_DELETE = True


def machine_translator_from_env():
    """DeepL with DEEPL_API_KEY, else LibreTranslate at LIBRETRANSLATE_URL, else none."""
    if os.environ.get("DEEPL_API_KEY"):
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
        }
    if os.environ.get("LIBRETRANSLATE_URL"):
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"].rstrip("/"),
                "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    return None


DUMMY_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    "OPTIONS": {},
}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()

# Rich text editing: Draftail, with a malformed submission answered by a form error.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "cms.rich_text.TolerantDraftailRichTextArea"},
}


# Background tasks (README, "Running in production"; news/queue/): django-tasks-db's backend
# (index updates once per transaction: news/queue/backends.py), run by `manage.py db_worker`:
# Wagtail's tasks, edge cache purges, webhook deliveries. TASKS_BACKEND=immediate runs each
# task in the process that enqueued it (development's default, the test suite's too).
def tasks_setting(kind):
    backends = {
        "database": "news.queue.backends.DatabaseQueueBackend",
        "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    }
    return {"default": {"BACKEND": backends.get(kind, backends["database"])}}


TASKS = tasks_setting(os.environ.get("TASKS_BACKEND", "database"))
# Seconds before each retry of a failed task (purges): its length bounds the attempts.
TASKS_RETRY_DELAYS = [10, 60, 300, 1800]
# A task left "running" this long (a worker killed mid-task) is run again by
# `manage.py requeue_stale_tasks` (the worker's unit runs it before starting).
TASKS_STALE_AFTER = int(os.environ.get("TASKS_STALE_AFTER", "900"))

# Publish webhooks (news/webhooks/, docs/headless.md): seconds to wait for a receiver, and
# before each retry of a delivery that failed with a 5xx, a timeout or no answer.
WEBHOOKS_TIMEOUT = float(os.environ.get("WEBHOOKS_TIMEOUT", "5"))
WEBHOOKS_RETRY_DELAYS = [30, 120, 600, 3600, 6 * 3600]
# Receivers on loopback or private addresses are refused, unless this is on (development,
# tests, a receiver inside the same private network).
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = os.environ.get(
    "WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", ""
).lower() in ("1", "true", "yes", "on")

# Draft preview in an external front-end (news/preview/, docs/headless.md): the front-end's
# preview route for each locale (HEADLESS_PREVIEW_URL_LT, HEADLESS_PREVIEW_URL_EN), and how
# long the signed token it receives stays valid.
HEADLESS_PREVIEW_URLS = {
    code: os.environ.get(f"HEADLESS_PREVIEW_URL_{code.upper()}", "") for code, _name in LANGUAGES
}
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "600"))
