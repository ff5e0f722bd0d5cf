"""`/healthz` for load balancers and monitoring: can this node reach its database and, when configured,
Redis? No health data, no details beyond ok/failed."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any driver error means "not healthy"; the log says which
        logger.exception("health check: database unreachable")
        return False


def _redis() -> bool | None:
    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return None
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2).ping())
    except Exception:
        logger.exception("health check: redis unreachable")
        return False


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database, cache = _database(), _redis()
    healthy = database and cache is not False
    body = {
        "status": "ok" if healthy else "failing",
        "database": "ok" if database else "failing",
        "redis": "not configured" if cache is None else ("ok" if cache else "failing"),
    }
    return JsonResponse(body, status=200 if healthy else 503)
