"""Knee pain against Silbernagel's pain-monitoring model (Silbernagel et al. 2007).

The model: running may go on while pain during activity stays at most 5/10, has settled by the next
morning, and does not rise week on week; 0-3 is "safe", 4-5 "acceptable", above 5 "too much". The
zones are core.load.pain_zone, asked once for each whole number 0-10 to make a lookup table; pain is
noted in whole numbers, and a half point counts as the next whole one (5.5 is above 5).

Conventions, as the entries cannot say more:
- The zone of a day is that of the higher of "during" and "right after".
- Not settled: the next-morning pain is still above the safe zone (4/10 or more). Without a pain level
  from before the run, "back to the safe zone" is the nearest we can say to "settled".
- Rising: the highest pain of the week (during, after or next morning) rose two weeks running: three
  ISO weeks in a row (this week so far and the two before) each higher than the one before, each with
  pain noted. The weekly highest, not the mean: one bad day should not be averaged away.
- "Recent" means the last 7 local days up to today.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..load import PainZone, pain_zone
from ._types import FloatArray, IntArray
from .localtime import mondays_of
from .model import DailyTable

ZONES: tuple[PainZone, ...] = (PainZone.SAFE, PainZone.ACCEPTABLE, PainZone.TOO_MUCH)
ZONE_BY_PAIN: tuple[PainZone, ...] = tuple(pain_zone(p) for p in range(11))
FIRST_UNSAFE_PAIN = next(p for p, zone in enumerate(ZONE_BY_PAIN) if zone is not PainZone.SAFE)
RECENT_DAYS = 7
NO_PAIN_NOTED = -1


def pain_zone_codes(pain: FloatArray) -> IntArray:
    """Index into ZONES of each pain score, NO_PAIN_NOTED for NaN; agrees with core.load.pain_zone."""
    table = np.asarray([ZONES.index(zone) for zone in ZONE_BY_PAIN] + [NO_PAIN_NOTED], dtype=np.int64)
    known = ~np.isnan(pain)
    whole = np.where(known, np.ceil(np.clip(np.where(known, pain, 0.0), 0, 10)), 11).astype(np.int64)
    result: IntArray = table[whole]
    return result


def activity_pain(days: DailyTable) -> FloatArray:
    """Per entry, the higher of pain during and right after running (NaN when neither was noted)."""
    result: FloatArray = np.fmax(days.pain_during, days.pain_after)
    return result


def highest_pain(days: DailyTable) -> FloatArray:
    """Per entry, the highest pain noted at any moment (during, after, next morning)."""
    result: FloatArray = np.fmax(activity_pain(days), days.pain_next_morning)
    return result


def weekly_highest_pain(days: DailyTable, mondays: IntArray, last_day: int | None = None) -> FloatArray:
    """Highest pain per ISO week given by its Monday, up to `last_day` (NaN for a week without pain)."""
    result = np.full(mondays.shape[0], -np.inf)
    if mondays.size == 0 or len(days) == 0:
        return np.full(mondays.shape[0], np.nan)
    pain = highest_pain(days)
    week = (mondays_of(days.day) - mondays[0]) // 7
    keep = (week >= 0) & (week < mondays.shape[0]) & ~np.isnan(pain)
    if last_day is not None:
        keep &= days.day <= last_day
    np.maximum.at(result, week[keep], pain[keep])
    return np.where(np.isinf(result), np.nan, result)


def next_morning_pain_on(days: DailyTable, local_days: IntArray) -> FloatArray:
    """The next-morning pain noted on the entry of each given day (NaN when none): pain after a run."""
    if len(days) == 0:
        return np.full(local_days.shape[0], np.nan)
    index = np.clip(np.searchsorted(days.day, local_days), 0, len(days) - 1)
    found = days.day[index] == local_days
    return np.where(found, days.pain_next_morning[index], np.nan)


@dataclass(frozen=True, slots=True)
class PainStatus:
    """Silbernagel's three checks over the recent days, and the weekly highest pain behind 'rising'."""

    worst_day: int | None  # the day with the highest pain during/after in the recent days
    worst_pain: float | None
    zone: PainZone | None
    unsettled_day: int | None  # latest recent day whose next-morning pain was 4 or more
    unsettled_pain: float | None
    swelling_day: int | None  # latest recent day with a swollen knee
    weekly_highest: tuple[float | None, float | None, float | None]  # two weeks ago, last week, this week

    @property
    def too_much(self) -> bool:
        return self.zone is PainZone.TOO_MUCH

    @property
    def not_settled(self) -> bool:
        return self.unsettled_day is not None

    @property
    def rising(self) -> bool:
        a, b, c = self.weekly_highest
        return a is not None and b is not None and c is not None and a < b < c


def _optional(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def pain_status(days: DailyTable, today: int) -> PainStatus:
    """Where the knee stands by Silbernagel's model today (conventions in the module docstring)."""
    this_monday = int(mondays_of(np.asarray([today], dtype=np.int64))[0])
    mondays = this_monday - 7 * np.arange(2, -1, -1, dtype=np.int64)
    days = days.between(min(int(mondays[0]), today - RECENT_DAYS + 1), today)
    recent = days.day > today - RECENT_DAYS
    recent_days = days.day[recent]
    during_after = activity_pain(days)[recent]
    worst_day = worst_pain = zone = None
    if np.isfinite(during_after).any():
        at = int(np.nanargmax(during_after))
        worst_day, worst_pain = int(recent_days[at]), float(during_after[at])
        zone = ZONES[int(pain_zone_codes(during_after[at : at + 1])[0])]
    morning = days.pain_next_morning[recent]
    with np.errstate(invalid="ignore"):
        unsettled = np.flatnonzero(morning >= FIRST_UNSAFE_PAIN)
    swollen = np.flatnonzero(days.swelling[recent])
    weekly = weekly_highest_pain(days, mondays, today)
    return PainStatus(
        worst_day=worst_day,
        worst_pain=worst_pain,
        zone=zone,
        unsettled_day=int(recent_days[unsettled[-1]]) if unsettled.size else None,
        unsettled_pain=float(morning[unsettled[-1]]) if unsettled.size else None,
        swelling_day=int(recent_days[swollen[-1]]) if swollen.size else None,
        weekly_highest=(_optional(weekly[0]), _optional(weekly[1]), _optional(weekly[2])),
    )
