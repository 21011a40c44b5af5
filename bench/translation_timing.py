"""Submitting and syncing articles for translation at scale (bench/run).

Run with DJANGO_SETTINGS_MODULE=bench.settings and DATABASE_URL of a scratch copy of a
benchmark database (bench/run makes one and drops it afterwards): every step commits, as it
does in the admin, because wagtail-localize publishes a translation when its transaction
commits.

1. `generate_articles --count N --source-only` adds N Lithuanian articles (not timed);
2. *submit*: each is submitted for translation into English, as the admin's "Translate"
   action does (wagtail-localize's ``translate_object``: source, segments, draft edition);
3. the editors change each source and publish it (not timed);
4. *sync*: each source's translations are synced with machine translation and published,
   as the "Sync translated pages" action does (news.translation.workflow.sync_translations,
   with wagtail-localize's dummy translator: no network);
5. the editors change and publish each source again (not timed), then *sync on workers*:
   `manage.py sync_translations --changed`'s job (news.queue.localize.enqueue_sync) run by
   ``--workers`` `db_worker` processes, timed from the enqueue until the job is done, and
   until the queue is empty (the reference index and purge tasks of the synced pages).

Before each timed step the tables are analysed, as PostgreSQL's autovacuum does on a live
site: a thousand new articles change them faster than it would catch up within the run.

Prints JSON: per step, total seconds, milliseconds and SQL queries per article.
"""

import argparse
import json
import os
import sys
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402
from wagtail.models import Locale  # noqa: E402
from wagtail_localize.machine_translators.dummy import DummyTranslator  # noqa: E402
from wagtail_localize.models import TranslationSource  # noqa: E402
from wagtail_localize.operations import translate_object  # noqa: E402

from bench.worker import db_worker  # noqa: E402
from news.models import ArticlePage  # noqa: E402
from news.queue.localize import enqueue_sync  # noqa: E402
from news.queue.models import Job  # noqa: E402
from news.translation.workflow import sync_translations  # noqa: E402


class Step:
    """Wall time and SQL queries of one step over every article."""

    def __init__(self, count):
        self.count = count

    def __enter__(self):
        self.queries = 0
        self.counting = connection.execute_wrapper(self.count_query)
        self.counting.__enter__()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.started
        self.counting.__exit__(*exc)

    def count_query(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)

    def figures(self):
        return {
            "articles": self.count,
            "seconds": round(self.seconds, 2),
            "ms_per_article": round(self.seconds * 1000 / self.count, 2),
            "queries_per_article": round(self.queries / self.count, 1),
        }


def edit_and_publish(articles, editor, words):
    for article in articles:
        article.lead = f"{article.lead} {words}"
        article.save_revision(user=editor).publish(user=editor)


def analyse():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(count, workers):
    lt, en = Locale.objects.get(language_code="lt"), Locale.objects.get(language_code="en")
    translator = DummyTranslator({})
    editor, _created = get_user_model().objects.get_or_create(
        username="bench-translation", defaults={"is_superuser": True, "is_staff": True}
    )
    before = set(ArticlePage.objects.filter(locale=lt).values_list("pk", flat=True))
    call_command("generate_articles", count=count, source_only=True, seed=7, verbosity=0)
    articles = list(ArticlePage.objects.filter(locale=lt).exclude(pk__in=before))
    assert len(articles) == count, len(articles)

    analyse()
    with Step(count) as submit:
        for article in articles:
            translate_object(article, [en], user=editor)

    edit_and_publish(articles, editor, "Atnaujinta.")
    sources = list(
        TranslationSource.objects.filter(
            object_id__in=[article.translation_key for article in articles], locale=lt
        )
    )
    analyse()
    with Step(count) as sync:
        for source in sources:
            result = sync_translations(
                source,
                user=editor,
                publish=True,
                # Machine-filled segments await review: the editor's explicit override.
                publish_incomplete=True,
                machine_translator=translator,
            )
            assert len(result.published) == 1, result

    keys = [source.object_id for source in sources]
    published = ArticlePage.objects.live().filter(locale=en, translation_key__in=keys)
    assert published.count() == count, published.count()
    figures = {"submit": submit.figures(), "sync": sync.figures()}
    if workers:  # worker processes need a database they can reach: not SQLite in memory
        edit_and_publish(articles, editor, "Dar kartą.")
        figures.update(on_workers(sources, workers))
    return figures


def on_workers(sources, workers):
    """The sync of every source as a job on the queue, run by ``workers`` worker processes."""
    # Earlier steps' tasks (reference index, purges) would long be done on a live site.
    DBTaskResult.objects.all().delete()
    analyse()
    started = time.perf_counter()
    job = enqueue_sync(sources, publish=True, publish_incomplete=True, machine_translate=True)
    with ExitStack() as stack:
        for _number in range(workers):
            stack.enter_context(db_worker(dict(os.environ)))
        while Job.objects.filter(pk=job.pk, finished_at__isnull=True).exists():
            time.sleep(0.2)
        job_done = time.perf_counter() - started
        while DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists():
            time.sleep(0.2)
        queue_empty = time.perf_counter() - started
    job.refresh_from_db()
    assert (job.status, job.done) == (Job.Status.DONE, len(sources)), (job.status, job.error)
    return {
        "sync_on_workers": {
            "articles": len(sources),
            "workers": workers,
            "seconds": round(job_done, 2),
            "seconds_until_queue_empty": round(queue_empty, 2),
            "ms_per_article": round(job_done * 1000 / len(sources), 2),
            # Printed, not asserted: the bench reports what the workers met.
            "failed_tasks": DBTaskResult.objects.filter(status="FAILED").count(),
        }
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="articles to translate")
    parser.add_argument("--workers", type=int, default=2, help="db_worker processes")
    args = parser.parse_args()
    print(json.dumps(measure(args.count, args.workers)))


if __name__ == "__main__":
    main()
