"""Nothing but live, public pages of the requested site reaches an anonymous client.

Every hidden page is looked for through every door: our listing, search, detail, locale
switch, lookup by path, "More news", the home page, the editions of other pages, and
Wagtail's own pages endpoints (listing, search, detail, find).
"""

import datetime

import pytest
from django.test import override_settings
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site

from home.models import HomePage
from news.models import NewsIndexPage

from ..factories import translate
from .builders import make_article, make_document, make_image

pytestmark = pytest.mark.django_db

SECRET = "Slaptažodis"  # a word only the hidden pages contain, for the searches


def ids(items):
    return {item["id"] for item in items}


def doors(client, page, *, host="testserver"):
    """{door: whether `page` came out of it} for an anonymous client."""
    get = lambda url, **params: client.get(url, params, HTTP_HOST=host)  # noqa: E731
    language = page.locale.language_code
    path = page.url_path[len(page.url_path.split("/")[1]) + 1 :]  # under its home page
    html_path = f"/{language}{path}"
    more = set()
    listing = get("/api/v3/articles/", limit=100).json()["items"]
    for item in listing:
        more |= ids(get(f"/api/v3/articles/{item['id']}/more/").json()["items"])
    editions = {t["id"] for item in listing for t in item["translations"]}
    homes = get("/api/v3/home/", locale=language)
    find = get("/api/v3/pages/find/", html_path=html_path)
    return {
        "listing": page.pk in ids(listing),
        "locale listing": page.pk in ids(get("/api/v3/articles/", locale=language).json()["items"]),
        "search": page.pk in ids(get("/api/v3/articles/", search=SECRET).json()["items"]),
        "detail": get(f"/api/v3/articles/{page.pk}/").status_code != 404,
        "more news of": get(f"/api/v3/articles/{page.pk}/more/").status_code != 404,
        "more news": page.pk in more,
        "editions of others": page.pk in editions,
        "home": homes.status_code == 200 and page.pk in ids(homes.json()["latest_articles"]),
        "route": get("/api/v3/route/", html_path=html_path).status_code != 404,
        "wagtail listing": page.pk in ids(get("/api/v3/pages/", limit=100).json()["items"]),
        "wagtail search": page.pk in ids(get("/api/v3/pages/", search=SECRET).json()["items"]),
        "wagtail detail": get(f"/api/v3/pages/{page.pk}/").status_code != 404,
        "wagtail find": find.status_code == 302,
    }


def seen_through(client, page, **kwargs):
    return sorted(door for door, seen in doors(client, page, **kwargs).items() if seen)


ALL_DOORS = [
    "detail",
    "editions of others",
    "home",
    "listing",
    "locale listing",
    "more news",
    "more news of",
    "route",
    "search",
    "wagtail detail",
    "wagtail find",
    "wagtail listing",
    "wagtail search",
]


@pytest.fixture
def neighbours(api_site):
    """Live articles around the hidden ones, so that every listing has something to show."""
    lt = make_article(api_site.news_lt, "Kaimynas", date=datetime.date(2024, 1, 1))
    en = translate(lt, api_site.en, title="Neighbour", slug="neighbour")
    return lt, en


def test_a_live_public_article_comes_out_of_every_door(client, api_site, neighbours):
    """The positive control of the tests below: the doors do open."""
    article = make_article(
        api_site.news_lt, f"Matomas {SECRET}", slug="matomas", date=datetime.date(2024, 6, 1)
    )
    translate(article, api_site.en, title=f"Visible {SECRET}", slug="visible")

    assert seen_through(client, article) == ALL_DOORS


def test_drafts_never_come_out(client, api_site, neighbours):
    draft = make_article(api_site.news_lt, f"Juodraštis {SECRET}", slug="juodrastis", live=False)

    assert seen_through(client, draft) == []


def test_unpublished_articles_never_come_out(client, api_site, neighbours):
    article = make_article(api_site.news_lt, f"Atšauktas {SECRET}", slug="atsauktas")
    article.unpublish()

    assert seen_through(client, article) == []


def test_a_draft_revision_of_a_live_article_stays_unseen(client, api_site, neighbours):
    article = make_article(api_site.news_lt, "Viešas", slug="viesas")
    article.title = f"Nauja antraštė {SECRET}"
    article.lead = "Juodraščio santrauka."
    article.save_revision()

    detail = client.get(f"/api/v3/articles/{article.pk}/").json()
    listing = client.get("/api/v3/articles/", {"search": SECRET}).json()
    wagtail = client.get(f"/api/v3/pages/{article.pk}/", {"version": "draft"}).json()

    assert (detail["title"], detail["lead"]) == ("Viešas", "Santrauka: Viešas.")
    assert listing["items"] == []
    assert wagtail["title"] == "Viešas"  # Wagtail serves drafts to token holders only


@pytest.mark.parametrize("restriction_type", ["password", "login", "groups"])
def test_private_articles_never_come_out(client, api_site, neighbours, restriction_type):
    article = make_article(api_site.news_lt, f"Privatus {SECRET}", slug="privatus")
    PageViewRestriction.objects.create(
        page=article, restriction_type=restriction_type, password="slaptas"
    )

    assert seen_through(client, article) == []


