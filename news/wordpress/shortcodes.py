"""Body HTML before it is parsed: shortcodes, classic-editor paragraphs, the sanitizer.

* ``[caption]`` becomes a ``<figure>`` with its ``<figcaption>``; ``[embed]`` and a bare
  embeddable URL on a line of its own become an embed figure (as the block editor writes).
* Any other shortcode is removed, its enclosed text kept, and counted for the report.
* Classic-editor text gets its paragraphs (WordPress's ``wpautop``, simplified).
* nh3 (the Ammonia sanitizer) removes scripts, styles, event attributes, forms and every tag
  or URL scheme not on the list below; iframes survive only to be judged by their host.
"""

import html
import re
from collections import Counter

import nh3

EMBED_HOSTS = (
    "youtube.com",
    "youtu.be",
    "vimeo.com",
    "twitter.com",
    "x.com",
    "facebook.com",
    "instagram.com",
    "wordpress.tv",
    "videopress.com",
    "soundcloud.com",
    "spotify.com",
    "flickr.com",
    "tiktok.com",
    "dailymotion.com",
)
KNOWN_SHORTCODES = {
    "audio",
    "video",
    "gallery",
    "playlist",
    "embed",
    "caption",
    "wp_caption",
    "contact-form",
    "contact-form-7",
    "googlemaps",
    "code",
    "sourcecode",
}

ALLOWED_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "u", "s",
    "sub", "sup", "small", "mark", "code", "pre", "kbd", "abbr", "cite", "q", "span", "div",
    "a", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "img",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "hr", "iframe",
    "section", "article", "aside", "header", "footer", "address", "del", "ins",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height", "class"},
    "iframe": {"src", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "*": {"class"},
}

_SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][a-zA-Z0-9_-]*)((?:\s[^\]]*)?)\]")
_CAPTION = re.compile(r"\[(?:wp_)?caption([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.S | re.I)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
_ATTRIBUTE = re.compile(r'([a-zA-Z_-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
_IMAGE_PART = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I)
_BARE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.M)
_BLOCK_START = re.compile(
    r"^\s*<(?:p|div|h[1-6]|ul|ol|li|dl|blockquote|figure|table|thead|tbody|tr|pre|hr|iframe|"
    r"section|article|aside|header|footer|address|form|!--)[\s>/]",
    re.I,
)


def is_embed_url(url):
    host = re.sub(r"^https?://", "", url.strip(), flags=re.I).split("/", 1)[0].lower()
    host = host.split(":", 1)[0]
    return any(host == known or host.endswith("." + known) for known in EMBED_HOSTS)


def embed_figure(url):
    return (
        f'<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">'
        f"{html.escape(url.strip())}</div></figure>"
    )


def _caption_figure(match):
    attributes = _attributes(match.group(1))
    inner = match.group(2)
    parts = _IMAGE_PART.match(inner)
    image, text = (parts.group(1), parts.group(2)) if parts else ("", inner)
    caption = attributes.get("caption") or text.strip()
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"


def _attributes(text):
    return {
        match.group(1).lower(): next(g for g in match.groups()[1:] if g is not None)
        for match in _ATTRIBUTE.finditer(text or "")
    }


def replace_shortcodes(text, removed: Counter):
    """Captions and embeds to HTML; every other shortcode removed (counted in ``removed``)."""
    text = _CAPTION.sub(_caption_figure, text)
    text = _EMBED.sub(lambda match: embed_figure(match.group(1)), text)
    closing = {name.lower() for name in re.findall(r"\[/([a-zA-Z][a-zA-Z0-9_-]*)\]", text)}

    def remove(match):
        is_closing, name, attributes = match.group(1), match.group(2), match.group(3)
        lowered = name.lower()
        is_shortcode = lowered in KNOWN_SHORTCODES or lowered in closing or "=" in attributes
        if not is_shortcode:
            return match.group(0)  # "[sic]", "[1]": text in brackets, not a shortcode
        if not is_closing:
            removed[lowered] += 1
        return ""

    return _SHORTCODE.sub(remove, text)


def autop(text):
    """Classic-editor text: blank lines separate paragraphs, a single newline is a line break."""
    if "<!-- wp:" in text:
        return text  # block-editor content is HTML already
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def bare_embeds(text):
    """A URL of a known embed host alone on its line (WordPress's auto-embed)."""
    return _BARE_URL_LINE.sub(
        lambda match: embed_figure(match.group(1)) if is_embed_url(match.group(1)) else match[0],
        text,
    )


def prepare(text, removed: Counter):
    """Body HTML as the block converter reads it: shortcodes done, paragraphs, sanitized."""
    text = replace_shortcodes(text or "", removed)
    text = autop(bare_embeds(text))
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        clean_content_tags={"script", "style", "noscript", "template", "object", "embed"},
        link_rel=None,
        strip_comments=True,
    )
