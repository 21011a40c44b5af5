"""Contract of the article endpoints: /api/v3/articles/, /articles/{id}/, /articles/{id}/more/."""

import datetime

import pytest
from django.test import override_settings

from ..factories import translate
from .builders import full_body, make_article, make_document

pytestmark = pytest.mark.django_db

LISTING_FIELDS = {
    "type",
    "id",
    "title",
    "slug",
    "locale",
    "fallback",
    "url",
    "detail_url",
    "lead",
    "publication_date",
    "topics",
    "hero_image",
    "translations",
}
DETAIL_FIELDS = LISTING_FIELDS | {
    "seo_title",
    "search_description",
    "first_published_at",
    "last_published_at",
    "draft",
    "rich_text_format",
    "body",
}


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    return response.json()


def article_url(page, suffix=""):
    return f"/api/v3/articles/{page.pk}/{suffix}"


def blocks_of(detail, kind):
    return [block for block in detail["body"] if block["type"] == kind]


# Listing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [("lt", ["Naujas", "Vidurinis", "Senas"]), ("en", ["English only", "Middle"])],
)
def test_listing_filters_by_locale_newest_first(client, api_articles, language, expected):
    listing = get_json(client, "/api/v3/articles/", locale=language)

    assert listing["count"] == len(expected)
    assert [item["title"] for item in listing["items"]] == expected
    assert {item["locale"] for item in listing["items"]} == {language}
    dates = [item["publication_date"] for item in listing["items"]]
    assert dates == sorted(dates, reverse=True)


def test_listing_without_locale_has_every_edition(client, api_articles):
    listing = get_json(client, "/api/v3/articles/")

    assert listing["count"] == 5
    assert {item["locale"] for item in listing["items"]} == {"lt", "en"}


@pytest.mark.parametrize("language", ["lt", "en"])
def test_listing_item_fields(client, api_articles, language):
    listing = get_json(client, "/api/v3/articles/", locale=language)
    item = next(
        i
        for i in listing["items"]
        if i["id"] in (api_articles["lt_mid"].pk, api_articles["en_mid"].pk)
    )
    article = api_articles["lt_mid"] if language == "lt" else api_articles["en_mid"]
    other = api_articles["en_mid"] if language == "lt" else api_articles["lt_mid"]
    path = {"lt": "/lt/naujienos/vidurinis/", "en": "/en/news/middle/"}

    assert set(item) == LISTING_FIELDS
    assert item["type"] == "news.ArticlePage"
    assert item["id"] == article.pk
    assert item["title"] == article.title
    assert item["slug"] == article.slug
    assert item["locale"] == language
    assert item["fallback"] is False
    assert item["url"] == f"http://testserver{path[language]}"
    assert item["detail_url"] == f"http://testserver/api/v3/articles/{article.pk}/"
    assert item["lead"] == article.lead
    assert item["publication_date"] == "2024-02-02"
    assert item["topics"] == [
        {"name": "Kultūra", "slug": "kultūra"},
        {"name": "Švietimas", "slug": "švietimas"},
    ]
    other_language = "en" if language == "lt" else "lt"
    assert item["translations"] == [
        {
            "locale": other_language,
            "id": other.pk,
            "url": f"http://testserver{path[other_language]}",
            "title": other.title,
        }
    ]
    hero = item["hero_image"]
    assert hero["id"] == article.hero_image_id
    assert hero["alt"] == {"lt": "Nuotrauka", "en": "A photo"}[language]
    card = hero["renditions"]["card"]
    assert set(hero["renditions"]) == {"card"}
    assert card["url"].startswith("http://testserver/media/images/")
    assert ".fill-480x270" in card["url"]
    assert (card["width"], card["height"]) == (64, 36)


def test_listing_article_without_edition_or_image(client, api_articles):
    listing = get_json(client, "/api/v3/articles/", locale="en")
    item = next(i for i in listing["items"] if i["id"] == api_articles["en_only"].pk)

    assert item["translations"] == []
    assert item["hero_image"] is None
    assert item["topics"] == []


