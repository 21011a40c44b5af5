"""The webhook admin through Django's test client: endpoints (Settings → Webhooks), the
URL rules of their form, the delivery log, "send again" and "send test event"."""

from urllib.parse import parse_qs

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

from news.webhooks.models import WebhookDelivery, WebhookEndpoint

from ..factories import soup
from .conftest import SECRET

Status = WebhookDelivery.Status


@pytest.fixture
def admin_client_(client, django_user_model, tree):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    # The admin speaks English to them (its messages are what the tests read).
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)
    return client


def form_data(url, **extra):
    return {
        "name": "Partner portal",
        "url": url,
        "secret": "a-secret",
        "events": ["article.published", "translation.published"],
        "active": "on",
        **extra,
    }


def test_an_administrator_adds_an_endpoint(admin_client_, receiver, tree):
    response = admin_client_.post(
        reverse("webhook_endpoints:add"), form_data(receiver.url, locales=[tree.en.pk])
    )

    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.url == receiver.url
    assert endpoint.events == ["article.published", "translation.published"]
    assert list(endpoint.locales.all()) == [tree.en]
    listing = admin_client_.get(reverse("webhook_endpoints:index"))
    assert listing.status_code == 200 and b"Partner portal" in listing.content


@pytest.mark.parametrize(
    "url",
    [
        "ftp://127.0.0.1:2121/hooks/",
        "javascript:alert(1)",
        "http://localhost/hooks/",  # the site itself (its Site record)
        "http://127.0.0.1/hooks/",  # the same address and port
        "http://testserver.invalid/hooks/",  # does not resolve
        "http://127.0.0.1:99999/hooks/",
    ],
)
def test_refused_urls_are_form_errors(admin_client_, url):
    response = admin_client_.post(reverse("webhook_endpoints:add"), form_data(url))

    assert response.status_code == 200
    assert response.context["form"].errors["url"]
    assert not WebhookEndpoint.objects.exists()


def test_private_addresses_are_refused_where_not_allowed(admin_client_, receiver, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False
    response = admin_client_.post(reverse("webhook_endpoints:add"), form_data(receiver.url))

    assert response.status_code == 200
    assert "private or local" in str(response.context["form"].errors["url"])


def test_an_endpoint_needs_an_event(admin_client_, receiver):
    response = admin_client_.post(
        reverse("webhook_endpoints:add"), form_data(receiver.url, events=[])
    )
    assert response.status_code == 200 and response.context["form"].errors["events"]


def test_the_log_shows_attempts_and_sends_again(
    admin_client_, endpoint, receiver, django_capture_on_commit_callbacks
):
    receiver.statuses = [404]
    response = None
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_.post(reverse("webhooks_send_test", args=[endpoint.pk]))
    assert response.status_code == 302
    delivery = WebhookDelivery.objects.get()
    assert delivery.event == "test" and delivery.status == Status.FAILED
    assert receiver.requests[0].signed and receiver.requests[0].json["event"] == "test"

    log = admin_client_.get(reverse("webhooks_delivery_log"), {"endpoint": endpoint.pk})
    assert log.status_code == 200
    html = log.content.decode()
    assert str(delivery.delivery_id) in html and "HTTP 404" in html
    assert "Failing since" in html

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_.post(reverse("webhooks_resend", args=[delivery.pk]))
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == Status.DELIVERED and delivery.attempts == 2
    assert [r.headers["Webhook-Id"] for r in receiver.requests] == [str(delivery.delivery_id)] * 2
    endpoint.refresh_from_db()
    assert endpoint.failing_since is None


def test_the_logs_next_page_keeps_its_filters(admin_client_, endpoint):
    WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint=endpoint, event="test", payload={}, status=status)
        for status in [Status.FAILED] * 55 + [Status.DELIVERED] * 10
    )
    filters = {"status": Status.FAILED, "endpoint": endpoint.pk}
    first = soup(admin_client_.get(reverse("webhooks_delivery_log"), filters))
    assert len(first.select("tr[data-delivery]")) == 50
    next_link = first.select_one(".news-pager a[rel=next]")["href"]
    assert parse_qs(next_link.removeprefix("?")) == {
        "status": [Status.FAILED],
        "endpoint": [str(endpoint.pk)],
        "p": ["2"],
    }

    second = soup(admin_client_.get(reverse("webhooks_delivery_log") + next_link))
    assert len(second.select("tr[data-delivery]")) == 5  # the failed ones only
    assert second.select_one(".news-pager a[rel=prev]")["href"].endswith("p=1")


def test_bad_input_to_the_log_is_not_an_error(admin_client_, endpoint):
    log = admin_client_.get(reverse("webhooks_delivery_log"), {"endpoint": "x", "p": "-1"})
    assert log.status_code == 200
    # An unknown delivery: a 404 (which Django's LocaleMiddleware turns into a redirect to
    # /lt/admin/..., itself a 404).
    missing = admin_client_.post(reverse("webhooks_resend", args=[999999]), follow=True)
    assert missing.status_code == 404
    assert admin_client_.get(reverse("webhooks_send_test", args=[endpoint.pk])).status_code == 405


def test_editors_may_not_manage_webhooks(client, django_user_model, endpoint):
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get(reverse("webhooks_delivery_log")).status_code in (302, 403)
    assert client.post(reverse("webhooks_send_test", args=[endpoint.pk])).status_code in (302, 403)
    assert not WebhookDelivery.objects.exists()
    assert SECRET not in client.get(reverse("webhook_endpoints:index")).content.decode()
