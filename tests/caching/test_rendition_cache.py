"""A page rendered again, unchanged, reads its cache entries and writes none
(news/renditions.py): Wagtail 8.0.1's ``{% image %}`` wrote every rendition it showed back to
the cache on each render, up to 50 queries a page with Django's database cache (the cache of
production without Redis, table cms_cache), a Redis SET each with Redis."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import ArticleAuthor, Author
from news.renditions import get_rendition

from ..factories import create_article, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_cache(settings):
    """The cache production has without REDIS_URL, in a table the test rolls back."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cms_cache",
        }
    }
    call_command("createcachetable", verbosity=0)


@pytest.fixture
def newsroom(tree):
    """Cards with hero images, and an article with a hero, a body image and a byline photo."""
    for number in range(4):
        create_article(
            tree.news_lt,
            f"Mokyklos naujiena {number}",
            hero_image=make_image(f"Hero {number}", size=(96, 54)),
        )
    article = create_article(
        tree.news_lt,
        "Mokyklos atsidaro",
        hero_image=make_image("Hero", size=(96, 54)),
        body=[{"type": "image", "value": {"image": make_image("Body").pk, "alt_text": "A hall"}}],
    )
    author = Author.objects.create(
        name="Ona Jonaitė", slug="ona-jonaite", photo=make_image("Ona"), locale=tree.lt
    )
    ArticleAuthor.objects.create(article=article, author=author, sort_order=0)
    return article


def cache_table_statements(captured):
    return [q["sql"].split()[0].upper() for q in captured if '"cms_cache"' in q["sql"]]


def written(statements):
    return [verb for verb in statements if verb in ("INSERT", "UPDATE", "DELETE")]


@pytest.mark.parametrize(
    "url",
    [
        "/lt/",
        "/lt/naujienos/",
        "article",
        "/lt/paieska/?q=mokyklos",
        "/lt/autoriai/ona-jonaite/",
    ],
)
def test_a_page_rendered_again_writes_no_cache_entry(client, newsroom, url):
    url = newsroom.url if url == "article" else url
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    # The first render made the renditions and wrote them and the fragments to the cache.
    assert written(cache_table_statements(first)), url

    with CaptureQueriesContext(connection) as again:
        response = client.get(url)
    assert response.status_code == 200
    assert 'src="/media/images/' in response.content.decode(), url
    assert written(cache_table_statements(again)) == [], url


def test_the_article_reads_its_renditions_from_the_cache(client, newsroom):
    client.get(newsroom.url)
    with CaptureQueriesContext(connection) as again:
        client.get(newsroom.url)
    rendition_reads = [
        q for q in again if '"cms_cache"' in q["sql"] and "wagtail-rendition-" in q["sql"]
    ]
    # Hero (page and og:image), body image, byline photo: one read each, no database lookup.
    assert len(rendition_reads) == 4
    assert not [q for q in again if '"wagtailimages_rendition"' in q["sql"]]


def test_a_rendition_is_cached_once_and_then_read(image, monkeypatch):
    first = get_rendition(image, "fill-100x100")
    writes = []
    for name in ("set", "set_many", "add"):
        monkeypatch.setattr(caches["default"], name, lambda *args, **kwargs: writes.append(args))
    again = get_rendition(image, "fill-100x100")
    assert (again.pk, again.url) == (first.pk, first.url)
    assert again.image is image
    assert writes == []


def test_an_image_whose_file_is_missing_shows_wagtails_placeholder(client, tree):
    image = make_image("Lost", size=(96, 54))
    create_article(tree.news_lt, "Be nuotraukos", hero_image=image)
    image.file.storage.delete(image.file.name)
    response = client.get("/lt/naujienos/")
    assert response.status_code == 200
    assert 'src="/media/not-found"' in response.content.decode()


def test_templates_use_the_projects_image_tag():
    """Wagtail's own {% image %} (wagtailimages_tags) would write the cache on every render."""
    root = Path(django_settings.BASE_DIR)
    templates = [
        path
        for app in ("cms", "home", "news")
        for path in (root / app).rglob("*.html")
        if "wagtailimages_tags" in path.read_text()
    ]
    assert templates == []
