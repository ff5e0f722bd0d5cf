"""Acute:chronic workload ratio (ACWR), three ways, over a daily load series.

Method (fixed here, as the brief asks):
- Acute load = the sum of the last 7 days (today included). Chronic load = an average weekly load.
- Coupled rolling average: chronic = the last 28 days / 4, so the acute week is part of the chronic.
- Uncoupled rolling average: chronic = the 21 days before the acute week / 3.
  Weekly 20, 20, 20, 30 km gives 30 / 22.5 = 1.33 coupled and 30 / 20 = 1.50 uncoupled.
- EWMA ratio (Williams et al. 2017, BJSM 51:209): EWMA of daily load with alpha = 2/(7+1) over
  EWMA with alpha = 2/(28+1), both starting at 0 before the first logged day.
- Load unit: running km by default; session-RPE load (RPE x minutes) on request (days.DailySeries.load).
- A ratio is NaN (undefined) on the first 27 days of the series (a series from days.daily_series starts
  on the Monday of the runner's first activity, so four logged ISO weeks give a ratio on their last
  day), and when the chronic load is below core.load.MIN_COMPARABLE_KM per week (km) or zero
  (session-RPE).

Zones (Gabbett 2016, BJSM 50:273, from team sports): 0.8-1.3 "sweet spot", >= 1.5 "danger"; below 0.8
"low" and 1.3-1.5 "raised" are our names for the gaps. The ratio is disputed: Impellizzeri et al. 2020
(IJSPP 15:907) question its logic, and Lolli et al. 2019 (BJSM 53:921) show that the coupled ratio
correlates with injury partly by mathematical coupling alone; the uncoupled form avoids that, which is
why the warning uses it. In runners, Frandsen 2025 found no useful relation between the weekly ratio and
injury. The warning therefore says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np

from ..load import MIN_COMPARABLE_KM
from ._types import FloatArray, LoadUnit
from .smoothing import ewma, trailing_sum

ACUTE_DAYS = 7
CHRONIC_DAYS = 28
SWEET_SPOT = (0.8, 1.3)
DANGER = 1.5


class AcwrZone(Enum):
    LOW = "low"  # below 0.8
    SWEET_SPOT = "sweet_spot"  # 0.8-1.3
    RAISED = "raised"  # above 1.3, below 1.5
    DANGER = "danger"  # 1.5 and above


def acwr_zone(ratio: float | None) -> AcwrZone | None:
    """Gabbett 2016's zones; None for an undefined ratio."""
    if ratio is None or np.isnan(ratio):
        return None
    if ratio < SWEET_SPOT[0]:
        return AcwrZone.LOW
    if ratio <= SWEET_SPOT[1]:
        return AcwrZone.SWEET_SPOT
    if ratio < DANGER:
        return AcwrZone.RAISED
    return AcwrZone.DANGER


@dataclass(frozen=True, slots=True)
class LoadRatios:
    """Per day of the series. Loads are weekly: acute is a 7-day sum, chronic a weekly average."""

    acute: FloatArray
    chronic_coupled: FloatArray
    chronic_uncoupled: FloatArray
    coupled: FloatArray
    uncoupled: FloatArray
    ewma_acute: FloatArray
    ewma_chronic: FloatArray
    ewma: FloatArray


def _ratio(numerator: FloatArray, denominator: FloatArray, defined: np.ndarray) -> FloatArray:
    ok = defined & (denominator > 0)
    safe = np.where(ok, denominator, 1.0)
    return np.where(ok, numerator / safe, np.nan)


def load_ratios(daily_load: FloatArray, unit: LoadUnit = "km") -> LoadRatios:
    """Coupled, uncoupled and EWMA acute:chronic ratios for every day (method in the module docstring)."""
    acute = trailing_sum(daily_load, ACUTE_DAYS)
    earlier = trailing_sum(daily_load, CHRONIC_DAYS - ACUTE_DAYS, skip_last=ACUTE_DAYS)
    chronic_coupled = (acute + earlier) / (CHRONIC_DAYS / ACUTE_DAYS)
    chronic_uncoupled = earlier / ((CHRONIC_DAYS - ACUTE_DAYS) / ACUTE_DAYS)
    full_history = np.arange(daily_load.shape[0]) >= CHRONIC_DAYS - 1
    # Below 100 m a week there is no chronic load to compare with (core.load.MIN_COMPARABLE_KM).
    floor = MIN_COMPARABLE_KM if unit == "km" else 0.0
    ewma_acute = ewma(daily_load, 2.0 / (ACUTE_DAYS + 1))
    ewma_chronic = ewma(daily_load, 2.0 / (CHRONIC_DAYS + 1))
    return LoadRatios(
        acute=acute,
        chronic_coupled=chronic_coupled,
        chronic_uncoupled=chronic_uncoupled,
        coupled=_ratio(acute, chronic_coupled, full_history & (chronic_coupled >= floor)),
        uncoupled=_ratio(acute, chronic_uncoupled, full_history & (chronic_uncoupled >= floor)),
        ewma_acute=ewma_acute,
        ewma_chronic=ewma_chronic,
        ewma=_ratio(ewma_acute, ewma_chronic, full_history & (ewma_chronic * ACUTE_DAYS >= floor)),
    )
