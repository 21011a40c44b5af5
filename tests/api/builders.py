"""Builders of the objects the content API tests need: pages, images, documents, bodies."""

import datetime
import itertools
import json

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from news.models import ArticlePage, ArticlePageTopic

from ..factories import make_topic

_sequence = itertools.count(1)


def make_image(title="Rotušė", size=(64, 48), collection=None):
    kwargs = {"collection": collection} if collection else {}
    return get_image_model().objects.create(
        title=title,
        file=get_test_image_file(f"api-image-{next(_sequence)}.png", size=size),
        **kwargs,
    )


def make_document(title="Ataskaita", collection=None):
    kwargs = {"collection": collection} if collection else {}
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4 report", name=f"api-doc-{next(_sequence)}.pdf"),
        **kwargs,
    )


def full_body(image, *, linked_page=None, document=None):
    """Raw body data with every block kind and the values the contract tests look for."""
    links = ""
    if linked_page is not None:
        links += f' <a linktype="page" id="{linked_page.pk}">Kitas straipsnis</a>'
    if document is not None:
        links += f' <a linktype="document" id="{document.pk}">Ataskaita</a>'
    return [
        {"type": "heading", "value": {"text": "Mokymasis visiems", "level": "h2"}},
        {
            "type": "paragraph",
            "value": f'<p>Kaunas – <b>UNESCO</b> <a href="https://uil.unesco.org/">'
            f"besimokantis miestas</a>.{links}</p>",
        },
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Rotušė sutemus", "caption": "Rotušės a."},
        },
        {
            "type": "quote",
            "value": {"text": "Mokytis niekada nevėlu.", "attribution": "Meras", "style": "quote"},
        },
        {
            "type": "initiatives",
            "value": {
                "heading": "Ką daro miestas",
                "items": [
                    {"label": "Bibliotekos", "text": "Dirba vakarais."},
                    {"label": "Mokyklos", "text": "Kursai suaugusiems."},
                ],
            },
        },
        {
            "type": "indicator_table",
            "value": {
                "caption": "Faktai ir skaičiai 2024",
                "rows": [
                    {"indicator": "Besimokantys", "value": "12 000", "note": "Apklausa"},
                    {"indicator": "Kursai", "value": "340", "note": ""},
                ],
            },
        },
        {
            "type": "references",
            "value": {
                "heading": "Šaltiniai",
                "items": [
                    {
                        "title": "Learning Cities network",
                        "publisher": "UNESCO",
                        "url": "https://uil.unesco.org/lifelong-learning/learning-cities",
                        "accessed": "2024-05-02",
                    },
                    {"title": "Miesto ataskaita", "publisher": "", "url": "", "accessed": None},
                ],
            },
        },
    ]


def make_article(
    index,
    title,
    *,
    date=datetime.date(2024, 1, 1),
    slug=None,
    lead=None,
    topics=(),
    hero_image=None,
    body=None,
    live=True,
):
    """An article under `index`, published through a revision (or left as a draft)."""
    article = ArticlePage(
        title=title,
        slug=slug or f"straipsnis-{next(_sequence)}",
        locale_id=index.locale_id,
        lead=lead if lead is not None else f"Santrauka: {title}.",
        publication_date=date,
        hero_image=hero_image,
        hero_image_alt="Nuotrauka" if hero_image else "",
        body=json.dumps(body or [{"type": "paragraph", "value": f"<p>{title}.</p>"}]),
        live=False,
    )
    article.topic_links = [
        ArticlePageTopic(topic=make_topic(index.locale, topic), sort_order=position)
        for position, topic in enumerate(topics)
    ]
    index.add_child(instance=article)
    revision = article.save_revision()
    if live:
        revision.publish()
    article.refresh_from_db()
    return article
