"""Stream a WordPress eXtended RSS (WXR) export, one item at a time.

``xml.etree.ElementTree.iterparse`` reads the file in chunks; every item is turned into an
``Item`` and its element cleared, so a file of any size costs the memory of one item. The
export is read twice by the importer: once for the index (``Item.light``), once for content.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import unquote

SUPPORTED_VERSIONS = {"1.0", "1.1", "1.2"}
_EXPORT_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/(excerpt/)?$")
_PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
_NO_DATE = "0000-00-00 00:00:00"


class WXRError(Exception):
    """The file is not a WXR export this importer can read."""


@dataclass
class Channel:
    title: str = ""
    link: str = ""
    language: str = ""
    wxr_version: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""

    @property
    def site_url(self):
        """The site's own address (``base_blog_url``; multisite exports name the network in
        ``base_site_url``)."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


@dataclass
class Term:
    taxonomy: str  # category, post_tag or a custom taxonomy
    term_id: int
    slug: str
    name: str
    parent_slug: str = ""
    meta: dict = field(default_factory=dict)


@dataclass
class Author:
    login: str
    display_name: str = ""
    email: str = ""


@dataclass
class Item:
    wp_id: int
    post_type: str
    status: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_name: str = ""
    post_parent: int = 0
    menu_order: int = 0
    post_date: datetime.datetime | None = None  # the site's local time, naive
    post_date_gmt: datetime.datetime | None = None  # aware, UTC
    post_modified_gmt: datetime.datetime | None = None
    password: str = ""
    attachment_url: str = ""
    terms: list = field(default_factory=list)  # (taxonomy, slug, name)
    meta: dict = field(default_factory=dict)  # key -> list of values
    comments: int = 0

    def meta_value(self, key, default=""):
        values = self.meta.get(key)
        return values[0] if values else default

    @property
    def slug(self):
        return unquote(self.post_name or "").strip()

    def light(self):
        """The item without its content: what the index keeps of every item."""
        self.content = ""
        self.excerpt = ""
        return self


def _name(tag):
    """``{namespace}local`` as ``prefix:local`` (``wp:``, ``excerpt:``, ``content:``, ``dc:``)."""
    if not tag.startswith("{"):
        return tag
    namespace, local = tag[1:].split("}", 1)
    match = _EXPORT_NAMESPACE.match(namespace)
    if match:
        return f"{'excerpt' if match.group(1) else 'wp'}:{local}"
    return f"{_PREFIXES.get(namespace, namespace)}:{local}"


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def parse_date(value, aware=True):
    value = (value or "").strip()
    if not value or value == _NO_DATE:
        return None
    try:
        moment = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return moment.replace(tzinfo=datetime.UTC) if aware else moment


def _meta(element, key_name, value_name):
    meta = {}
    for entry in element:
        if _name(entry.tag) not in ("wp:postmeta", "wp:termmeta"):
            continue
        values = {_name(child.tag): (child.text or "") for child in entry}
        meta.setdefault(values.get(key_name, ""), []).append(values.get(value_name, ""))
    return meta


def _item(element):
    fields = {}
    for child in element:
        name = _name(child.tag)
        if name not in fields:
            fields[name] = child.text or ""
    item = Item(
        wp_id=_int(fields.get("wp:post_id")),
        post_type=fields.get("wp:post_type", "").strip(),
        status=fields.get("wp:status", "").strip(),
        title=fields.get("title", ""),
        link=fields.get("link", "").strip(),
        guid=fields.get("guid", "").strip(),
        creator=fields.get("dc:creator", "").strip(),
        content=fields.get("content:encoded", ""),
        excerpt=fields.get("excerpt:encoded", ""),
        post_name=fields.get("wp:post_name", "").strip(),
        post_parent=_int(fields.get("wp:post_parent")),
        menu_order=_int(fields.get("wp:menu_order")),
        post_date=parse_date(fields.get("wp:post_date"), aware=False),
        post_date_gmt=parse_date(fields.get("wp:post_date_gmt")),
        post_modified_gmt=parse_date(fields.get("wp:post_modified_gmt")),
        password=fields.get("wp:post_password", ""),
        attachment_url=fields.get("wp:attachment_url", "").strip(),
        meta=_meta(element, "wp:meta_key", "wp:meta_value"),
    )
    for child in element:
        name = _name(child.tag)
        if name == "category" and child.get("domain"):
            item.terms.append((child.get("domain"), child.get("nicename", ""), _text(child)))
        elif name == "wp:comment":
            item.comments += 1
    return item


