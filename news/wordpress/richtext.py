"""Parsed HTML to Wagtail's stored rich text: paragraphs, lists, bold, italic, line breaks
and links (``<a linktype="page" id="...">`` and ``linktype="document"`` for internal ones).
Every other inline tag is unwrapped: its text stays."""

import re
from html import escape

from bs4 import NavigableString, Tag
from bs4.element import Comment

_BOLD = {"b", "strong"}
_ITALIC = {"i", "em", "cite"}
_SPACE = re.compile(r"\s+")


def plain_text(node):
    """The text of a node, whitespace collapsed."""
    if isinstance(node, NavigableString):
        return _SPACE.sub(" ", str(node)).strip()
    return _SPACE.sub(" ", node.get_text(" ")).strip()


def inline(node, link):
    """Rich text of a node's content; ``link(href)`` gives an ``<a>``'s attributes or None."""
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        return escape(_SPACE.sub(" ", str(node)), quote=False)
    if not isinstance(node, Tag):
        return ""
    inner = "".join(inline(child, link) for child in node.children)
    name = node.name
    if name == "br":
        return "<br/>"
    if name == "img":
        return ""  # images become image blocks; never inline
    if not inner.strip():
        return inner
    if name in _BOLD:
        return f"<b>{inner}</b>"
    if name in _ITALIC:
        return f"<i>{inner}</i>"
    if name == "a" and node.get("href"):
        attributes = link(node["href"])
        return f"<a {attributes}>{inner}</a>" if attributes else inner
    if name in ("ul", "ol"):
        return list_html(node, link)
    return inner


def list_html(node, link):
    items = []
    for child in node.find_all("li", recursive=False):
        text = "".join(inline(part, link) for part in child.children).strip()
        if text:
            items.append(f"<li>{text}</li>")
    return f"<{node.name}>{''.join(items)}</{node.name}>" if items else ""


def paragraph(node, link):
    """One ``<p>`` of rich text from a node's content, or "" when it holds no text."""
    text = inline(node, link).strip()
    text = re.sub(r"^(<br/>\s*)+|(\s*<br/>)+$", "", text)
    return f"<p>{text}</p>" if _has_text(text) else ""


def _has_text(rich):
    return bool(re.sub(r"<[^>]+>", "", rich).strip())
