"""Settings of the benchmark (bench/run): production settings, served from loopback.

Everything production does (DEBUG off, Redis cache when REDIS_URL is set, the same
middleware and templates), except what needs a deployment: static files are served from the
apps' folders (no collectstatic, no manifest) and HTTPS is not enforced.
"""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-insecure-key")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# The demo Site the benchmark's load_demo makes: the host its requests and purges name
# (bench/servers.py HOST), not the README's runserver address.
os.environ.setdefault("DEMO_SITE_ADDRESS", "localhost:80")

from cms.settings.production import *  # noqa: E402, F403

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
LOG_LEVEL = "ERROR"
LOGGING["root"]["level"] = "ERROR"  # noqa: F405
for _logger in LOGGING.get("loggers", {}).values():  # noqa: F405
    _logger["level"] = "ERROR"
