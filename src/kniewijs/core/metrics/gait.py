"""Running form per run and per week: cadence, vertical oscillation, ground contact time, stride length.

Cadence target. Heiderscheit et al. 2011: raising the step rate 5-10% above the runner's own lowers the
load on the knee; a fixed 180 steps/min has no evidence behind it. The target is core.load.cadence_target
applied to the runner's own baseline.

Conventions:
- Only running counts. A value the device did not record is NaN and is left out.
- Weekly trend = the mean of the runs' own averages in each ISO week (NaN for a week without any).
- Cadence baseline = the median cadence of the easy runs in the last 8 weeks (56 local days up to today),
  from at least 3 runs. Easy: RPE 4 or less when the run has an RPE; without an RPE, no faster than the
  median speed of the runs in those 8 weeks (the slower half), since easy runs are the common pace to
  compare with and faster running raises cadence by itself.
- Low cadence: the median cadence of the runs of the last 7 days is 5% or more below the baseline. The
  5% is the smallest change Heiderscheit studied that changed the load on the knee.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..load import cadence_target
from ._types import FloatArray, IntArray
from .model import History

GAIT_COLUMNS: tuple[str, ...] = (
    "avg_cadence_spm",
    "avg_vertical_oscillation_mm",
    "avg_ground_contact_ms",
    "avg_stride_length_m",
)
BASELINE_DAYS = 56
EASY_RPE = 4.0
MIN_BASELINE_RUNS = 3
RECENT_DAYS = 7
LOW_CADENCE_DROP = 0.05


def weekly_gait(history: History, mondays: IntArray, last_day: int) -> dict[str, FloatArray]:
    """Mean of each gait column over the runs of each ISO week (given by its Monday), up to last_day."""
    acts = history.activities
    weeks = mondays.shape[0]
    result: dict[str, FloatArray] = {}
    if weeks == 0:
        return {name: np.empty(0) for name in GAIT_COLUMNS}
    week = (acts.local_day - int(mondays[0])) // 7
    inside = acts.running & (week >= 0) & (week < weeks) & (acts.local_day <= last_day)
    for name in GAIT_COLUMNS:
        values: FloatArray = getattr(acts, name)
        keep = inside & ~np.isnan(values)
        totals = np.bincount(week[keep], weights=values[keep], minlength=weeks)
        counts = np.bincount(week[keep], minlength=weeks)
        result[name] = np.where(counts > 0, totals / np.maximum(counts, 1), np.nan)
    return result


@dataclass(frozen=True, slots=True)
class Cadence:
    baseline_spm: float
    baseline_runs: int
    target_spm: tuple[float, float]  # +5% to +10% of the baseline (core.load.cadence_target)
    recent_spm: float | None  # median of the runs of the last 7 days
    recent_runs: int

    @property
    def drop(self) -> float | None:
        """How far the recent cadence lies below the baseline (0.05 = 5% lower)."""
        return None if self.recent_spm is None else 1.0 - self.recent_spm / self.baseline_spm

    @property
    def low(self) -> bool:
        drop = self.drop
        return drop is not None and drop >= LOW_CADENCE_DROP - 1e-12


def easy_runs(history: History, rows: IntArray) -> IntArray:
    """Those of the given running rows that count as easy (see the module docstring)."""
    acts = history.activities
    rpe = acts.rpe[rows]
    with np.errstate(divide="ignore", invalid="ignore"):
        speed = acts.distance_m[rows] / acts.active_s[rows]  # pace over the moving time
    speed = np.where(np.isfinite(speed) & (speed > 0), speed, np.nan)
    median_speed = float(np.nanmedian(speed)) if np.isfinite(speed).any() else np.nan
    with np.errstate(invalid="ignore"):
        easy = np.where(np.isnan(rpe), speed <= median_speed, rpe <= EASY_RPE)
    result: IntArray = rows[easy]
    return result


def cadence_status(history: History, today: int) -> Cadence | None:
    """The runner's own cadence baseline, the +5-10% target and the last 7 days; None without a baseline."""
    acts = history.activities
    cadence = acts.avg_cadence_spm
    rows = acts.rows_between(today - BASELINE_DAYS + 1, today)
    window = rows[acts.running[rows] & ~np.isnan(cadence[rows])]
    easy = easy_runs(history, window)
    if easy.shape[0] < MIN_BASELINE_RUNS:
        return None
    baseline = float(np.median(cadence[easy]))
    recent = cadence[window[acts.local_day[window] > today - RECENT_DAYS]]
    return Cadence(
        baseline_spm=baseline,
        baseline_runs=int(easy.shape[0]),
        target_spm=cadence_target(baseline),
        recent_spm=float(np.median(recent)) if recent.size else None,
        recent_runs=int(recent.shape[0]),
    )
