"""Language editions: <html lang>, hreflang, the language switcher, Open Graph, JSON-LD,
the sitemap, the RSS feeds and the language redirect of "/"."""

import json
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from .factories import make_topic, soup, translate

SITE = "http://localhost"
XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def translated(article_factory, tree, image):
    """A Lithuanian article with a hero image and its live English translation."""
    topic = make_topic(tree.lt, "mokymasis")
    make_topic(tree.en, "learning", translation_of=topic)
    lt = article_factory(
        "lt", "Vasaros mokykla", slug="vasaros-mokykla", hero_image=image, topics=[topic]
    )
    en = translate(lt, tree.en, title="Summer school", slug="summer-school", lead="In English.")
    return lt, en


@pytest.fixture
def untranslated(article_factory):
    """A Lithuanian article without an English edition and without a hero image."""
    return article_factory("lt", "Tik lietuviškai", slug="tik-lietuviskai")


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return soup(response)


def hreflangs(html):
    return {
        link["hreflang"]: link["href"]
        for link in html.select('head link[rel="alternate"][hreflang]')
    }


def switcher(html):
    """The language switcher's entries: (language, tag, href or None, classes)."""
    entries = []
    for item in html.select(".language-switcher li"):
        entry = item.select_one("[lang]")
        entries.append((entry["lang"], entry.name, entry.get("href"), entry.get("class", [])))
    return entries


def meta(html, prop):
    return [tag["content"] for tag in html.select(f'head meta[property="{prop}"]')]


def json_ld(html):
    (script,) = html.select('script[type="application/ld+json"]')
    return json.loads(script.string)


# <html lang>


@pytest.mark.parametrize(
    ("url", "language"),
    [
        ("/lt/", "lt"),
        ("/en/", "en"),
        ("/lt/naujienos/", "lt"),
        ("/en/news/", "en"),
        ("/lt/naujienos/vasaros-mokykla/", "lt"),
        ("/en/news/summer-school/", "en"),
    ],
)
def test_html_lang_follows_the_edition(client, translated, url, language):
    assert get_html(client, url).html["lang"] == language


# hreflang alternates


def test_hreflang_of_a_translated_page_lists_both_editions(client, translated):
    expected = {
        "lt": f"{SITE}/lt/naujienos/vasaros-mokykla/",
        "en": f"{SITE}/en/news/summer-school/",
        "x-default": f"{SITE}/lt/naujienos/vasaros-mokykla/",
    }
    for page in translated:
        assert hreflangs(get_html(client, page.url)) == expected


def test_hreflang_of_an_untranslated_page_lists_only_its_edition(client, untranslated):
    url = f"{SITE}/lt/naujienos/tik-lietuviskai/"
    assert hreflangs(get_html(client, untranslated.url)) == {"lt": url, "x-default": url}


def test_x_default_of_an_english_only_page_is_the_english_page(client, article_factory):
    article = article_factory("en", "English only", slug="english-only")
    url = f"{SITE}/en/news/english-only/"
    assert hreflangs(get_html(client, article.url)) == {"en": url, "x-default": url}


def test_a_draft_translation_is_no_edition(client, translated):
    lt, en = translated
    en.unpublish()
    html = get_html(client, lt.url)
    assert set(hreflangs(html)) == {"lt", "x-default"}
    assert switcher(html)[1][2] == "/en/"


def test_home_and_news_index_editions(client, tree):
    assert hreflangs(get_html(client, "/en/news/")) == {
        "lt": f"{SITE}/lt/naujienos/",
        "en": f"{SITE}/en/news/",
        "x-default": f"{SITE}/lt/naujienos/",
    }
    assert hreflangs(get_html(client, "/en/")) == {
        "lt": f"{SITE}/lt/",
        "en": f"{SITE}/en/",
        "x-default": f"{SITE}/lt/",
    }


# Language switcher


