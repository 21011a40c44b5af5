"""Wagtail's index updates enqueued once per object and transaction (news/queue/backends.py)."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, ReferenceIndex
from wagtail.tasks import update_reference_index_task
from wagtail_localize.operations import translate_object

from news.models import ArticlePageTopic
from news.queue.backends import index_updates_once, indexed_object

from ..factories import build_site_tree, create_article, make_topic

REFERENCE_INDEX = "wagtail.tasks.update_reference_index_task"
SEARCH_INDEX = "modelsearch.tasks.insert_or_update_object_task"


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "news.queue.backends.DatabaseQueueBackend"}}


@pytest.fixture
def article(db):
    tree = build_site_tree()
    return create_article(tree.news_lt, "Trys išsaugojimai")


def tasks_for(page, path):
    return DBTaskResult.objects.filter(task_path=path, args_kwargs__args__2=str(page.pk))


def save_three_times(page):
    for number in range(3):
        page.lead = f"Įžanga {number}."
        page.save()


@pytest.mark.django_db
def test_three_saves_enqueue_each_index_update_once(queue, article):
    DBTaskResult.objects.all().delete()
    with transaction.atomic(), index_updates_once():
        save_three_times(article)
    assert tasks_for(article, REFERENCE_INDEX).count() == 1
    assert tasks_for(article, SEARCH_INDEX).count() == 1

    save_three_times(article)  # elsewhere: a task a save, as Wagtail does
    assert tasks_for(article, REFERENCE_INDEX).count() == 4


@pytest.mark.django_db
def test_a_topic_links_reference_index_update_is_its_pages(queue, article):
    """Wagtail's task indexes a child's parent: as the page's, it is enqueued once with it,
    and two workers never update the same page's references at once (they deadlocked)."""
    topics = [make_topic(article.locale, name) for name in ("švietimas", "sportas")]
    article.topic_links = [
        ArticlePageTopic(topic=topic, sort_order=number) for number, topic in enumerate(topics)
    ]
    DBTaskResult.objects.all().delete()
    with transaction.atomic(), index_updates_once():
        article.save()  # the page and each of its topic links

    tasks = DBTaskResult.objects.filter(task_path=REFERENCE_INDEX)
    assert [task.args_kwargs["args"] for task in tasks] == [
        ["news", "articlepage", str(article.pk)]
    ]
    ReferenceIndex.objects.all().delete()
    update_reference_index_task.call(*tasks.get().args_kwargs["args"])
    referenced = ReferenceIndex.get_references_for_object(article).values_list(
        "to_object_id", flat=True
    )
    assert {str(topic.pk) for topic in topics} <= set(referenced)


@pytest.mark.django_db
def test_links_saved_again_are_enqueued_as_their_pages_without_reading_them_back(
    queue, article, django_assert_num_queries
):
    topic = make_topic(article.locale, "švietimas")
    other = create_article(article.get_parent(), "Kitas straipsnis")
    article.topic_links = [ArticlePageTopic(topic=topic, sort_order=0)]
    article.save()
    link = ArticlePageTopic.objects.get(page=article)
    DBTaskResult.objects.all().delete()
    with transaction.atomic(), index_updates_once():
        link.save()  # saved again with its id: its page as saved, not read back
        link.page = other
        link.save()  # moved: the page it is saved with
        with django_assert_num_queries(0):
            assert indexed_object("news", "articlepagetopic", str(link.pk)) == (
                "news",
                "articlepage",
                str(other.pk),
            )
    tasks = DBTaskResult.objects.filter(task_path=REFERENCE_INDEX)
    assert sorted(task.args_kwargs["args"][2] for task in tasks) == sorted(
        [str(article.pk), str(other.pk)]
    )
    # Outside, the page is read, as it is now.
    assert indexed_object("news", "articlepagetopic", str(link.pk))[2] == str(other.pk)


@pytest.mark.django_db
def test_a_task_lost_with_a_rolled_back_savepoint_is_written_again(queue, article):
    DBTaskResult.objects.all().delete()
    with transaction.atomic(), index_updates_once():
        try:
            with transaction.atomic():
                article.save()
                raise ValueError("this savepoint is rolled back, with the task's row")
        except ValueError:
            pass
        assert not tasks_for(article, REFERENCE_INDEX).exists()
        article.save()  # the same task: not written again here, it was enqueued before
    # At the end, the row lost with the savepoint is written again (the page exists).
    assert tasks_for(article, REFERENCE_INDEX).count() == 1


@pytest.mark.django_db
def test_without_a_rollback_its_rows_are_not_looked_for_again(queue, article):
    DBTaskResult.objects.all().delete()
    with CaptureQueriesContext(connection) as captured, transaction.atomic(), index_updates_once():
        article.save()
    assert tasks_for(article, REFERENCE_INDEX).count() == 1
    table = DBTaskResult._meta.db_table
    assert not [q for q in captured if q["sql"].startswith("SELECT") and table in q["sql"]]


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_it_refuses(queue):
    with pytest.raises(RuntimeError, match="needs a transaction"), index_updates_once():
        pass


@pytest.mark.django_db
def test_a_submission_enqueues_each_new_pages_index_updates_once(queue, article):
    english = Locale.objects.get(language_code="en")
    DBTaskResult.objects.all().delete()
    translate_object(article, [english])  # wagtail-localize's operation, as every door

    translated = article.get_translation(english)
    for page in (article, translated):
        assert tasks_for(page, REFERENCE_INDEX).count() <= 1, page
        assert tasks_for(page, SEARCH_INDEX).count() <= 1, page
    # The new page is saved more than once (created, its draft, its revision): indexed once.
    assert tasks_for(translated, SEARCH_INDEX).count() == 1
    assert DBTaskResult.objects.count() <= 4
