"""The admin's "Background tasks" report: what waits, runs, is retried or failed."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .durable import uses_database_queue
from .models import Job

STATUS_LABELS = {
    TaskResultStatus.READY: gettext_lazy("Waiting"),
    TaskResultStatus.RUNNING: gettext_lazy("Running"),
    TaskResultStatus.SUCCESSFUL: gettext_lazy("Done"),
    TaskResultStatus.FAILED: gettext_lazy("Failed"),
}
PAGE_SIZE = 50


def user_can_see_tasks(user):
    return user.is_active and user.is_superuser


def outcome(result):
    """What an attempt led to: a scheduled retry is shown as such, not as "done"."""
    value = result.return_value
    retried = result.status == TaskResultStatus.SUCCESSFUL and isinstance(value, dict)
    if retried and "retry" in value:
        return _("Attempt %(failed)s failed, attempt %(next)s scheduled: %(error)s") % {
            "failed": value["retry"] - 1,
            "next": value["retry"],
            "error": value.get("error", ""),
        }
    if result.status == TaskResultStatus.FAILED:
        last_line = (result.traceback or "").strip().splitlines()[-1:]
        return last_line[0] if last_line else result.exception_class_path
    return ""


def tasks_report(request):
    if not user_can_see_tasks(request.user):
        raise PermissionDenied
    status = request.GET.get("status", TaskResultStatus.FAILED)
    if status not in TaskResultStatus.values:
        status = TaskResultStatus.FAILED
    counts = dict(DBTaskResult.objects.values_list("status").annotate(count=Count("id")).order_by())
    results = DBTaskResult.objects.filter(status=status).order_by("-enqueued_at")
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("p"))
    rows = [
        {
            "result": result,
            "name": result.task_name,
            "outcome": outcome(result),
            # Not deferred: django-tasks-db stores the far future.
            "run_after": result.run_after if result.run_after.year < 9999 else None,
        }
        for result in page
    ]
    tabs = [
        {"status": value, "label": STATUS_LABELS[value], "count": counts.get(value, 0)}
        for value in (
            TaskResultStatus.FAILED,
            TaskResultStatus.READY,
            TaskResultStatus.RUNNING,
            TaskResultStatus.SUCCESSFUL,
        )
    ]
    return render(
        request,
        "queue/tasks_report.html",
        {
            "rows": rows,
            "page_obj": page,
            "tabs": tabs,
            "status": status,
            "uses_database_queue": uses_database_queue(),
            "jobs": Job.objects.select_related("created_by")[:20],
        },
    )


def user_can_see_job(user, job):
    return user_can_see_tasks(user) or (user.is_active and job.created_by_id == user.pk)


def job_progress(request, job_id):
    job = Job.objects.filter(pk=job_id).first()
    if job is None or not user_can_see_job(request.user, job):
        raise PermissionDenied
    return render(request, "queue/job.html", {"job": job})
