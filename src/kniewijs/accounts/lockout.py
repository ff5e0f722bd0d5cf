"""How django-axes locks logins: three rules with their own limits, so no one can lock the owner out.

django-axes keeps one row per (username, client address, user agent) with its failures; the client address is
`web.client_ip.client_key` (AXES_CLIENT_IP_CALLABLE), so behind the TLS proxy it is the real client. Failures
count while they are younger than the cool-off (AXES_COOLOFF_TIME). A login is refused when any rule holds:

1. **this account from this address**: AXES_FAILURE_LIMIT (5) failures. An attacker who guesses the owner's
   password from their own address locks only that pair; the owner, anywhere else, signs in as usual.
2. **this address, whatever the account**: KNIEWIJS_LOCKOUT_ADDRESS_LIMIT (20). One address trying many
   accounts (credential stuffing) is stopped; it can only ever lock out people who share that address.
3. **this account, from addresses it has never signed in from**: KNIEWIJS_LOCKOUT_ACCOUNT_LIMIT (20),
   counted over every address. Guessing from many addresses at once is bounded to that many guesses per
   cool-off; addresses where the owner signed in successfully (django-axes' AccessLog, the last
   KNIEWIJS_KNOWN_ADDRESS_DAYS days) are not held by this rule, so the owner keeps signing in from home or
   their phone while someone tries from a botnet. A new device during such an attack waits for the cool-off
   or sets a new password by e-mail (which lifts every lock on the account).

Attempts made while locked are not counted (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False), so
trying on does not move the end of a lockout. A successful sign-in clears only rule 1's rows for that pair:
logging in to one's own account must not wipe the count of what the same address tried on others. The
reasoning is in docs/decisions.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

DEFAULT_ADDRESS_LIMIT = 20
DEFAULT_ACCOUNT_LIMIT = 20
DEFAULT_KNOWN_ADDRESS_DAYS = 180


@dataclass(frozen=True)
class Rule:
    name: str
    limit: int
    attempts: QuerySet[AccessAttempt]

    def failures(self) -> int:
        return sum(self.attempts.values_list("failures_since_start", flat=True))

    def ends_at(self, cool_off: timedelta) -> datetime | None:
        """When this rule stops holding, if nothing new is counted: the row whose failures bring the newest
        ones up to the limit ages out of the cool-off then. None when the rule does not hold."""
        total = 0
        for at, failures in self.attempts.order_by("-attempt_time").values_list(
            "attempt_time", "failures_since_start"
        ):
            total += failures
            if total >= self.limit:
                return at + cool_off
        return None


def is_known_address(username: str, address: str) -> bool:
    """Has this account signed in successfully from this address lately?"""
    days = getattr(settings, "KNIEWIJS_KNOWN_ADDRESS_DAYS", DEFAULT_KNOWN_ADDRESS_DAYS)
    since = timezone.now() - timedelta(days=days)
    return AccessLog.objects.filter(username=username, ip_address=address, attempt_time__gte=since).exists()


def rules(request: HttpRequest, credentials: dict[str, Any] | None) -> list[Rule]:
    username = get_client_username(request, credentials)
    address = request.axes_ip_address  # type: ignore[attr-defined]
    recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
    found = [
        Rule(
            "account and address",
            get_failure_limit(request, credentials),
            recent.filter(username=username, ip_address=address),
        ),
        Rule(
            "address",
            getattr(settings, "KNIEWIJS_LOCKOUT_ADDRESS_LIMIT", DEFAULT_ADDRESS_LIMIT),
            recent.filter(ip_address=address),
        ),
    ]
    if username and not is_known_address(username, address):
        found.append(
            Rule(
                "account",
                getattr(settings, "KNIEWIJS_LOCKOUT_ACCOUNT_LIMIT", DEFAULT_ACCOUNT_LIMIT),
                recent.filter(username=username),
            )
        )
    return found


def lock_ends_at(request: HttpRequest, credentials: dict[str, Any] | None = None) -> datetime | None:
    cool_off = get_cool_off(request)
    if cool_off is None:
        return None
    ends = [end for rule in rules(request, credentials) if (end := rule.ends_at(cool_off)) is not None]
    return max(ends, default=None)


class LockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler with the three rules above (AXES_HANDLER)."""

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """axes compares this with AXES_FAILURE_LIMIT: the pair's own count, or the limit when any rule holds."""
        found = rules(request, credentials)
        pair = found[0].failures()
        if any(rule.failures() >= rule.limit for rule in found):
            return max(pair, get_failure_limit(request, credentials))
        return min(pair, get_failure_limit(request, credentials) - 1)

    def reset_user_attempts(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """After a successful sign-in: only this account's failures from this address."""
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(
            username=username,
            ip_address=request.axes_ip_address,  # type: ignore[attr-defined]
        ).delete()
        return count


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The locked-out page (AXES_LOCKOUT_CALLABLE): 429, with the minutes until the lock really ends and
    Retry-After in seconds."""
    ends = lock_ends_at(request, credentials)
    cool_off = get_cool_off(request) or timedelta(minutes=15)
    seconds = (
        max(1, math.ceil((ends - timezone.now()).total_seconds())) if ends else int(cool_off.total_seconds())
    )
    response = render(
        request,
        "accounts/locked_out.html",
        {"minutes": max(1, math.ceil(seconds / 60))},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response
