from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.load import breaks_ten_percent_rule, weekly_growth
from kniewijs.core.metrics.days import daily_series
from kniewijs.core.metrics.model import Activity, History
from kniewijs.core.metrics.weekly import rest_days_in_last, ten_percent_limit, weekly_growths, weekly_table

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FIRST_MONDAY = date(2027, 3, 1)


def at(day: date, hour: int = 7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM)


def weeks_of(weekly_km: list[float]) -> History:
    runs = [
        Activity(at(FIRST_MONDAY + timedelta(days=7 * week + 2)), "running", km * 1000)
        for week, km in enumerate(weekly_km)
    ]
    return History.build(AMSTERDAM, runs)


def test_twenty_twenty_twenty_thirty_grows_fifty_percent_and_breaks_the_ten_percent_rule_in_week_four():
    history = weeks_of([20, 20, 20, 30])
    table = weekly_table(daily_series(history, FIRST_MONDAY + timedelta(days=27)))
    assert table.running_km.tolist() == [20, 20, 20, 30]
    assert np.isnan(table.growth[0])
    assert table.growth[1:].tolist() == pytest.approx([0.0, 0.0, 0.5])
    assert table.breaks_ten_percent.tolist() == [False, False, False, True]


def test_exactly_ten_percent_more_keeps_to_the_rule_as_in_core_load():
    table = weekly_table(daily_series(weeks_of([20, 22, 24.3]), FIRST_MONDAY + timedelta(days=20)))
    assert table.breaks_ten_percent.tolist() == [False, False, True]


def test_the_week_containing_the_spring_dst_change_has_seven_local_days():
    monday = date(2027, 3, 22)
    runs = [
        Activity(at(monday + timedelta(days=i), 0) + timedelta(minutes=30), "running", 1000) for i in range(7)
    ]
    table = weekly_table(daily_series(History.build(AMSTERDAM, runs), date(2027, 3, 28)))
    assert len(table) == 1 and table.iso_week(0) == (2027, 12)
    assert table.running_sessions.tolist() == [7]
    assert table.running_km.tolist() == [7]
    assert table.complete.tolist() == [True]


def test_the_week_containing_the_autumn_dst_change_has_seven_local_days():
    monday = date(2027, 10, 25)
    runs = [Activity(at(monday + timedelta(days=i), 23), "running", 1000) for i in range(7)]
    table = weekly_table(daily_series(History.build(AMSTERDAM, runs), date(2027, 10, 31)))
    assert table.iso_week(0) == (2027, 43)
    assert table.running_sessions.tolist() == [7]
    assert table.rest_days.tolist() == [0]


def test_rest_days_are_counted_per_week_and_an_unfinished_week_counts_its_days_so_far():
    runs = [Activity(at(FIRST_MONDAY + timedelta(days=d)), "running", 5000) for d in (0, 1, 2, 3, 4, 7)]
    series = daily_series(History.build(AMSTERDAM, runs), FIRST_MONDAY + timedelta(days=9))
    table = weekly_table(series)
    assert table.rest_days.tolist() == [2, 2]
    assert table.complete.tolist() == [True, False]
    assert rest_days_in_last(series, 7) == 4


def test_seven_days_of_running_leave_no_rest_day():
    runs = [Activity(at(FIRST_MONDAY + timedelta(days=d)), "running", 5000) for d in range(7)]
    assert (
        rest_days_in_last(daily_series(History.build(AMSTERDAM, runs), FIRST_MONDAY + timedelta(days=6))) == 0
    )


def test_the_ten_percent_limit_is_read_off_the_core_rule():
    limit = ten_percent_limit()
    assert not breaks_ten_percent_rule(limit)
    assert breaks_ten_percent_rule(float(np.nextafter(limit, 1.0)))


@settings(max_examples=300, deadline=None)
@given(
    st.floats(0, 200, allow_nan=False),
    st.floats(0, 300, allow_nan=False) | st.sampled_from([22.0, 22.000000001, 11.0, 0.11]),
)
def test_the_vectorised_growth_agrees_with_core_load_for_any_pair_of_weeks(previous, current):
    growth, breaks = weekly_growths(np.asarray([previous]), np.asarray([current]))
    expected = weekly_growth(previous, current)
    assert (np.isnan(growth[0]) and expected is None) or growth[0] == expected
    assert bool(breaks[0]) == breaks_ten_percent_rule(expected)


def test_a_series_that_does_not_start_on_a_monday_is_refused():
    series = daily_series(History.build("UTC"), date(2027, 3, 10), first_day=date(2027, 3, 9))
    with pytest.raises(ValueError, match="Monday"):
        weekly_table(series)


activity = st.tuples(
    st.integers(0, 120 * 86_400),  # seconds after the first moment
    st.sampled_from(["running", "running", "cycling", "walking"]),
    st.floats(0, 50_000, allow_nan=False),
)


def history_of(rows: list[tuple[int, str, float]]) -> History:
    base = datetime(2027, 2, 15, tzinfo=UTC).timestamp()
    return History.build(AMSTERDAM, [Activity(base + s, sport, m) for s, sport, m in rows])


LAST_DAY = date(2027, 6, 30)


@settings(max_examples=60, deadline=None)
@given(st.lists(activity, max_size=60))
def test_the_weekly_running_km_add_up_to_the_km_of_the_runs(rows):
    table = weekly_table(daily_series(history_of(rows), LAST_DAY))
    expected = sum(m for _, sport, m in rows if sport == "running") / 1000
    assert table.running_km.sum() == pytest.approx(expected, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(activity, max_size=40), st.lists(activity.filter(lambda a: a[1] != "running"), min_size=1))
def test_adding_a_non_running_activity_never_changes_the_running_km(rows, extra):
    before = weekly_table(daily_series(history_of(rows), LAST_DAY))
    after = weekly_table(daily_series(history_of(rows + extra), LAST_DAY))
    width = len(before)
    assert np.array_equal(after.running_km[-width:], before.running_km)
    assert after.running_km[:-width].sum() == 0


@settings(max_examples=60, deadline=None)
@given(st.lists(activity, max_size=40), st.randoms())
def test_the_order_of_the_input_runs_does_not_matter(rows, random):
    shuffled = list(rows)
    random.shuffle(shuffled)
    one = weekly_table(daily_series(history_of(rows), LAST_DAY))
    other = weekly_table(daily_series(history_of(shuffled), LAST_DAY))
    assert np.array_equal(one.running_km, other.running_km)
    assert np.array_equal(one.cross_km, other.cross_km)
    assert np.array_equal(one.breaks_ten_percent, other.breaks_ten_percent)
