"""GET /api/v1/warnings and /api/v1/weeks: the dashboard's report, as JSON, for the token owner only."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine

from kniewijs.training.models import Activity

from .conftest import bearer, issue

pytestmark = pytest.mark.django_db


def run(user, day: date, km: float) -> Activity:
    start = datetime(day.year, day.month, day.day, 7, tzinfo=UTC)
    return Activity.objects.create(
        user=user, sport="running", start=start, local_date=day, duration_s=km * 360, distance_m=km * 1000
    )


@pytest.fixture
def jumping_weeks(runner):
    """10 km in the week of 23 February, 16 km so far in the week of 2 March: 60% more."""
    run(runner, date(2026, 2, 24), 5)
    run(runner, date(2026, 2, 26), 5)
    run(runner, date(2026, 3, 2), 8)
    run(runner, date(2026, 3, 3), 8)
    return runner


@pytest.fixture
def thursday():
    with time_machine.travel("2026-03-05 12:00:00 +0100", tick=False):
        yield


def test_the_ten_percent_warning_is_given_in_dutch_by_default(client, jumping_weeks, read_secret, thursday):
    response = client.get("/api/v1/warnings", **bearer(read_secret))
    assert response.status_code == 200
    body = response.json()
    assert body["today"] == "2026-03-05" and body["language"] == "nl"
    warning = next(w for w in body["warnings"] if w["code"] == "ten_percent_rule")
    assert warning["severity"] == "warn"
    assert warning["title"] == "Uw weekafstand steeg met 60%"
    assert warning["link"] == "oorzaken#overload"
    assert warning["url"] == "http://testserver/kennis/oorzaken/#overload"
    assert warning["numbers"] == {"week_km": 16.0, "previous_week_km": 10.0, "growth_percent": 60}


def test_the_warnings_are_in_english_with_english_links_when_asked(
    client, jumping_weeks, read_secret, thursday
):
    body = client.get("/api/v1/warnings", **bearer(read_secret, HTTP_ACCEPT_LANGUAGE="en")).json()
    warning = next(w for w in body["warnings"] if w["code"] == "ten_percent_rule")
    assert warning["title"] == "Your weekly distance went up by 60%"
    assert warning["url"] == "http://testserver/en/kennis/oorzaken/#overload"


def test_another_runner_sees_none_of_those_warnings(client, jumping_weeks, second_runner, thursday):
    body = client.get("/api/v1/warnings", **bearer(issue(second_runner, "read"))).json()
    assert body["warnings"] == []


def test_weeks_give_the_km_and_the_ten_percent_band(client, jumping_weeks, read_secret, thursday):
    response = client.get("/api/v1/weeks?weeks=2", **bearer(read_secret))
    assert response.status_code == 200
    last_week, this_week = response.json()["weeks"]
    assert (last_week["monday"], last_week["running_km"], last_week["complete"]) == ("2026-02-23", 10.0, True)
    assert (this_week["monday"], this_week["running_km"], this_week["complete"]) == (
        "2026-03-02",
        16.0,
        False,
    )
    assert this_week["ten_percent_limit_km"] == 11.0
    assert this_week["breaks_ten_percent_rule"] is True and this_week["growth_percent"] == 60.0


def test_weeks_default_to_sixteen_and_never_reach_before_the_first_run(
    client, jumping_weeks, read_secret, thursday
):
    weeks = client.get("/api/v1/weeks", **bearer(read_secret)).json()["weeks"]
    assert [w["monday"] for w in weeks] == ["2026-02-23", "2026-03-02"]


@pytest.mark.parametrize("value", ["0", "521", "-3", "veel"])
def test_weeks_outside_1_to_520_are_422(client, runner, read_secret, value):
    response = client.get(f"/api/v1/weeks?weeks={value}", **bearer(read_secret))
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["weeks"]


def test_an_empty_log_has_no_warnings(client, runner, read_secret):
    assert client.get("/api/v1/warnings", **bearer(read_secret)).json()["warnings"] == []


@pytest.mark.parametrize("url", ["/api/v1/weeks?week=4", "/api/v1/warnings?lang=en"])
def test_a_misspelt_or_unknown_parameter_is_422_not_silently_ignored(client, runner, read_secret, url):
    response = client.get(url, **bearer(read_secret))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] in {"week", "lang"}
