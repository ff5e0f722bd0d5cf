"""Foster's training monotony and strain over 7 days of daily load.

Source: Foster 1998 (Med Sci Sports Exerc 30:1164). Monotony = mean daily load / standard deviation of
daily load over 7 days, rest days counted as 0; strain = weekly load x monotony. The brief's example,
daily loads 600, 200, 400, 500, 100, 650, 0, gives 1.49 with the population SD and 1.38 with the
sample SD. We use the population SD (divide by 7): the 7 days are the whole week being described, not a
sample from a larger one. Thresholds: Runalyze warns from 1.5 and calls 2.0 critical.

The same load every day is the most monotonous week there is, yet its SD is 0 and Foster's ratio runs off
to infinity. Runalyze caps the value at a maximum instead; we do the same with MONOTONY_MAX = 10, far
above the critical 2.0, so five km every day for a week scores 10 and gets the alert, and strain stays a
finite number (weekly load x 10). A ratio that comes out above the cap is capped too, so one week cannot
score more than a week without any variation. An SD at or below 1e-9 x the mean counts as 0, so rounding
cannot tip a constant week either way. Seven rest days have no load to be monotonous about: monotony is
then undefined (NaN or None), and no warning follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Literal

import numpy as np

from ._types import FloatArray
from .smoothing import trailing_shifts

SdConvention = Literal["population", "sample"]
DAYS = 7
MONOTONY_WARN = 1.5
MONOTONY_CRITICAL = 2.0
MONOTONY_MAX = 10.0  # a week without any variation (SD 0): Runalyze's way of keeping it finite
_RELATIVE_ZERO_SD = 1e-9


class MonotonyLevel(Enum):
    NORMAL = "normal"
    HIGH = "high"  # from 1.5 (Runalyze's warning)
    CRITICAL = "critical"  # from 2.0


def monotony_level(monotony: float | None) -> MonotonyLevel | None:
    if monotony is None or np.isnan(monotony):
        return None
    if monotony >= MONOTONY_CRITICAL:
        return MonotonyLevel.CRITICAL
    if monotony >= MONOTONY_WARN:
        return MonotonyLevel.HIGH
    return MonotonyLevel.NORMAL


def _ddof(sd: SdConvention) -> int:
    if sd == "population":
        return 0
    if sd == "sample":
        return 1
    raise ValueError(f"unknown SD convention {sd!r}")


def _monotony_of_days(days: list[FloatArray], sd: SdConvention) -> tuple[FloatArray, FloatArray]:
    """(weekly load, monotony) from the 7 daily loads given as 7 aligned arrays."""
    total = days[0].copy()
    for day in days[1:]:
        total += day
    mean = total / len(days)
    squares = (days[0] - mean) ** 2
    for day in days[1:]:
        squares += (day - mean) ** 2
    spread = np.sqrt(squares / (len(days) - _ddof(sd)))
    varied = spread > _RELATIVE_ZERO_SD * np.abs(mean)
    ratio = np.minimum(mean / np.where(varied, spread, 1.0), MONOTONY_MAX)
    result: FloatArray = np.where(varied, ratio, np.where(mean > 0, MONOTONY_MAX, np.nan))
    return total, result


def monotony(loads: Sequence[float], sd: SdConvention = "population") -> float | None:
    """Monotony of one week of daily loads (7 values), at most MONOTONY_MAX; None for a week without load."""
    if len(loads) != DAYS:
        raise ValueError("monotony is defined over 7 daily loads")
    _, values = _monotony_of_days([np.asarray([load], dtype=np.float64) for load in loads], sd)
    value = float(values[0])
    return None if np.isnan(value) else value


def week_so_far(loads: Sequence[float], sd: SdConvention = "population") -> tuple[float | None, float | None]:
    """(monotony, strain) of a calendar week that is not over yet, over its own days Monday to today.

    Foster's formula on the days the week has so far, so its monotony and strain describe the same days
    as its km; the 7 days ending today would mix in last week. Before Sunday, days that were all the same
    say nothing yet about the week (Monday and Tuesday alike is not a monotonous week), so the cap for a
    week without variation waits for the seventh day: (None, None) until then, as for a single day."""
    if not 1 <= len(loads) <= DAYS:
        raise ValueError("a week so far has 1 to 7 days")
    if len(loads) - _ddof(sd) < 1 or (len(loads) < DAYS and len(set(loads)) == 1):
        return None, None
    total, values = _monotony_of_days([np.asarray([load], dtype=np.float64) for load in loads], sd)
    value = float(values[0])
    return (None, None) if np.isnan(value) else (value, value * float(total[0]))


@dataclass(frozen=True, slots=True)
class Monotony:
    """Per day of a series: over the 7 days ending that day (zeros before the series starts)."""

    weekly_load: FloatArray
    monotony: FloatArray  # NaN when undefined
    strain: FloatArray  # NaN when monotony is undefined
    sd: SdConvention


def rolling_monotony(daily_load: FloatArray, sd: SdConvention = "population") -> Monotony:
    """Foster monotony and strain for the 7 days ending on every day of the series."""
    weekly_load, values = _monotony_of_days(trailing_shifts(daily_load, DAYS), sd)
    return Monotony(weekly_load=weekly_load, monotony=values, strain=weekly_load * values, sd=sd)
