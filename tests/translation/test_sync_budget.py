"""A sync's queries (issue 16: at most 60 an article) and what each cut keeps of Wagtail's
and wagtail-localize's own behaviour: the slug, the "renamed" log entry, whether the page is
a site's root, ``numchild``, the related objects' records and the draft title."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import StringTranslation, TranslatableObject
from wagtail_localize.operations import translate_object

from news.authors import ArticleAuthor, Author
from news.models import ArticlePage, ArticlePageTopic
from news.translation.roles import EDITORS
from news.translation.targets import target_page
from news.translation.workflow import sync_translations

from ..factories import make_topic
from .helpers import translate_completely, translated_as_written, translation_of

pytestmark = pytest.mark.django_db

# A sync of the tests' article (every kind of segment, a changed lead, machine translated and
# published, Wagtail's index updates queued): 59 queries, 69 before the cuts tested here.
SYNC_BUDGET = 60


def _english(article, newsroom):
    return ArticlePage.objects.get(translation_key=article.translation_key, locale=newsroom.en)


def _published_translation(article, newsroom):
    translation = translate_completely(article, newsroom.en)
    translation.save_target(publish=True)
    return translation


def _change_and_sync(article, translation, user, title=None):
    source = ArticlePage.objects.get(pk=article.pk)
    source.lead = f"{source.lead} Atnaujinta."
    if title:
        source.title = title
    source.save_revision().publish()
    with CaptureQueriesContext(connection) as captured:
        result = sync_translations(
            translation.source,
            user=user,
            publish=True,
            publish_incomplete=True,
            machine_translator=DummyTranslator({}),
        )
    assert result.published == [translation]
    return [query["sql"] for query in captured]


def test_a_sync_of_an_article_stays_within_its_query_budget(article, newsroom, users, settings):
    # Wagtail's index updates are tasks for the workers, as in production (the tests' own
    # backend runs them at once, inside the sync).
    settings.TASKS = {"default": {"BACKEND": "news.queue.backends.DatabaseQueueBackend"}}
    translation = _published_translation(article, newsroom)
    queries = _change_and_sync(article, translation, users[EDITORS])
    assert len(queries) <= SYNC_BUDGET, "\n".join(queries)
    assert "Atnaujinta." in _english(article, newsroom).lead  # the dummy's translation


def test_an_unchanged_translated_slug_is_kept_without_asking_the_siblings(article, newsroom, users):
    translation = _published_translation(article, newsroom)
    slug = _english(article, newsroom).slug
    queries = _change_and_sync(article, translation, users[EDITORS])
    assert _english(article, newsroom).slug == slug
    assert not [sql for sql in queries if sql.startswith('SELECT "wagtailcore_page"."slug"')]


def test_a_renamed_translation_is_logged_as_wagtails_publish_logs_it(article, newsroom, users):
    translation = _published_translation(article, newsroom)
    english = _english(article, newsroom)
    old_title = english.title

    _change_and_sync(article, translation, users[EDITORS])  # the title as it was
    assert not PageLogEntry.objects.filter(page=english, action="wagtail.rename").exists()

    _change_and_sync(article, translation, users[EDITORS], title="Kaunas – miestas, kuris mokosi")
    english.refresh_from_db()
    assert english.title == "mokosi kuris miestas, – Kaunas"  # the dummy turns words round
    rename = PageLogEntry.objects.get(page=english, action="wagtail.rename")
    assert rename.data["title"] == {"old": old_title, "new": english.title}
    publish = PageLogEntry.objects.filter(page=english, action="wagtail.publish").latest("pk")
    assert publish.revision_id == rename.revision_id == english.live_revision_id
    assert publish.data["title"] == rename.data["title"]  # Wagtail logs both so


def test_a_target_knows_whether_it_is_a_sites_root_as_wagtail_asks(
    article, newsroom, django_assert_num_queries
):
    translate_object(newsroom.home_lt, [newsroom.en])
    translate_object(article, [newsroom.en])
    for page, expected in ((newsroom.home_lt, True), (article, False)):
        assert Page.objects.get(pk=page.pk).is_site_root() is expected
        target = target_page(translation_of(page, newsroom.en))
        with django_assert_num_queries(0):
            assert target.is_site_root() is expected


def test_publishing_an_article_does_not_count_its_children_but_an_index_is_recounted(
    article, newsroom
):
    with CaptureQueriesContext(connection) as captured:
        ArticlePage.objects.get(pk=article.pk).save_revision().publish()
    assert not [query for query in captured if "COUNT(" in query["sql"]]

    # As wagtail-localize's subtree translation leaves a parent (#773).
    Page.objects.filter(pk=newsroom.news_lt.pk).update(numchild=0)
    index = Page.objects.get(pk=newsroom.news_lt.pk).specific
    index.save_revision().publish()
    assert Page.objects.get(pk=index.pk).numchild == Page.objects.child_of(index).count() >= 1


def test_related_objects_are_recorded_when_new_and_not_asked_again(article, newsroom, users):
    translation = _published_translation(article, newsroom)
    queries = _change_and_sync(article, translation, users[EDITORS])
    inserts = 'INSERT INTO "wagtail_localize_translatableobject"'
    assert not [sql for sql in queries if sql.startswith(inserts)]

    writer = Author.objects.create(name="Jonas Jonaitis", slug="jonas", locale=newsroom.lt)
    source = ArticlePage.objects.get(pk=article.pk)
    source.bylines = [ArticleAuthor(author=writer, sort_order=0)]
    source.save_revision().publish()
    _change_and_sync(article, translation, users[EDITORS])
    assert TranslatableObject.objects.filter(translation_key=writer.translation_key).exists()
    assert [b.author_id for b in _english(article, newsroom).bylines.all()] == [writer.pk]


def test_a_synced_page_has_the_machine_translated_title_as_its_draft_title(
    article, newsroom, users
):
    translation = _published_translation(article, newsroom)
    StringTranslation.objects.filter(
        locale=newsroom.en, context__object_id=article.translation_key, context__path="title"
    ).delete()  # translated again by the machine at the sync
    _change_and_sync(article, translation, users[EDITORS])
    english = _english(article, newsroom)
    # The dummy turns the words round.
    assert english.draft_title == english.title == " ".join(reversed(article.title.split()))


def test_a_synced_articles_topics_are_read_with_whether_readers_may_see_them(
    article, newsroom, users
):
    education = make_topic(newsroom.lt, "švietimas")
    translated_as_written(education, newsroom.en)
    sport = make_topic(newsroom.lt, "sportas")  # its English copy is still being translated
    article.topic_links = [
        ArticlePageTopic(topic=education, sort_order=0),
        ArticlePageTopic(topic=sport, sort_order=1),
    ]
    article.save_revision().publish()
    translation = _published_translation(article, newsroom)

    queries = _change_and_sync(article, translation, users[EDITORS])

    english = _english(article, newsroom)
    [link] = english.topic_links.all()
    assert (link.topic.translation_key, link.topic.locale_id) == (
        education.translation_key,
        newsroom.en.pk,
    )
    # The source's topics and their English editions, each read once.
    assert len([sql for sql in queries if sql.startswith('SELECT "news_topic"."id"')]) == 2
