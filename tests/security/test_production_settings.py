"""Production settings: refuse to start without secrets, pass `check --deploy`, send the
security headers, serve static files with hashed names, and switch media to S3 by setting."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "prod-" + "k3y" * 20  # long and varied enough for check --deploy


def run(args, env=None, **kwargs):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in (
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "AWS_STORAGE_BUCKET_NAME",
            "REDIS_URL",
            # Set by the browser tests' fixture (Playwright); never in a deployment.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        )
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            # Nothing here touches a database; never the one other tests are using.
            "DATABASE_URL": "sqlite:///:memory:",
            **(env or {}),
        }
    )
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


PRODUCTION_ENV = {"SECRET_KEY": SECRET, "ALLOWED_HOSTS": "news.kaunas.example"}


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "news.kaunas.example"}, "SECRET_KEY"),
        ({"SECRET_KEY": SECRET}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "  ", "ALLOWED_HOSTS": "news.kaunas.example"}, "SECRET_KEY"),
    ],
)
def test_refuses_to_start_without_secret_key_or_allowed_hosts(env, missing):
    result = run(["manage.py", "check"], env=env)
    assert result.returncode != 0
    assert f"The {missing} environment variable must be set" in result.stderr


def test_check_deploy_reports_nothing():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "DEBUG"], env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


HEADERS_SCRIPT = textwrap.dedent(
    """
    import json
    import os
    from django.conf import settings
    report = {}
    if not os.environ.get("SETTINGS_ONLY"):
        import django
        django.setup()
        from django.core.management import call_command
        from django.test import Client
        # The shared cache's table (production's database cache), as `migrate` creates it.
        call_command("createcachetable")
        client = Client(HTTP_HOST="news.kaunas.example")
        plain = client.get("/healthz")  # the database is an empty SQLite one: SELECT 1 works
        secure = client.get("/healthz", secure=True)
        report = {
            "plain_status": plain.status_code,
            "secure_status": secure.status_code,
            "headers": dict(secure.headers),
        }
    print(json.dumps({
        **report,
        "settings": {name: getattr(settings, name) for name in (
            "DEBUG", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_SECURE",
            "CSRF_COOKIE_HTTPONLY", "LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_HTTPONLY",
            "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
        )},
        "storages": settings.STORAGES,
        "frontend_caches": {
            name: backend["LOCATION"] for name, backend in settings.WAGTAILFRONTENDCACHE.items()
        },
        "csp_img": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
        "database": {
            name: settings.DATABASES["default"][name]
            for name in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS")
        },
        "database_options": settings.DATABASES["default"].get("OPTIONS", {}),
        "session_engine": settings.SESSION_ENGINE,
    }))
    """
)


def production_report(**env):
    result = run(["-c", HEADERS_SCRIPT], env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_security_headers_and_cookies():
    report = production_report()
    assert report["settings"] == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "LANGUAGE_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_HTTPONLY": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
    }
    # Load balancers probe over plain HTTP: /healthz is not redirected to HTTPS.
    assert report["plain_status"] == 200
    assert report["secure_status"] == 200
    headers = report["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-inline" not in csp
    # Media on the local disk by default.
    assert report["storages"]["default"]["BACKEND"] == (
        "django.core.files.storage.FileSystemStorage"
    )
    assert report["storages"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_s3_media_is_a_settings_change():
    # Settings only: django-storages is an optional extra, not installed for the tests.
    report = production_report(
        SETTINGS_ONLY="1",
        AWS_STORAGE_BUCKET_NAME="kaunas-media",
        AWS_S3_CUSTOM_DOMAIN="media.kaunas.example",
    )
    default = report["storages"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "kaunas-media"
    assert default["OPTIONS"]["custom_domain"] == "media.kaunas.example"
    assert "https://media.kaunas.example" in report["csp_img"]
    # Credentials are never settings: boto3 reads them from the environment.
    assert "access_key" not in json.dumps(default).lower()


@pytest.mark.parametrize(("max_age", "kept"), [(None, 60), ("0", 0), ("300", 300)])
def test_database_connections_are_kept_and_checked(max_age, kept):
    env = {"DATABASE_CONN_MAX_AGE": max_age} if max_age is not None else {}
    # An unset variable, not the one the test run may have.
    environment_max_age = os.environ.pop("DATABASE_CONN_MAX_AGE", None)
    try:
        report = production_report(SETTINGS_ONLY="1", **env)
    finally:
        if environment_max_age is not None:
            os.environ["DATABASE_CONN_MAX_AGE"] = environment_max_age
    assert report["database"] == {"CONN_MAX_AGE": kept, "CONN_HEALTH_CHECKS": True}


@pytest.mark.parametrize(
    ("url_options", "options"),
    [
        ("", "-c jit=off"),
        ("?options=-c%20statement_timeout%3D5000", "-c statement_timeout=5000 -c jit=off"),
        ("?options=-c%20jit%3Don", "-c jit=on"),
    ],
)
def test_postgresql_connections_do_not_compile_queries(url_options, options):
    # Settings only: no connection is made to this database.
    url = f"postgres://kaunas@db.kaunas.example:5432/kaunas{url_options}"
    report = production_report(SETTINGS_ONLY="1", DATABASE_URL=url)
    assert report["database_options"] == {"options": options}


@pytest.mark.parametrize(
    ("redis_url", "engine"),
    [
        ("redis://cache.kaunas.example:6379/0", "django.contrib.sessions.backends.cached_db"),
        ("", "django.contrib.sessions.backends.db"),
    ],
)
def test_sessions_are_read_from_redis_when_there_is_one(redis_url, engine):
    report = production_report(SETTINGS_ONLY="1", REDIS_URL=redis_url)
    assert report["session_engine"] == engine


def test_collectstatic_writes_hashed_compressed_files(tmp_path):
    result = run(
        ["manage.py", "collectstatic", "--noinput", "-v0"],
        env={**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed = manifest["css/site.css"]
    assert hashed != "css/site.css" and hashed.startswith("css/site.")
    assert (tmp_path / hashed).exists()
    assert (tmp_path / f"{hashed}.gz").exists()
    assert "wagtailadmin/js/core.js" in manifest


@pytest.mark.parametrize(
    ("env", "caches"),
    [
        ({}, []),
        ({"FRONTEND_CACHE_URL": "http://127.0.0.1:6081"}, ["http://127.0.0.1:6081"]),
        (  # one Varnish per host (deploy/README.md)
            {"FRONTEND_CACHE_URLS": "http://10.0.0.11:6081, http://10.0.0.12:6081"},
            ["http://10.0.0.11:6081", "http://10.0.0.12:6081"],
        ),
    ],
)
def test_every_edge_cache_is_a_purge_target(env, caches):
    report = production_report(
        SETTINGS_ONLY="1", **{"FRONTEND_CACHE_URL": "", "FRONTEND_CACHE_URLS": "", **env}
    )
    assert report["frontend_caches"] == {location: location for location in caches}
