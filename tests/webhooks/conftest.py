import pytest

from news.webhooks.models import EVENT_CHOICES, WebhookEndpoint

from ..queue.fixtures import database_queue  # noqa: F401 (a fixture)
from .receiver import Receiver

SECRET = "test-secret-for-signatures"


@pytest.fixture
def receiver():
    running = Receiver(secret=SECRET).start()
    yield running
    running.stop()


@pytest.fixture
def endpoint(db, receiver):
    return WebhookEndpoint.objects.create(
        name="Front-end",
        url=receiver.url,
        secret=SECRET,
        events=[code for code, _label in EVENT_CHOICES],
    )
