"""Login rate limiting (django-axes) on Wagtail's own admin login form."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

LIMIT = 3


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)


def log_in(client, password, username="admin", **extra):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, **extra
    )


def logged_in(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def fail_until_locked(client, **extra):
    responses = [log_in(client, "wrong", **extra) for _ in range(LIMIT)]
    assert [r.status_code for r in responses[:-1]] == [200] * (LIMIT - 1)  # the form again
    return responses[-1]


def test_a_correct_password_logs_in(admin_user):
    assert logged_in(log_in(Client(), PASSWORD))


def test_failures_lock_out_even_the_right_password(admin_user):
    client = Client()
    locked = fail_until_locked(client)
    assert locked.status_code == 429
    # Locked: the right password is refused too, from any new client at that address.
    again = log_in(Client(), PASSWORD)
    assert again.status_code == 429
    assert not logged_in(again)
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_address(admin_user, django_user_model):
    fail_until_locked(Client())
    # Someone else from the same address, and the same user from another address, may log in.
    django_user_model.objects.create_superuser("other", "o@example.com", PASSWORD)
    assert logged_in(log_in(Client(), PASSWORD, username="other"))
    assert logged_in(log_in(Client(), PASSWORD, REMOTE_ADDR="10.0.0.9"))


def test_axes_reset_lifts_the_lockout(admin_user):
    fail_until_locked(Client())
    call_command("axes_reset", verbosity=0)
    assert logged_in(log_in(Client(), PASSWORD))


def test_the_lockout_ends_after_the_cool_off(admin_user):
    fail_until_locked(Client())
    assert log_in(Client(), PASSWORD).status_code == 429
    # As if the cool-off time had passed since the failures.
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    )
    assert logged_in(log_in(Client(), PASSWORD))


def test_a_success_resets_the_failure_count(admin_user):
    client = Client()
    for _ in range(LIMIT - 1):
        log_in(client, "wrong")
    assert logged_in(log_in(client, PASSWORD))
    client.logout()
    for _ in range(LIMIT - 1):
        assert log_in(Client(), "wrong").status_code == 200
    assert logged_in(log_in(Client(), PASSWORD))


def test_behind_a_proxy_the_client_address_counts(admin_user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    fail_until_locked(Client(), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    # Another client behind the same proxy is not locked out; a forged header changes nothing.
    assert logged_in(log_in(Client(), PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy))
    forged = log_in(Client(), PASSWORD, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5", **proxy)
    assert forged.status_code == 429


def test_force_login_is_not_rate_limited(admin_user):
    fail_until_locked(Client())
    client = Client()
    client.force_login(admin_user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
