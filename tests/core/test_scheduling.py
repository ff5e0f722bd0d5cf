"""Free slots from weekly hours, absences and bookings: worked examples, DST days and properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.scheduling import Interval, WeeklyBlock, bookable_days, free_slots

AMS = ZoneInfo("Europe/Amsterdam")
TWENTY = timedelta(minutes=20)
WEEKDAYS_9_TO_17 = [WeeklyBlock(day, time(9), time(17)) for day in range(5)]


def local(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=AMS)


def slots(**overrides):
    arguments = {
        "blocks": WEEKDAYS_9_TO_17,
        "absences": [],
        "busy": [],
        "duration": TWENTY,
        "tz": AMS,
        "now": local(2025, 6, 1, 12),  # a Sunday
        "days_ahead": 7,
    } | overrides
    return free_slots(**arguments)


def local_times(found, day: date) -> list[str]:
    return [f"{s.start.astimezone(AMS):%H:%M}" for s in found if s.start.astimezone(AMS).date() == day]


def test_a_weekday_from_nine_to_five_gives_twenty_four_slots_of_twenty_minutes():
    monday = local_times(slots(), date(2025, 6, 2))
    assert len(monday) == 24
    assert monday[:3] == ["09:00", "09:20", "09:40"] and monday[-1] == "16:40"


def test_slots_step_by_the_duration_from_the_block_start_and_must_fit_wholly():
    found = slots(blocks=[WeeklyBlock(0, time(9, 10), time(10, 0))], duration=timedelta(minutes=30))
    assert local_times(found, date(2025, 6, 2)) == ["09:10"]  # 09:40-10:10 would overrun the block


def test_a_booking_takes_its_slot_and_overlapping_ones_away():
    busy = [Interval(local(2025, 6, 2, 9, 10), local(2025, 6, 2, 9, 50))]
    monday = local_times(slots(busy=busy), date(2025, 6, 2))
    assert monday[:2] == ["10:00", "10:20"]


def test_an_absence_over_several_days_leaves_those_days_empty():
    absence = [Interval(local(2025, 6, 3, 0), local(2025, 6, 5, 0))]
    found = slots(absences=absence)
    assert local_times(found, date(2025, 6, 3)) == [] and local_times(found, date(2025, 6, 4)) == []
    assert len(local_times(found, date(2025, 6, 5))) == 24


def test_nothing_starts_within_the_minimum_notice():
    found = slots(now=local(2025, 6, 2, 10, 5))
    assert local_times(found, date(2025, 6, 2))[0] == "11:20"  # 11:05 is the earliest start allowed
    found = slots(now=local(2025, 6, 2, 10, 5), min_notice=timedelta(0))
    assert local_times(found, date(2025, 6, 2))[0] == "10:20"


def test_the_window_runs_from_today_to_days_ahead_and_can_be_narrowed():
    assert bookable_days(local(2025, 6, 1, 23, 30), AMS, 28) == (date(2025, 6, 1), date(2025, 6, 29))
    found = slots(days_ahead=1)
    assert {s.start.astimezone(AMS).date() for s in found} == {date(2025, 6, 2)}
    week = slots(days_ahead=28, first_day=date(2025, 6, 9), last_day=date(2025, 6, 15))
    assert {s.start.astimezone(AMS).date() for s in week} == {date(2025, 6, d) for d in range(9, 14)}
    assert slots(first_day=date(2025, 5, 1), last_day=date(2025, 5, 30)) == []


def test_slots_are_in_utc_and_follow_the_local_clock_in_winter_and_summer():
    winter = slots(now=local(2025, 1, 5, 12))
    summer = slots()
    assert winter[0].start == datetime(2025, 1, 6, 8, tzinfo=UTC)
    assert summer[0].start == datetime(2025, 6, 2, 7, tzinfo=UTC)
    assert winter[0].start.utcoffset() == timedelta(0)


def test_on_the_day_summer_time_starts_the_missing_hour_has_no_slots():
    # 30 March 2025: the clocks jump from 02:00 to 03:00.
    night = [WeeklyBlock(6, time(1, 0), time(4, 0))]
    found = slots(blocks=night, now=local(2025, 3, 29, 12), days_ahead=1, duration=timedelta(minutes=30))
    # 01:30-02:00 ends at a clock time that does not exist that night, so it is left out as well.
    assert local_times(found, date(2025, 3, 30)) == ["01:00", "03:00", "03:30"]
    assert all(s.end - s.start == timedelta(minutes=30) for s in found)


def test_on_the_day_summer_time_ends_daytime_slots_keep_their_local_times():
    # 26 October 2025: the hour from 02:00 to 03:00 happens twice; a day clinic does not notice.
    sunday = [WeeklyBlock(6, time(9), time(10))]
    found = slots(blocks=sunday, now=local(2025, 10, 25, 12), days_ahead=2)
    assert local_times(found, date(2025, 10, 26)) == ["09:00", "09:20", "09:40"]
    assert found[0].start == datetime(2025, 10, 26, 8, tzinfo=UTC)  # CET: UTC+1 again


def test_a_slot_across_the_repeated_hour_is_skipped_rather_than_made_longer():
    night = [WeeklyBlock(6, time(1, 0), time(4, 0))]
    found = slots(blocks=night, now=local(2025, 10, 25, 12), days_ahead=1, duration=timedelta(minutes=30))
    assert all(s.end - s.start == timedelta(minutes=30) for s in found)
    assert "02:30" not in local_times(found, date(2025, 10, 26))  # 02:30 (summer) to 03:00 (winter) is 90 min


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        slots(now=datetime(2025, 6, 1, 12))
    with pytest.raises(ValueError):
        slots(busy=[Interval(datetime(2025, 6, 2, 9), datetime(2025, 6, 2, 10))])


def test_overlapping_blocks_give_each_slot_once():
    doubled = [WeeklyBlock(0, time(9), time(10)), WeeklyBlock(0, time(9), time(10))]
    assert local_times(slots(blocks=doubled), date(2025, 6, 2)) == ["09:00", "09:20", "09:40"]


# --- properties -------------------------------------------------------------------------------------
BASE = datetime(2025, 1, 1, tzinfo=UTC)
moments = st.integers(0, 400 * 24 * 4).map(lambda quarters: BASE + timedelta(minutes=15 * quarters))
wall_times = st.integers(0, 24 * 12 - 1).map(lambda fives: time(fives // 12, fives % 12 * 5))


@st.composite
def weekly_blocks(draw):
    weekday = draw(st.integers(0, 6))
    start, end = sorted(draw(st.lists(wall_times, min_size=2, max_size=2, unique=True)))
    return WeeklyBlock(weekday, start, end)


@st.composite
def intervals(draw):
    start = draw(moments)
    return Interval(start, start + timedelta(minutes=draw(st.integers(5, 3 * 24 * 60))))


@st.composite
def agendas(draw):
    return {
        "blocks": draw(st.lists(weekly_blocks(), max_size=6)),
        "absences": draw(st.lists(intervals(), max_size=4)),
        "busy": draw(st.lists(intervals(), max_size=12)),
        "duration": timedelta(minutes=draw(st.sampled_from([10, 15, 20, 30, 45, 60]))),
        "tz": AMS,
        "now": draw(moments),
        "days_ahead": draw(st.integers(0, 21)),
        "min_notice": timedelta(minutes=draw(st.sampled_from([0, 60, 120]))),
    }


def inside_a_block(slot: Interval, blocks: list[WeeklyBlock]) -> bool:
    start, end = slot.start.astimezone(AMS), slot.end.astimezone(AMS)
    return any(
        b.weekday == start.weekday()
        and start.date() == end.date()
        and b.start <= start.time()
        and end.time() <= b.end
        for b in blocks
    )


@given(agendas())
@settings(max_examples=300, deadline=None)
def test_every_slot_is_free_inside_a_block_in_the_future_and_sorted(agenda):
    found = free_slots(**agenda)
    for slot in found:
        assert slot.end - slot.start == agenda["duration"]
        assert slot.start >= agenda["now"] + agenda["min_notice"]
        assert inside_a_block(slot, agenda["blocks"])
        assert not any(slot.overlaps(taken) for taken in agenda["busy"])
        assert not any(slot.overlaps(away) for away in agenda["absences"])
    starts = [slot.start for slot in found]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


@given(agendas(), intervals())
@settings(max_examples=150, deadline=None)
def test_another_booking_only_ever_takes_slots_away(agenda, extra):
    before = set(free_slots(**agenda))
    after = set(free_slots(**(agenda | {"busy": [*agenda["busy"], extra]})))
    assert after <= before
    assert before - after == {slot for slot in before if slot.overlaps(extra)}
