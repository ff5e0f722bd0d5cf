"""Bearer tokens, their scope, and the rate limit per token.

A token is found by the SHA-256 hash of the secret the client sends: the database compares hashes, and
the hash of a 256-bit random secret tells an attacker nothing about the secret. `last_used_at` is written
at most once a minute, so a busy client does not turn every read into a write.
"""

from __future__ import annotations

import hmac
import math
import threading
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from .errors import InsufficientScope
from .models import TOKEN_PREFIX, ApiToken, hash_secret

LAST_USED_GRANULARITY = timedelta(minutes=1)
MAX_SECRET_LENGTH = 200  # ours are 46 characters; anything far longer is not worth hashing
DEFAULT_RATE_PER_MINUTE = 120
WINDOW_SECONDS = 60


def token_for_secret(secret: str) -> ApiToken | None:
    """The active token with this secret, or None for an unknown, revoked or malformed one."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > MAX_SECRET_LENGTH:
        return None
    digest = hash_secret(secret)
    token = (
        ApiToken.objects.select_related("owner")
        .filter(token_hash=digest, revoked_at__isnull=True, owner__is_active=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.token_hash, digest):
        return None
    return token


def note_use(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_GRANULARITY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


class TokenAuth(HttpBearer):
    """`Authorization: Bearer kw_...`; `scope` is what the endpoint needs ("read" or "write")."""

    def __init__(self, scope: str) -> None:
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = token_for_secret(token)
        if found is None:
            return None
        note_use(found)
        if not found.allows(self.scope):
            raise InsufficientScope()
        return found


def rate_per_minute() -> int:
    return int(getattr(settings, "KNIEWIJS_API_RATE_PER_MINUTE", DEFAULT_RATE_PER_MINUTE))


class PerTokenRate(BaseThrottle):
    """A fixed one-minute window per token in Django's cache (the client's address for the public self-check).

    With several web processes the cache must be shared (REDIS_URL), or each process counts on its own.
    """

    def __init__(self) -> None:
        self._local = threading.local()  # one throttle object serves every thread of the process

    def allow_request(self, request: HttpRequest) -> bool:
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        key = f"kniewijs:api-rate:{self._ident(request)}:{window}"
        cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
        try:
            count = cache.incr(key)
        except ValueError:  # the key expired between add and incr
            cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
            count = 1
        self._local.wait = max(1, math.ceil((window + 1) * WINDOW_SECONDS - now))
        return count <= rate_per_minute()

    def wait(self) -> float | None:
        return getattr(self._local, "wait", WINDOW_SECONDS)

    @staticmethod
    def _ident(request: HttpRequest) -> str:
        token: Any = getattr(request, "auth", None)
        if isinstance(token, ApiToken):
            return f"token:{token.pk}"
        return f"address:{request.META.get('REMOTE_ADDR', '')}"
