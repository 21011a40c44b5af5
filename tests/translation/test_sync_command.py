"""``manage.py sync_translations``: many pages' translations synced on the background workers
(news/queue/localize.py), in shares the workers split, with the job's progress."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from news.models import ArticlePage
from news.queue import localize
from news.queue.models import Job
from news.translation.roles import EDITORS

from ..queue.fixtures import database_queue  # noqa: F401 (a fixture)
from .helpers import ENGLISH, translate_completely, translation_of

pytestmark = pytest.mark.django_db
SYNC_TASK = "news.queue.localize.sync_translations_task"
OTHER_ARTICLE_IN_ENGLISH = {
    **ENGLISH,
    "Naktinis autobusas": "Night bus",
    "naktinis-autobusas": "night-bus",
    "Naktiniai autobusai važiuos ir sekmadieniais.": "Night buses will run on Sundays too.",
}


@pytest.fixture
def translated_pair(article, other_article, newsroom, django_capture_on_commit_callbacks):
    """Both articles translated and published in English."""
    for page in (article, other_article):
        translate_completely(page, newsroom.en, OTHER_ARTICLE_IN_ENGLISH)
        with django_capture_on_commit_callbacks(execute=True):
            translation_of(page, newsroom.en).save_target(publish=True)
    return article, other_article


def edit_and_publish(page, lead):
    page.lead = lead
    page.save_revision().publish()


def english(page, newsroom):
    return ArticlePage.objects.get(translation_key=page.translation_key, locale=newsroom.en)


def test_changed_pages_are_synced_by_the_workers_with_machine_translation(
    translated_pair,
    newsroom,
    users,
    database_queue,  # noqa: F811
    django_capture_on_commit_callbacks,
    capsys,
):
    article, other = translated_pair
    edit_and_publish(article, "Miestas kviečia mokytis visus.")
    options = ["--changed", "--publish", "--publish-incomplete", "--machine-translate"]

    with django_capture_on_commit_callbacks(execute=True), translation.override("lt"):
        call_command("sync_translations", *options, "--user", users[EDITORS].username)

    job = Job.objects.get()
    assert (job.status, job.done, job.total) == ("queued", 0, 1)  # the edited article only
    assert f"Job {job.pk}: Sinchronizuoti 1 puslapio vertimus." in capsys.readouterr().out
    assert english(article, newsroom).lead != "visus. mokytis kviečia Miestas"

    with django_capture_on_commit_callbacks(execute=True):
        database_queue()

    job.refresh_from_db()
    assert (job.status, job.done, job.total) == ("done", 1, 1)
    # The dummy translator reverses the words: the new lead, published in English.
    assert english(article, newsroom).lead == "visus. mokytis kviečia Miestas"
    assert english(article, newsroom).live
    assert not DBTaskResult.objects.filter(status="FAILED").exists()


def test_the_workers_share_the_pages_and_incomplete_ones_stay_drafts(
    translated_pair,
    newsroom,
    database_queue,  # noqa: F811
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    article, other = translated_pair
    monkeypatch.setattr(localize, "SYNC_CHUNK", 1)
    published_lead = english(article, newsroom).lead
    edit_and_publish(article, "Nauja įžanga be vertimo.")
    edit_and_publish(other, "Dar viena nauja įžanga.")

    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "sync_translations", "--page", str(newsroom.news_lt.pk), "--descendants", "--publish"
        )

    assert DBTaskResult.objects.filter(task_path=SYNC_TASK).count() == 2  # a task a page
    with django_capture_on_commit_callbacks(execute=True):
        database_queue()
    job = Job.objects.get()
    assert (job.status, job.done, job.total) == ("done", 2, 2)
    # Not translated, so not published: readers keep the last complete translation.
    assert english(article, newsroom).lead == published_lead
    draft = english(article, newsroom).get_latest_revision_as_object()
    assert draft.lead == "Nauja įžanga be vertimo."


@pytest.mark.parametrize(
    "arguments, message",
    [
        ([], "Choose the pages"),
        (["--page", "999999"], "No page with id 999999"),
        (["--changed", "--publish-incomplete"], "--publish-incomplete needs --publish"),
        (["--changed", "--user", "nobody"], "No user 'nobody'"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_queued(arguments, message, newsroom):
    with pytest.raises(CommandError, match=message):
        call_command("sync_translations", *arguments)
    assert not Job.objects.exists()
