from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QueueConfig(AppConfig):
    """The background queue's helpers: durable enqueueing, retries, the admin's report."""

    name = "news.queue"
    label = "queue"
    verbose_name = _("Background tasks")
