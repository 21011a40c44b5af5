"""Production never runs a per-process cache for shared state (issue 11, found defect 4).

Without REDIS_URL the production settings use Django's database cache, whose table the
`cms` migration creates; a per-process cache is a `check --deploy` error (cms.E001). The
behaviour under several real gunicorn workers is tests/caching/
test_unpublished_everywhere_across_workers.py.
"""

import importlib

import pytest
from django.db import connection

from cms.checks import shared_caches

from .test_production_settings import PRODUCTION_ENV, run

# The suite's session fixtures read the test database, which must exist even here.
pytestmark = pytest.mark.django_db

cache_migration = importlib.import_module("cms.migrations.0001_cache_table")

SHOW_CACHES = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"


def test_production_without_redis_shares_its_cache_through_the_database():
    result = run(["manage.py", "shell", "-c", SHOW_CACHES], env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "django.core.cache.backends.db.DatabaseCache"


def test_production_with_redis_uses_redis():
    env = {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/9"}
    result = run(["manage.py", "shell", "-c", SHOW_CACHES], env=env)

    assert result.stdout.strip().splitlines()[-1] == "django.core.cache.backends.redis.RedisCache"


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
    ],
)
def test_a_per_process_cache_is_a_deploy_error(settings, backend):
    settings.CACHES = {"default": {"BACKEND": backend}}

    errors = shared_caches(None)

    assert [error.id for error in errors] == ["cms.E001"]
    assert "REDIS_URL" in errors[0].hint


def test_shared_caches_pass_the_check(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"}
    }

    assert shared_caches(None) == []


@pytest.mark.django_db(transaction=True)
def test_migrate_creates_the_database_cache_table(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_cms_cache",
        }
    }
    with connection.schema_editor() as editor:
        cache_migration.create_cache_tables(None, editor)
    try:
        assert "test_cms_cache" in connection.introspection.table_names()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE test_cms_cache")
