"""Scopes (a read token cannot write) and the rate limit per token (429 with Retry-After).

The limit is django-ninja's throttle: a sliding minute (a request counts for 60 seconds after it was made),
not the fixed clock-minute window of the hand-written limiter it replaced.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from kniewijs.training.models import Activity, DailyEntry

from ..conftest import make_runner
from .conftest import bearer, issue

pytestmark = pytest.mark.django_db


def test_a_read_token_may_not_add_a_daily_entry(client, runner, read_secret):
    response = client.post(
        "/api/v1/daily-entries",
        {"date": "2026-03-01"},
        content_type="application/json",
        **bearer(read_secret),
    )
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert not DailyEntry.objects.exists()


def test_a_read_token_may_not_push_an_activity(client, runner, read_secret, media_root):
    upload = SimpleUploadedFile("run.gpx", b"<gpx/>")
    response = client.post("/api/v1/activities", {"file": upload}, **bearer(read_secret))
    assert response.status_code == 403
    assert not Activity.objects.exists()


def test_a_write_token_may_also_read(client, runner, write_secret):
    assert client.get("/api/v1/warnings", **bearer(write_secret)).status_code == 200
    assert client.get("/api/v1/weeks", **bearer(write_secret)).status_code == 200


def test_past_the_limit_a_token_gets_429_with_retry_after(client, runner, read_secret, settings):
    settings.KNIEWIJS_API_RATE_PER_MINUTE = 3
    with time_machine.travel("2026-03-02 08:00:20 +0000", tick=False):
        codes = [client.get("/api/v1/weeks", **bearer(read_secret)).status_code for _ in range(4)]
        refused = client.get("/api/v1/weeks", **bearer(read_secret))
    assert codes == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert refused["Retry-After"] == "60"  # until the oldest of the three counted requests is a minute old


def test_retry_after_counts_down_to_when_the_oldest_request_leaves_the_minute(
    client, runner, read_secret, settings
):
    settings.KNIEWIJS_API_RATE_PER_MINUTE = 2
    with time_machine.travel("2026-03-02 08:00:00 +0000", tick=False) as clock:
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 200
        clock.shift(timedelta(seconds=20))
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 200
        clock.shift(timedelta(seconds=15))
        refused = client.get("/api/v1/weeks", **bearer(read_secret))
        assert (refused.status_code, refused["Retry-After"]) == (429, "25")
        clock.shift(timedelta(seconds=25))
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 200


def test_the_limit_is_counted_per_token(client, runner, read_secret, settings):
    settings.KNIEWIJS_API_RATE_PER_MINUTE = 2
    other = issue(runner, "read", "tweede")
    with time_machine.travel("2026-03-02 08:00:00 +0000", tick=False):
        for _ in range(2):
            client.get("/api/v1/weeks", **bearer(read_secret))
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 429
        assert client.get("/api/v1/weeks", **bearer(other)).status_code == 200


def test_a_request_counts_for_a_full_minute_not_until_the_clock_minute_ends(
    client, runner, read_secret, settings
):
    settings.KNIEWIJS_API_RATE_PER_MINUTE = 1
    with time_machine.travel("2026-03-02 08:00:59 +0000", tick=False) as clock:
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 200
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 429
        clock.shift(timedelta(seconds=1))
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 429
        clock.shift(timedelta(seconds=59))
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 200


def test_the_public_self_check_is_limited_per_address(client, settings):
    settings.KNIEWIJS_API_RATE_PER_MINUTE = 1
    with time_machine.travel("2026-03-02 08:00:00 +0000", tick=False):
        first = client.post("/api/v1/selfcheck", {}, content_type="application/json")
        second = client.post("/api/v1/selfcheck", {}, content_type="application/json")
    assert (first.status_code, second.status_code) == (200, 429)
    assert int(second["Retry-After"]) == 60


def test_a_refused_token_does_not_use_up_anyone_s_limit(client, runner, read_secret, settings):
    settings.KNIEWIJS_API_RATE_PER_MINUTE = 1
    with time_machine.travel("2026-03-02 08:00:00 +0000", tick=False):
        for _ in range(3):
            assert client.get("/api/v1/weeks", HTTP_AUTHORIZATION="Bearer kw_wrong").status_code == 401
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 200


def test_the_public_self_check_counts_the_real_client_behind_a_trusted_proxy(client, settings):
    settings.KNIEWIJS_API_RATE_PER_MINUTE = 1
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    with time_machine.travel("2026-03-02 08:00:00 +0000", tick=False):
        first = client.post(
            "/api/v1/selfcheck",
            {},
            content_type="application/json",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
            **proxy,
        )
        again = client.post(
            "/api/v1/selfcheck",
            {},
            content_type="application/json",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
            **proxy,
        )
        someone_else = client.post(
            "/api/v1/selfcheck",
            {},
            content_type="application/json",
            HTTP_X_FORWARDED_FOR="198.51.100.9",
            **proxy,
        )
    assert (first.status_code, again.status_code, someone_else.status_code) == (200, 429, 200)


def test_two_tokens_with_the_same_name_are_counted_apart(client, runner, settings):
    settings.KNIEWIJS_API_RATE_PER_MINUTE = 1
    first, second = issue(runner, "read", "telefoon"), issue(runner, "read", "telefoon")
    with time_machine.travel("2026-03-02 08:00:00 +0000", tick=False):
        assert client.get("/api/v1/weeks", **bearer(first)).status_code == 200
        assert client.get("/api/v1/weeks", **bearer(first)).status_code == 429
        assert client.get("/api/v1/weeks", **bearer(second)).status_code == 200


def test_the_limit_is_django_ninja_s_throttle():
    from ninja.throttling import AuthRateThrottle

    from kniewijs.api.endpoints import RATE, router

    assert isinstance(RATE, AuthRateThrottle)
    assert router.throttle == [RATE]  # every operation of the router, the public self-check included


def test_a_password_change_revokes_every_api_token(client, runner, read_secret, write_secret):
    from django.urls import reverse

    client.force_login(runner)
    password = "een-lang-wachtwoord-42"
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": password,
            "new_password1": "nieuw-knie-wachtwoord-8",
            "new_password2": "nieuw-knie-wachtwoord-8",
        },
    )
    assert response.status_code == 302
    for secret in (read_secret, write_secret):
        assert client.get("/api/v1/weeks", **bearer(secret)).status_code == 401
    assert not runner.api_tokens.filter(revoked_at__isnull=True).exists()


def test_a_password_reset_revokes_every_api_token(client, runner, read_secret, settings):
    import re

    from django.core import mail
    from django.urls import reverse

    settings.KNIEWIJS_JOBS_INLINE = True
    other = make_runner("bram@example.nl")
    bram_secret = issue(other, "read")
    client.post(reverse("accounts:password_reset"), {"email": runner.email})
    link = re.search(r"https?://testserver(/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    new = "nieuw-knie-wachtwoord-8"
    assert client.post(form_url, {"new_password1": new, "new_password2": new}).status_code == 302
    assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 401
    assert client.get("/api/v1/weeks", **bearer(bram_secret)).status_code == 200  # only the runner's own
