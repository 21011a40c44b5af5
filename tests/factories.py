"""Builders for the objects the tests need (the bilingual site, images, articles, article
bodies, translations, the POST data of the Wagtail page editor) and readers of the responses
they get.

Plain functions rather than factory-boy factories: Wagtail pages must be created with
``parent.add_child()``, which factory-boy's model factories do not do on their own.
"""

import datetime
import itertools
from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.html import escape
from wagtail.blocks import StreamValue
from wagtail.coreutils import cautious_slugify
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.blocks import RICH_TEXT_FEATURES, ArticleBodyBlock
from news.models import ArticlePage, ArticlePageTopic, NewsIndexPage, Topic

BODY_BLOCK = ArticleBodyBlock()
_sequence = itertools.count(1)


# The site


@dataclass
class SiteTree:
    """The bilingual site the tests build on (`build_site_tree`)::

    Wagtail root
    ├── HomePage "pradzia" (lt, root of the default Site)  └── NewsIndexPage "naujienos"
    └── HomePage           (en, its translation)            └── NewsIndexPage "news"
    """

    site: Site
    lt: Locale
    en: Locale
    home_lt: HomePage
    home_en: HomePage
    news_lt: NewsIndexPage
    news_en: NewsIndexPage

    def index(self, language):
        return {"lt": self.news_lt, "en": self.news_en}[language]

    def locale(self, language):
        return {"lt": self.lt, "en": self.en}[language]


def build_site_tree(
    *,
    hostname="localhost",
    home_intros=("", ""),
    news_intros=("", ""),
    home_en_slug=None,
    source_revisions=False,
):
    """The Lithuanian home page and news index, as the default Site's root, and their English
    translations (``copy_for_translation``, not wagtail-localize: tests submit articles
    themselves). With `source_revisions`, the Lithuanian pages are published revisions too.
    """
    # A transactional test flushes the rows that Wagtail's and this project's migrations
    # create (locales, the tree root, the root collection, the site) unless it restores them.
    lt, _created = Locale.objects.get_or_create(language_code="lt")
    en, _created = Locale.objects.get_or_create(language_code="en")
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=lt)
    )
    welcome = list(root.get_children())

    home_lt = root.add_child(
        instance=HomePage(title="Kauno naujienos", slug="pradzia", locale=lt, intro=home_intros[0])
    )
    if source_revisions:
        home_lt.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = hostname, 80, home_lt
    site.save()
    for page in welcome:  # only now: deleting the page a Site points at deletes the Site
        page.delete()

    english_home = {"title": "Kaunas News", "intro": home_intros[1]}
    if home_en_slug:
        english_home["slug"] = home_en_slug
    home_en = translate(home_lt, en, **english_home)
    news_lt, news_en = add_news_index(
        home_lt,
        en,
        ("Naujienos", "naujienos", news_intros[0]),
        ("News", "news", news_intros[1]),
        source_revision=source_revisions,
    )
    return SiteTree(site, lt, en, home_lt, home_en, news_lt, news_en)


def add_news_index(home_lt, en, lithuanian, english, *, source_revision=False):
    """A news index under the Lithuanian home page and its English translation; each edition
    given as (title, slug, intro)."""
    title, slug, intro = lithuanian
    index_lt = home_lt.add_child(
        instance=NewsIndexPage(title=title, slug=slug, locale=home_lt.locale, intro=intro)
    )
    if source_revision:
        index_lt.save_revision().publish()
    title, slug, intro = english
    return index_lt, translate(index_lt, en, title=title, slug=slug, intro=intro)


# Images, article bodies and pages


def make_image(title="Kaunas old town", colour="white", size=(640, 480)):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(f"image-{next(_sequence)}.png", colour, size)
    )


def body_value(raw_blocks):
    """A body StreamValue built from JSON-ish ``[{"type": ..., "value": ...}]`` items.

    Every block is converted to its native value, so saving the page stores ListBlock items in
    their block format (``{"type": "item", "value": ..., "id": ...}``) exactly as the page
    editor does. wagtail-localize only extracts segments from ListBlock items in that format.
    """
    return StreamValue(
        BODY_BLOCK,
        [
            (item["type"], BODY_BLOCK.child_blocks[item["type"]].to_python(item["value"]))
            for item in raw_blocks
        ],
    )


def every_block_body(image):
    """Raw data of a body with every block kind, with values the tests look for."""
    return [
        {"type": "heading", "value": {"text": "Learning for everyone", "level": "h2"}},
        {"type": "heading", "value": {"text": "Evening classes", "level": "h3"}},
        {
            "type": "paragraph",
            "value": '<p>Kaunas is a <b>UNESCO</b> <a href="https://uil.unesco.org/">'
            "Learning City</a>.</p>",
        },
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "The town hall at dusk",
                "caption": "Town hall square",
            },
        },
        {
            "type": "video",
            "value": {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "caption": "The fair"},
        },
        {
            "type": "quote",
            "value": {"text": "Learning never ends.", "attribution": "The mayor", "style": "quote"},
        },
        {
            "type": "quote",
            "value": {
                "text": "Registration closes on Friday.",
                "attribution": "",
                "style": "callout",
            },
        },
        {
            "type": "initiatives",
            "value": {
                "heading": "What the city does",
                "items": [
                    {"label": "Libraries", "text": "Open late on weekdays."},
                    {"label": "Schools", "text": "Adult classes in the evening."},
                ],
            },
        },
        {
            "type": "indicator_table",
            "value": {
                "caption": "Facts and figures 2024",
                "rows": [
                    {"indicator": "Learners", "value": "12 000", "note": "City survey"},
                    {"indicator": "Courses", "value": "340", "note": ""},
                ],
            },
        },
        {
            "type": "references",
            "value": {
                "heading": "Sources",
                "items": [
                    {
                        "title": "Learning Cities network",
                        "publisher": "UNESCO",
                        "url": "https://uil.unesco.org/lifelong-learning/learning-cities",
                        "accessed": "2024-05-02",
                    },
                    {"title": "City annual report", "publisher": "", "url": "", "accessed": None},
                ],
            },
        },
    ]


