"""Every address the old site gave an item, and which item an internal link points at.

A link is internal when it is root-relative or its host is the old site's (or one of its
language domains, with or without ``www.``). It can name an item by its permalink (with a
``/en/`` directory, a ``?lang=en`` parameter or dates in it), a shortlink (``?p=``,
``?page_id=``, ``?attachment_id=``), an old slug (``_wp_old_slug``), an attachment page, or
an uploaded file (``/wp-content/uploads/...``, resized variants included).
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

UPLOADS = "/wp-content/uploads/"
_ID_PARAMETERS = ("p", "page_id", "attachment_id", "preview_id")
_DATED_UPLOAD = re.compile(r"^/(\d{4}/\d{2}/.+)$")


@dataclass(frozen=True)
class Target:
    kind: str  # "item", "file", "external", "unresolved"
    wp_id: int = 0
    file: str = ""  # a path relative to the uploads folder
    href: str = ""


def _host(netloc):
    host = netloc.lower().split("@")[-1].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def path_key(path, query=""):
    """The key of an address: decoded path without trailing slash, plus its ``lang``."""
    path = unquote(path or "/").rstrip("/").lower() or "/"
    language = parse_qs(query).get("lang", [""])[0].lower()
    return f"{path}?lang={language}" if language else path


class LinkIndex:
    def __init__(self, site_url, extra_urls=()):
        self.site_url = site_url.rstrip("/")
        self.hosts = {_host(urlsplit(url).netloc) for url in (site_url, *extra_urls) if url}
        self.hosts.discard("")
        self.by_key = {}  # path key -> wp id
        self.by_slug = {}  # slug -> set of wp ids
        self.ids = set()
        self.old_paths = {}  # wp id -> [old path with query]

    def add_item(self, item, include_paths=True):
        self.ids.add(item.wp_id)
        if not include_paths:
            return
        paths = []
        for url in (item.link, item.guid):
            parts = urlsplit(url)
            if not url or not self.is_internal(parts):
                continue
            query = parse_qs(parts.query)
            if any(name in query for name in _ID_PARAMETERS):
                continue  # a shortlink, found by its id
            self.by_key.setdefault(path_key(parts.path, parts.query), item.wp_id)
            if url == item.link:
                paths.append(_with_query(parts.path, parts.query))
                for old_slug in item.meta.get("_wp_old_slug", []):
                    old_path = _replace_slug(parts.path, old_slug)
                    if old_path:
                        self.by_key.setdefault(path_key(old_path, parts.query), item.wp_id)
                        paths.append(_with_query(old_path, parts.query))
        if item.slug:
            self.by_slug.setdefault(item.slug.lower(), set()).add(item.wp_id)
        self.old_paths[item.wp_id] = list(dict.fromkeys(paths))

    def is_internal(self, parts):
        if parts.scheme and parts.scheme not in ("http", "https"):
            return False
        if parts.netloc:
            return _host(parts.netloc) in self.hosts
        return parts.path.startswith("/") or parts.query != ""

    def absolute(self, href):
        """An internal root-relative address as an absolute one on the old site."""
        if href.startswith("/") and not href.startswith("//"):
            return self.site_url + href
        return href

    def resolve(self, href):
        href = (href or "").strip()
        parts = urlsplit(href)
        if not href or href.startswith("#") or not self.is_internal(parts):
            return Target("external", href=href)
        query = parse_qs(parts.query)
        for name in _ID_PARAMETERS:
            value = query.get(name, [""])[0]
            if value.isdigit() and int(value) in self.ids:
                return Target("item", wp_id=int(value), href=href)
        path = unquote(parts.path)
        if UPLOADS in path:
            return Target("file", file=path.split(UPLOADS, 1)[1], href=href)
        dated = _DATED_UPLOAD.match(path)
        if dated and "." in path.rsplit("/", 1)[-1]:
            return Target("file", file=dated.group(1), href=href)
        key = path_key(parts.path, parts.query)
        found = self.by_key.get(key) or self.by_key.get(path_key(parts.path))
        if found is None:
            slug = path.rstrip("/").rsplit("/", 1)[-1].lower()
            candidates = self.by_slug.get(slug, set())
            found = next(iter(candidates)) if len(candidates) == 1 else None
        if found is not None:
            return Target("item", wp_id=found, href=href)
        return Target("unresolved", href=href)


def _with_query(path, query):
    language = parse_qs(query).get("lang", [""])[0]
    return f"{path}?{urlencode({'lang': language})}" if language else path


def _replace_slug(path, slug):
    trimmed = path.rstrip("/")
    if "/" not in trimmed or not slug:
        return ""
    head = trimmed.rsplit("/", 1)[0]
    return f"{head}/{slug}/"


def uploaded_file(url):
    """The path relative to the uploads folder of an uploaded file's address, or ""."""
    path = unquote(urlsplit(url or "").path)
    if UPLOADS in path:
        return path.split(UPLOADS, 1)[1]
    dated = _DATED_UPLOAD.match(path)
    return dated.group(1) if dated else ""
