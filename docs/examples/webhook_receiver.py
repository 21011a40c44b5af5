"""A webhook receiver for Kaunas News, with the standard library only (docs/headless.md).

    WEBHOOK_SECRET=<the endpoint's secret> python docs/examples/webhook_receiver.py 8081

It checks `Webhook-Signature` (HMAC-SHA256 of "<t>.<body>" with the secret, at most five
minutes old), drops a delivery it has already processed (`Webhook-Id`), answers 2xx at once
and leaves the work (a static-site rebuild, a cache purge) to `handle_event`.
"""

import hashlib
import hmac
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 300


def verify(secret, header, body, now=None):
    """True when the `Webhook-Signature` header signs the raw body with the secret."""
    fields = dict(part.split("=", 1) for part in (header or "").split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs((now or time.time()) - timestamp) > TOLERANCE_SECONDS:
        return False  # too old (or from the future): a replay
    expected = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, fields.get("v1", ""))


def handle_event(event):
    print(f"{event['event']}: page {event.get('page_id')} {event.get('url')}", flush=True)


def make_server(port, secret, on_event=handle_event, host="127.0.0.1"):
    seen = set()  # use a database table in production: the ids of processed deliveries

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if not verify(secret, self.headers.get("Webhook-Signature"), body):
                return self.answer(401)
            delivery_id = self.headers.get("Webhook-Id")
            if delivery_id not in seen:
                seen.add(delivery_id)
                on_event(json.loads(body))
            return self.answer(204)

        def answer(self, status):
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    return ThreadingHTTPServer((host, port), Handler)


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8081
    make_server(port, os.environ["WEBHOOK_SECRET"]).serve_forever()
