from datetime import date, timedelta

import numpy as np
import pytest

from kniewijs.core.metrics.localtime import day_number
from kniewijs.core.metrics.model import DailyTable
from kniewijs.core.metrics.wellness import resting_hr_series, resting_hr_status, sleep_status

TODAY = date(2027, 6, 30)
T = day_number(TODAY)


def heart_rates(values: list[float | None], last: date = TODAY) -> DailyTable:
    days = [last - timedelta(days=len(values) - 1 - i) for i in range(len(values))]
    return DailyTable.from_columns(
        day=np.asarray(days, dtype="datetime64[D]"),
        resting_heart_rate=[np.nan if v is None else v for v in values],
    )


def test_a_resting_heart_rate_more_than_5_bpm_above_the_28_day_baseline_is_raised():
    baseline = [50, 52] * 14  # mean 51, sample SD about 1.02
    status = resting_hr_status(heart_rates([*baseline, 57]), T)
    assert status is not None
    assert status.baseline_mean == 51
    assert status.value == 57 and status.above_baseline == 6
    assert status.raised


def test_a_reading_2_5_bpm_above_a_very_steady_baseline_is_raised_by_the_two_sd_rule_alone():
    baseline = [50, 51] * 14  # mean 50.5, SD about 0.51: 2 SD is about 1 bpm
    status = resting_hr_status(heart_rates([*baseline, 53]), T)
    assert status.raised and status.above_baseline == pytest.approx(2.5)


def test_a_reading_within_5_bpm_and_2_sd_of_a_varied_baseline_is_not_raised():
    baseline = [46, 56] * 14  # mean 51, SD about 5.1
    status = resting_hr_status(heart_rates([*baseline, 55]), T)
    assert not status.raised


def test_the_baseline_needs_seven_readings_in_the_28_days_before():
    sparse = [50, None, None, None, None] * 5 + [None, None, None, 70]  # 5 readings, then 70
    status = resting_hr_status(heart_rates(sparse), T)
    assert status.readings == 5 and status.baseline_mean is None and not status.raised


def test_the_baseline_leaves_out_the_day_itself_and_days_older_than_28():
    values = [90] * 10 + [50, 52] * 14 + [57]
    status = resting_hr_status(heart_rates(values), T)
    assert status.baseline_mean == 51 and status.readings == 28


def test_yesterdays_reading_is_used_when_today_has_none_and_older_ones_are_not():
    assert resting_hr_status(heart_rates([50, 52] * 14 + [60, None]), T).day == T - 1
    assert resting_hr_status(heart_rates([50, 52] * 14 + [60, None, None]), T) is None


def test_the_series_flags_every_raised_day():
    series = resting_hr_series(heart_rates([50, 52] * 14 + [60, 51]), T)
    assert series.raised.tolist()[-2:] == [True, False]
    assert series.first_day == T - 29


def test_nights_under_seven_hours_in_the_last_seven_days_are_counted():
    days = [TODAY - timedelta(days=i) for i in range(9)]
    hours = [6.5, 7.0, 6.9, 8, np.nan, 5, 7.5, 4, 4]  # the last two are older than 7 days
    table = DailyTable.from_columns(day=np.asarray(days, dtype="datetime64[D]"), sleep_hours=hours)
    sleep = sleep_status(table, T)
    assert sleep.nights_noted == 6
    assert sleep.short_nights == 3
    assert sleep.too_short
    assert sleep.mean_hours == pytest.approx((6.5 + 7 + 6.9 + 8 + 5 + 7.5) / 6)


def test_two_short_nights_are_not_yet_too_little_sleep():
    table = DailyTable.from_columns(day=[T, T - 1, T - 2], sleep_hours=[6, 6, 8])
    assert not sleep_status(table, T).too_short


def test_no_entries_means_nothing_to_say():
    empty = DailyTable.from_columns(day=[])
    assert resting_hr_status(empty, T) is None
    assert sleep_status(empty, T).mean_hours is None