def test_articles_of_a_private_section_never_come_out(client, api_site, neighbours):
    article = make_article(api_site.news_en, f"In a private section {SECRET}", slug="inside")
    PageViewRestriction.objects.create(
        page=api_site.news_en, restriction_type="password", password="slaptas"
    )

    assert seen_through(client, article) == []
    assert client.get("/api/v3/route/", {"html_path": "/en/news/"}).status_code == 404
    assert client.get("/api/v3/home/", {"locale": "en"}).json()["news_index"] is None
    # The Lithuanian section is not affected (but its English edition is hidden).
    assert {"detail", "listing", "route", "wagtail detail"} <= set(
        seen_through(client, neighbours[0])
    )
    assert client.get(f"/api/v3/articles/{neighbours[0].pk}/").json()["translations"] == []


def test_an_unpublished_translation_never_comes_out(client, api_site, neighbours):
    source = make_article(
        api_site.news_lt, "Verčiamas", slug="verciamas", date=datetime.date(2024, 7, 1)
    )
    edition = source.copy_for_translation(api_site.en)  # a draft, never published
    edition.title = f"Being translated {SECRET}"
    edition.slug = "being-translated"
    edition.save_revision()

    assert seen_through(client, edition) == []
    detail = client.get(f"/api/v3/articles/{source.pk}/").json()
    assert detail["translations"] == []
    switched = client.get(f"/api/v3/articles/{source.pk}/", {"locale": "en"})
    assert switched.status_code == 404
    fallback = client.get(f"/api/v3/articles/{source.pk}/", {"locale": "en", "fallback": "lt"})
    assert (fallback.json()["id"], fallback.json()["fallback"]) == (source.pk, True)
    listing = client.get("/api/v3/articles/", {"locale": "en", "fallback": "lt"}).json()
    assert (source.pk, True) in {(i["id"], i["fallback"]) for i in listing["items"]}


def test_an_unpublished_translation_of_a_home_page_is_not_an_edition(client, api_site):
    api_site.home_en.unpublish()

    home = client.get("/api/v3/home/", {"locale": "lt"}).json()

    assert home["translations"] == []


@pytest.fixture
def other_site(api_site):
    """A second site on another host, with a Lithuanian home, news index and article."""

    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Kitas", slug="kitas", locale=api_site.lt)
    )
    Site.objects.create(hostname="other.example", port=80, root_page=home)
    index = home.add_child(
        instance=NewsIndexPage(title="Naujienos", slug="naujienos", locale=api_site.lt)
    )
    article = make_article(
        index, f"Kitos svetainės {SECRET}", slug="kitos", date=datetime.date(2024, 8, 1)
    )
    return home, article


@override_settings(ALLOWED_HOSTS=["testserver", "other.example"])
def test_pages_of_another_site_never_come_out(client, api_site, neighbours, other_site):
    home, article = other_site

    assert seen_through(client, article) == []
    # Wagtail's `site` parameter does not open the other site either.
    for url in [
        "/api/v3/pages/?site=other.example",
        f"/api/v3/pages/{article.pk}/?site=other.example:80",
        "/api/v3/pages/find/?html_path=/naujienos/kitos/&site=other.example",
        f"/api/v3/pages/?site=other.example&search={SECRET}",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/problem+json"
    own = client.get("/api/v3/pages/", {"site": "testserver", "limit": 100}).json()
    assert neighbours[0].pk in ids(own["items"]) and article.pk not in ids(own["items"])
    # From its own host, that site sees its article, and none of ours.
    assert "detail" in seen_through(client, article, host="other.example")
    assert seen_through(client, neighbours[0], host="other.example") == []
    other_home = client.get("/api/v3/home/", HTTP_HOST="other.example").json()
    assert other_home["id"] == home.pk


def test_images_and_documents_of_private_collections_never_come_out(client, api_site):
    private = Collection.get_first_root_node().add_child(name="Privati")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="slaptas"
    )
    public_image, hidden_image = make_image("Vieša"), make_image("Slapta", collection=private)
    public_doc, hidden_doc = make_document("Vieša"), make_document("Slapta", collection=private)

    images = ids(client.get("/api/v3/images/").json()["items"])
    documents = ids(client.get("/api/v3/documents/").json()["items"])

    assert public_image.pk in images and hidden_image.pk not in images
    assert public_doc.pk in documents and hidden_doc.pk not in documents
    assert client.get(f"/api/v3/images/{hidden_image.pk}/").status_code == 404
    assert client.get(f"/api/v3/documents/{hidden_doc.pk}/").status_code == 404
    assert client.get(f"/api/v3/images/{public_image.pk}/").status_code == 200
    assert client.get(f"/api/v3/documents/{public_doc.pk}/").status_code == 200


def test_a_session_does_not_open_drafts(client, api_site, neighbours, django_user_model):
    """The API trusts bearer tokens only: an admin's logged-in browser is anonymous here."""
    admin = django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
    client.force_login(admin)
    draft = make_article(api_site.news_lt, f"Juodraštis {SECRET}", slug="juodrastis", live=False)

    response = client.get(f"/api/v3/articles/{draft.pk}/", {"version": "draft"})

    assert response.status_code == 401
    assert seen_through(client, draft) == []
