from datetime import date

import numpy as np
import pytest

from kniewijs.core.load import PainZone, pain_zone
from kniewijs.core.metrics.localtime import day_number
from kniewijs.core.metrics.model import DailyTable
from kniewijs.core.metrics.pain import (
    FIRST_UNSAFE_PAIN,
    NO_PAIN_NOTED,
    ZONES,
    next_morning_pain_on,
    pain_status,
    pain_zone_codes,
    weekly_highest_pain,
)

TODAY = date(2027, 6, 30)  # a Wednesday
T = day_number(TODAY)


def entries(rows: dict[int, dict[str, float | bool]]) -> DailyTable:
    """{days before today: {column: value}}"""
    days = sorted(rows)
    columns = ("pain_during", "pain_after", "pain_next_morning")
    return DailyTable.from_columns(
        day=[T - d for d in days],
        swelling=[bool(rows[d].get("swelling", False)) for d in days],
        **{c: [rows[d].get(c, np.nan) for d in days] for c in columns},
    )


def test_the_zones_are_core_load_pain_zone_for_every_whole_score():
    codes = pain_zone_codes(np.arange(11, dtype=float))
    assert [ZONES[c] for c in codes] == [pain_zone(p) for p in range(11)]
    assert FIRST_UNSAFE_PAIN == 4


def test_a_half_point_above_five_is_too_much_and_a_missing_score_has_no_zone():
    codes = pain_zone_codes(np.asarray([5.5, 3.5, np.nan]))
    assert ZONES[codes[0]] is PainZone.TOO_MUCH
    assert ZONES[codes[1]] is PainZone.ACCEPTABLE
    assert codes[2] == NO_PAIN_NOTED


@pytest.mark.parametrize(
    ("during", "after", "zone"),
    [
        (2, 3, PainZone.SAFE),
        (3, 5, PainZone.ACCEPTABLE),
        (6, 2, PainZone.TOO_MUCH),
        (np.nan, 6, PainZone.TOO_MUCH),
    ],
)
def test_the_zone_of_a_day_is_that_of_the_higher_of_during_and_after(during, after, zone):
    status = pain_status(entries({1: {"pain_during": during, "pain_after": after}}), T)
    assert status.zone is zone
    assert status.too_much is (zone is PainZone.TOO_MUCH)


def test_the_worst_recent_day_is_reported_and_older_days_are_not():
    status = pain_status(entries({8: {"pain_during": 9}, 3: {"pain_during": 4}, 1: {"pain_during": 2}}), T)
    assert status.worst_day == T - 3 and status.worst_pain == 4


def test_next_morning_pain_of_four_or_more_has_not_settled():
    assert pain_status(entries({2: {"pain_during": 3, "pain_next_morning": 4}}), T).not_settled
    status = pain_status(entries({2: {"pain_during": 3, "pain_next_morning": 3}}), T)
    assert not status.not_settled and status.unsettled_day is None


def test_pain_rising_two_weeks_running_is_flagged():
    monday = 2  # today is a Wednesday: 2 days ago was Monday
    rows = {monday + 14: {"pain_during": 2}, monday + 7: {"pain_during": 3}, 0: {"pain_after": 4}}
    status = pain_status(entries(rows), T)
    assert status.weekly_highest == (2, 3, 4)
    assert status.rising


@pytest.mark.parametrize(
    "weeks",
    [(2, 3, 3), (3, 2, 4), (None, 3, 4)],
)
def test_pain_that_did_not_rise_in_both_weeks_or_was_not_noted_is_not_rising(weeks):
    rows = {d: {"pain_during": p} for d, p in zip((16, 9, 0), weeks, strict=True) if p is not None}
    assert not pain_status(entries(rows), T).rising


def test_swelling_in_the_last_seven_days_is_reported():
    assert pain_status(entries({3: {"swelling": True}}), T).swelling_day == T - 3
    assert pain_status(entries({9: {"swelling": True}}), T).swelling_day is None


def test_weekly_highest_pain_takes_the_top_of_during_after_and_next_morning():
    table = entries(
        {0: {"pain_during": 1, "pain_next_morning": 5}, 2: {"pain_after": 2}, 9: {"pain_during": 7}}
    )
    mondays = np.asarray([T - 2 - 14, T - 2 - 7, T - 2])
    assert weekly_highest_pain(table, mondays).tolist()[1:] == [7, 5]
    assert np.isnan(weekly_highest_pain(table, mondays)[0])


def test_a_runs_next_morning_pain_is_the_one_noted_on_its_day():
    table = entries({1: {"pain_next_morning": 6}})
    assert next_morning_pain_on(table, np.asarray([T - 1, T])).tolist()[0] == 6
    assert np.isnan(next_morning_pain_on(table, np.asarray([T]))[0])
    assert np.isnan(next_morning_pain_on(DailyTable.from_columns(day=[]), np.asarray([T]))[0])


def test_without_entries_there_is_no_zone_and_nothing_is_flagged():
    status = pain_status(DailyTable.from_columns(day=[]), T)
    assert status.zone is None and not status.too_much and not status.not_settled and not status.rising
