"""Free appointment slots from a therapist's weekly hours, absences and existing bookings.

Source: the clinic's own agenda, as entered in the admin (weekly hours per therapist, holidays and sick
days, and the bookings already made). Nothing clinical is decided here; this is only arithmetic on times.

Slots are laid out in the clinic's local wall-clock time: each weekly block is cut into pieces of the
appointment's duration, starting at the block's start. A slot counts only when it fits wholly inside its
block, overlaps no absence and no busy interval, starts after `now + min_notice`, and lasts exactly the
duration in real time. That last rule skips the rare slot that would straddle a daylight-saving jump
(a 02:00-03:00 hour that does not exist, or occurs twice); on every other day local times are exact.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo


@dataclass(frozen=True, slots=True)
class WeeklyBlock:
    """A recurring opening block: weekday 0 = Monday ... 6 = Sunday, local wall-clock times."""

    weekday: int
    start: time
    end: time


@dataclass(frozen=True, slots=True, order=True)
class Interval:
    """A stretch of real time with aware datetimes; `end` is exclusive."""

    start: datetime
    end: datetime

    def overlaps(self, other: Interval) -> bool:
        return self.start < other.end and other.start < self.end


Slot = Interval


def _check_aware(moment: datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware")


def _local(day: date, wall: time, tz: tzinfo) -> datetime | None:
    """The moment (in UTC) of a wall-clock time on `day`, or None when that time does not exist there
    (the hour skipped when summer time starts). A time that occurs twice counts as its first occurrence."""
    naive = datetime.combine(day, wall)
    moment = naive.replace(tzinfo=tz).astimezone(UTC)
    return moment if moment.astimezone(tz).replace(tzinfo=None) == naive else None


def _merged(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, non-overlapping intervals covering the same time, so one binary search answers 'is this free'."""
    merged: list[Interval] = []
    # In UTC: Python compares two datetimes that share a tzinfo by wall clock, which is wrong across DST.
    in_utc = (Interval(i.start.astimezone(UTC), i.end.astimezone(UTC)) for i in intervals)
    for interval in sorted(i for i in in_utc if i.end > i.start):
        if merged and interval.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Interval(last.start, max(last.end, interval.end))
        else:
            merged.append(interval)
    return merged


def _is_free(slot: Interval, taken: list[Interval], ends: list[datetime]) -> bool:
    # The first taken interval that ends after the slot starts is the only one that can overlap it.
    index = bisect_right(ends, slot.start)
    return index == len(taken) or not taken[index].overlaps(slot)


@dataclass(frozen=True, slots=True)
class StartRange:
    """On `weekday`, appointments start from `first` up to and including `last` (local wall-clock times)."""

    weekday: int
    first: time
    last: time


def start_ranges(blocks: Iterable[WeeklyBlock], duration: timedelta) -> list[StartRange]:
    """The clinic's hours as a runner can use them: per weekday, the first and the last time an appointment
    of `duration` can start, laid out exactly as `free_slots` lays out its slots (from each block's start, in
    steps of `duration`, the last one ending by the block's end). Blocks whose start times follow on without
    a gap of more than one appointment (two therapists, say) are joined into one range.

    Source: the same weekly hours the slots come from, so the hours shown and the slots offered cannot
    disagree (the last start is the block's end minus the appointment, rounded down to the slot grid).
    """
    if duration <= timedelta(0):
        raise ValueError("duration must be positive")
    day = date(2000, 1, 3)  # any date: only wall-clock arithmetic happens here
    per_day: dict[int, list[tuple[datetime, datetime]]] = {}
    for block in blocks:
        start, end = datetime.combine(day, block.start), datetime.combine(day, block.end)
        count = (end - start) // duration
        if count >= 1:
            per_day.setdefault(block.weekday, []).append((start, start + (count - 1) * duration))
    found: list[StartRange] = []
    for weekday in sorted(per_day):
        joined: list[tuple[datetime, datetime]] = []
        for first, last in sorted(per_day[weekday]):
            if joined and first <= joined[-1][1] + duration:
                joined[-1] = (joined[-1][0], max(joined[-1][1], last))
            else:
                joined.append((first, last))
        found += [StartRange(weekday, first.time(), last.time()) for first, last in joined]
    return found


def bookable_days(now: datetime, tz: tzinfo, days_ahead: int) -> tuple[date, date]:
    """The first and last local date on which slots are offered: today up to `days_ahead` days later."""
    today = now.astimezone(tz).date()
    return today, today + timedelta(days=days_ahead)


def free_slots(
    *,
    blocks: Iterable[WeeklyBlock],
    absences: Iterable[Interval],
    busy: Iterable[Interval],
    duration: timedelta,
    tz: tzinfo,
    now: datetime,
    days_ahead: int,
    min_notice: timedelta = timedelta(hours=1),
    first_day: date | None = None,
    last_day: date | None = None,
) -> list[Slot]:
    """Every free slot of one therapist, sorted by start, with start and end in UTC.

    Offered days run from today to `days_ahead` days later (local dates); `first_day` and `last_day`
    narrow that window further (a week view), they never widen it.
    """
    _check_aware(now, "now")
    if duration <= timedelta(0):
        raise ValueError("duration must be positive")
    given = list(absences) + list(busy)
    for interval in given:
        _check_aware(interval.start, "interval start")
        _check_aware(interval.end, "interval end")
    taken = _merged(given)
    ends = [interval.end for interval in taken]
    earliest = now.astimezone(UTC) + min_notice
    window_first, window_last = bookable_days(now, tz, days_ahead)
    if first_day is not None:
        window_first = max(window_first, first_day)
    if last_day is not None:
        window_last = min(window_last, last_day)

    by_weekday: dict[int, list[WeeklyBlock]] = {}
    for block in blocks:
        if block.end > block.start:
            by_weekday.setdefault(block.weekday, []).append(block)

    found: set[Interval] = set()
    day = window_first
    while day <= window_last:
        for block in by_weekday.get(day.weekday(), []):
            found.update(_block_slots(day, block, duration, tz, earliest, taken, ends))
        day += timedelta(days=1)
    return sorted(found)


def _block_slots(
    day: date,
    block: WeeklyBlock,
    duration: timedelta,
    tz: tzinfo,
    earliest: datetime,
    taken: list[Interval],
    ends: list[datetime],
) -> list[Slot]:
    slots: list[Slot] = []
    block_end = datetime.combine(day, block.end)
    wall = datetime.combine(day, block.start)
    while wall + duration <= block_end:
        start = _local(day, wall.time(), tz)
        end = _local((wall + duration).date(), (wall + duration).time(), tz)
        wall += duration
        if start is None or end is None or end - start != duration:
            continue  # a daylight-saving jump falls inside this slot
        slot = Interval(start, end)
        if start >= earliest and _is_free(slot, taken, ends):
            slots.append(slot)
    return slots
