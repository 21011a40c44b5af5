from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import tasks_report, user_can_see_tasks


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/background-tasks/", tasks_report, name="queue_tasks_report")]


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
