"""HTTP caching headers, fragment caches and the URLs purged from the edge cache
(news/caching/)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from news.caching.purge import page_saves_batched, purge_targets
from news.caching.versions import listing_version
from news.models import NewsIndexPage, RelatedArticle

from ..factories import card_titles, create_article, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(tree):
    lt = [
        create_article(tree.news_lt, f"Straipsnis {n}", date=datetime.date(2024, 1, n))
        for n in range(1, 7)
    ]
    en = [
        create_article(tree.news_en, f"Article {n}", date=datetime.date(2024, 1, n))
        for n in range(1, 4)
    ]
    return lt, en


def public_urls(tree, articles):
    lt, en = articles
    return ["/lt/", "/en/", "/lt/naujienos/", "/en/news/", lt[0].url, en[0].url, "/lt/paieska/"]


def test_anonymous_pages_may_be_kept_by_shared_caches(client, tree, articles):
    for url in public_urls(tree, articles):
        response = client.get(url)
        assert response.status_code == 200, url
        cache_control = response["Cache-Control"]
        assert "public" in cache_control, url
        assert "s-maxage=" in cache_control and "max-age=" in cache_control, url
        assert not response.cookies, url
        vary = response.get("Vary", "")
        assert "Cookie" not in vary, url
        assert "Accept-Language" not in vary, url


def test_the_root_redirect_varies_on_the_language(client, tree):
    response = client.get("/")
    assert response.status_code in (301, 302)
    assert "public" not in response.get("Cache-Control", "")
    assert "Accept-Language" in response["Vary"]


def test_editors_get_private_pages(client, tree, articles, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(user)
    for url in public_urls(tree, articles):
        response = client.get(url)
        assert "public" not in response.get("Cache-Control", ""), url
        assert "private" in response["Cache-Control"], url


def test_previews_are_never_public(client, tree, articles, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(user)
    article = articles[0][0]
    response = client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


def test_restricted_pages_are_not_public(client, tree, articles):
    article = articles[0][0]
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = client.get(article.url)
    assert "public" not in response.get("Cache-Control", "")


def test_more_news_fragment_is_cached_and_follows_publishing(client, tree, articles):
    lt, _en = articles
    oldest = lt[0]
    client.get(oldest.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(oldest.url)
    assert card_titles(response) == ["Straipsnis 6", "Straipsnis 5", "Straipsnis 4"]
    # No query for the "More news" list: its cards come from the fragment cache.
    assert not [q for q in captured if '"publication_date" DESC' in q["sql"]]

    newest = create_article(tree.news_lt, "Naujausias", date=datetime.date(2024, 2, 1), live=False)
    newest.save_revision().publish()
    assert card_titles(client.get(oldest.url))[0] == "Naujausias"

    newest.refresh_from_db()
    newest.unpublish()
    assert "Naujausias" not in card_titles(client.get(oldest.url))


def test_home_latest_news_follows_publishing(client, tree, articles):
    before = card_titles(client.get("/lt/"))
    version = listing_version()
    newest = create_article(tree.news_lt, "Naujausias", date=datetime.date(2024, 2, 1), live=False)
    newest.save_revision().publish()
    assert listing_version() != version
    assert card_titles(client.get("/lt/")) == ["Naujausias", *before[:3]]


def test_batched_page_saves_leave_the_listing_version_to_their_writer(tree, articles):
    lt, _en = articles
    version = listing_version()
    with page_saves_batched():
        lt[0].save()
    assert listing_version() == version
    lt[0].save()
    assert listing_version() != version


def paths(urls):
    return {url.removeprefix("http://localhost") for url in urls}


def test_purge_targets_of_a_new_article(tree, articles):
    lt, _en = articles
    newest = lt[-1]
    targets = paths(purge_targets(newest))
    assert newest.url in targets
    # Among the newest: "More news" of every Lithuanian article changes.
    assert "/lt/naujienos/*" in targets
    assert "/en/news/" in targets and "/en/news/*" not in targets
    for url in ("/lt/", "/en/", "/lt/rss.xml", "/en/rss.xml", "/sitemap.xml", "/api/v3/*"):
        assert url in targets, url
    assert "/lt/paieska/*" in targets and "/en/search/*" in targets


def test_purge_targets_of_an_old_article(tree, articles):
    lt, _en = articles
    oldest = lt[0]
    targets = paths(purge_targets(oldest))
    assert oldest.url in targets
    assert "/lt/naujienos/" in targets and "/lt/naujienos/*" not in targets
    assert not any(other.url in targets for other in lt[1:])


def test_purge_targets_include_every_edition_that_chose_it_as_related(tree, articles):
    lt, _en = articles
    oldest, choosing = lt[0], lt[2]
    RelatedArticle.objects.create(article=choosing, related=oldest, sort_order=0)
    english = translate(choosing, tree.en, title="Choosing", slug="choosing")
    targets = paths(purge_targets(oldest))
    assert {oldest.url, choosing.url, english.url} <= targets
    assert lt[1].url not in targets


def test_purge_targets_include_the_other_edition(tree, articles):
    lt, _en = articles
    source = lt[0]
    english = translate(source, tree.en, title="Translated", slug="translated")
    assert {source.url, english.url} <= paths(purge_targets(source))
    assert {source.url, english.url} <= paths(purge_targets(english))


def test_purge_targets_after_a_move(tree, articles):
    lt, _en = articles
    targets = paths(purge_targets(tree.news_lt, old_url_path="/pradzia/senos-naujienos/"))
    assert "/lt/senos-naujienos/" in targets and "/lt/senos-naujienos/*" in targets
    assert "/lt/naujienos/*" in targets


@pytest.mark.parametrize("action", ["publish", "unpublish", "move", "delete"])
def test_changes_purge_after_commit(
    tree, articles, recorded, action, django_capture_on_commit_callbacks
):
    lt, _en = articles
    article = lt[-1]
    url = article.full_url
    with django_capture_on_commit_callbacks(execute=True):
        if action == "publish":
            article.title = "Pakeista"
            article.save_revision().publish()
        elif action == "unpublish":
            article.refresh_from_db()
            article.unpublish()
        elif action == "move":
            other = tree.home_lt.add_child(
                instance=NewsIndexPage(title="Archyvas", slug="archyvas", locale=tree.lt)
            )
            article.move(other, pos="last-child")
        else:
            article.delete()
    assert url in recorded
    assert "http://localhost/lt/naujienos/*" in recorded


def test_nothing_is_purged_without_a_frontend_cache(tree, articles, settings, recorded):
    settings.WAGTAILFRONTENDCACHE = {}
    articles[0][-1].save_revision().publish()
    assert recorded == []
