"""The runner's local days and ISO weeks, computed from UTC instants for whole arrays at once.

A day is a number: days since 1970-01-01 in the runner's own calendar. A local day is found by adding
the zone's UTC offset at that instant and flooring by 86,400 s, so a run at 00:30 on the night the clocks
change still falls on that local day, and every ISO week (Monday to Sunday) has exactly seven days
whatever the clocks did. Weeks are numbered by their Monday; ISO year and week are derived only when
shown.

The zone's offset changes are found once per zone and year (zoneinfo has no public list of them) by
sampling the offset at every UTC midnight and bisecting to the second between samples that differ;
then any number of instants is converted with one `searchsorted`. Two changes within one UTC day would be
missed; no zone in the tz database has those.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from ._types import FloatArray, IntArray

SECONDS_PER_DAY = 86_400
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
# 1970-01-01 was a Thursday: weekday 3 when Monday is 0, as in date.weekday() and ISO 8601.
_EPOCH_WEEKDAY = 3


def zone(time_zone: str | ZoneInfo) -> ZoneInfo:
    """The runner's IANA zone; an unknown name raises ZoneInfoNotFoundError (a KeyError)."""
    return time_zone if isinstance(time_zone, ZoneInfo) else ZoneInfo(time_zone)


def day_number(day: date) -> int:
    """Days since 1970-01-01 of a calendar date (a datetime's date part)."""
    if isinstance(day, datetime):
        day = day.date()
    return day.toordinal() - EPOCH_ORDINAL


def day_date(day: int) -> date:
    return date.fromordinal(int(day) + EPOCH_ORDINAL)


def day_numbers(days: npt.ArrayLike) -> IntArray:
    """Day numbers from numpy datetime64 dates, ints, or a sequence of `date` objects."""
    values = np.asarray(days)
    if values.dtype.kind == "M":
        return values.astype("datetime64[D]").astype(np.int64)
    if values.dtype.kind in "iu":
        return values.astype(np.int64)
    if values.size == 0:
        return np.empty(0, dtype=np.int64)
    return np.fromiter((day_number(d) for d in values.ravel()), dtype=np.int64, count=values.size)


def weekday(days: IntArray) -> IntArray:
    """0 = Monday ... 6 = Sunday."""
    return (days + _EPOCH_WEEKDAY) % 7


def monday_of(day: int) -> int:
    return day - (day + _EPOCH_WEEKDAY) % 7


def mondays_of(days: IntArray) -> IntArray:
    return days - weekday(days)


def iso_week(monday: int) -> tuple[int, int]:
    """(ISO year, ISO week) of the week starting on that Monday."""
    iso = day_date(monday).isocalendar()
    return (iso.year, iso.week)


def _offset_at(tz: ZoneInfo, epoch: int) -> int:
    offset = datetime.fromtimestamp(epoch, tz).utcoffset()
    return 0 if offset is None else int(offset.total_seconds())


@lru_cache(maxsize=4096)
def _year_changes(tz: ZoneInfo, year: int) -> tuple[int, tuple[tuple[int, int], ...]]:
    """The offset at the first instant of a UTC year and every (instant, new offset) change in it."""
    start = calendar.timegm((year, 1, 1, 0, 0, 0))
    end = calendar.timegm((year + 1, 1, 1, 0, 0, 0))
    first = _offset_at(tz, start)
    changes: list[tuple[int, int]] = []
    previous_t, previous_offset = start, first
    for t in range(start + SECONDS_PER_DAY, end + SECONDS_PER_DAY, SECONDS_PER_DAY):
        offset = _offset_at(tz, t)
        if offset != previous_offset:
            low, high = previous_t, t
            while high - low > 1:
                middle = (low + high) // 2
                if _offset_at(tz, middle) == previous_offset:
                    low = middle
                else:
                    high = middle
            if high < end:
                changes.append((high, offset))
        previous_t, previous_offset = t, offset
    return first, tuple(changes)


def utc_offsets(epochs: FloatArray, tz: ZoneInfo) -> IntArray:
    """The zone's UTC offset in seconds at each instant (UTC epoch seconds)."""
    if epochs.size == 0:
        return np.empty(0, dtype=np.int64)
    first_year = datetime.fromtimestamp(float(np.min(epochs)), UTC).year
    last_year = datetime.fromtimestamp(float(np.max(epochs)), UTC).year
    initial, _ = _year_changes(tz, first_year)
    times: list[int] = []
    offsets: list[int] = [initial]
    for year in range(first_year, last_year + 1):
        for t, offset in _year_changes(tz, year)[1]:
            times.append(t)
            offsets.append(offset)
    index = np.searchsorted(np.asarray(times, dtype=np.float64), epochs, side="right")
    return np.asarray(offsets, dtype=np.int64)[index]


def local_days(epochs: FloatArray, tz: ZoneInfo) -> IntArray:
    """The runner's local day number of each instant."""
    local = epochs + utc_offsets(epochs, tz)
    return np.floor_divide(local, SECONDS_PER_DAY).astype(np.int64)


def epoch_of(moment: datetime | float) -> float:
    """UTC epoch seconds of an aware datetime or of a number that already is one."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("a start time needs a time zone (an aware datetime) or UTC epoch seconds")
        return moment.timestamp()
    return float(moment)
