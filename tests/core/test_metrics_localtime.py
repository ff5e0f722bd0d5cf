from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from kniewijs.core.metrics.localtime import (
    day_date,
    day_number,
    day_numbers,
    epoch_of,
    iso_week,
    local_days,
    monday_of,
    utc_offsets,
    weekday,
    zone,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def epochs(*moments: datetime) -> np.ndarray:
    return np.asarray([m.timestamp() for m in moments])


@pytest.mark.parametrize("changeover", [date(2027, 3, 28), date(2027, 10, 31)])
def test_a_run_at_half_past_midnight_on_a_dst_change_day_belongs_to_that_local_day(changeover):
    half_past_midnight = datetime(changeover.year, changeover.month, changeover.day, 0, 30, tzinfo=AMSTERDAM)
    assert half_past_midnight.astimezone(UTC).date() == changeover - timedelta(days=1)
    assert day_date(int(local_days(epochs(half_past_midnight), AMSTERDAM)[0])) == changeover


@pytest.mark.parametrize("changeover", [date(2027, 3, 28), date(2027, 10, 31)])
def test_late_evening_runs_around_a_dst_change_stay_on_their_own_local_day(changeover):
    moments = [
        datetime(d.year, d.month, d.day, 23, 45, tzinfo=AMSTERDAM)
        for d in (changeover - timedelta(days=1), changeover, changeover + timedelta(days=1))
    ]
    days = [day_date(int(d)) for d in local_days(epochs(*moments), AMSTERDAM)]
    assert days == [changeover - timedelta(days=1), changeover, changeover + timedelta(days=1)]


def test_the_offsets_change_at_the_exact_second_of_the_dst_change():
    change = datetime(2027, 3, 28, 1, 0, tzinfo=UTC).timestamp()  # 02:00 CET becomes 03:00 CEST
    offsets = utc_offsets(np.asarray([change - 1, change, change + 1]), AMSTERDAM)
    assert offsets.tolist() == [3600, 7200, 7200]


def test_local_days_agree_with_zoneinfo_for_every_hour_of_two_years_in_several_zones():
    start = datetime(2026, 1, 1, tzinfo=UTC).timestamp()
    moments = start + 3600.0 * np.arange(2 * 366 * 24) + 1234.5
    for name in ("Europe/Amsterdam", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"):
        tz = ZoneInfo(name)
        expected = [day_number(datetime.fromtimestamp(m, tz).date()) for m in moments[::7]]
        assert local_days(moments[::7], tz).tolist() == expected, name


def test_weekdays_count_from_monday_and_mondays_are_found():
    monday = day_number(date(2027, 3, 22))
    assert weekday(np.arange(monday, monday + 7)).tolist() == [0, 1, 2, 3, 4, 5, 6]
    assert monday_of(day_number(date(2027, 3, 28))) == monday
    assert iso_week(monday) == (2027, 12)


def test_the_iso_week_of_new_year_can_belong_to_the_previous_year():
    assert iso_week(monday_of(day_number(date(2027, 1, 1)))) == (2026, 53)


def test_dates_arrive_as_datetime64_ints_or_date_objects_alike():
    as_dates = [date(2027, 3, 28), date(1970, 1, 1)]
    expected = [day_number(d) for d in as_dates]
    assert day_numbers(np.asarray(as_dates, dtype="datetime64[D]")).tolist() == expected
    assert day_numbers(expected).tolist() == expected
    assert day_numbers(np.asarray(as_dates, dtype=object)).tolist() == expected


def test_a_naive_start_time_is_refused_and_epoch_seconds_pass_through():
    with pytest.raises(ValueError, match="time zone"):
        epoch_of(datetime(2027, 3, 28, 7, 0))
    assert epoch_of(1_800_000_000) == 1_800_000_000.0
    assert epoch_of(datetime(1970, 1, 2, tzinfo=UTC)) == 86_400.0


def test_an_unknown_zone_name_is_an_error():
    with pytest.raises(KeyError):
        zone("Europe/Nowhere")
    assert zone("Europe/Amsterdam") is AMSTERDAM


def test_no_instants_give_no_days():
    assert local_days(np.empty(0), AMSTERDAM).shape == (0,)
