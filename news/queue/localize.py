"""wagtail-localize's background jobs on the queue: submitting a page "with its subtree"
translates every page under it in a task, one page at a time, with its progress on a
`Job` (Reports → Background tasks), instead of inside the editor's request.

The backend is `news.queue.localize_backend.QueueJobBackend`. The job's
`components` (wagtail-localize's extra translatable components) are not carried to the
worker: this site registers none.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator

from .durable import enqueue_with_transaction, retry_delay, retry_or_raise
from .models import Job


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
        last = retry_delay(attempt) is None
        Job.objects.filter(pk=job_id).update(
            error=str(error)[:2000],
            status=Job.Status.FAILED if last else Job.Status.QUEUED,
            finished_at=timezone.now() if last else None,
        )
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
