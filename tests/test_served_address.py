"""The demo as the README runs it: a fresh database, `load_demo`, then `runserver` at an
address. Every absolute URL in pages, feeds, the sitemap and the API names that address and
answers there (they used to name http://localhost/, where nothing answered).

Real subprocesses on a file SQLite database in a temporary folder; the address is
127.0.0.1 on a free port, given to load_demo as DEMO_SITE_ADDRESS (the README's default is
127.0.0.1:8000, tests/test_demo.py checks it).
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - a local server
        return response.status, response.read()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    port = free_port()
    address = f"127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "DEMO_SITE_ADDRESS": address,
    }
    env.pop("WAGTAILAPI_BASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True, capture_output=True)
    server = subprocess.Popen(
        [*manage, "runserver", address, "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://{address}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                get(f"{base}/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def absolute_urls_of_an_article(base):
    _status, body = get(f"{base}/en/news/kaunas-learning-city/")
    html = BeautifulSoup(body, "html.parser")
    return [
        html.select_one('link[rel="canonical"]')["href"],
        html.select_one('meta[property="og:url"]')["content"],
        html.select_one('meta[property="og:image"]')["content"],
        *(link["href"] for link in html.select('link[rel="alternate"][hreflang]')),
        *json.loads(html.select_one('script[type="application/ld+json"]').string)["image"],
    ]


def absolute_urls_of_feeds_and_sitemap(base):
    urls = []
    for path in ("/en/rss.xml", "/lt/temos/svietimas/rss.xml"):
        channel = ET.fromstring(get(f"{base}{path}")[1]).find("channel")
        urls += [channel.findtext("link"), *(i.findtext("link") for i in channel.iter("item"))]
    sitemap = ET.fromstring(get(f"{base}/sitemap.xml")[1])
    urls += [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    return urls


def absolute_urls_of_the_api(base):
    listing = json.loads(get(f"{base}/api/v3/articles/?locale=en&limit=2")[1])
    urls = [listing["next"]]
    for item in listing["items"]:
        urls += [item["url"], item["detail_url"], *(t["url"] for t in item["topics"])]
        if item["hero_image"]:
            urls += [r["url"] for r in item["hero_image"]["renditions"].values()]
    detail = json.loads(get(listing["items"][0]["detail_url"])[1])
    if detail["hero_image"]:
        urls += [r["url"] for r in detail["hero_image"]["renditions"].values()]
    topics = json.loads(get(f"{base}/api/v3/topics/?locale=en")[1])
    urls += [topic["url"] for topic in topics["items"]]
    return urls


@pytest.mark.parametrize(
    "collect",
    [absolute_urls_of_an_article, absolute_urls_of_feeds_and_sitemap, absolute_urls_of_the_api],
)
def test_absolute_urls_name_the_served_address_and_answer(served, collect):
    urls = collect(served)
    assert len(urls) >= 5
    wrong = [url for url in urls if not (url or "").startswith(f"{served}/")]
    assert wrong == []
    for url in sorted(set(urls)):
        status, _body = get(url)
        assert status == 200, url
