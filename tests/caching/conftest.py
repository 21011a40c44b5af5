"""A purge backend that records what the edge cache is told to forget."""

import pytest


class RecordingBackend:
    purged = []

    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        RecordingBackend.purged.extend(urls)


@pytest.fixture
def recorded(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": f"{__name__}.RecordingBackend"},
    }
    RecordingBackend.purged = []
    return RecordingBackend.purged