@pytest.mark.parametrize(
    ("language", "topic", "expected"),
    [
        ("lt", "kultūra", ["Vidurinis", "Senas"]),
        ("lt", "Kultūra", ["Vidurinis", "Senas"]),
        ("lt", "KULTŪRA", ["Vidurinis", "Senas"]),
        ("lt", "sportas", ["Naujas"]),
        ("en", "švietimas", ["Middle"]),
        ("en", "sportas", []),
        ("lt", "no-such-topic", []),
    ],
)
def test_listing_filters_by_topic(client, api_articles, language, topic, expected):
    listing = get_json(client, "/api/v3/articles/", locale=language, topic=topic)

    assert [item["title"] for item in listing["items"]] == expected
    assert listing["count"] == len(expected)


def test_listing_oldest_first_on_request(client, api_articles):
    listing = get_json(client, "/api/v3/articles/", locale="lt", order="publication_date")

    assert [item["title"] for item in listing["items"]] == ["Senas", "Vidurinis", "Naujas"]


def test_listing_limit_offset_and_total_count(client, api_site):
    for day in range(1, 8):
        make_article(api_site.news_lt, f"Diena {day}", date=datetime.date(2024, 5, day))

    first = get_json(client, "/api/v3/articles/", locale="lt", limit=3)
    second = get_json(client, "/api/v3/articles/", locale="lt", limit=3, offset=3)
    last = get_json(client, "/api/v3/articles/", locale="lt", limit=3, offset=6)
    beyond = get_json(client, "/api/v3/articles/", locale="lt", limit=3, offset=50)

    assert [first["count"], second["count"], last["count"], beyond["count"]] == [7] * 4
    titles = [i["title"] for page in (first, second, last) for i in page["items"]]
    assert titles == [f"Diena {day}" for day in range(7, 0, -1)]
    assert beyond["items"] == []


@override_settings(NEWS_PAGE_SIZE=10)
def test_listing_default_limit_is_the_site_page_size(client, api_site):
    for day in range(1, 13):
        make_article(api_site.news_en, f"Day {day}", date=datetime.date(2024, 5, day))

    listing = get_json(client, "/api/v3/articles/", locale="en")

    assert listing["count"] == 12
    assert len(listing["items"]) == 10


def test_listing_search(client, api_articles):
    listing = get_json(client, "/api/v3/articles/", locale="lt", search="Vidurinis")

    assert [item["title"] for item in listing["items"]] == ["Vidurinis"]


# Locale fallback ------------------------------------------------------------------------


def test_listing_fallback_serves_lithuanian_editions_of_untranslated_articles(client, api_articles):
    listing = get_json(client, "/api/v3/articles/", locale="en", fallback="lt")

    served = [(item["title"], item["locale"], item["fallback"]) for item in listing["items"]]
    assert served == [
        ("Naujas", "lt", True),
        ("English only", "en", False),
        ("Middle", "en", False),  # its Lithuanian edition "Vidurinis" is not repeated
        ("Senas", "lt", True),
    ]
    assert listing["count"] == 4


def test_listing_fallback_with_topic_and_paging(client, api_articles):
    listing = get_json(
        client, "/api/v3/articles/", locale="en", fallback="lt", topic="kultūra", limit=1, offset=1
    )

    assert listing["count"] == 2
    assert [(i["title"], i["fallback"]) for i in listing["items"]] == [("Senas", True)]


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
    assert [t["name"] for t in detail["topics"]] == ["Kultūra", "Švietimas"]
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


# More news ------------------------------------------------------------------------------


@override_settings(NEWS_MORE_COUNT=3)
@pytest.mark.parametrize("language", ["lt", "en"])
def test_more_news_same_locale_newest_first_without_the_article(client, api_site, language):
    articles = [
        make_article(
            api_site.index(language), f"{language} {day}", date=datetime.date(2024, 4, day)
        )
        for day in range(1, 7)
    ]
    current = articles[3]  # 2024-04-04

    more = get_json(client, article_url(current, "more/"))

    assert [item["id"] for item in more["items"]] == [
        a.pk for a in (articles[5], articles[4], articles[2])
    ]
    assert {item["locale"] for item in more["items"]} == {language}
    assert all(set(item) == LISTING_FIELDS for item in more["items"])


@override_settings(NEWS_MORE_COUNT=2)
def test_more_news_follows_the_setting(client, api_articles):
    more = get_json(client, article_url(api_articles["lt_old"], "more/"))

    assert [item["title"] for item in more["items"]] == ["Naujas", "Vidurinis"]


def test_more_news_of_a_missing_article_is_a_json_404(client, api_articles):
    response = client.get("/api/v3/articles/987654/more/")

    assert response.status_code == 404
    assert response.json()["status"] == 404
