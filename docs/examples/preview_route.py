"""A front-end's preview route for Kaunas News drafts, with the standard library only
(docs/headless.md). Set HEADLESS_PREVIEW_URL_LT=http://127.0.0.1:3000/preview on the CMS.

    CMS_URL=https://cms.example.org python docs/examples/preview_route.py 3000

The page editor's "Front-end" preview opens `/preview?content_type=...&token=...`; this
route asks the CMS's API for that revision with the token and renders it. The answer is
never cached (`Cache-Control: private, no-store`), as the API's is not.
"""

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def fetch_preview(cms_url, query):
    """(status, JSON document) of the CMS's preview endpoint for this query string."""
    params = urllib.parse.parse_qs(query)
    forwarded = {name: params[name][0] for name in ("content_type", "token") if name in params}
    url = f"{cms_url.rstrip('/')}/api/v3/preview/?{urllib.parse.urlencode(forwarded)}"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (CMS_URL)
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def render(status, document):
    if status != 200:
        return f"<h1>Preview unavailable</h1><p>{escape(document.get('detail', ''))}</p>"
    paragraphs = [block["value"] for block in document["body"] if block["type"] == "paragraph"]
    return (
        f"<article><h1>{escape(document['title'])}</h1><p>{escape(document['lead'])}</p>"
        f"{''.join(paragraphs)}</article>"  # rich text: HTML the CMS has sanitised
    )


def make_server(port, cms_url, host="127.0.0.1"):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            path, _sep, query = self.path.partition("?")
            if path != "/preview":
                status, html = 404, "<h1>Not found</h1>"
            else:
                status, document = fetch_preview(cms_url, query)
                html = render(status, document)
            content = f"<!DOCTYPE html><meta charset='utf-8'>{html}".encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Cache-Control", "private, no-store")
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, *args):
            pass

    return ThreadingHTTPServer((host, port), Handler)


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    make_server(port, os.environ["CMS_URL"]).serve_forever()
