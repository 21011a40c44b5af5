"""Structured logs: one JSON object per line on stdout, tied to the request that caused them.

``RequestIdMiddleware`` gives every request an id: the caller's ``X-Request-ID`` when it is
a plain token (a proxy or load balancer sets one), a new random one otherwise. The id is
sent back in the ``X-Request-ID`` response header and added, with the method and path (never
the query string, which may carry tokens), to every record logged while the request runs.

``JSONFormatter`` writes the records. It never writes the SECRET_KEY, nor the values of
POSTed fields whose names look secret (password, token, key, ...), should a message or a
traceback contain them.
"""

import contextvars
import datetime
import json
import logging
import re
import traceback
import uuid

from django.conf import settings

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_SECRET_FIELD = re.compile(r"pass|secret|token|key|auth|credential|csrf", re.IGNORECASE)
REDACTED = "[redacted]"

_current_request = contextvars.ContextVar("current_request", default=None)


def request_id_from(request):
    supplied = request.META.get("HTTP_X_REQUEST_ID", "")
    if _VALID_REQUEST_ID.match(supplied):
        return supplied
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_from(request)
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        response[REQUEST_ID_HEADER] = request.request_id
        return response


def current_request():
    return _current_request.get()


class RequestContextFilter(logging.Filter):
    """Adds request_id, method and path of the request being served (if any) to a record."""

    def filter(self, record):
        request = getattr(record, "request", None) or current_request()
        if request is not None and hasattr(request, "META"):
            record.request_id = getattr(request, "request_id", None) or request_id_from(request)
            record.method = request.method
            record.path = request.path
            record._secrets = _secrets_of(request)
        return True


class DisallowedHostFilter(logging.Filter):
    """A Host header that is not allowed is the client's mistake (or a scanner's): one
    WARNING line with the first 100 characters of the header, not an ERROR line of any size."""

    MAX_SHOWN = 100

    def filter(self, record):
        message = record.getMessage()
        if len(message) > self.MAX_SHOWN * 2:
            message = message[: self.MAX_SHOWN] + f"... ({len(message)} characters)"
        record.msg, record.args = message, None
        record.exc_info = record.exc_text = None  # the traceback would repeat the header
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def _secrets_of(request):
    """Values POSTed in fields whose names look secret."""
    if request.method != "POST":
        return []
    try:
        post = request.POST
    except Exception:  # noqa: BLE001 - an unreadable body holds nothing to hide here
        return []
    return [
        value
        for name, values in post.lists()
        if _SECRET_FIELD.search(name)
        for value in values
        if value and len(value) >= 4
    ]


class JSONFormatter(logging.Formatter):
    FIELDS = ("request_id", "method", "path", "status_code")

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in self.FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                entry[field] = value
        if record.exc_info:
            entry["exception"] = "".join(traceback.format_exception(*record.exc_info))
        elif record.exc_text:
            entry["exception"] = record.exc_text
        line = json.dumps(entry, ensure_ascii=False, default=str)
        for secret in [getattr(settings, "SECRET_KEY", ""), *getattr(record, "_secrets", [])]:
            if secret:
                # As JSON encodes it, so that quotes or backslashes in it still match.
                line = line.replace(json.dumps(secret)[1:-1], REDACTED)
        return line
