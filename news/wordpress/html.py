"""A WordPress body (classic or block editor) to the blocks of ``news.blocks.ArticleBodyBlock``.

``convert(html, media)`` returns ``[(block type, value)]`` in raw StreamField form; what
could not be mapped to a structured block is kept as rich text (``paragraph``) and counted
in ``media.notes``. ``media`` is the importer's side (``importer.BodyContext``): it resolves
links (``link(href)``), images (``image(src, alt)``) and collects report notes.
"""

from bs4 import BeautifulSoup, NavigableString, Tag

from news.embeds import player_url

from . import richtext, tables
from .shortcodes import is_embed_url, prepare

HEADING_MAX, ALT_MAX, CAPTION_MAX = 200, 250, 250
_CONTAINERS = {"div", "section", "article", "aside", "header", "footer", "span", "figure"}
_RICH = {"p", "ul", "ol"}
_INLINE = {
    "a", "b", "strong", "i", "em", "u", "s", "sub", "sup", "small", "mark", "code", "kbd",
    "abbr", "cite", "q", "del", "ins", "br",
}  # fmt: skip
_SILENT = {"hr", "br"}


def truncate(text, limit):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Converter:
    def __init__(self, media):
        self.media = media
        self.blocks = []
        self.pending_rich = []  # rich text elements waiting to become one paragraph block

    # Output

    def rich(self, html):
        if html:
            self.pending_rich.append(html)

    def fallback(self, reason, html):
        self.media.notes.fallbacks[reason] += 1
        self.rich(html)

    def add(self, block_type, value):
        self.flush()
        self.blocks.append((block_type, value))

    def flush(self):
        if self.pending_rich:
            self.blocks.append(("paragraph", "".join(self.pending_rich)))
            self.pending_rich = []

    # Input

    def run(self, html):
        soup = BeautifulSoup(prepare(html, self.media.notes.shortcodes), "html.parser")
        self.nodes(list(soup.children))
        self.flush()
        return self.blocks

    def nodes(self, nodes):
        nodes = [n for n in nodes if not (isinstance(n, NavigableString) and not n.strip())]
        inline_run = []
        index = 0
        while index < len(nodes):
            node = nodes[index]
            if isinstance(node, NavigableString) or node.name in _INLINE and not node.find("img"):
                inline_run.append(node)
                index += 1
                continue
            self.inline_run(inline_run)
            inline_run = []
            if node.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                following = nodes[index + 1] if index + 1 < len(nodes) else None
                if self.heading(node, following):
                    index += 1  # the list after it became the references block
            else:
                self.element(node)
            index += 1
        self.inline_run(inline_run)

    def inline_run(self, nodes):
        if nodes:
            wrapper = BeautifulSoup("<p></p>", "html.parser").p
            for node in nodes:
                wrapper.append(node.extract() if isinstance(node, Tag) else str(node))
            self.rich(richtext.paragraph(wrapper, self.media.link))

    def heading(self, node, following):
        """A heading block; True when ``following`` (a list of links) became its references."""
        text = richtext.plain_text(node)
        if not text:
            return False
        if isinstance(following, Tag) and tables.is_references_heading(text):
            value = tables.references(text, following, self.media)
            if value is not None:
                self.add("references", value)
                return True
        level = "h2" if node.name in ("h1", "h2") else "h3"
        self.add("heading", {"text": truncate(text, HEADING_MAX), "level": level})
        return False

    def element(self, node):
        name = node.name
        classes = " ".join(node.get("class") or [])
        if name == "p":
            self.paragraph_or_images(node)
        elif name in _RICH:
            self.rich(richtext.list_html(node, self.media.link))
        elif name == "blockquote":
            self.quote(node, "callout" if "pullquote" in classes else "quote")
        elif name == "figure":
            self.figure(node, classes)
        elif name == "table":
            self.table(node, caption="")
        elif name == "img":
            self.image(node, caption="")
        elif name == "a":  # a link around an image
            self.paragraph_or_images(node)
        elif name == "iframe":
            self.iframe(node)
        elif name in _SILENT:
            return
        elif "wp-block-embed__wrapper" in classes:
            self.embed(richtext.plain_text(node))
        elif name in _CONTAINERS:
            self.nodes(list(node.children))
        elif name == "pre":
            self.fallback("preformatted text", richtext.paragraph(node, self.media.link))
        else:
            self.fallback(f"<{name}>", richtext.paragraph(node, self.media.link))

    def paragraph_or_images(self, node):
        images = node.find_all("img")
        if not images:
            self.rich(richtext.paragraph(node, self.media.link))
            return
        for image in images:
            holder = image.parent if image.parent.name == "a" else image
            self.image(image, caption="")
            holder.extract()
        self.rich(richtext.paragraph(node, self.media.link))

    def figure(self, node, classes):
        caption_node = node.find("figcaption", recursive=False)
        caption = richtext.plain_text(caption_node) if caption_node else ""
        if caption_node:
            caption_node.extract()
        if "wp-block-embed" in classes:
            wrapper = node.find(class_="wp-block-embed__wrapper")
            iframe = node.find("iframe")
            url = richtext.plain_text(wrapper) if wrapper else (iframe or {}).get("src", "")
            self.embed(url, caption)
        elif node.find("table"):
            self.table(node.find("table"), caption)
        elif node.find("blockquote"):
            self.quote(node.find("blockquote"), "callout" if "pullquote" in classes else "quote")
        elif node.find("img") and len(node.find_all("img")) == 1:
            self.image(node.find("img"), caption)
        else:
            self.nodes(list(node.children))
            if caption:
                self.rich(f"<p>{richtext.inline(caption_node, self.media.link)}</p>")

    def image(self, node, caption):
        found = self.media.image(node.get("src", ""), node.get("alt", ""))
        if found is None:
            if caption:  # the image is missing (reported): its caption stays as text
                self.rich(f"<p>{richtext.escape(caption)}</p>")
            return
        image, alt = found
        self.add(
            "image",
            {
                "image": image.pk,
                "alt_text": truncate(alt or caption or image.title, ALT_MAX),
                "caption": truncate(caption, CAPTION_MAX),
            },
        )

    def quote(self, node, style):
        cite = node.find(["cite", "footer"])
        attribution = richtext.plain_text(cite) if cite else ""
        if cite:
            cite.extract()
        paragraphs = [richtext.plain_text(p) for p in node.find_all("p")] or [
            richtext.plain_text(node)
        ]
        text = "\n\n".join(p for p in paragraphs if p)
        if not text:
            return
        self.add(
            "quote",
            {"text": text, "attribution": truncate(attribution, 200), "style": style},
        )

    def table(self, node, caption):
        value = tables.indicator_table(node, caption)
        if value is not None:
            self.add("indicator_table", value)
        else:
            self.fallback("table", tables.as_rich_text(node, caption, self.media.link))

    def iframe(self, node):
        src = node.get("src", "")
        if src and is_embed_url(src):
            self.embed(src)
        else:
            self.media.notes.removed_iframes += 1

    def embed(self, url, caption=""):
        url = url.strip()
        if not url:
            return
        if player_url(url):
            self.media.notes.videos += 1
            self.add("video", {"url": url, "caption": caption})
            return
        self.media.notes.embeds += 1
        text = richtext.escape(caption or url)
        attributes = self.media.link(url)
        self.rich(f"<p><a {attributes}>{text}</a></p>" if attributes else f"<p>{text}</p>")


def convert(html, media):
    """``[(block type, raw value)]`` of a WordPress body."""
    return Converter(media).run(html)
