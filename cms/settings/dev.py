import os

from .base import *  # noqa: F403
from .base import tasks_setting

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A real machine translator when one is configured, wagtail-localize's dummy one otherwise.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = WAGTAILLOCALIZE_MACHINE_TRANSLATOR or DUMMY_MACHINE_TRANSLATOR  # noqa: F405
# Tasks run at once, inside the request, unless TASKS_BACKEND=database (then start
# `manage.py db_worker` beside runserver, README "Development").
TASKS = tasks_setting(os.environ.get("TASKS_BACKEND", "immediate"))
# Webhook receivers on loopback (a local front-end, the tests' receivers).
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
