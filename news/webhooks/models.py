"""Webhook endpoints (configured in the admin) and their deliveries (the outbox and its log).

A delivery row is written in the transaction that publishes, unpublishes, moves or deletes
the article (news.webhooks.signals): it is the outbox. The queue sends it after the commit
(news.webhooks.delivery) and records every attempt on the same row.
"""

import secrets
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ARTICLE_PUBLISHED = "article.published"
ARTICLE_UNPUBLISHED = "article.unpublished"
ARTICLE_DELETED = "article.deleted"
ARTICLE_MOVED = "article.moved"
TRANSLATION_PUBLISHED = "translation.published"
TEST_EVENT = "test"

EVENT_CHOICES = [
    (ARTICLE_PUBLISHED, _("Article published")),
    (ARTICLE_UNPUBLISHED, _("Article unpublished")),
    (ARTICLE_DELETED, _("Article deleted")),
    (ARTICLE_MOVED, _("Article moved")),
    (TRANSLATION_PUBLISHED, _("Translation published")),
]


def generate_secret():
    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(
        _("URL"),
        max_length=500,
        help_text=_("Where events are POSTed: http(s) only, never this site itself."),
    )
    secret = models.CharField(
        _("secret"),
        max_length=128,
        default=generate_secret,
        help_text=_("Signs every delivery (HMAC-SHA256): give it to the receiver."),
    )
    events = models.JSONField(_("events"), default=list, blank=True)
    locales = models.ManyToManyField(
        "wagtailcore.Locale",
        blank=True,
        verbose_name=_("locales"),
        help_text=_("Only events of articles in these languages; none chosen: all."),
    )
    active = models.BooleanField(_("active"), default=True)
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def wants(self, event, locale_id):
        if not self.active or event not in self.events:
            return False
        locale_ids = {locale.pk for locale in self.locales.all()}
        return not locale_ids or locale_id in locale_ids


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RETRYING = "retrying", _("Retrying")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    # Sent as Webhook-Id: the same for every attempt, so that receivers can drop repeats.
    delivery_id = models.UUIDField(_("delivery id"), default=uuid.uuid4, unique=True)
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("endpoint"),
    )
    event = models.CharField(_("event"), max_length=40)
    # No foreign key: a deleted page keeps its deliveries.
    page_id = models.PositiveBigIntegerField(_("page id"), null=True, blank=True)
    payload = models.JSONField(_("payload"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    response_status = models.PositiveIntegerField(_("status code"), null=True, blank=True)
    latency_ms = models.PositiveIntegerField(_("latency (ms)"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-pk"]
        indexes = [models.Index(fields=["endpoint", "page_id", "status"])]

    def __str__(self):
        return f"{self.event} → {self.endpoint} ({self.delivery_id})"

    @property
    def open(self):
        return self.status in (self.Status.PENDING, self.Status.RETRYING)
