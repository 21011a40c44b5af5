"""Sending deliveries, on the background queue.

One task per delivery. Per endpoint and page, deliveries go out in the order of the
changes: a delivery whose page has an earlier one still open (pending or waiting for a
retry) waits for it. 2xx is delivered; 3xx (redirects are not followed) and 4xx fail at
once; 5xx, a timeout or no answer are retried after ``settings.WEBHOOKS_RETRY_DELAYS``,
and after the last attempt the delivery fails. A failure flags the endpoint
(``failing_since``, shown in the admin) until a delivery to it succeeds again.
"""

import json
import time
import urllib.request
from datetime import timedelta
from urllib.error import HTTPError, URLError

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django_tasks import task

from ..queue.durable import enqueue_later, enqueue_with_transaction, retry_delay
from .models import TEST_EVENT, WebhookDelivery, WebhookEndpoint
from .signing import EVENT_HEADER, ID_HEADER, SIGNATURE_HEADER, signature_header

Status = WebhookDelivery.Status
USER_AGENT = "KaunasNews-Webhooks/1.0"
MAX_ERROR_LENGTH = 2000


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the 3xx answer becomes an HTTPError


# No proxies from the environment, no redirects.
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirects)


def body_of(delivery):
    document = {"delivery_id": str(delivery.delivery_id), **delivery.payload}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def post(delivery):
    """One attempt: (status code or None, latency in ms, error text or "")."""
    body = body_of(delivery)
    request = urllib.request.Request(
        delivery.endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            ID_HEADER: str(delivery.delivery_id),
            EVENT_HEADER: delivery.event,
            SIGNATURE_HEADER: signature_header(delivery.endpoint.secret, body),
        },
    )
    started = time.monotonic()
    try:
        with opener.open(request, timeout=settings.WEBHOOKS_TIMEOUT) as response:
            response.read(65536)
            status, error = response.status, ""
    except HTTPError as answer:
        status, error = answer.code, f"HTTP {answer.code} {answer.reason}"
        if 300 <= answer.code < 400:
            error += f" (redirect to {answer.headers.get('Location', '?')} not followed)"
    except (URLError, OSError, ValueError) as failure:
        status, error = None, str(getattr(failure, "reason", failure)) or type(failure).__name__
    latency = int((time.monotonic() - started) * 1000)
    return status, latency, error[:MAX_ERROR_LENGTH]


def earlier_open(delivery):
    if delivery.page_id is None:
        return WebhookDelivery.objects.none()
    return WebhookDelivery.objects.filter(
        endpoint_id=delivery.endpoint_id,
        page_id=delivery.page_id,
        pk__lt=delivery.pk,
        status__in=(Status.PENDING, Status.RETRYING),
    )


@task()
def deliver_webhook(delivery_id, attempt=1):
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or not delivery.open:
        return {"skipped": delivery_id}
    if not delivery.endpoint.active and delivery.event != TEST_EVENT:
        # Deactivated since the event: its retries stop (a test event is sent anyway).
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=Status.FAILED, next_attempt_at=None, last_error="Endpoint inactive."
        )
        return {"skipped": delivery_id, "inactive": True}
    earlier = earlier_open(delivery)
    if earlier.exists():
        # Keep the order of the page's changes: after the earlier one's next attempt.
        next_at = earlier.aggregate(at=Max("next_attempt_at"))["at"] or timezone.now()
        wait = max((next_at - timezone.now()).total_seconds(), 0) + 1
        enqueue_later(deliver_webhook, wait, delivery_id=delivery_id, attempt=attempt)
        return {"waiting_for": list(earlier.values_list("pk", flat=True))}
    return attempt_delivery(delivery, attempt)


def attempt_delivery(delivery, attempt):
    endpoint = delivery.endpoint
    status, latency, error = post(delivery)
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.response_status = status
    delivery.latency_ms = latency
    delivery.last_error = error
    delivery.next_attempt_at = None
    if status is not None and 200 <= status < 300:
        delivery.status = Status.DELIVERED
        delivery.delivered_at = now
        delivery.save()
        if endpoint.failing_since:
            WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failing_since=None)
        return {"delivered": delivery.pk, "status": status}
    retryable = status is None or status >= 500
    delay = retry_delay(attempt, settings.WEBHOOKS_RETRY_DELAYS) if retryable else None
    if delay is None:
        delivery.status = Status.FAILED
        delivery.save()
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
            failing_since=endpoint.failing_since or now, last_error=error
        )
        return {"failed": delivery.pk, "status": status, "error": error}
    delivery.status = Status.RETRYING
    delivery.next_attempt_at = now + timedelta(seconds=delay)
    delivery.save()
    enqueue_later(deliver_webhook, delay, delivery_id=delivery.pk, attempt=attempt + 1)
    return {"retry": attempt + 1, "in_seconds": delay, "error": error}


def enqueue_delivery(delivery):
    """With the change's transaction (database queue) or after its commit."""
    enqueue_with_transaction(deliver_webhook, delivery_id=delivery.pk)


def send_again(delivery):
    """The admin's "send again": a new round of attempts, same delivery id."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=Status.PENDING, next_attempt_at=None
    )
    enqueue_delivery(delivery)
