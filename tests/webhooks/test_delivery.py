"""Publish webhooks end to end: the admin's change, the outbox row, a real receiver on
loopback that checks the signature (tests/webhooks/receiver.py)."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from news.webhooks.models import WebhookDelivery
from news.webhooks.signing import signature_header, verify

from ..factories import create_article, translate

Status = WebhookDelivery.Status


def publish(page, title=None):
    if title:
        page.title = title
    revision = page.save_revision()
    revision.publish()
    return revision


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """The test's transaction is never committed: run what waits for the commit at the end
    of each change, as a commit would (``with committed():``)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_publish_is_delivered_signed_with_its_payload(tree, endpoint, receiver, committed):
    article = create_article(tree.news_lt, "Naujas parkas")
    with committed():
        revision = publish(article)

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert request.signed
    delivery = WebhookDelivery.objects.get()
    assert request.headers["Webhook-Id"] == str(delivery.delivery_id)
    assert request.headers["Webhook-Event"] == "article.published"
    body = request.json
    assert body["delivery_id"] == str(delivery.delivery_id)
    assert body["event"] == "article.published"
    assert body["page_id"] == article.pk
    assert body["locale"] == "lt"
    assert body["translation_key"] == str(article.translation_key)
    assert body["revision_id"] == revision.pk
    assert body["url"] == article.get_full_url()
    assert body["api_url"] == f"http://localhost/api/v3/articles/{article.pk}/"
    assert datetime.datetime.fromisoformat(body["time"])
    assert delivery.status == Status.DELIVERED
    assert delivery.attempts == 1 and delivery.response_status == 200
    assert delivery.latency_ms is not None


def test_a_draft_save_sends_nothing(tree, endpoint, receiver, committed):
    article = create_article(tree.news_lt, "Juodraštis", live=False)
    article.title = "Juodraštis 2"
    with committed():
        article.save_revision()

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_unpublish_move_delete_and_translation_events(tree, endpoint, receiver, committed):
    article = create_article(tree.news_lt, "Straipsnis")
    other_index = tree.home_lt.add_child(
        instance=type(tree.news_lt)(title="Archyvas", slug="archyvas", locale=tree.lt)
    )
    with committed():
        publish(article)
        english = translate(article, tree.en, title="Article")
    with committed():
        Page.objects.get(pk=article.pk).specific.move(other_index, pos="last-child")
    english.refresh_from_db()
    with committed():
        english.unpublish()
    with committed():
        Page.objects.get(pk=article.pk).specific.delete()

    assert receiver.events() == [
        "article.published",
        "translation.published",
        "article.moved",
        "article.unpublished",
        # Wagtail unpublishes a live page it deletes: both are sent.
        "article.unpublished",
        "article.deleted",
    ]
    assert all(request.signed for request in receiver.requests)
    moved = receiver.requests[2].json
    assert moved["url"].endswith("/lt/archyvas/" + article.slug + "/")
    assert moved["previous_url"].endswith("/lt/naujienos/" + article.slug + "/")
    assert receiver.requests[1].json["locale"] == "en"
    assert receiver.requests[3].json["page_id"] == english.pk
    assert receiver.requests[4].json["page_id"] == article.pk
    assert receiver.requests[5].json["api_url"] is None


def test_endpoints_get_only_their_events_and_locales(tree, endpoint, receiver, committed):
    endpoint.events = ["translation.published"]
    endpoint.save()
    endpoint.locales.set([tree.en])
    article = create_article(tree.news_lt, "Tik lietuviškai")
    with committed():
        publish(article)
        translate(article, tree.en, title="In English")

    assert receiver.events() == ["translation.published"]
    endpoint.active = False
    endpoint.save()
    with committed():
        publish(article, "Vėl")
    assert len(receiver.requests) == 1


def test_a_5xx_is_retried_until_delivered(tree, endpoint, receiver, committed):
    receiver.statuses = [500, 503]
    with committed():
        publish(create_article(tree.news_lt, "Bandymas"))

    assert [r.signed for r in receiver.requests] == [True, True, True]
    assert len({r.headers["Webhook-Id"] for r in receiver.requests}) == 1  # same id
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.DELIVERED and delivery.attempts == 3


def test_a_4xx_is_not_retried_and_flags_the_endpoint(tree, endpoint, receiver, committed):
    receiver.statuses = [410]
    with committed():
        publish(create_article(tree.news_lt, "Klaida"))

    assert len(receiver.requests) == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.FAILED and delivery.response_status == 410
    endpoint.refresh_from_db()
    assert endpoint.failing_since is not None and "410" in endpoint.last_error

    with committed():
        publish(create_article(tree.news_lt, "Vėl veikia"))
    endpoint.refresh_from_db()
    assert endpoint.failing_since is None


