"""Bearer tokens, their scope, the rate limit per token (django-ninja's throttling) and revoking them all.

A token is found by the SHA-256 hash of the secret the client sends: the database compares hashes, and
the hash of a 256-bit random secret tells an attacker nothing about the secret. `last_used_at` is written
at most once a minute, so a busy client does not turn every read into a write.
"""

from __future__ import annotations

import hmac
import threading
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle

from kniewijs.web.client_ip import client_key

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


def revoke_tokens_of(user: Any) -> int:
    """Every active token of this account stops working (a new password ends what the old one let in)."""
    return ApiToken.objects.filter(owner=user, revoked_at__isnull=True).update(revoked_at=timezone.now())


def rate_per_minute() -> int:
    return int(getattr(settings, "KNIEWIJS_API_RATE_PER_MINUTE", DEFAULT_RATE_PER_MINUTE))


class PerTokenRate(AuthRateThrottle):
    """django-ninja's own throttle: a sliding minute per token, per client address for the public self-check.

    Three changes to ninja's AuthRateThrottle: the key is the token's id (ninja hashes `str(token)`, the name
    two tokens may share); an anonymous client is its real address behind TRUSTED_PROXIES (`client_key`,
    not ninja's own reading of X-Forwarded-For); the rate is read from the settings on every request. ninja
    keeps the request's key and history on the throttle object between `allow_request` and `wait`, and one
    object serves every thread of the process, so those live per thread here.

    The history sits in Django's cache: with several web processes it must be shared (REDIS_URL), or each
    process counts on its own. It is read and written without a lock, so requests that arrive at the same
    moment may slip one or two past the limit; a limit against runaway scripts, not a quota.
    """

    scope = "kniewijs-api"
    cache_format = "kniewijs:api-throttle:%(scope)s:%(ident)s"

    def __init__(self) -> None:
        self._local = threading.local()
        super().__init__(rate=f"{DEFAULT_RATE_PER_MINUTE}/min")

    # ninja's per-request state, one copy per thread
    key = property(lambda self: self._local.key, lambda self, value: setattr(self._local, "key", value))
    history = property(
        lambda self: self._local.history, lambda self, value: setattr(self._local, "history", value)
    )
    now = property(lambda self: self._local.now, lambda self, value: setattr(self._local, "now", value))

    def allow_request(self, request: HttpRequest) -> bool:
        self.num_requests, self.duration = rate_per_minute(), WINDOW_SECONDS
        self.history = []
        return super().allow_request(request)

    def get_ident(self, request: HttpRequest) -> str:
        return client_key(request)

    def get_cache_key(self, request: HttpRequest) -> str:
        token: Any = getattr(request, "auth", None)
        ident = f"token:{token.pk}" if isinstance(token, ApiToken) else f"address:{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
