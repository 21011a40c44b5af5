"""Submitting a news index "with its subtree" on the database queue: the request returns at
once, the pages under it are translated by the worker, one by one, and the editor follows
the job's progress in the admin (news/queue/localize.py)."""

from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from news.models import ArticlePage, NewsIndexPage
from news.queue.models import Job

from ..queue.fixtures import database_queue  # noqa: F401 (a fixture)
from .helpers import submit_for_translation
from .test_tree import assert_tree_valid, culture_index  # noqa: F401 (a fixture)


def test_a_subtree_is_translated_by_the_worker_with_its_progress(
    culture_index,  # noqa: F811
    newsroom,
    editor_client,
    translator_client,
    database_queue,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit_for_translation(
            editor_client, culture_index, newsroom.en, include_subtree=True
        )
    assert response.status_code == 302
    # The index itself is translated in the request; the pages under it wait for the worker.
    assert NewsIndexPage.objects.filter(locale=newsroom.en, slug="kultura").exists()
    assert not ArticlePage.objects.filter(locale=newsroom.en).exists()
    job = Job.objects.get()
    assert (job.status, job.done, job.total) == ("queued", 0, 3)
    assert "Kultūra" in job.label
    dashboard = editor_client.get(reverse("wagtailadmin_home"))
    assert reverse("queue_job", args=[job.pk]) in dashboard.content.decode()
    progress = editor_client.get(reverse("queue_job", args=[job.pk]))
    assert progress.status_code == 200 and 'http-equiv="refresh"' in progress.content.decode()
    assert translator_client.get(reverse("queue_job", args=[job.pk])).status_code in (302, 403)

    database_queue()  # the job, and Wagtail's own tasks (reference index) of the new pages
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == ("done", 3, 3)
    assert ArticlePage.objects.filter(locale=newsroom.en).count() == 3
    job_task = DBTaskResult.objects.get(task_path="news.queue.localize.translate_subtree_task")
    assert job_task.status == "SUCCESSFUL"
    assert not DBTaskResult.objects.filter(status="FAILED").exists()
    assert_tree_valid()
    finished = editor_client.get(reverse("queue_job", args=[job.pk])).content.decode()
    assert 'http-equiv="refresh"' not in finished
    assert "3 of 3 pages (100%)" in finished
