"""Production settings: everything secret or site-specific comes from the environment.

Refuses to start without SECRET_KEY and ALLOWED_HOSTS. See README, "Running in production",
for every variable. `manage.py check --deploy` reports nothing with these settings
(tests/security/test_production_settings.py).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, CONTENT_SECURITY_POLICY, DATABASES, STORAGES, env_bool, env_list


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The {name} environment variable must be set in production.")
    return value


DEBUG = False
SECRET_KEY = required_env("SECRET_KEY")
# Keys retired by a rotation: sessions and signed values made with them stay valid.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or required_env("ALLOWED_HOSTS").split(",")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
)

# Persistent database connections: opening one costs every request a few milliseconds
# (a new PostgreSQL backend process, Django's session set-up). A connection is checked before
# a request reuses it, so one the server dropped is replaced instead of failing the request.
# The workers and the scheduler close theirs between tasks (close_old_connections).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Static files: whitenoise serves them with hashed names and compressed copies, from
# STATIC_ROOT, which `manage.py collectstatic` fills at deploy time.
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "static"))
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# Media (images, documents): the local MEDIA_ROOT, served by the web server in front of
# Django (README), or with AWS_STORAGE_BUCKET_NAME an S3-compatible bucket through
# django-storages (`pip install "kaunas-news[s3]"`). Every file goes through Django's storage
# API, so nothing else changes.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment, read
            # by boto3 itself (or an instance role); never in settings.
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
    # Images come from the bucket's origin: let the CSP allow it.
    media_origin = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or os.environ.get(
        "AWS_S3_ENDPOINT_URL", "https://*.amazonaws.com"
    )
    if "://" not in media_origin:
        media_origin = f"https://{media_origin}"
    for directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][directive].append(media_origin.rstrip("/"))
    CSP_ADMIN_DIRECTIVES["img-src"].append(media_origin.rstrip("/"))  # noqa: F405

# HTTPS only, behind a proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
# The admin's JavaScript reads the CSRF token from the page, not from the cookie.
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Wagtail's preview panels frame admin pages; their views allow SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"

# Errors go to the logs (JSON on stdout, base settings); no e-mail unless configured.
ADMINS = [("Admin", address) for address in env_list("ADMIN_EMAILS")]
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", "root@localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", SERVER_EMAIL)
if os.environ.get("EMAIL_HOST"):
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # The same on every host (deploy/README.md); another site's in the same Redis.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "kaunas-news"),
        }
    }
    # Sessions read from Redis, which every host shares, instead of a query on every admin
    # request; written through to the database, so a Redis restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Never a per-process cache (check cms.E001): the listing versions that publishing bumps
    # must reach every gunicorn worker. `migrate` creates the table (cms/migrations/0001).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cms_cache",
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "kaunas-news"),
        }
    }
    # A database cache culls a third of its rows past 300: whole responses would soon push
    # out the listing versions and fragments. Kept responses want Redis.
    NEWS_RESPONSE_CACHE = env_bool("NEWS_RESPONSE_CACHE", False)
