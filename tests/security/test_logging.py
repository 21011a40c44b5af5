"""Logs: JSON lines on stdout with the request's path and id, never a secret."""

import io
import json
import logging
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_output():
    """What the configured stdout handler of Django's loggers writes, one dict per line."""
    handler = next(h for h in logging.getLogger("django").handlers if h.get_name() == "stdout")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines() if line]
    finally:
        handler.setStream(previous)


def test_error_record_has_path_and_request_id_and_no_secrets(tree, log_output):
    password = "hunter2-Sup3r-s3cret"  # noqa: S105
    # An error whose message holds the SECRET_KEY and the posted password.
    boom = RuntimeError(f"failed with key {settings.SECRET_KEY} and {password}")
    client = Client(raise_request_exception=False)
    with mock.patch("news.models.NewsIndexPage.get_context", side_effect=boom):
        response = client.post(
            "/lt/naujienos/?token=abc",
            {"username": "ada", "password": password},
            HTTP_X_REQUEST_ID="req-42",
        )
    assert response.status_code == 500
    assert response["X-Request-ID"] == "req-42"
    output = log_output()
    errors = [record for record in output if record["level"] == "ERROR"]
    assert errors, output
    record = errors[0]
    assert record["logger"] == "django.request"
    assert record["path"] == "/lt/naujienos/"  # the query string may carry tokens: left out
    assert record["request_id"] == "req-42"
    assert record["method"] == "POST"
    assert record["status_code"] == 500
    assert "RuntimeError" in record["exception"]
    everything = json.dumps(output)
    assert settings.SECRET_KEY not in everything
    assert password not in everything
    assert "[redacted]" in record["exception"]


def test_request_id_generated_when_missing_or_unsafe(tree):
    client = Client()
    generated = client.get("/healthz")["X-Request-ID"]
    assert len(generated) == 32
    assert client.get("/healthz")["X-Request-ID"] != generated
    unsafe = client.get("/healthz", HTTP_X_REQUEST_ID='x"\n{}')["X-Request-ID"]
    assert unsafe != 'x"\n{}' and len(unsafe) == 32


def test_lines_outside_requests_are_json(log_output):
    logging.getLogger("cms.test").warning("plain %s", "message")
    (record,) = log_output()
    assert record["message"] == "plain message"
    assert record["level"] == "WARNING"
    assert "request_id" not in record