def _term(element, name):
    fields = {_name(child.tag): _text(child) for child in element}
    taxonomy = {"wp:category": "category", "wp:tag": "post_tag"}.get(name)
    prefix = {"category": "category", "post_tag": "tag"}.get(taxonomy, "term")
    return Term(
        taxonomy=taxonomy or fields.get("wp:term_taxonomy", ""),
        term_id=_int(fields.get("wp:term_id")),
        slug=unquote(
            fields.get(f"wp:{prefix}_nicename")
            or fields.get(f"wp:{prefix}_slug")
            or fields.get("wp:term_slug", "")
        ),
        name=fields.get(f"wp:{prefix}_name")
        or fields.get("wp:cat_name")
        or fields.get("wp:tag_name")
        or fields.get("wp:term_name", ""),
        parent_slug=fields.get("wp:category_parent") or fields.get("wp:term_parent", ""),
        meta=_meta(element, "wp:meta_key", "wp:meta_value"),
    )


class WXRReader:
    """Reads one export file; ``channel``, ``terms`` and ``authors`` are filled as it goes.

    ``items()`` yields every item; call it again for another pass over the file.
    """

    def __init__(self, path):
        self.path = path
        self.channel = Channel()
        self.terms = []
        self.authors = []

    def items(self):
        self.terms, self.authors = [], []
        depth, root_seen, in_item, channel = 0, False, 0, None
        try:
            context = ET.iterparse(self.path, events=("start", "end"))
            for event, element in context:
                name = _name(element.tag)
                if event == "start":
                    depth += 1
                    if depth == 1:
                        if name != "rss":
                            raise WXRError(f"not a WordPress export: the root is <{name}>")
                        root_seen = True
                    if name == "item":
                        in_item += 1
                    elif name == "channel" and depth == 2:
                        channel = element
                    continue
                depth -= 1
                if name == "item":
                    in_item -= 1
                    if not self.channel.wxr_version:
                        raise WXRError("not a WordPress export: no <wp:wxr_version>")
                    item = _item(element)
                    element.clear()
                    if channel is not None and depth == 2:
                        channel.remove(element)  # nothing of a read item stays in memory
                    yield item
                elif depth == 2 and not in_item:
                    self._channel_element(name, element)
        except ET.ParseError as error:
            raise WXRError(f"the file is not complete, well-formed XML ({error})") from error
        except OSError as error:
            raise WXRError(f"cannot read the file: {error}") from error
        if not root_seen or not self.channel.wxr_version:
            raise WXRError("not a WordPress export: no <wp:wxr_version> in its channel")

    def _channel_element(self, name, element):
        channel = self.channel
        if name == "wp:wxr_version":
            version = _text(element)
            if version not in SUPPORTED_VERSIONS:
                raise WXRError(
                    f"unknown WXR version {version!r} (this importer reads "
                    f"{', '.join(sorted(SUPPORTED_VERSIONS))})"
                )
            channel.wxr_version = version
        elif name in ("title", "link", "language"):
            setattr(channel, name, _text(element))
        elif name in ("wp:base_site_url", "wp:base_blog_url"):
            setattr(channel, name.split(":", 1)[1], _text(element))
        elif name in ("wp:category", "wp:tag", "wp:term"):
            self.terms.append(_term(element, name))
        elif name == "wp:author":
            fields = {_name(child.tag): _text(child) for child in element}
            self.authors.append(
                Author(
                    login=fields.get("wp:author_login", ""),
                    display_name=fields.get("wp:author_display_name", ""),
                    email=fields.get("wp:author_email", ""),
                )
            )
        else:
            return
        element.clear()
