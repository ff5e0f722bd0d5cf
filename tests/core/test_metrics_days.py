from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from kniewijs.core.metrics.days import HARD_RPE, daily_series
from kniewijs.core.metrics.localtime import day_date, day_number
from kniewijs.core.metrics.model import Activity, History

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(day: date, hour: int = 7, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


def test_days_without_activity_are_filled_with_zeros_from_the_monday_of_the_first_run():
    history = History.build(
        AMSTERDAM,
        [Activity(at(date(2027, 3, 24)), "running", 8000), Activity(at(date(2027, 3, 26)), "running", 5000)],
    )
    series = daily_series(history, date(2027, 3, 28))
    assert day_date(series.first_day) == date(2027, 3, 22)
    assert series.running_km.tolist() == [0, 0, 8, 0, 5, 0, 0]
    assert series.rest_days.tolist() == [True, True, False, True, False, True, True]


def test_only_running_counts_as_running_km_and_other_sports_as_cross_training():
    day = date(2027, 6, 7)
    history = History.build(
        AMSTERDAM,
        [
            Activity(at(day), "running", 10_000, 3000),
            Activity(at(day, 18), "cycling", 40_000, 5400),
            Activity(at(day, 20), "walking", 3000, 1800),
        ],
    )
    series = daily_series(history, day)
    assert series.running_km[-1] == 10
    assert series.running_sessions[-1] == 1
    assert series.cross_km[-1] == 43
    assert series.cross_minutes[-1] == 120
    assert series.cross_sessions[-1] == 2


def test_a_day_with_only_easy_cross_training_is_still_a_rest_day_but_a_hard_session_is_not():
    monday = date(2027, 6, 7)
    history = History.build(
        AMSTERDAM,
        [
            Activity(at(monday), "cycling", 20_000, 3600, rpe=3),
            Activity(at(monday + timedelta(days=1)), "swimming", 2000, 3600, rpe=HARD_RPE),
        ],
    )
    series = daily_series(history, monday + timedelta(days=1))
    assert series.rest_days.tolist() == [True, False]


def test_session_rpe_load_is_rpe_times_minutes_of_every_sport_and_nothing_without_rpe():
    day = date(2027, 6, 7)
    history = History.build(
        AMSTERDAM,
        [
            Activity(at(day), "running", 10_000, 3000, rpe=4),  # 4 x 50
            Activity(at(day, 18), "cycling", 40_000, 3600, rpe=6),  # 6 x 60
            Activity(at(day, 20), "running", 5_000, 1800),  # no RPE
        ],
    )
    series = daily_series(history, day)
    assert series.load("srpe")[-1] == 560
    assert series.load("km")[-1] == 15


def test_activities_after_the_last_day_are_left_out():
    day = date(2027, 6, 7)
    history = History.build(
        AMSTERDAM,
        [Activity(at(day), "running", 10_000), Activity(at(day + timedelta(days=1)), "running", 9_000)],
    )
    assert daily_series(history, day).running_km.sum() == 10


def test_a_run_at_half_past_midnight_on_the_spring_dst_day_is_counted_on_that_day():
    changeover = date(2027, 3, 28)
    history = History.build(AMSTERDAM, [Activity(at(changeover, 0, 30), "running", 6000)])
    series = daily_series(history, changeover)
    assert day_date(series.last_day) == changeover
    assert series.running_km[-1] == 6


def test_an_unknown_load_unit_is_an_error():
    series = daily_series(History.build("UTC"), date(2027, 1, 1))
    with pytest.raises(ValueError, match="load unit"):
        series.load("miles")  # type: ignore[arg-type]


def test_an_empty_history_gives_a_series_of_rest_days_up_to_today():
    series = daily_series(History.build("UTC"), date(2027, 1, 6))
    assert len(series) == 3  # Monday 4 January to Wednesday 6 January
    assert series.rest_days.all()
    assert np.array_equal(
        series.days, np.arange(day_number(date(2027, 1, 4)), day_number(date(2027, 1, 6)) + 1)
    )
    assert series.dates()[-1] == np.datetime64("2027-01-06")
