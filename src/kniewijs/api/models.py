"""Personal access tokens for the JSON API.

Only a SHA-256 hash of each secret is stored: the runner sees the secret once, when it is made, and a
stolen database gives no working token. A token is looked up by its hash, so the secret itself is never
compared character by character.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "kw_"
SHOWN_PREFIX_LENGTH = len(TOKEN_PREFIX) + 6  # enough for the runner to tell two tokens apart


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiToken(models.Model):
    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        WRITE = "write", _("Read and write")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=60)
    scope = models.CharField(_("access"), max_length=5, choices=Scope.choices, default=Scope.READ)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    shown_prefix = models.CharField(max_length=SHOWN_PREFIX_LENGTH, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.shown_prefix}…)"

    @classmethod
    def issue(cls, owner: object, name: str, scope: str) -> tuple[ApiToken, str]:
        """A new token and its secret; the secret exists only in the return value."""
        secret = new_secret()
        token = cls.objects.create(
            owner=owner,
            name=name,
            scope=scope,
            token_hash=hash_secret(secret),
            shown_prefix=secret[:SHOWN_PREFIX_LENGTH],
        )
        return token, secret

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def allows(self, scope: str) -> bool:
        """Write implies read."""
        return scope == self.Scope.READ or self.scope == self.Scope.WRITE
