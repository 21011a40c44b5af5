"""Editing or deleting an author in the admin purges what shows their byline (issue 13)."""

import pytest
from django.urls import reverse

from news.models import ArticleAuthor, Author

SITE = "http://localhost"


@pytest.fixture
def ona(tree, article_factory):
    author = Author.objects.create(name="Ona Jonaitė", slug="ona", role="Redaktorė", locale=tree.lt)
    author_en = author.copy_for_translation(tree.en)
    author_en.save()
    for language, slug, person in [("lt", "mokyklos", author), ("en", "schools", author_en)]:
        article = article_factory(language, slug, slug=slug)
        ArticleAuthor.objects.create(article=article, author=person, sort_order=0)
    article_factory("lt", "Kitas", slug="kitas")
    draft = article_factory("lt", "Juodraštis", slug="juodrastis")
    ArticleAuthor.objects.create(article=draft, author=author, sort_order=0)
    draft.unpublish()
    return author


def test_editing_an_author_purges_their_page_and_live_articles(
    ona,
    admin_client,
    recorded,
    django_capture_on_commit_callbacks,
):
    edit = reverse("wagtailsnippets_news_author:edit", args=[ona.pk])
    data = {"name": ona.name, "slug": "ona", "role": "Vyr. redaktorė", "photo": "", "bio": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit, data)
    assert response.status_code == 302
    assert Author.objects.get(pk=ona.pk).role == "Vyr. redaktorė"
    # Every author page of the language: one whose slug changed keeps no stale copy.
    assert f"{SITE}/lt/autoriai/*" in recorded
    assert f"{SITE}/lt/naujienos/mokyklos/" in recorded
    # The cards that show the byline.
    assert {f"{SITE}/lt/", f"{SITE}/lt/naujienos/", f"{SITE}/lt/rss.xml"} <= set(recorded)
    assert f"{SITE}/lt/naujienos/kitas/" not in recorded  # not theirs
    assert f"{SITE}/lt/naujienos/juodrastis/" not in recorded  # not live
    assert not any(url.startswith(f"{SITE}/en/") for url in recorded)  # another edition


def test_deleting_an_author_purges_the_articles_that_showed_them(
    ona,
    admin_client,
    recorded,
    django_capture_on_commit_callbacks,
):
    delete = reverse("wagtailsnippets_news_author:delete", args=[ona.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(delete)
    assert response.status_code == 302
    assert not Author.objects.filter(pk=ona.pk).exists()
    assert f"{SITE}/lt/naujienos/mokyklos/" in recorded
    assert f"{SITE}/lt/autoriai/*" in recorded