def test_switcher_links_to_the_same_page_in_the_other_language(client, translated):
    lt, en = translated
    assert switcher(get_html(client, lt.url)) == [
        ("lt", "span", None, ["language-switcher__current"]),
        ("en", "a", "/en/news/summer-school/", []),
    ]
    assert switcher(get_html(client, en.url)) == [
        ("lt", "a", "/lt/naujienos/vasaros-mokykla/", []),
        ("en", "span", None, ["language-switcher__current"]),
    ]


def test_switcher_names_each_language_in_that_language(client, translated):
    html = get_html(client, translated[0].url)
    names = {
        tag["lang"]: tag.get_text(strip=True) for tag in html.select(".language-switcher [lang]")
    }
    assert names == {"lt": "Lietuviškai", "en": "English"}
    current = html.select_one(".language-switcher__current")
    assert current["aria-current"] == "true"
    link = html.select_one(".language-switcher a")
    assert link["hreflang"] == "en" and link["rel"] == ["alternate"]


def test_switcher_says_when_an_edition_is_missing_and_links_its_home(client, untranslated):
    html = get_html(client, untranslated.url)
    assert switcher(html) == [
        ("lt", "span", None, ["language-switcher__current"]),
        ("en", "a", "/en/", ["language-switcher__missing"]),
    ]
    missing = html.select_one(".language-switcher__missing")
    assert "rel" not in missing.attrs  # the English home page is no alternate of this page
    note = missing.find_next_sibling(class_="language-switcher__note")
    assert note is not None and note.get_text(strip=True)


def test_switcher_from_english_only_page_leads_to_lithuanian_home(client, article_factory):
    article = article_factory("en", "English only")
    assert switcher(get_html(client, article.url))[0] == (
        "lt",
        "a",
        "/lt/",
        ["language-switcher__missing"],
    )


# Canonical URL and Open Graph


def test_canonical_and_og_url(client, translated):
    lt, en = translated
    for page, url in [
        (lt, f"{SITE}/lt/naujienos/vasaros-mokykla/"),
        (en, f"{SITE}/en/news/summer-school/"),
    ]:
        html = get_html(client, page.url)
        assert [link["href"] for link in html.select('link[rel="canonical"]')] == [url]
        assert meta(html, "og:url") == [url]


def test_og_locale_of_a_translated_page(client, translated):
    lt, en = translated
    html = get_html(client, lt.url)
    assert meta(html, "og:locale") == ["lt_LT"]
    assert meta(html, "og:locale:alternate") == ["en_GB"]
    html = get_html(client, en.url)
    assert meta(html, "og:locale") == ["en_GB"]
    assert meta(html, "og:locale:alternate") == ["lt_LT"]


def test_og_locale_of_an_untranslated_page(client, untranslated):
    html = get_html(client, untranslated.url)
    assert meta(html, "og:locale") == ["lt_LT"]
    assert meta(html, "og:locale:alternate") == []


def test_article_open_graph(client, translated):
    lt, _en = translated
    html = get_html(client, lt.url)
    assert meta(html, "og:type") == ["article"]
    assert meta(html, "og:title") == ["Vasaros mokykla"]
    assert meta(html, "og:description") == [lt.lead]
    assert meta(html, "article:published_time") == ["2024-01-01"]
    (image_url,) = meta(html, "og:image")
    assert image_url.startswith("http") and ".fill-1200x630" in image_url
    assert meta(html, "og:image:alt") == ["A photo"]


def test_no_og_image_without_a_hero_image(client, untranslated):
    assert meta(get_html(client, untranslated.url), "og:image") == []


# JSON-LD


