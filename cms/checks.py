"""Deployment checks of the project's own (run by `manage.py check --deploy`)."""

from django.conf import settings
from django.core import checks

# Caches that each process keeps to itself: a listing version bumped on publish in one
# gunicorn worker would never reach the others (README, "Caching").
PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.caches, deploy=True)
def shared_caches(app_configs, **kwargs):
    return [
        checks.Error(
            f"The {alias!r} cache is kept per process ({config['BACKEND']}).",
            hint="Set REDIS_URL, or use a shared cache such as Django's DatabaseCache.",
            id="cms.E001",
        )
        for alias, config in settings.CACHES.items()
        if config.get("BACKEND") in PER_PROCESS_CACHES
    ]
