"""Scopes (a read token cannot write) and the rate limit per token (429 with Retry-After)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from kniewijs.training.models import Activity, DailyEntry

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
    assert refused["Retry-After"] == "40"  # the rest of this minute's window


def test_the_limit_is_counted_per_token(client, runner, read_secret, settings):
    settings.KNIEWIJS_API_RATE_PER_MINUTE = 2
    other = issue(runner, "read", "tweede")
    with time_machine.travel("2026-03-02 08:00:00 +0000", tick=False):
        for _ in range(2):
            client.get("/api/v1/weeks", **bearer(read_secret))
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 429
        assert client.get("/api/v1/weeks", **bearer(other)).status_code == 200


def test_the_next_minute_opens_a_fresh_window(client, runner, read_secret, settings):
    settings.KNIEWIJS_API_RATE_PER_MINUTE = 1
    with time_machine.travel("2026-03-02 08:00:59 +0000", tick=False) as clock:
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 200
        assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 429
        clock.shift(timedelta(seconds=1))
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
