import os

from .base import *  # noqa: F403
from .base import tasks_setting

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# The kept translation statuses are left out of the migrations' data that transactional tests
# restore (tests/conftest.py): the triggers note every restored row already, and a restored
# note would take an id they have just used.
TEST_NON_SERIALIZED_APPS = ["news.translation"]
# Tests never call a translation service.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_MACHINE_TRANSLATOR  # noqa: F405

# Serve static files from the apps' folders, as in development: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Pages are rendered for every request: tests check what rendering shows and costs. Kept
# responses have tests of their own (tests/caching/test_responses.py), and every test that
# serves the site from gunicorn runs them as production does (tests/caching/).
NEWS_RESPONSE_CACHE = False

# Login rate limiting is off for the suite (tests log in with force_login or client.login,
# which passes no request to django-axes); tests/security turns it on where it is tested.
AXES_ENABLED = False

# Tasks run at once unless a test switches to the database backend (tests/queue: a real
# worker process, started with TASKS_BACKEND=database). Retries come at once too.
TASKS = tasks_setting(os.environ.get("TASKS_BACKEND", "immediate"))
TASKS_RETRY_DELAYS = [0, 0, 0]
WEBHOOKS_RETRY_DELAYS = [0, 0, 0]
WEBHOOKS_TIMEOUT = 2
# Webhook receivers on loopback (a local front-end, the tests' receivers).
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
