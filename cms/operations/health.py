"""/healthz: 200 when the database and the cache answer, 503 otherwise.

For load balancers and container orchestrators. The answer says nothing about why a check
failed (the reason is logged); it is never cached and needs no session, cookie or language.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_ok():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def cache_ok():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    try:
        return cache.get(key) == "ok"
    finally:
        cache.delete(key)


CHECKS = {"database": database_ok, "cache": cache_ok}


@csrf_exempt
@never_cache
@require_safe
def healthz(request):
    healthy = True
    for name, check in CHECKS.items():
        try:
            passed = check()
        except Exception:  # noqa: BLE001 - any failure makes the service unhealthy
            logger.exception("Health check failed: %s", name)
            passed = False
        else:
            if not passed:
                logger.error("Health check failed: %s", name)
        healthy = healthy and passed
    if healthy:
        return JsonResponse({"status": "ok"})
    return JsonResponse({"status": "unavailable"}, status=503)
