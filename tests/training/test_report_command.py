"""`kniewijs report` in text: each week's km, its change on the week before and the 10% flag, in Dutch by
default and in English on request."""

from __future__ import annotations

import io
import json
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from kniewijs.training.models import Activity

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Europe/Amsterdam")
# A Wednesday: the week of 7 December is not over, the weeks of 23 and 30 November are.
NOW = datetime(2026, 12, 9, 12, 0, tzinfo=ZONE)


def run(user, day, km):
    Activity.objects.create(
        user=user,
        sport="running",
        start=datetime.combine(day, time(7), ZONE),
        local_date=day,
        distance_m=km * 1000,
        duration_s=km * 360,
    )


@pytest.fixture
def two_weeks_and_a_half(runner):
    monday = NOW.date() - timedelta(days=NOW.weekday())
    run(runner, monday - timedelta(days=14), 10)
    run(runner, monday - timedelta(days=12), 10)  # 20 km in the week of 23 November
    run(runner, monday - timedelta(days=7), 15)
    run(runner, monday - timedelta(days=5), 15)  # 30 km in the week of 30 November: +50%
    run(runner, monday, 8)  # this week so far
    return runner


def report(runner, *args):
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("report", "--runner", runner.email, *args, stdout=out)
    return out.getvalue()


def test_the_text_report_prints_the_growth_and_the_ten_percent_flag_of_each_week(two_weeks_and_a_half):
    lines = report(two_weeks_and_a_half, "--lang", "nl").splitlines()
    week_of = {line.split(":")[0].strip(): line for line in lines if "-W" in line}
    assert week_of["2026-W48 (2026-11-23)"].endswith(": 20,0 km, geen week ervoor om mee te vergelijken")
    assert week_of["2026-W49 (2026-11-30)"].endswith(": 30,0 km, +50% op de week ervoor: meer dan 10% erbij")
    this_week = week_of["2026-W50 (2026-12-07) tot nu toe"]
    assert "8,0 km, -73% op de week ervoor" in this_week and "meer dan 10%" not in this_week


def test_the_text_report_says_the_same_as_the_json(two_weeks_and_a_half):
    data = json.loads(report(two_weeks_and_a_half, "--json"))
    text = report(two_weeks_and_a_half, "--lang", "en")
    for week in data["weeks"]:
        if week["growth_percent"] is not None:
            assert f"{week['growth_percent']:+.0f}% on the week before" in text
    flagged = [w for w in data["weeks"] if w["breaks_ten_percent_rule"]]
    assert len(flagged) == text.count(": more than 10% up") == 1


def test_the_report_sets_the_ratio_beside_the_one_other_apps_show_each_with_its_method(two_weeks_and_a_half):
    data = json.loads(report(two_weeks_and_a_half, "--json"))
    ratios = data["today_metrics"]["acwr"]
    assert set(ratios["methods"]) == {"uncoupled", "coupled", "ewma", "fatigue_over_fitness"}
    assert all(m["method"] and m["source"] for m in ratios["methods"].values())
    text = report(two_weeks_and_a_half, "--lang", "nl")
    assert "intervals.icu" in text and "7 dagen tegen wat u gewend bent" in text
    assert text.count("[") >= 4  # every reading names its method
