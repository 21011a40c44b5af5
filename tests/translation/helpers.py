"""Content and admin-client steps of the translation workflow tests.

The article has every kind of segment: page fields, headings, rich text with a link, image
alt text and caption, quotes, initiatives, indicator rows and references. ``ENGLISH`` maps
each of its Lithuanian source strings to the translation the tests type in.
"""

import json
import re

from bs4 import BeautifulSoup
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Revision
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

from news.blocks import ArticleBodyBlock
from news.models import ArticlePage

BODY_BLOCK = ArticleBodyBlock()
REFERENCE_URL = "https://uil.unesco.org/lifelong-learning/learning-cities"
PARAGRAPH = (
    '<p>Kaunas yra <b>UNESCO</b> <a href="https://uil.unesco.org/">mokymosi miestas</a>.</p>'
)

ENGLISH = {
    # page fields
    "Kaunas – mokymosi miestas": "Kaunas, a learning city",
    "kaunas-mokymosi-miestas": "kaunas-a-learning-city",
    "Kaunas prisijungė prie UNESCO mokymosi miestų tinklo.": "Kaunas joined the UNESCO "
    "network of learning cities.",
    "Rotušės aikštė vakare": "Town hall square in the evening",
    # heading and paragraph
    "Mokymasis visiems": "Learning for everyone",
    'Kaunas yra <b>UNESCO</b> <a id="a1">mokymosi miestas</a>.': (
        'Kaunas is a <b>UNESCO</b> <a id="a1">learning city</a>.'
    ),
    # image block
    "Rotušė sutemus": "The town hall at dusk",
    "Rotušės aikštė": "Town hall square",
    # quote
    "Mokytis niekada nevėlu.": "It is never too late to learn.",
    "Meras": "The mayor",
    # initiatives
    "Ką daro miestas": "What the city does",
    "Bibliotekos": "Libraries",
    "Dirba ilgiau darbo dienomis.": "Open late on weekdays.",
    # indicator table
    "Faktai ir skaičiai": "Facts and figures",
    "Gyventojai": "Population",
    "298 000": "298,000",
    "Statistikos departamentas": "Statistics Lithuania",
    "Studentai": "Students",
    "35 000": "35,000",
    # references
    "Šaltiniai": "Sources",
    "Mokymosi miestų tinklas": "Learning Cities network",
    "UNESCO mokymosi visą gyvenimą institutas": "UNESCO Institute for Lifelong Learning",
}


def make_image(title="Rotušė"):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file("rotuse.png", colour="white", size=(640, 480))
    )


def article_body(image, indicator_value="298 000", paragraph=PARAGRAPH):
    """Raw body blocks of the test article (Lithuanian)."""
    return [
        {"type": "heading", "value": {"text": "Mokymasis visiems", "level": "h2"}},
        {"type": "paragraph", "value": paragraph},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Rotušė sutemus", "caption": "Rotušės aikštė"},
        },
        {
            "type": "quote",
            "value": {"text": "Mokytis niekada nevėlu.", "attribution": "Meras", "style": "quote"},
        },
        {
            "type": "initiatives",
            "value": {
                "heading": "Ką daro miestas",
                "items": [{"label": "Bibliotekos", "text": "Dirba ilgiau darbo dienomis."}],
            },
        },
        {
            "type": "indicator_table",
            "value": {
                "caption": "Faktai ir skaičiai",
                "rows": [
                    {
                        "indicator": "Gyventojai",
                        "value": indicator_value,
                        "note": "Statistikos departamentas",
                    },
                    {"indicator": "Studentai", "value": "35 000", "note": ""},
                ],
            },
        },
        {
            "type": "references",
            "value": {
                "heading": "Šaltiniai",
                "items": [
                    {
                        "title": "Mokymosi miestų tinklas",
                        "publisher": "UNESCO mokymosi visą gyvenimą institutas",
                        "url": REFERENCE_URL,
                        "accessed": "2024-05-02",
                    }
                ],
            },
        },
    ]


def body_value(raw_blocks):
    """A StreamValue whose ListBlock items are saved in block format, as the page editor does
    (wagtail-localize only extracts list items in that format)."""
    return StreamValue(
        BODY_BLOCK,
        [
            (item["type"], BODY_BLOCK.child_blocks[item["type"]].to_python(item["value"]))
            for item in raw_blocks
        ],
    )


def create_article(index, title, *, slug, body, lead="Straipsnio įžanga.", **fields):
    """A published article under ``index``."""
    article = index.add_child(
        instance=ArticlePage(
            title=title,
            slug=slug,
            locale_id=index.locale_id,
            lead=lead,
            body=body_value(body),
            **fields,
        )
    )
    article.save_revision().publish()
    article.refresh_from_db()
    return article


