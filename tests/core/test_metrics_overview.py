from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from kniewijs.core.load import SpikeBand
from kniewijs.core.metrics.localtime import day_number
from kniewijs.core.metrics.model import Activity, DailyEntry, History, Shoe
from kniewijs.core.metrics.overview import snapshot, today_value

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONDAY = date(2027, 3, 1)


def at(day: date, hour: int = 7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM)


def weeks(*weekly_km: float) -> list[Activity]:
    runs = []
    for week, km in enumerate(weekly_km):
        for weekday in (0, 2, 4, 6):
            runs.append(
                Activity(at(MONDAY + timedelta(days=7 * week + weekday)), "running", km / 4 * 1000, 1800)
            )
    return runs


def test_the_snapshot_of_the_brief_example_gives_the_ratios_of_the_brief():
    snap = snapshot(History.build(AMSTERDAM, weeks(20, 20, 20, 30)), MONDAY + timedelta(days=27))
    assert today_value(snap.ratios.coupled) == pytest.approx(4 / 3)
    assert today_value(snap.ratios.uncoupled) == 1.5
    assert snap.weeks.breaks_ten_percent.tolist() == [False, False, False, True]
    assert snap.today_date == MONDAY + timedelta(days=27)


def test_the_recent_spike_is_the_largest_band_of_the_last_seven_days():
    runs = [
        *weeks(40, 40),
        Activity(at(MONDAY + timedelta(days=15)), "running", 25_000),
        Activity(at(MONDAY + timedelta(days=17)), "running", 12_000),
    ]
    snap = snapshot(History.build(AMSTERDAM, runs), MONDAY + timedelta(days=18))
    spike = snap.recent_spike
    assert spike is not None and spike.band is SpikeBand.LARGE
    assert spike.day == day_number(MONDAY + timedelta(days=15))
    assert spike.run_km == 25 and spike.longest_previous_km == 10 and spike.rate_ratio == 2.28


def test_a_spike_older_than_seven_days_is_no_longer_recent():
    runs = [*weeks(40), Activity(at(MONDAY + timedelta(days=7)), "running", 25_000)]
    assert snapshot(History.build(AMSTERDAM, runs), MONDAY + timedelta(days=14)).recent_spike is None


def test_everything_after_today_is_left_out():
    runs = weeks(20, 20, 20, 30)
    entries = [DailyEntry(MONDAY + timedelta(days=30), pain_during=9, swelling=True)]
    snap = snapshot(History.build(AMSTERDAM, runs, entries), MONDAY + timedelta(days=20))
    assert snap.series.running_km.sum() == 60
    assert snap.pain.zone is None and snap.pain.swelling_day is None
    assert len(snap.weeks) == 3


def test_the_load_unit_and_the_smoothing_factor_can_be_chosen():
    runs = [Activity(at(MONDAY + timedelta(days=d)), "running", 8000, 2400, rpe=5) for d in range(0, 35, 2)]
    history = History.build(AMSTERDAM, runs)
    km = snapshot(history, MONDAY + timedelta(days=34))
    srpe = snapshot(history, MONDAY + timedelta(days=34), load_unit="srpe", smoothing="runalyze")
    assert srpe.load_unit == "srpe" and srpe.fitness.method == "runalyze"
    assert srpe.monotony.weekly_load[-1] == pytest.approx(km.monotony.weekly_load[-1] * 200 / 8)
    assert today_value(srpe.monotony.monotony) == pytest.approx(today_value(km.monotony.monotony))


def test_an_empty_history_gives_a_quiet_snapshot():
    snap = snapshot(History.build("UTC", shoes=[Shoe("a", "A")]), date(2027, 1, 6))
    assert snap.recent_spike is None and snap.cadence is None and snap.resting_hr is None
    assert snap.rest_days_last_7 == 7
    assert today_value(snap.ratios.uncoupled) is None
    assert today_value(np.empty(0)) is None