def create_article(
    index,
    title="Article",
    *,
    date=None,
    lead=None,
    body=None,
    slug=None,
    hero_image=None,
    topics=(),
    live=True,
):
    """A live (or, with ``live=False``, draft) article under a news index, in its locale."""
    published_at = timezone.now() if live else None
    article = ArticlePage(
        title=title,
        slug=slug or f"article-{next(_sequence)}",
        locale_id=index.locale_id,
        lead=lead if lead is not None else f"Lead of {title}.",
        publication_date=date or datetime.date(2024, 1, 1),
        hero_image=hero_image,
        hero_image_alt="A photo" if hero_image else "",
        body=body_value(
            body or [{"type": "paragraph", "value": f"<p>Body of {escape(title)}.</p>"}],
        ),
        live=live,
        first_published_at=published_at,
        last_published_at=published_at,
    )
    article.topic_links = [
        ArticlePageTopic(topic=make_topic(index.locale, topic), sort_order=position)
        for position, topic in enumerate(topics)
    ]
    index.add_child(instance=article)
    return article


def make_topic(locale, name, translation_of=None, **fields):
    """The topic of this name in ``locale`` (found by slug, else created); a Topic as it is.

    With ``translation_of``, the topic's translation: same translation key, in ``locale``.
    """
    if isinstance(name, Topic):
        return name
    slug = fields.pop("slug", None) or cautious_slugify(name)
    if translation_of is not None:
        fields["translation_key"] = translation_of.translation_key
    topic = Topic.objects.filter(locale=locale, slug=slug).first()
    return topic or Topic.objects.create(locale=locale, name=name, slug=slug, **fields)


def translate(page, locale, **fields):
    """Publish a translation of ``page`` (its parent must be translated already)."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


# The page editor's POST data


def listblock(items):
    """ListBlock form data, to use inside :func:`nested_form_data` like ``streamfield``."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def paragraph_form_value(html):
    return rich_text(html, features=RICH_TEXT_FEATURES)


def every_block_form_body(image, reference_url="https://uil.unesco.org/learning-cities"):
    """Page editor form data of a body with every block kind."""
    return streamfield(
        [
            ("heading", {"text": "Learning for everyone", "level": "h2"}),
            ("paragraph", paragraph_form_value("<p>Kaunas is a <b>Learning City</b>.</p>")),
            ("image", {"image": str(image.pk), "alt_text": "The town hall", "caption": "Dusk"}),
            ("video", {"url": "https://vimeo.com/76979871", "caption": "The fair"}),
            ("quote", {"text": "Learning never ends.", "attribution": "Mayor", "style": "quote"}),
            ("quote", {"text": "Sign up by Friday.", "attribution": "", "style": "callout"}),
            (
                "initiatives",
                {
                    "heading": "What the city does",
                    "items": listblock([{"label": "Libraries", "text": "Open late."}]),
                },
            ),
            (
                "indicator_table",
                {
                    "caption": "Facts and figures",
                    "rows": listblock([{"indicator": "Learners", "value": "12 000", "note": ""}]),
                },
            ),
            (
                "references",
                {
                    "heading": "Sources",
                    "items": listblock(
                        [
                            {
                                "title": "Learning Cities network",
                                "publisher": "UNESCO",
                                "url": reference_url,
                                "accessed": "2024-05-02",
                            }
                        ]
                    ),
                },
            ),
        ]
    )


def article_form_data(title, slug, body, *, publish=True, **fields):
    """POST data of the article editor (create or edit view): "Publish" or "Save draft"."""
    data = {
        "title": title,
        "slug": slug,
        "lead": f"Lead of {title}.",
        "publication_date": "2024-05-03",
        "hero_image": "",
        "hero_image_alt": "",
        "topic_links": inline_formset([]),
        "body": body,
        # The inline panels' management forms, as the editor always sends them.
        "bylines": inline_formset([]),
        "related_links": inline_formset([]),
        **fields,
    }
    if publish:
        data["action-publish"] = "action-publish"
    return nested_form_data(data)


# Reading responses and validation errors


def soup(response):
    """The response's HTML, parsed."""
    return BeautifulSoup(response.content.decode(), "html.parser")


def card_titles(response):
    """Titles of the article cards of a page, in order of appearance."""
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


def error_paths(error):
    """Where a block validation error points: paths like ``(0, "items", 0, "url")``."""
    paths = set()

    def walk(data, path):
        if "messages" in data:
            paths.add(path)
        for key, child in data.get("blockErrors", {}).items():
            walk(child, (*path, key))

    walk(error.as_json_data(), ())
    return paths