# Admin steps, through the real views


def submit_for_translation(client, page, locale, include_subtree=False):
    data = {"locales": [locale.pk]}
    if include_subtree:
        data["include_subtree"] = "on"
    return client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), data)


def translation_of(page, locale):
    return Translation.objects.get(
        source__object_id=page.translation_key,
        source__locale_id=page.locale_id,
        target_locale=locale,
    )


def editor_props(client, target_page):
    """The props the translation editor (a React app) is rendered with, from its page."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target_page.pk]))
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    assert editor is not None, "the translation editor is not on the page"
    return json.loads(editor["data-props"])


def put_translation(client, edit_url, value):
    """What the editor sends when a segment is saved: a multipart PUT of ``value``."""
    return client.put(
        edit_url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
    )


def translate_in_editor(client, target_page, translations=ENGLISH, only=None):
    """Type a translation for each string segment the editor shows (or those in ``only``)."""
    props = editor_props(client, target_page)
    saved = []
    for segment in props["segments"]:
        if segment["type"] != "string":
            continue
        if only is not None and segment["source"] not in only:
            continue
        assert segment["source"] in translations, f"no translation for {segment['source']!r}"
        response = put_translation(client, segment["editUrl"], translations[segment["source"]])
        assert response.status_code in (200, 201), response.content
        saved.append(segment["source"])
    return saved


def publish_in_editor(client, target_page):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[target_page.pk]), {"action": "publish"}
    )


def sync_translations(client, page, **options):
    """Post the sync form of a source page, e.g. ``publish_translations=True``."""
    source = TranslationSource.objects.get_for_instance(page)
    data = {name: "on" for name, value in options.items() if value}
    return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)


def messages_of(response):
    """The admin messages a rendered response shows."""
    if not response.context:
        return []
    return [str(message).strip() for message in response.context["messages"]]


def plain(markup):
    """Text without its inline markup or whitespace, to compare with ``public_text``."""
    return re.sub(r"\s+", "", BeautifulSoup(markup, "html.parser").get_text())


def public_text(client, page):
    """What readers get of a page on the public site (text and image alt texts), as ``plain``."""
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    soup = BeautifulSoup(response.content, "html.parser")
    alt_texts = [image.get("alt", "") for image in soup.find_all("img")]
    return re.sub(r"\s+", "", "".join([soup.get_text(" "), *alt_texts]))


def database_state():
    """Everything a refused action must leave as it was."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "path", "title", "draft_title", "slug", "live", "latest_revision_id"
            )
        ),
        "revisions": Revision.objects.count(),
        "string_translations": list(
            StringTranslation.objects.order_by("pk").values_list("pk", "data", "tool_name")
        ),
        "translations": list(Translation.objects.order_by("pk").values_list("pk", "enabled")),
        "segments": StringSegment.objects.count(),
    }


class AsWritten(dict):
    """Translations that keep each text as it is written."""

    def __missing__(self, text):
        return text


def translate_completely(page, locale, translations=ENGLISH, user=None):
    """Submit ``page`` with wagtail-localize's own operation and translate every segment."""
    translate_object(page, [locale], user=user)
    translation = translation_of(page, locale)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            context_id=segment.context_id,
            locale=locale,
            defaults={
                "data": translations[segment.string.data],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "",
            },
        )
    return translation


def translated_as_written(instance, locale):
    """``instance`` submitted, every segment translated as written, and its edition in
    ``locale`` saved (published): a translation that is complete."""
    translation = translate_completely(instance, locale, translations=AsWritten())
    translation.save_target(publish=True)
    return translation


# What wagtail-localize stores of a source


SEGMENT_MODELS = (StringSegment, TemplateSegment, RelatedObjectSegment, OverridableSegment)


def stored_segments(source):
    """Every segment of the source (with its id) and every context of its object."""
    segments = {
        (model.__name__, row.pk, row.context.path, row.order, _content(row))
        for model in SEGMENT_MODELS
        for row in model.objects.filter(source=source).select_related("context")
    }
    contexts = set(
        TranslationContext.objects.filter(object_id=source.object_id).values_list(
            "pk", "path", "path_id", "field_path"
        )
    )
    return segments, contexts


def _content(row):
    if isinstance(row, StringSegment):
        return (row.string.locale_id, row.string.data, row.attrs)
    if isinstance(row, TemplateSegment):
        return (row.template.template, row.template.template_format, row.template.string_count)
    if isinstance(row, RelatedObjectSegment):
        return (row.object_id, row.object.content_type_id)
    return row.data_json