def test_json_ld_news_article(client, translated):
    lt, en = translated
    data = json_ld(get_html(client, en.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Summer school"
    assert data["description"] == "In English."
    assert data["datePublished"] == "2024-01-01"
    assert data["inLanguage"] == "en"
    assert data["url"] == data["mainEntityOfPage"] == f"{SITE}/en/news/summer-school/"
    assert data["publisher"]["@type"] == "Organization"
    # Topics are translated (issue 12): the English edition's keyword is the English topic.
    assert data["keywords"] == ["learning"]
    (image_url,) = data["image"]
    assert image_url.startswith("http") and ".fill-1200x630" in image_url
    assert json_ld(get_html(client, lt.url))["inLanguage"] == "lt"


def test_json_ld_without_hero_image_has_no_image(client, untranslated):
    data = json_ld(get_html(client, untranslated.url))
    assert data["headline"] == "Tik lietuviškai"
    assert "image" not in data
    assert "keywords" not in data


def test_json_ld_cannot_close_its_script_element(client, article_factory):
    title = "</script><script>alert(1)</script>"
    response = client.get(article_factory("lt", title, slug="xss").url)
    assert response.content.decode().count("<script") == 1  # only the JSON-LD element
    assert json_ld(soup(response))["headline"] == title


def test_only_articles_have_json_ld(client, tree):
    assert get_html(client, "/lt/").select('script[type="application/ld+json"]') == []


# Sitemap


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in urlset.iter(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_live_page_of_both_editions(
    client, tree, translated, untranslated, article_factory
):
    article_factory("lt", "Juodraštis", slug="juodrastis", live=False)
    unpublished = article_factory("en", "Withdrawn", slug="withdrawn")
    unpublished.unpublish()
    private = article_factory("lt", "Privatus", slug="privatus")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert sorted(read_sitemap(client)) == sorted(
        f"{SITE}{path}"
        for path in [
            "/lt/",
            "/lt/naujienos/",
            "/lt/naujienos/vasaros-mokykla/",
            "/lt/naujienos/tik-lietuviskai/",
            "/en/",
            "/en/news/",
            "/en/news/summer-school/",
            # Topic pages of topics with a live article (issue 12).
            "/lt/temos/mokymasis/",
            "/en/topics/learning/",
        ]
    )


def test_sitemap_alternates(client, translated, untranslated):
    sitemap = read_sitemap(client)
    both = {
        "lt": f"{SITE}/lt/naujienos/vasaros-mokykla/",
        "en": f"{SITE}/en/news/summer-school/",
        "x-default": f"{SITE}/lt/naujienos/vasaros-mokykla/",
    }
    assert sitemap[both["lt"]] == both
    assert sitemap[both["en"]] == both
    only_lt = f"{SITE}/lt/naujienos/tik-lietuviskai/"
    assert sitemap[only_lt] == {"lt": only_lt, "x-default": only_lt}
    assert sitemap[f"{SITE}/en/"] == {
        "lt": f"{SITE}/lt/",
        "en": f"{SITE}/en/",
        "x-default": f"{SITE}/lt/",
    }


# RSS


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel.findtext("language"), [item.findtext("title") for item in channel.iter("item")]


def test_feeds_carry_only_their_languages_live_articles(
    client, translated, untranslated, article_factory
):
    article_factory("lt", "Juodraštis", live=False)
    article_factory("en", "Draft", live=False)
    # Both Lithuanian articles share a date: the newer page comes first.
    assert read_feed(client, "/lt/rss.xml") == ("lt", ["Tik lietuviškai", "Vasaros mokykla"])
    assert read_feed(client, "/en/rss.xml") == ("en", ["Summer school"])


def test_feed_is_newest_first_and_links_the_articles(client, dated_articles):
    articles = dated_articles("lt", 3)
    response = client.get("/lt/rss.xml")
    channel = ET.fromstring(response.content).find("channel")
    links = [item.findtext("link") for item in channel.iter("item")]
    # The Site's address, like canonical links (issue 12), not the request's host.
    assert links == [article.full_url for article in reversed(articles)]


def test_feed_is_linked_from_each_edition(client, tree):
    for language in ("lt", "en"):
        html = get_html(client, f"/{language}/")
        feed = html.select_one('head link[type="application/rss+xml"]')
        assert feed["href"] == f"/{language}/rss.xml"


# "/" redirect


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [(None, "/lt/"), ("en", "/en/"), ("en-GB,en;q=0.9", "/en/"), ("de", "/lt/"), ("lt", "/lt/")],
)
def test_root_redirects_to_a_language(client, tree, accept_language, target):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.url == target
    assert client.get(response.url).status_code == 200
