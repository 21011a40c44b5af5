"""Tables and reference lists: the two structured blocks a WordPress body can map to.

* A table of two columns (indicator, value), or three (with a note or source), becomes an
  ``indicator_table``: its ``<caption>`` (or the figure's caption) kept, a header row (in
  ``<thead>`` or all ``<th>``) not taken for data. Any other table stays as rich text.
* An ordered (or plain) list of links under a "References" / "Šaltiniai" heading becomes a
  ``references`` block: title (the link's text), publisher (the text after it), URL, and an
  access date when one is written as ``YYYY-MM-DD``.
"""

import re
from html import escape

from . import richtext

REFERENCES_HEADINGS = {
    "references",
    "sources",
    "bibliography",
    "further reading",
    "šaltiniai",
    "literatūra",
    "nuorodos",
}
_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ACCESSED = re.compile(
    r"[\(\[]?\s*(?:accessed|retrieved|viewed|žiūrėta|peržiūrėta|prieiga)?(?:\s+on)?[:\s]*"
    r"\d{4}-\d{2}-\d{2}\s*[\)\]]?",
    re.I,
)
_SEPARATORS = " ,.;:–—-|()"


def _limit(text, size):
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def is_references_heading(text):
    return text.strip().rstrip(":").strip().lower() in REFERENCES_HEADINGS


def _rows(table):
    """``(cells, is_header)`` for each row, the cells' plain texts."""
    rows = []
    for row in table.find_all("tr"):
        cells = row.find_all(["td", "th"], recursive=False)
        in_head = row.find_parent("thead") is not None
        header = in_head or bool(cells) and all(cell.name == "th" for cell in cells)
        rows.append(([richtext.plain_text(cell) for cell in cells], header))
    return rows


def indicator_table(table, caption=""):
    """The raw value of an indicator table, or None when the table is not one."""
    rows = _rows(table)
    caption_node = table.find("caption")
    caption = caption or (richtext.plain_text(caption_node) if caption_node else "")
    header = [cells for cells, is_header in rows if is_header]
    data = [cells for cells, is_header in rows if not is_header]
    if not data or any(len(cells) not in (2, 3) for cells in data):
        return None
    if any(not cells[0] or not cells[1] for cells in data):
        return None
    if any(cell.get("colspan") or cell.get("rowspan") for cell in table.find_all(["td", "th"])):
        return None
    if not caption and header:
        caption = " / ".join(text for text in header[0] if text)
    if not caption:
        return None
    return {
        "caption": _limit(caption, 200),
        "rows": [
            {
                "indicator": _limit(cells[0], 200),
                "value": _limit(cells[1], 200),
                "note": _limit(cells[2], 250) if len(cells) == 3 else "",
            }
            for cells in data
        ],
    }


def as_rich_text(table, caption, link):
    """A table that is not an indicator table, kept as paragraphs: one per row."""
    parts = [f"<p><b>{escape(caption, quote=False)}</b></p>"] if caption else []
    for row in table.find_all("tr"):
        cells = [
            richtext.inline(cell, link).strip()
            for cell in row.find_all(["td", "th"], recursive=False)
        ]
        cells = [cell for cell in cells if cell]
        if cells:
            parts.append(f"<p>{' | '.join(cells)}</p>")
    return "".join(parts)


def references(heading, listing, media):
    """The raw value of a references block from a list of links, or None."""
    if listing.name not in ("ol", "ul"):
        return None
    items = []
    for entry in listing.find_all("li", recursive=False):
        anchor = entry.find("a", href=True)
        text = richtext.plain_text(entry)
        if anchor is None or not text:
            return None
        title = richtext.plain_text(anchor) or text
        url = media.absolute_url(anchor["href"])
        rest = text.replace(title, "", 1) if title in text else ""
        accessed = _DATE.search(rest)
        rest = _ACCESSED.sub(" ", rest) if accessed else rest
        items.append(
            {
                "title": _limit(title, 300),
                "publisher": _limit(rest.strip(_SEPARATORS).strip(), 200),
                "url": url if url.startswith(("http://", "https://")) else "",
                "accessed": "-".join(accessed.groups()) if accessed else None,
            }
        )
    if not items:
        return None
    return {"heading": _limit(heading, 200), "items": items}
