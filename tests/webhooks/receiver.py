"""A real HTTP receiver on loopback for the webhook tests: records every POST, checks its
signature with the endpoint's secret, and answers the statuses it is told to."""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from news.webhooks.signing import verify


@dataclass
class Received:
    headers: dict
    body: bytes
    signed: bool

    @property
    def json(self):
        return json.loads(self.body)


@dataclass
class Receiver:
    secret: str
    port: int = 0
    statuses: list = field(default_factory=list)  # answered in turn, then 200
    requests: list = field(default_factory=list)
    server: ThreadingHTTPServer | None = None
    headers: dict = field(default_factory=dict)  # extra response headers (Location)
    delay: float = 0  # seconds before answering

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/hooks/"

    def start(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                signed = verify(receiver.secret, self.headers.get("Webhook-Signature"), body)
                receiver.requests.append(Received(dict(self.headers), body, signed))
                time.sleep(receiver.delay)
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status if signed else 400)
                for name, value in receiver.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def events(self):
        return [request.json["event"] for request in self.requests]
