"""news 0007: taggit topics become news.Topic snippets, on a database with both editions.

The database is migrated back to before the topics (0005), given taggit tags the way the
site had them (each English edition with its source's Lithuanian tags, as wagtail-localize
synchronised them), then migrated forward; and back again, to check the way down.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from news.models import ArticlePage, Topic

from ..factories import create_article, translate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("news", "0005_search_index_title_body")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    executor = MigrationExecutor(connection)
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] == "news"]


def tag(apps, page, name):
    Tag = apps.get_model("taggit", "Tag")
    ArticlePageTag = apps.get_model("news", "ArticlePageTag")
    tag = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name, slug=name)
    ArticlePageTag.objects.create(content_object_id=page.pk, tag=tag)


def tags_of(apps, page):
    ArticlePageTag = apps.get_model("news", "ArticlePageTag")
    return sorted(
        ArticlePageTag.objects.filter(content_object_id=page.pk).values_list("tag__name", flat=True)
    )


def test_tags_become_topics_in_both_editions_and_back(tree, client):
    school = create_article(tree.news_lt, "Mokykla", slug="mokykla")
    school_en = translate(school, tree.en, title="School", slug="school")
    local = create_article(tree.news_lt, "Kiemo šventė", slug="kiemo-svente")
    newest = latest()

    apps = migrate(BEFORE)
    for page in (school, school_en):  # the English edition had the source's tags
        tag(apps, page, "švietimas")
        tag(apps, page, "Kiemų šventės")
    tag(apps, local, "švietimas")

    migrate(newest)
    lithuanian = ArticlePage.objects.get(pk=school.pk)
    english = ArticlePage.objects.get(pk=school_en.pk)
    assert [(t.name, t.slug, t.locale_id) for t in lithuanian.topics] == [
        ("švietimas", "svietimas", tree.lt.pk),
        ("Kiemų šventės", "kiemu-sventes", tree.lt.pk),
    ]
    # The demo's topic in English; one the migration has no English name for keeps the
    # Lithuanian name in its English edition, to be translated.
    assert [(t.name, t.slug, t.locale_id) for t in english.topics] == [
        ("education", "education", tree.en.pk),
        ("Kiemų šventės", "kiemu-sventes", tree.en.pk),
    ]
    for source, translation in zip(lithuanian.topics, english.topics, strict=True):
        assert source.translation_key == translation.translation_key
    assert [t.pk for t in ArticlePage.objects.get(pk=local.pk).topics] == [lithuanian.topics[0].pk]
    # The links of both editions pair up for wagtail-localize.
    assert [link.translation_key for link in lithuanian.topic_links.all()] == [
        link.translation_key for link in english.topic_links.all()
    ]
    assert Topic.objects.count() == 4
    assert client.get("/en/topics/education/").status_code == 200
    assert client.get("/lt/temos/svietimas/").status_code == 200

    apps = migrate(BEFORE)
    assert tags_of(apps, school) == tags_of(apps, school_en) == ["Kiemų šventės", "švietimas"]
    assert tags_of(apps, local) == ["švietimas"]
    migrate(newest)
    assert [t.name for t in ArticlePage.objects.get(pk=school_en.pk).topics] == [
        "education",
        "Kiemų šventės",
    ]
    assert Topic.objects.count() == 4  # made anew, not twice


def test_back_to_0006_and_forward_again_makes_the_topics_once(tree):
    school = create_article(tree.news_lt, "Mokykla", slug="mokykla")
    newest = latest()
    apps = migrate(BEFORE)
    tag(apps, school, "švietimas")
    migrate(newest)
    migrate([("news", "0006_topic")])
    migrate(newest)
    assert [t.slug for t in ArticlePage.objects.get(pk=school.pk).topics] == ["svietimas"]
    assert Topic.objects.count() == 2
