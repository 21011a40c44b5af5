"""The language editions of the page being shown: for hreflang links and the switcher."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from news.models import Topic, in_private_section
from news.topics import topic_path

register = template.Library()

# Open Graph wants a language_TERRITORY locale.
OPEN_GRAPH_LOCALES = {"lt": "lt_LT", "en": "en_GB"}


@dataclass(frozen=True)
class Edition:
    language_code: str
    name: str  # in its own language, as a switcher shows it
    url: str
    full_url: str
    exists: bool  # False: the page has no live edition in this language; url is its home page
    is_current: bool

    @property
    def open_graph_locale(self):
        return OPEN_GRAPH_LOCALES.get(self.language_code, self.language_code)


def _live_translations(translation_keys):
    """Live, public pages sharing any of these translation keys, by (key, language) in one query."""
    pages = (
        Page.objects.filter(translation_key__in=translation_keys)
        .live()
        .exclude(in_private_section())
        .select_related("locale")
        .only("id", "url_path", "translation_key", "locale__language_code", "depth", "path")
    )
    return {(p.translation_key, p.locale.language_code): p for p in pages}


class TopicEdition:
    """A topic page in one language, with the URL methods of a page for `language_editions`."""

    def __init__(self, topic, site):
        self.topic = topic
        self.path = topic_path(topic.slug, topic.locale.language_code)
        self.site = site

    def get_url(self, request=None):
        return self.path

    def get_full_url(self, request=None):
        return f"{self.site.root_url}{self.path}"


def _topic_editions(topic, site, home_key, found):
    """The topic page in each language whose edition has a live home page (one query)."""
    translations = (
        Topic.objects.readable()
        .filter(translation_key=topic.translation_key)
        .select_related("locale")
    )
    return {
        (topic.translation_key, t.locale.language_code): TopicEdition(t, site)
        for t in translations
        if (home_key, t.locale.language_code) in found
    }


@register.simple_tag(takes_context=True)
def language_editions(context, page=None, topic=None):
    """One Edition per configured language, current language first in `current`.

    For a topic page (``topic``, no page), the editions are that topic's pages in each
    language it is translated into.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"all": [], "alternates": [], "current": None, "x_default": None, "home_url": None}

    home_key = site.root_page.translation_key
    page_key = getattr(page, "translation_key", None)
    found = _live_translations([key for key in (page_key, home_key) if key])
    current_language = get_language()
    if page_key:
        # The page being shown is this language's edition even when it is a preview or a draft.
        found[(page_key, current_language)] = page
    elif isinstance(topic, Topic):
        page_key = topic.translation_key
        found.update(_topic_editions(topic, site, home_key, found))

    # A view that is not a page (the search page) gives its URL in each language.
    view_urls = {} if page_key else context.get("edition_urls") or {}
    editions = []
    for code, _name in settings.LANGUAGES:
        if code in view_urls:
            url = view_urls[code]
            editions.append(
                Edition(
                    language_code=code,
                    name=get_language_info(code)["name_local"],
                    url=url,
                    full_url=request.build_absolute_uri(url),
                    exists=True,
                    is_current=code == current_language,
                )
            )
            continue
        target = found.get((page_key, code)) if page_key else None
        exists = target is not None
        if not exists:
            target = found.get((home_key, code))
        if target is None:
            continue
        editions.append(
            Edition(
                language_code=code,
                name=get_language_info(code)["name_local"],
                url=target.get_url(request),
                full_url=target.get_full_url(request),
                exists=exists,
                is_current=code == current_language,
            )
        )
    alternates = [edition for edition in editions if edition.exists]
    default = next((e for e in alternates if e.language_code == settings.LANGUAGE_CODE), None)
    home = found.get((home_key, current_language))
    return {
        "home_url": home.get_url(request) if home else None,
        "all": editions,
        "alternates": alternates,
        "current": next((e for e in editions if e.is_current), None),
        "x_default": default or (alternates[0] if alternates else None),
    }
