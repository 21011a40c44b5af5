"""Translation work on the queue, with its progress on a `Job` (Reports → Background tasks):

* wagtail-localize's background jobs: submitting a page "with its subtree" translates every
  page under it in a task, one page at a time, instead of inside the editor's request;
* syncing the translations of many pages (`manage.py sync_translations`): tasks of
  ``SYNC_CHUNK`` sources each, which the workers share.

The backend is `news.queue.localize_backend.QueueJobBackend`. The job's
`components` (wagtail-localize's extra translatable components) are not carried to the
worker: this site registers none.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import TranslationSource

from news.translation.creator import TranslationCreator
from news.translation.workflow import sync_translations

from .durable import enqueue_with_transaction, retry_delay, retry_or_raise
from .models import Job


def record_failed_attempt(job_id, error, attempt, then):
    """The job's error; its status ``then`` while attempts remain, failed after the last."""
    last = retry_delay(attempt) is None
    Job.objects.filter(pk=job_id).update(
        error=str(error)[:2000],
        status=Job.Status.FAILED if last else then,
        finished_at=timezone.now() if last else None,
    )


@task()
def translate_subtree_task(job_id, page_id, locale_ids, user_id, attempt=1):
    job = Job.objects.get(pk=job_id)
    Job.objects.filter(pk=job_id).update(status=Job.Status.RUNNING, done=0, error="")
    user = get_user_model().objects.filter(pk=user_id).first()
    locales = list(Locale.objects.filter(pk__in=locale_ids))
    translator = TranslationCreator(user, locales)
    try:
        # Parents before children (tree order), each page in a transaction of its own.
        pages = Page.objects.get(pk=page_id).get_descendants().order_by("path")
        for done, page in enumerate(pages.iterator(), start=1):
            with transaction.atomic():
                translator.create_translations(page)
            Job.objects.filter(pk=job_id).update(done=done)
    except Exception as error:
        # Retried from the start (pages already translated are updated, not duplicated).
        record_failed_attempt(job_id, error, attempt, then=Job.Status.QUEUED)
        return retry_or_raise(
            translate_subtree_task,
            error,
            attempt=attempt,
            job_id=job_id,
            page_id=page_id,
            locale_ids=locale_ids,
            user_id=user_id,
        )
    Job.objects.filter(pk=job_id).update(status=Job.Status.DONE, finished_at=timezone.now())
    return {"job": job.pk, "pages": job.total}


def enqueue_subtree(page_id, locales, user):
    """A `Job` for the pages under ``page_id``, and the task that translates them."""
    page = Page.objects.get(pk=page_id)
    job = Job.objects.create(
        label=_("Translate “%(title)s” and the pages under it into %(locales)s")
        % {
            "title": page.title,
            "locales": ", ".join(str(locale.get_display_name()) for locale in locales),
        },
        total=page.get_descendants().count(),
        created_by=user if user and user.pk else None,
    )
    enqueue_with_transaction(
        translate_subtree_task,
        job_id=job.pk,
        page_id=page_id,
        locale_ids=[locale.pk for locale in locales],
        user_id=user.pk if user else None,
    )
    return job


# Sources per task: each worker takes a share, so that N workers sync about N times faster;
# a failed task retries its own share only.
SYNC_CHUNK = 25


@task()
def sync_translations_task(job_id, source_ids, user_id, options, attempt=1):
    """Sync ``source_ids`` (a share of the job's sources), each in its own transaction.

    ``options``: ``publish`` and ``publish_incomplete`` as ``sync_translations`` takes them,
    ``machine_translate`` to fill new segments with the configured machine translator."""
    Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(status=Job.Status.RUNNING)
    user = get_user_model().objects.filter(pk=user_id).first()
    machine_translator = get_machine_translator() if options["machine_translate"] else None
    sources = list(TranslationSource.objects.filter(pk__in=source_ids).order_by("pk"))
    synced = 0
    try:
        for source in sources:
            sync_translations(
                source,
                user=user,
                publish=options["publish"],
                publish_incomplete=options["publish_incomplete"],
                machine_translator=machine_translator,
            )
            synced += 1
            Job.objects.filter(pk=job_id).update(done=F("done") + 1)
    except Exception as error:
        # Retried with the sources not synced yet (other shares go on meanwhile).
        record_failed_attempt(job_id, error, attempt, then=F("status"))
        return retry_or_raise(
            sync_translations_task,
            error,
            attempt=attempt,
            job_id=job_id,
            source_ids=[source.pk for source in sources[synced:]],
            user_id=user_id,
            options=options,
        )
    Job.objects.filter(pk=job_id, done__gte=F("total")).exclude(status=Job.Status.FAILED).update(
        status=Job.Status.DONE, finished_at=timezone.now()
    )
    return {"job": job_id, "sources": len(source_ids)}


def enqueue_sync(
    sources, user=None, publish=False, publish_incomplete=False, machine_translate=False
):
    """A `Job` syncing the translations of ``sources``, in tasks of ``SYNC_CHUNK`` sources."""
    options = {
        "publish": publish,
        "publish_incomplete": publish_incomplete,
        "machine_translate": machine_translate,
    }
    source_ids = [source.pk for source in sources]
    job = Job.objects.create(
        label=ngettext(
            "Sync the translations of %(count)d page",
            "Sync the translations of %(count)d pages",
            len(source_ids),
        )
        % {"count": len(source_ids)},
        total=len(source_ids),
        created_by=user if user and user.pk else None,
    )
    for start in range(0, len(source_ids), SYNC_CHUNK):
        enqueue_with_transaction(
            sync_translations_task,
            job_id=job.pk,
            source_ids=source_ids[start : start + SYNC_CHUNK],
            user_id=user.pk if user else None,
            options=options,
        )
    if not source_ids:
        Job.objects.filter(pk=job.pk).update(status=Job.Status.DONE, finished_at=timezone.now())
    return job
