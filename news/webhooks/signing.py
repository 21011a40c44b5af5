"""The signature of a delivery: ``Webhook-Signature: t=<unix time>,v1=<hex>``, where the hex
is HMAC-SHA256, keyed with the endpoint's secret, of ``<t>.<raw body>`` (the scheme of
Stripe's and GitHub's webhooks). docs/examples/webhook_receiver.py verifies it."""

import hashlib
import hmac
import time

SIGNATURE_HEADER = "Webhook-Signature"
ID_HEADER = "Webhook-Id"
EVENT_HEADER = "Webhook-Event"
# A receiver should refuse signatures older than this (replays).
TOLERANCE_SECONDS = 300


def signature(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret, body, timestamp=None):
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def verify(secret, header, body, *, tolerance=TOLERANCE_SECONDS, now=None):
    """True when ``header`` signs ``body`` with ``secret`` and is recent enough."""
    parts = dict(item.split("=", 1) for item in (header or "").split(",") if "=" in item)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    expected = signature(secret, timestamp, body)
    return hmac.compare_digest(expected, parts.get("v1", ""))
