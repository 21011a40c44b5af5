"""/healthz: 200 when the database and the cache answer, 503 otherwise, never a detail."""

from unittest import mock

import pytest
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db


def test_healthy(client):
    response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert client.head("/healthz").status_code == 200
    # Outside i18n_patterns: no language redirect, no session, no cookie.
    assert not response.cookies


def test_database_down(client, caplog):
    with mock.patch(
        "cms.operations.health.connection.cursor",
        side_effect=OperationalError("db.internal:5432 refused"),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert b"db.internal" not in response.content
    assert "Health check failed: database" in caplog.text


def test_cache_down(client, caplog):
    with mock.patch(
        "cms.operations.health.cache.set", side_effect=ConnectionError("redis:6379 refused")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert b"redis" not in response.content
    assert "Health check failed: cache" in caplog.text


def test_cache_answering_wrong(client):
    with mock.patch("cms.operations.health.cache.get", return_value=None):
        assert client.get("/healthz").status_code == 503


def test_only_reads(client):
    assert client.post("/healthz").status_code == 405
