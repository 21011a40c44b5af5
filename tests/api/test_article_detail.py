"""Contract of the article detail endpoint, /api/v3/articles/{id}/: fields, blocks, rich text."""

import pytest

from ..factories import translate
from .builders import full_body, make_article, make_document
from .contract import DETAIL_FIELDS, article_url, blocks_of, get_json

pytestmark = pytest.mark.django_db


def test_detail_fallback_serves_the_lithuanian_edition_marked(client, api_articles):
    lt_new = api_articles["lt_new"]

    served = get_json(client, article_url(lt_new), locale="en", fallback="lt")
    missing = client.get(article_url(lt_new), {"locale": "en"})

    assert (served["id"], served["locale"], served["fallback"]) == (lt_new.pk, "lt", True)
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"


def test_detail_with_locale_switches_to_that_edition(client, api_articles):
    lt_mid, en_mid = api_articles["lt_mid"], api_articles["en_mid"]

    english = get_json(client, article_url(lt_mid), locale="en", fallback="lt")
    lithuanian = get_json(client, article_url(en_mid), locale="lt")

    assert (english["id"], english["locale"], english["fallback"]) == (en_mid.pk, "en", False)
    assert (lithuanian["id"], lithuanian["locale"], lithuanian["fallback"]) == (
        lt_mid.pk,
        "lt",
        False,
    )


# Detail ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["lt", "en"])
def test_detail_fields(client, api_articles, language):
    article = api_articles["lt_mid" if language == "lt" else "en_mid"]
    other = api_articles["en_mid" if language == "lt" else "lt_mid"]

    detail = get_json(client, article_url(article))

    assert set(detail) == DETAIL_FIELDS
    assert (detail["id"], detail["title"], detail["slug"]) == (
        article.pk,
        article.title,
        article.slug,
    )
    assert detail["locale"] == language
    assert detail["url"] == article.get_full_url()
    assert detail["url"].startswith(f"http://testserver/{language}/")
    assert detail["lead"] == article.lead
    assert detail["publication_date"] == "2024-02-02"
    # Each edition's own topics (issue 12: translated topics), by name.
    names = {"lt": ["Kultūra", "Švietimas"], "en": ["Culture", "Education"]}[language]
    assert [t["name"] for t in detail["topics"]] == names
    assert [(t["locale"], t["id"], t["title"]) for t in detail["translations"]] == [
        (other.locale.language_code, other.pk, other.title)
    ]
    assert detail["first_published_at"] is not None
    assert detail["draft"] is False
    assert detail["rich_text_format"] == "html"
    assert [block["type"] for block in detail["body"]] == [
        "heading",
        "paragraph",
        "image",
        "quote",
        "initiatives",
        "indicator_table",
        "references",
    ]


@pytest.mark.parametrize("language", ["lt", "en"])
def test_detail_hero_image_renditions(client, api_articles, language):
    article = api_articles["lt_mid" if language == "lt" else "en_mid"]

    hero = get_json(client, article_url(article))["hero_image"]

    assert hero["id"] == article.hero_image_id
    assert hero["alt"] == article.hero_image_alt
    sizes = {name: (r["width"], r["height"]) for name, r in hero["renditions"].items()}
    # 64x48 source image: fills crop it, widths never upscale it.
    assert sizes == {"card": (64, 36), "medium": (64, 48), "large": (64, 48), "social": (64, 34)}
    for name, spec in [
        ("card", "fill-480x270"),
        ("medium", "width-800"),
        ("large", "width-1600"),
        ("social", "fill-1200x630"),
    ]:
        url = hero["renditions"][name]["url"]
        assert url.startswith("http://testserver/media/images/") and f".{spec}" in url


def test_detail_blocks_heading_quote_image(client, api_articles):
    detail = get_json(client, article_url(api_articles["lt_mid"]))

    [heading] = blocks_of(detail, "heading")
    assert heading["value"] == {"text": "Mokymasis visiems", "level": "h2"}
    assert heading["id"]
    [quote] = blocks_of(detail, "quote")
    assert quote["value"] == {
        "text": "Mokytis niekada nevėlu.",
        "attribution": "Meras",
        "style": "quote",
    }
    [image] = blocks_of(detail, "image")
    assert image["value"]["alt"] == "Rotušė sutemus"
    assert image["value"]["caption"] == "Rotušės a."
    assert image["value"]["image"]["id"] == api_articles["lt_mid"].hero_image_id
    assert set(image["value"]["image"]["renditions"]) == {"medium", "large"}
    assert (image["value"]["image"]["width"], image["value"]["image"]["height"]) == (64, 48)


@pytest.mark.parametrize("language", ["lt", "en"])
def test_detail_indicator_table_block(client, api_articles, language):
    article = api_articles["lt_mid" if language == "lt" else "en_mid"]

    [table] = blocks_of(get_json(client, article_url(article)), "indicator_table")

    assert table["value"] == {
        "caption": "Faktai ir skaičiai 2024",
        "rows": [
            {"indicator": "Besimokantys", "value": "12 000", "note": "Apklausa"},
            {"indicator": "Kursai", "value": "340", "note": ""},
        ],
    }


