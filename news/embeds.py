"""Videos from YouTube and Vimeo, embedded without asking the provider first.

Wagtail's EmbedBlock asks the provider's oEmbed endpoint for the player's HTML when the page
is rendered (a request to the outside for every new video, and its answer trusted as HTML).
The player's address follows from the video's address for the two providers a newsroom
uses, so the article renders a plain ``<iframe>`` of that address: YouTube's privacy-enhanced
host (no cookies until the reader plays the video) or Vimeo's player. The site's
Content-Security-Policy allows frames from exactly these two hosts (``PLAYER_ORIGINS``).
"""

import re
from urllib.parse import parse_qs, urlsplit

PLAYER_ORIGINS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def _youtube_id(parts):
    host = parts.hostname or ""
    segments = [segment for segment in parts.path.split("/") if segment]
    if host == "youtu.be":
        candidate = segments[0] if segments else ""
    elif host in ("youtube.com", "www.youtube.com", "m.youtube.com"):
        if segments[:1] == ["watch"]:
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif segments[:1] in (["embed"], ["shorts"], ["live"]) and len(segments) > 1:
            candidate = segments[1]
        else:
            candidate = ""
    else:
        return None
    return candidate if _YOUTUBE_ID.match(candidate) else None


def _vimeo_id(parts):
    if (parts.hostname or "") not in ("vimeo.com", "www.vimeo.com", "player.vimeo.com"):
        return None
    numbers = [segment for segment in parts.path.split("/") if segment.isdigit()]
    return numbers[0] if numbers else None


def player_url(url):
    """The embeddable player's address of a YouTube or Vimeo video address, else None."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return None
    if youtube := _youtube_id(parts):
        return f"{PLAYER_ORIGINS[0]}/embed/{youtube}"
    if vimeo := _vimeo_id(parts):
        return f"{PLAYER_ORIGINS[1]}/video/{vimeo}"
    return None
