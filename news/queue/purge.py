"""Edge cache purges on the queue, retried until the cache answers.

Wagtail's HTTP frontend cache backend logs a purge that fails and forgets it. Here each
PURGE must be answered (any status below 500 but a refusal: 401, 403, 405). Every cache
(one per host: deploy/README.md) is purged in each attempt, whichever of them fails, so
that one host down keeps no other stale; the batch is tried again after a delay
(``settings.TASKS_RETRY_DELAYS``: purges are idempotent) for the caches that failed only,
and after the last attempt recorded as a failed task naming them. Backends other than the
HTTP one (a CDN's API) are called as Wagtail calls them.
"""

from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django_tasks import task
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

from .durable import enqueue_with_transaction, retry_or_raise

PURGE_TIMEOUT = 10
REFUSED = (401, 403, 405)


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
        # A 404 is a cache with nothing there to forget. A refusal is this host missing from
        # the cache's purgers (deploy/varnish/default.vcl, on another host): nothing forgot.
        if error.code >= 500 or error.code in REFUSED:
            raise PurgeFailed(f"{url}: HTTP {error.code}") from error
    except (URLError, OSError) as error:
        raise PurgeFailed(f"{url}: {getattr(error, 'reason', error)}") from error


def purge_now(urls, backend_names=None):
    """Purge ``urls`` from every backend (or those named); {name: error} of those that failed.

    A cache that fails one URL is not asked the rest: it is down or refusing, and each URL
    would wait for the timeout again. Its retry sends it the whole batch.
    """
    failed = {}
    for name, backend in get_backends(backends=backend_names).items():
        mine = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        if not mine:
            continue
        if not isinstance(backend, HTTPBackend):
            backend.purge_batch(mine)
            continue
        try:
            for url in mine:
                send_purge(backend, url)
        except PurgeFailed as error:
            failed[name] = str(error)
    return failed


@task()
def purge_urls_task(urls, attempt=1, backends=None):
    """``backends``: the names of the caches still to purge (None: all of them)."""
    failed = purge_now(urls, backends)
    if failed:
        error = PurgeFailed("; ".join(f"{name}: {reason}" for name, reason in failed.items()))
        return retry_or_raise(
            purge_urls_task, error, attempt=attempt, urls=urls, backends=sorted(failed)
        )
    return {"purged": len(urls)}


def enqueue_purge(urls):
    """Purge ``urls`` once the current transaction commits (or with it, on the database
    queue: see news.queue.durable)."""
    if urls:
        enqueue_with_transaction(purge_urls_task, urls=sorted(urls))
