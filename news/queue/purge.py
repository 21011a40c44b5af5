"""Edge cache purges on the queue, retried until the cache answers.

Wagtail's HTTP frontend cache backend logs a purge that fails and forgets it. Here each
PURGE must be answered (any status below 500); otherwise the whole batch is tried again
after a delay (``settings.TASKS_RETRY_DELAYS``: purges are idempotent) and, after the last
attempt, recorded as a failed task. Backends other than the HTTP one (a CDN's API) are
called as Wagtail calls them.
"""

from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django_tasks import task
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

from .durable import enqueue_with_transaction, retry_or_raise

PURGE_TIMEOUT = 10


class PurgeFailed(Exception):
    pass


class PurgeRequest(Request):
    def get_method(self):
        return "PURGE"


def send_purge(backend, url):
    """One PURGE to an HTTP cache, as Wagtail's backend sends it; raises unless answered."""
    parts = urlsplit(url)
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    request = PurgeRequest(
        urlunsplit([backend.cache_scheme, backend.cache_netloc, parts.path, parts.query, ""]),
        headers={"Host": host, "User-Agent": "Kaunas-News-purge"},
    )
    try:
        with urlopen(request, timeout=PURGE_TIMEOUT) as response:  # noqa: S310 (settings)
            response.read()
    except HTTPError as error:
        if error.code >= 500:
            raise PurgeFailed(f"{url}: HTTP {error.code}") from error
    except (URLError, OSError) as error:
        raise PurgeFailed(f"{url}: {getattr(error, 'reason', error)}") from error


def purge_now(urls):
    for backend in get_backends().values():
        hostnames = {urlsplit(url).netloc for url in urls}
        mine = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        if not mine or not hostnames:
            continue
        if isinstance(backend, HTTPBackend):
            for url in mine:
                send_purge(backend, url)
        else:
            backend.purge_batch(mine)


@task()
def purge_urls_task(urls, attempt=1):
    try:
        purge_now(urls)
    except PurgeFailed as error:
        return retry_or_raise(purge_urls_task, error, attempt=attempt, urls=urls)
    return {"purged": len(urls)}


def enqueue_purge(urls):
    """Purge ``urls`` once the current transaction commits (or with it, on the database
    queue: see news.queue.durable)."""
    if urls:
        enqueue_with_transaction(purge_urls_task, urls=sorted(urls))
