"""{% storage_usage user as usage %}: the account's storage for `training/_storage_quota.html`, so that any
page (the upload page, the account page) can include it with nothing in its view."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template

from kniewijs.training.quota import size_in_words, storage_used

register = template.Library()


@dataclass(frozen=True)
class Usage:
    used: int
    quota: int

    @property
    def used_text(self) -> str:
        return size_in_words(self.used)

    @property
    def quota_text(self) -> str:
        return size_in_words(self.quota)

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.used / self.quota)) if self.quota else 100

    @property
    def nearly_full(self) -> bool:
        return self.percent >= 90


@register.simple_tag
def storage_usage(user: Any) -> Usage | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    used, quota = storage_used(user)
    return Usage(used, quota)
