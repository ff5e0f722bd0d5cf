from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from kniewijs.core.metrics.localtime import day_number
from kniewijs.core.metrics.model import (
    NO_SHOE,
    RUNNING,
    Activity,
    ActivityTable,
    DailyEntry,
    DailyTable,
    History,
    Shoe,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(day: date, hour: int = 7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM)


def test_records_become_columns_sorted_by_start_with_nan_for_what_is_unknown():
    history = History.build(
        "Europe/Amsterdam",
        [
            Activity(at(date(2027, 5, 2)), "cycling", 30_000, 3600),
            Activity(at(date(2027, 5, 1)), "running", 10_000, 3000, avg_cadence_spm=168, shoe="s"),
        ],
        [DailyEntry(date(2027, 5, 1), resting_heart_rate=48, pain_during=2)],
        [Shoe("s", "Ghost")],
    )
    acts = history.activities
    assert acts.local_day.tolist() == [day_number(date(2027, 5, 1)), day_number(date(2027, 5, 2))]
    assert acts.running.tolist() == [True, False]
    assert acts.km.tolist() == [10.0, 30.0]
    assert acts.shoe.tolist() == [0, NO_SHOE]
    assert np.isnan(acts.avg_cadence_spm[1]) and acts.avg_cadence_spm[0] == 168
    assert np.isnan(history.days.sleep_hours[0]) and history.days.resting_heart_rate[0] == 48


def test_a_missing_distance_counts_as_zero_km_and_a_missing_duration_as_zero_minutes():
    history = History.build("UTC", [Activity(1_800_000_000.0, "running")])
    assert history.activities.km.tolist() == [0.0]
    assert history.activities.minutes.tolist() == [0.0]


def test_the_tables_are_the_same_whatever_order_the_rows_arrive_in():
    moment = datetime(2027, 5, 1, 7, tzinfo=UTC)
    rows = [
        Activity(moment, "running", 5000),
        Activity(moment, "cycling", 20000),
        Activity(moment, "running", 8000),
        Activity(datetime(2027, 4, 1, tzinfo=UTC), "walking", 3000),
    ]
    one = History.build("UTC", rows).activities
    other = History.build("UTC", rows[::-1]).activities
    for name in ("start", "sport", "distance_m"):
        assert getattr(one, name).tolist() == getattr(other, name).tolist()


def test_the_columns_cannot_be_changed_after_the_table_is_built():
    table = History.build("UTC", [Activity(0.0, "running", 1000)]).activities
    with pytest.raises(ValueError):
        table.distance_m[0] = 5.0


def test_a_shoe_limit_outside_600_to_800_km_is_refused():
    assert Shoe("a", "A", limit_km=600).limit_km == 600
    assert Shoe("b", "B", limit_km=800).limit_km == 800
    with pytest.raises(ValueError, match="600-800"):
        Shoe("c", "C", limit_km=900)
    with pytest.raises(ValueError, match="600-800"):
        Shoe("d", "D", limit_km=599)


def test_an_activity_naming_an_unknown_shoe_is_refused():
    with pytest.raises(ValueError, match="not in the list of shoes"):
        History.build("UTC", [Activity(0.0, "running", 1000, shoe="nope")])


def test_two_entries_for_one_date_are_refused():
    with pytest.raises(ValueError, match="more than one daily entry"):
        History.build("UTC", entries=[DailyEntry(date(2027, 1, 1)), DailyEntry(date(2027, 1, 1))])


@pytest.mark.parametrize(
    "entry",
    [DailyEntry(date(2027, 1, 1), pain_during=11), DailyEntry(date(2027, 1, 1), sleep_hours=25)],
)
def test_pain_above_ten_or_a_day_of_more_than_24_hours_sleep_is_refused(entry):
    with pytest.raises(ValueError, match="between"):
        History.build("UTC", entries=[entry])


def test_an_unknown_sport_is_refused_with_its_name():
    with pytest.raises(ValueError, match="'rowing'"):
        ActivityTable.from_columns("UTC", start=[0.0], sport=["rowing"])


def test_an_rpe_above_ten_is_refused():
    with pytest.raises(ValueError, match="RPE"):
        ActivityTable.from_columns("UTC", start=[0.0], sport=["running"], rpe=[12])


def test_columns_of_the_wrong_length_are_refused():
    with pytest.raises(ValueError, match="expected 2"):
        ActivityTable.from_columns("UTC", start=[0.0, 1.0], sport=["running", "running"], distance_m=[1.0])


def test_columns_can_be_given_as_arrays_with_sport_codes_and_datetime64_days():
    table = ActivityTable.from_columns(
        "Europe/Amsterdam", start=np.asarray([1.8e9, 1.7e9]), sport=np.asarray([RUNNING, 1])
    )
    assert table.start.tolist() == [1.7e9, 1.8e9]
    days = DailyTable.from_columns(day=np.asarray(["2027-01-02", "2027-01-01"], dtype="datetime64[D]"))
    assert days.day.tolist() == [day_number(date(2027, 1, 1)), day_number(date(2027, 1, 2))]


@pytest.mark.parametrize("zone_name", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Amsterdam"])
def test_the_rows_of_some_local_days_are_found_even_far_from_utc(zone_name):
    tz = ZoneInfo(zone_name)
    moments = [datetime(2027, 3, d, h, tzinfo=tz) for d in range(1, 11) for h in (0, 12, 23)]
    table = History.build(tz, [Activity(m, "running", 1000) for m in moments]).activities
    first, last = day_number(date(2027, 3, 4)), day_number(date(2027, 3, 6))
    rows = table.rows_between(first, last)
    assert rows.tolist() == [i for i, day in enumerate(table.local_day) if first <= day <= last]
    assert len(rows) == 9


def test_the_entries_of_some_dates_are_a_slice_of_the_table():
    days = DailyTable.from_columns(
        day=[day_number(date(2027, 3, d)) for d in (1, 3, 5, 7)], sleep_hours=[6, 7, 8, 9]
    )
    part = days.between(day_number(date(2027, 3, 2)), day_number(date(2027, 3, 5)))
    assert part.sleep_hours.tolist() == [7, 8]