def test_after_the_last_attempt_the_delivery_fails_and_the_endpoint_is_flagged(
    tree, endpoint, receiver, settings, committed
):
    settings.WEBHOOKS_RETRY_DELAYS = [0, 0]
    receiver.statuses = [502, 502, 502, 502]
    with committed():
        publish(create_article(tree.news_lt, "Niekada"))

    assert len(receiver.requests) == 3  # the first attempt and two retries
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.FAILED and delivery.attempts == 3
    endpoint.refresh_from_db()
    assert endpoint.failing_since is not None


def test_redirects_are_not_followed(tree, endpoint, receiver, committed):
    receiver.statuses = [302]
    receiver.headers = {"Location": "http://127.0.0.1:9/elsewhere"}
    with committed():
        publish(create_article(tree.news_lt, "Nukreipimas"))

    assert len(receiver.requests) == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.FAILED
    assert "not followed" in delivery.last_error


def test_publishing_never_fails_because_of_a_receiver(tree, endpoint, receiver, committed):
    receiver.stop()  # nobody listens on that port any more
    article = create_article(tree.news_lt, "Be gavėjo")
    with committed():
        publish(article, "Paskelbta")

    article.refresh_from_db()
    assert article.live and article.title == "Paskelbta"
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.FAILED and delivery.response_status is None
    assert delivery.last_error


def test_a_receiver_down_and_back_gets_every_event_in_page_order(
    tree, endpoint, receiver, database_queue, settings
):
    settings.WEBHOOKS_RETRY_DELAYS = [60, 60, 60]
    port = receiver.port
    receiver.stop()
    first = create_article(tree.news_lt, "Pirmas")
    second = create_article(tree.news_lt, "Antras")
    publish(first, "Pirmas v1")
    publish(second, "Antras v1")
    publish(first, "Pirmas v2")
    # Recorded in the publishing transaction: three deliveries, nothing sent yet.
    assert WebhookDelivery.objects.filter(status=Status.PENDING).count() == 3

    database_queue()
    # The receiver is down: the oldest delivery of each page waits for its retry; the
    # newer one of the first page waits for the older one.
    statuses = dict(WebhookDelivery.objects.values_list("payload__title", "status"))
    assert statuses == {
        "Pirmas v1": Status.RETRYING,
        "Antras v1": Status.RETRYING,
        "Pirmas v2": Status.PENDING,
    }

    back = type(receiver)(secret=receiver.secret, port=port).start()
    try:
        # A minute later (the retry delay), as far as the queue knows:
        DBTaskResult.objects.filter(status="READY").update(
            run_after=timezone.now() - datetime.timedelta(seconds=1)
        )
        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
        for _round in range(5):
            database_queue()
            DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        titles = [request.json["title"] for request in back.requests]
        assert sorted(titles) == ["Antras v1", "Pirmas v1", "Pirmas v2"]
        assert titles.index("Pirmas v1") < titles.index("Pirmas v2")
        assert all(request.signed for request in back.requests)
        assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {Status.DELIVERED}
    finally:
        back.stop()


def test_signatures_check_body_secret_and_age():
    body = b'{"event":"test"}'
    header = signature_header("s3cret", body)
    assert verify("s3cret", header, body)
    assert not verify("other", header, body)
    assert not verify("s3cret", header, body + b" ")
    assert not verify("s3cret", "t=abc,v1=00", body)
    old = signature_header("s3cret", body, timestamp=1_000_000)
    assert not verify("s3cret", old, body)


def test_retries_stop_when_the_endpoint_is_deactivated(
    tree, endpoint, receiver, database_queue, settings
):
    settings.WEBHOOKS_RETRY_DELAYS = [0, 0, 0]
    receiver.statuses = [503]
    publish(create_article(tree.news_lt, "Išjungta"))
    # One task at a time until the first attempt is made (503: a retry is queued).
    while WebhookDelivery.objects.get().status == Status.PENDING:
        assert database_queue(limit=1) == 1
    assert WebhookDelivery.objects.get().status == Status.RETRYING
    endpoint.active = False
    endpoint.save()

    database_queue()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.FAILED and delivery.last_error == "Endpoint inactive."
    assert len(receiver.requests) == 1
