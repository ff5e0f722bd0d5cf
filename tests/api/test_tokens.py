"""Tokens: only a hash is stored, revoked and unknown tokens get 401, and a token only reaches its owner."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from kniewijs.api.auth import token_for_secret
from kniewijs.api.models import ApiToken
from kniewijs.training.models import DailyEntry

from .conftest import bearer, issue

pytestmark = pytest.mark.django_db


def test_only_the_sha256_of_the_secret_is_stored(runner):
    token, secret = ApiToken.issue(runner, "horloge", "read")
    assert secret.startswith("kw_") and len(secret) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {getattr(stored, f.attname) for f in ApiToken._meta.concrete_fields}
    assert stored.shown_prefix == secret[:9]


def test_two_tokens_never_share_a_secret(runner):
    assert issue(runner) != issue(runner)


def test_a_valid_token_reads_the_owners_data(client, runner, read_secret):
    response = client.get("/api/v1/warnings", **bearer(read_secret))
    assert response.status_code == 200
    assert response.json()["warnings"] == []


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer kw_unknown-secret",
        "Bearer not-even-our-prefix",
        "Basic a3c6eHl6",
        "Bearer " + "kw_" + "x" * 500,
    ],
)
def test_a_missing_unknown_or_malformed_token_gets_401_in_json(client, runner, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get("/api/v1/weeks", **extra)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_gets_401(client, runner, write_secret):
    assert client.get("/api/v1/weeks", **bearer(write_secret)).status_code == 200
    ApiToken.objects.filter(owner=runner).update(revoked_at=timezone.now())
    response = client.get("/api/v1/weeks", **bearer(write_secret))
    assert response.status_code == 401


def test_the_token_of_a_deactivated_account_gets_401(client, runner, read_secret):
    runner.is_active = False
    runner.save()
    assert client.get("/api/v1/weeks", **bearer(read_secret)).status_code == 401


def test_a_session_login_is_not_enough_for_the_api(runner_client):
    """The API takes tokens only, so a logged-in browser cannot be tricked into writing (no CSRF risk)."""
    response = runner_client.get("/api/v1/warnings")
    assert response.status_code == 401


def test_last_used_is_written_at_most_once_a_minute(client, runner, read_secret):
    with time_machine.travel("2026-03-02 08:00:00 +0000", tick=False) as clock:
        client.get("/api/v1/weeks", **bearer(read_secret))
        first = ApiToken.objects.get(owner=runner).last_used_at
        assert first is not None
        clock.shift(timedelta(seconds=30))
        client.get("/api/v1/weeks", **bearer(read_secret))
        assert ApiToken.objects.get(owner=runner).last_used_at == first
        clock.shift(timedelta(seconds=31))
        client.get("/api/v1/weeks", **bearer(read_secret))
        assert ApiToken.objects.get(owner=runner).last_used_at == first + timedelta(seconds=61)


def test_the_lookup_finds_a_token_only_by_its_exact_secret(runner):
    secret = issue(runner)
    assert token_for_secret(secret) is not None
    assert token_for_secret(secret[:-1]) is None
    assert token_for_secret(secret + "x") is None
    assert token_for_secret(secret.upper()) is None


def test_a_token_writes_only_to_its_owner_and_never_sees_another_runners_data(client, runner, second_runner):
    DailyEntry.objects.create(user=second_runner, date="2026-03-01", pain_during=9, swelling=True)
    secret = issue(runner)
    response = client.post(
        "/api/v1/daily-entries",
        {"date": "2026-03-01", "pain_during": 1},
        content_type="application/json",
        **bearer(secret),
    )
    assert response.status_code == 201  # Anna's first entry for that day, whatever Bram wrote
    assert DailyEntry.objects.get(user=second_runner).pain_during == 9
    assert DailyEntry.objects.get(user=runner).pain_during == 1
    weeks = client.get("/api/v1/weeks?weeks=520", **bearer(secret)).json()["weeks"]
    assert all(week["highest_pain"] in (None, 1.0) for week in weeks)
