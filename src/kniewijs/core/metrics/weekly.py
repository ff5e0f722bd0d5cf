"""Weekly totals per ISO week (Monday to Sunday, local days) and the seed's 10% rule week on week.

The week-on-week change and the rule itself are core.load.weekly_growth and breaks_ten_percent_rule;
`weekly_growths` applies them to all weeks at once, with the limit read off breaks_ten_percent_rule
itself by bisection, so the rule still exists once, in core.load. Source: seed ("at most 10% more per
week");
the one trial of the rule (Buist 2008) found no fewer injuries, and in Frandsen 2025 week-on-week change
showed no useful relation with injury, which the warning says.

Conventions: the last week of a series may be incomplete (`complete` is False); its running km are the
km so far, and its rest days count only the days so far.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..load import MIN_COMPARABLE_KM, breaks_ten_percent_rule
from ._types import BoolArray, FloatArray, IntArray
from .days import DailySeries
from .localtime import iso_week

# Seed: take at least 1 to 2 full rest days a week.
MIN_REST_DAYS_PER_WEEK = 1


@dataclass(frozen=True, slots=True)
class WeeklyTable:
    """One row per ISO week of a DailySeries; `monday` is the local day number of its Monday."""

    monday: IntArray
    complete: BoolArray
    running_km: FloatArray
    running_sessions: IntArray
    cross_km: FloatArray
    cross_minutes: FloatArray
    cross_sessions: IntArray
    rest_days: IntArray  # days so far in an incomplete week
    growth: FloatArray  # relative to the week before (0.5 = 50% more); NaN without a previous load
    breaks_ten_percent: BoolArray

    def __len__(self) -> int:
        return int(self.monday.shape[0])

    def iso_week(self, row: int) -> tuple[int, int]:
        return iso_week(int(self.monday[row]))

    def row_of(self, day: int) -> int:
        """The row of the ISO week that holds a local day."""
        return int((day - int(self.monday[0])) // 7)


def _per_week(values: FloatArray | IntArray | BoolArray, weeks: int) -> FloatArray:
    padded = np.zeros(weeks * 7, dtype=np.float64)
    padded[: values.shape[0]] = values
    result: FloatArray = padded.reshape(weeks, 7).sum(axis=1)
    return result


@lru_cache(maxsize=1)
def ten_percent_limit() -> float:
    """The largest growth that core.load.breaks_ten_percent_rule still accepts, found by bisection."""
    low, high = 0.0, 1.0
    assert not breaks_ten_percent_rule(low) and breaks_ten_percent_rule(high)
    while True:
        middle = (low + high) / 2
        if middle in (low, high):
            return low
        if breaks_ten_percent_rule(middle):
            high = middle
        else:
            low = middle


def weekly_growths(previous_km: FloatArray, current_km: FloatArray) -> tuple[FloatArray, BoolArray]:
    """core.load.weekly_growth and breaks_ten_percent_rule for many weeks at once (NaN for None).

    The growth is weekly_growth's own formula; the tests hold both to the core's answers."""
    comparable = previous_km >= MIN_COMPARABLE_KM
    growth = np.where(comparable, current_km / np.where(comparable, previous_km, 1.0) - 1.0, np.nan)
    breaks: BoolArray = comparable & (growth > ten_percent_limit())
    return growth, breaks


def weekly_table(series: DailySeries) -> WeeklyTable:
    """ISO-week totals of a series that starts on a Monday, with the 10% rule (core.load) per week."""
    if (series.first_day + 3) % 7 != 0:
        raise ValueError("a weekly table needs a series that starts on a Monday")
    weeks = -(-len(series) // 7)
    running_km = _per_week(series.running_km, weeks)
    growth = np.full(weeks, np.nan)
    breaks = np.zeros(weeks, dtype=np.bool_)
    growth[1:], breaks[1:] = weekly_growths(running_km[:-1], running_km[1:])
    monday = series.first_day + 7 * np.arange(weeks, dtype=np.int64)
    return WeeklyTable(
        monday=monday,
        complete=monday + 6 <= series.last_day,
        running_km=running_km,
        running_sessions=_per_week(series.running_sessions, weeks).astype(np.int64),
        cross_km=_per_week(series.cross_km, weeks),
        cross_minutes=_per_week(series.cross_minutes, weeks),
        cross_sessions=_per_week(series.cross_sessions, weeks).astype(np.int64),
        rest_days=_per_week(series.rest_days, weeks).astype(np.int64),
        growth=growth,
        breaks_ten_percent=breaks,
    )


def rest_days_in_last(series: DailySeries, days: int = 7) -> int:
    """Rest days among the last `days` local days of the series (see days.py for what a rest day is).

    Days before the series began count as rest: nothing was logged on them."""
    window = series.rest_days[-days:]
    return int(window.sum()) + max(0, days - int(window.shape[0]))
