"""Daily series over the runner's local days, zeros filled: running km, cross-training and load.

Conventions:
- A series runs from a Monday (the Monday of the first activity, unless asked otherwise) to `last_day`
  inclusive, so it splits into whole ISO weeks; activities after `last_day` are left out.
- Running km counts only `sport == "running"` (seed: the weekly running distance). Every other sport is
  cross-training, kept in its own columns.
- A hard session is one with RPE >= 7 ("very hard" on Foster's CR-10 session-RPE scale). A rest day is a
  local day with no run and no hard cross-training session; an easy bike ride or walk still leaves a rest
  day (seed: take 1-2 full rest days a week).
- Session-RPE load = RPE (0-10) x minutes, every sport (Foster 1998/2001); an activity without an RPE
  adds nothing to it, so that load only means something for runners who note their RPE. The minutes are
  the moving time where the file gives it (ActivityTable.active_s): standing at a crossing is no load.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ._types import BoolArray, FloatArray, IntArray, LoadUnit
from .localtime import day_number, monday_of
from .model import History

HARD_RPE = 7.0


@dataclass(frozen=True, slots=True)
class DailySeries:
    """Per local day from `first_day` to `last_day` inclusive; index 0 is `first_day`."""

    first_day: int
    last_day: int
    running_km: FloatArray
    running_sessions: IntArray
    cross_km: FloatArray
    cross_minutes: FloatArray
    cross_sessions: IntArray
    hard_cross_sessions: IntArray
    srpe_load: FloatArray

    def __len__(self) -> int:
        return self.last_day - self.first_day + 1

    @property
    def days(self) -> IntArray:
        return np.arange(self.first_day, self.last_day + 1, dtype=np.int64)

    @property
    def rest_days(self) -> BoolArray:
        """Days with no run and no hard cross-training session."""
        result: BoolArray = (self.running_sessions == 0) & (self.hard_cross_sessions == 0)
        return result

    def index(self, day: int) -> int:
        return day - self.first_day

    def load(self, unit: LoadUnit = "km") -> FloatArray:
        """The daily training load in the chosen unit: running km or session-RPE load."""
        if unit == "km":
            return self.running_km
        if unit == "srpe":
            return self.srpe_load
        raise ValueError(f"unknown load unit {unit!r}")

    def dates(self) -> np.ndarray[tuple[int], np.dtype[np.datetime64]]:
        return self.days.astype("datetime64[D]")


def daily_series(history: History, last_day: int | date, first_day: int | date | None = None) -> DailySeries:
    """Daily running km, cross-training and load per local day, zeros filled (see module conventions)."""
    last = day_number(last_day) if isinstance(last_day, date) else int(last_day)
    acts = history.activities
    if first_day is None:
        earliest = int(acts.local_day[0]) if len(acts) else last
        first = monday_of(min(earliest, last))
    else:
        first = day_number(first_day) if isinstance(first_day, date) else int(first_day)
    if first > last:
        raise ValueError("a series needs its first day on or before its last day")
    n = last - first + 1
    inside = (acts.local_day >= first) & (acts.local_day <= last)
    index = acts.local_day[inside] - first
    running = acts.running[inside]
    km = acts.km[inside]
    minutes = acts.minutes[inside]
    rpe = acts.rpe[inside]
    cross = ~running
    hard = cross & (rpe >= HARD_RPE)

    def per_day(weights: FloatArray, where: BoolArray) -> FloatArray:
        return np.bincount(index[where], weights=weights[where], minlength=n).astype(np.float64)

    def count(where: BoolArray) -> IntArray:
        return np.bincount(index[where], minlength=n).astype(np.int64)

    with_rpe = ~np.isnan(rpe)
    return DailySeries(
        first_day=first,
        last_day=last,
        running_km=per_day(km, running),
        running_sessions=count(running),
        cross_km=per_day(km, cross),
        cross_minutes=per_day(minutes, cross),
        cross_sessions=count(cross),
        hard_cross_sessions=count(hard),
        srpe_load=per_day(np.where(with_rpe, rpe, 0.0) * minutes, with_rpe),
    )
