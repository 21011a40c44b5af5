"""A submission's queries (issue 16: at most 60 an article), and what each cut keeps of
wagtail-localize's and Wagtail's own behaviour: the related objects it submits, the
translations it makes, the page rebuilt from the source just stored, the child rows of the
first edition and the field paths of the source's contexts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_localize.models import TranslationContext, TranslationSource
from wagtail_localize.operations import translate_object

from news.models import ArticlePage, ArticlePageTopic, Topic
from news.translation.roles import EDITORS

from ..factories import make_topic
from .helpers import translated_as_written, translation_of

pytestmark = pytest.mark.django_db

# A submission of the tests' article with a byline and a topic (both translated) and a
# related article, Wagtail's index updates queued: 59 queries, 110 before the cuts tested here.
SUBMIT_BUDGET = 60


@pytest.fixture(autouse=True)
def queued_tasks(settings):
    """Wagtail's index updates are tasks for the workers, as in production (the tests' own
    backend runs them at once, inside the submission)."""
    settings.TASKS = {"default": {"BACKEND": "news.queue.backends.DatabaseQueueBackend"}}


def _submit(page, newsroom, user=None):
    """The queries of ``page``'s submission into English, as read afresh (the admin's)."""
    page = type(page).objects.get(pk=page.pk)
    with CaptureQueriesContext(connection) as captured:
        translate_object(page, [newsroom.en], user=user)
    return [query["sql"] for query in captured]


def _english(page, newsroom):
    return ArticlePage.objects.get(translation_key=page.translation_key, locale=newsroom.en)


def _topics(newsroom, *slugs):
    topics = [make_topic(newsroom.lt, slug) for slug in slugs]
    for topic in topics:
        translated_as_written(topic, newsroom.en)
    return topics


def _link(article, topics):
    article.topic_links = [
        ArticlePageTopic(topic=topic, sort_order=order) for order, topic in enumerate(topics)
    ]
    article.save_revision().publish()


def test_a_submission_of_an_article_stays_within_its_query_budget(linked, newsroom, users):
    # Its author translated too, as an article's related objects mostly are, and no password.
    translated_as_written(linked.bylines.get().author, newsroom.en)
    linked.view_restrictions.all().delete()
    queries = _submit(linked, newsroom, users[EDITORS])
    # Inside the test's transaction, translate_object's own is a savepoint: two statements
    # that a submission outside a test does not make.
    assert queries[0].startswith("SAVEPOINT") and queries[-1].startswith("RELEASE SAVEPOINT")
    assert len(queries) - 2 <= SUBMIT_BUDGET, "\n".join(queries)
    english = _english(linked, newsroom)
    assert not english.live and english.title == linked.title  # the source text, to translate
    assert [link.topic.locale_id for link in english.topic_links.all()] == [newsroom.en.pk]
    assert [byline.author.locale_id for byline in english.bylines.all()] == [newsroom.en.pk]


def test_translated_related_objects_are_not_submitted_and_are_read_together(article, newsroom):
    education, sport = _topics(newsroom, "svietimas", "sportas")
    _link(article, [education, sport])
    sources_before = TranslationSource.objects.count()

    queries = _submit(article, newsroom)

    assert TranslationSource.objects.count() == sources_before + 1  # the article's alone
    # The links read with their topics for the source (one query), and whether the topics
    # are translated everywhere (one), not three queries a topic.
    assert len([sql for sql in queries if sql.startswith('SELECT "news_topic"."id"')]) <= 2
    assert len([sql for sql in queries if 'FROM "news_topic"' in sql and "EXISTS" in sql]) == 1


def test_an_untranslated_related_object_is_submitted_with_the_article(article, newsroom):
    [education] = _topics(newsroom, "svietimas")
    sport = make_topic(newsroom.lt, "sportas")
    _link(article, [education, sport])

    _submit(article, newsroom)

    assert translation_of(sport, newsroom.en).enabled
    assert Topic.objects.filter(translation_key=sport.translation_key, locale=newsroom.en).exists()


def test_a_first_editions_child_rows_are_inserted_a_statement_a_relation(article, newsroom):
    topics = _topics(newsroom, "svietimas", "sportas", "kultura")
    _link(article, topics)

    queries = _submit(article, newsroom)

    inserts = [sql for sql in queries if sql.startswith('INSERT INTO "news_articlepagetopic"')]
    assert len(inserts) == 1
    # Each pointing at the topic's English edition, in the order of the source's, in the
    # rows and in the revision.
    english = _english(article, newsroom)
    expected = [
        Topic.objects.get(translation_key=topic.translation_key, locale=newsroom.en).pk
        for topic in topics
    ]
    assert [link.topic_id for link in english.topic_links.order_by("sort_order")] == expected
    revision = english.latest_revision.as_object()
    assert [link.topic_id for link in revision.topic_links.all()] == expected


def test_a_source_just_stored_is_not_rebuilt_from_the_database(article, newsroom):
    queries = _submit(article, newsroom)
    # wagtail-localize's ``as_instance`` reads the page again, its comments, and looks up
    # each object its JSON names (the locale, the content type, the hero image...).
    assert not [sql for sql in queries if sql.startswith('SELECT "django_content_type"')]
    comments = [sql for sql in queries if sql.startswith('SELECT "wagtailcore_comment"')]
    assert not [sql for sql in comments if '"resolved_at" IS NULL' in sql]
    english = _english(article, newsroom)
    assert (english.hero_image_id, english.publication_date) == (
        article.hero_image_id,
        article.publication_date,
    )


def test_a_source_stored_before_is_rebuilt_as_wagtail_localize_rebuilds_it(article, newsroom):
    # Its English edition deleted after a first submission: the source stored then is the
    # page as it was (its objects looked up again: one may be gone since).
    translate_object(article, [newsroom.en])
    _english(article, newsroom).delete()
    source = TranslationSource.objects.get(object_id=article.translation_key)
    assert '"featured": false' in source.content_json
    source.content_json = source.content_json.replace('"featured": false', '"featured": true')
    source.save(update_fields=["content_json"])

    translate_object(ArticlePage.objects.get(pk=article.pk), [newsroom.en])

    assert _english(article, newsroom).featured  # as the source holds it, not as the page


def test_a_childs_context_has_its_field_path_without_reading_the_child_again(article, newsroom):
    topics = _topics(newsroom, "svietimas", "sportas")
    _link(article, topics)
    queries = _submit(article, newsroom)

    links = [sql for sql in queries if sql.startswith('SELECT "news_articlepagetopic"')]
    assert len(links) == 1  # read with the article, for its JSON and its segments
    contexts = TranslationContext.objects.filter(
        object_id=article.translation_key, path__startswith="topic_links."
    )
    assert [context.field_path for context in contexts] == ["topic_links.topic"] * 2
