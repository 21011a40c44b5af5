from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import Job
from .panels import JobsPanel
from .views import job_progress, tasks_report, user_can_see_tasks


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/background-tasks/", tasks_report, name="queue_tasks_report"),
        path("jobs/<int:job_id>/", job_progress, name="queue_job"),
    ]


@hooks.register("construct_homepage_panels")
def add_jobs_panel(request, panels):
    """The dashboard lists the user's five latest background jobs (translations)."""
    jobs = Job.objects.filter(created_by=request.user).order_by("-pk")[:5]
    if jobs:
        panels.append(JobsPanel(jobs))


class TasksMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_see_tasks(request.user)


@hooks.register("register_reports_menu_item")
def register_tasks_menu_item():
    return TasksMenuItem(
        _("Background tasks"),
        reverse("queue_tasks_report"),
        name="background-tasks",
        icon_name="cogs",
        order=9000,
    )