@pytest.mark.parametrize("language", ["lt", "en"])
def test_detail_initiatives_block(client, api_articles, language):
    article = api_articles["lt_mid" if language == "lt" else "en_mid"]

    [initiatives] = blocks_of(get_json(client, article_url(article)), "initiatives")

    assert initiatives["value"] == {
        "heading": "Ką daro miestas",
        "items": [
            {"label": "Bibliotekos", "text": "Dirba vakarais."},
            {"label": "Mokyklos", "text": "Kursai suaugusiems."},
        ],
    }


@pytest.mark.parametrize("language", ["lt", "en"])
def test_detail_references_block_with_the_anchors_of_the_html(client, api_articles, language):
    article = api_articles["lt_mid" if language == "lt" else "en_mid"]

    [references] = blocks_of(get_json(client, article_url(article)), "references")
    html = client.get(article.url).content.decode()

    assert references["value"]["heading"] == "Šaltiniai"
    assert references["value"]["items"] == [
        {
            "anchor": "ref-1",
            "title": "Learning Cities network",
            "publisher": "UNESCO",
            "url": "https://uil.unesco.org/lifelong-learning/learning-cities",
            "accessed": "2024-05-02",
        },
        {
            "anchor": "ref-2",
            "title": "Miesto ataskaita",
            "publisher": "",
            "url": None,
            "accessed": None,
        },
    ]
    for item in references["value"]["items"]:
        assert f'id="{item["anchor"]}"' in html


def test_detail_rich_text_is_html_with_resolved_links_by_default(client, api_articles):
    [paragraph] = blocks_of(get_json(client, article_url(api_articles["lt_mid"])), "paragraph")

    assert "<b>UNESCO</b>" in paragraph["value"]
    assert '<a href="https://uil.unesco.org/">' in paragraph["value"]
    assert f'<a href="{api_articles["lt_old"].url}">Kitas straipsnis</a>' in paragraph["value"]
    assert "linktype" not in paragraph["value"]


def test_rich_text_page_links_follow_the_language_of_the_article(client, api_site, api_image):
    target = make_article(api_site.news_lt, "Tikslas", slug="tikslas")
    target_en = translate(target, api_site.en, title="Target", slug="target")
    source = make_article(
        api_site.news_lt, "Šaltinis", body=full_body(api_image, linked_page=target)
    )
    source_en = translate(source, api_site.en, title="Source", slug="source")

    [lt_paragraph] = blocks_of(get_json(client, article_url(source)), "paragraph")
    [en_paragraph] = blocks_of(get_json(client, article_url(source_en)), "paragraph")

    assert f'href="{target.url}"' in lt_paragraph["value"]
    assert f'href="{target_en.url}"' in en_paragraph["value"]
    assert target_en.url.startswith("/en/")


def test_rich_text_document_links_are_resolved(client, api_site, api_image):
    document = make_document()
    article = make_article(
        api_site.news_lt, "Su dokumentu", body=full_body(api_image, document=document)
    )

    [paragraph] = blocks_of(get_json(client, article_url(article)), "paragraph")

    assert f'<a href="{document.url}">Ataskaita</a>' in paragraph["value"]


@pytest.mark.parametrize(
    ("rich_text_format", "expected", "absent"),
    [
        ("html", "<b>UNESCO</b>", "linktype"),
        ("db_html", 'linktype="page"', 'href="/lt/'),
        ("markdown", "**UNESCO**", "wagtail://"),
        ("db_markdown", "wagtail://page?id=", "<b>"),
    ],
)
def test_rich_text_format_is_the_clients_choice(
    client, api_articles, rich_text_format, expected, absent
):
    detail = get_json(
        client, article_url(api_articles["lt_mid"]), rich_text_format=rich_text_format
    )
    [paragraph] = blocks_of(detail, "paragraph")

    assert detail["rich_text_format"] == rich_text_format
    assert expected in paragraph["value"]
    assert absent not in paragraph["value"]


def test_markdown_links_are_resolved_to_the_website(client, api_articles):
    detail = get_json(client, article_url(api_articles["lt_mid"]), rich_text_format="markdown")
    [paragraph] = blocks_of(detail, "paragraph")

    assert f"[Kitas straipsnis]({api_articles['lt_old'].url})" in paragraph["value"]


def test_detail_of_an_article_whose_image_was_deleted(client, api_articles):
    article = api_articles["lt_mid"]
    article.hero_image.delete()

    detail = get_json(client, article_url(article))

    assert detail["hero_image"] is None
    [image] = blocks_of(detail, "image")
    assert image["value"]["image"] is None
    assert image["value"]["alt"] == "Rotušė sutemus"
