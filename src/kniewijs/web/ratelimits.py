"""Rate limits for views: one decorator on django-ratelimit, counted per client, per form field or per account.

    from kniewijs.web.ratelimits import limited

    @limited("booking", per_ip="10/h", per_field=("email", "5/d"))
    def details(request: HttpRequest, slug: str) -> HttpResponse: ...

    # a class-based view, or someone else's view, in urls.py:
    path("inloggen/", limited("login", per_ip="20/10m")(views.EmailLoginView.as_view()), name="login")

Arguments (all but `group` keyword-only; give at least one of the three counters):

- `group`: the limit's own name ("booking", "upload"); each group counts separately.
- `per_ip`: a rate or a list of rates (`"10/h"`, `["10/h", "50/d"]`) per client address. The address is
  `client_ip.client_key`: behind the proxies named in TRUSTED_PROXIES the real client, IPv6 by its /64.
- `per_field`: `(field, rate)`, `(field, [rates])` or a list of them, counted per value of that POST field after stripping and
  lower-casing (`("email", "5/d")`: five a day per e-mail address, whoever sends them). An empty value is not
  counted by that rule.
- `per_user`: a rate or rates per signed-in account (anonymous requests are not counted by this rule).
- `methods`: the methods that count, POST only by default (showing the form costs nothing); other methods
  pass untouched. The programme PDF is a GET: `methods=("GET",)`.

A rate is django-ratelimit's `N/period` with period `s`, `m`, `h` or `d` and an optional multiplier
(`"20/10m"`). Each rule is a fixed window of that length per key (django-ratelimit staggers the window edges
per key). Every rule of a request counts the request, and when any rule is over its limit the answer is the
429 page (`429.html`, Dutch first) with `Retry-After`: the seconds until the last exceeded window ends.

Inside a view, to count only what passed the form (say):

    wait = hit(request, "booking", per_field=("email", "5/d"))
    if wait is not None:
        return too_many_requests(request, wait)

The counts live in Django's default cache: Redis with REDIS_URL, so every web process shares them; without it
the local-memory cache of each process (the embedded default has one process). When the cache cannot be read
the request goes through (RATELIMIT_FAIL_OPEN): a rate limit is no reason to lock runners out of their data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage

from kniewijs.web.client_ip import client_key

Rates = str | Sequence[str] | None
FieldRule = tuple[str, str | Sequence[str]]
FieldRates = FieldRule | Sequence[FieldRule] | None
View = Callable[..., HttpResponse]

RATE = re.compile(r"^\d+/\d*[smhd]$")


def _rates(value: Rates) -> list[str]:
    rates = [] if value is None else [value] if isinstance(value, str) else list(value)
    for rate in rates:
        if not RATE.match(rate):
            raise ValueError(f"not a rate: {rate!r} (use e.g. '10/h', '5/d' or '20/10m')")
    return rates


def _field_rates(value: FieldRates) -> list[tuple[str, str]]:
    if value is None:
        return []
    rules: list[FieldRule] = [value] if isinstance(value[0], str) else list(value)  # type: ignore[list-item]
    return [(str(field), one) for field, rates in rules for one in _rates(rates)]


def _normalised(value: str) -> str:
    return value.strip().lower()


def hit(
    request: HttpRequest,
    group: str,
    *,
    per_ip: Rates = None,
    per_field: FieldRates = None,
    per_user: Rates = None,
) -> int | None:
    """Count this request against every rule; None when all are within their limit, else the seconds to
    wait until the last exceeded window ends."""
    checks: list[tuple[str, str, str]] = [("ip", client_key(request), rate) for rate in _rates(per_ip)]
    for field, rate in _field_rates(per_field):
        value = _normalised(str(request.POST.get(field, "")))
        if value:
            checks.append((f"field:{field}", value, rate))
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        checks += [("user", str(user.pk), rate) for rate in _rates(per_user)]
    waits: list[int] = []
    for kind, value, rate in checks:
        usage = get_usage(
            request,
            group=f"kniewijs:{group}:{kind}",
            key=lambda _group, _request, value=value: value,
            rate=rate,
            increment=True,
        )
        if usage is not None and usage["should_limit"]:
            waits.append(max(1, int(usage["time_left"])))
    return max(waits) if waits else None


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """The 429 page: what happened, when to try again, and whom to call when it cannot wait."""
    seconds = max(1, int(retry_after))
    minutes = math.ceil(seconds / 60)
    hours = math.ceil(minutes / 60) if minutes > 90 else 0
    response = render(
        request, "429.html", {"retry_after": seconds, "minutes": minutes, "hours": hours}, status=429
    )
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def limited(
    group: str,
    *,
    per_ip: Rates = None,
    per_field: FieldRates = None,
    per_user: Rates = None,
    methods: Sequence[str] = ("POST",),
) -> Callable[[View], View]:
    """A view decorator; see the module's docstring for the arguments."""
    if not (_rates(per_ip) or _field_rates(per_field) or _rates(per_user)):
        raise ValueError(f"limited({group!r}) needs per_ip, per_field or per_user")
    counted = {m.upper() for m in methods}

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in counted:
                wait = hit(request, group, per_ip=per_ip, per_field=per_field, per_user=per_user)
                if wait is not None:
                    return too_many_requests(request, wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
