"""Every metric of one runner as of one local day, computed once and shared by the warnings and the report.

`today` is the runner's local date; activities and entries after it are left out. Which load the
ratios, fitness and monotony use is `load_unit` (running km by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ..load import SpikeBand
from ._types import FloatArray, LoadUnit
from .days import DailySeries, daily_series
from .fitness import FitnessFatigue, SmoothingFactor, fitness_fatigue
from .gait import Cadence, cadence_status, weekly_gait
from .load_ratio import LoadRatios, load_ratios
from .localtime import day_date, day_number
from .model import History
from .monotony import Monotony, rolling_monotony
from .pain import PainStatus, pain_status, weekly_highest_pain
from .shoes import ShoeStatus, rotation_suggested, runs_per_week, shoe_statuses
from .spikes import BANDS, RunSpikes, run_spikes
from .weekly import WeeklyTable, rest_days_in_last, weekly_table
from .wellness import RestingHeartRate, Sleep, resting_hr_status, sleep_status

RECENT_SPIKE_DAYS = 7


@dataclass(frozen=True, slots=True)
class RecentSpike:
    """The largest single-run spike of the last 7 days (the latest of equal bands)."""

    day: int
    run_km: float
    longest_previous_km: float
    excess: float
    band: SpikeBand
    rate_ratio: float


@dataclass(frozen=True, slots=True)
class Snapshot:
    today: int  # local day number
    load_unit: LoadUnit
    series: DailySeries
    weeks: WeeklyTable
    spikes: RunSpikes
    recent_spike: RecentSpike | None
    ratios: LoadRatios
    fitness: FitnessFatigue
    monotony: Monotony
    rest_days_last_7: int
    resting_hr: RestingHeartRate | None
    sleep: Sleep
    pain: PainStatus
    weekly_pain: FloatArray  # highest pain per row of `weeks`
    weekly_gait: dict[str, FloatArray]  # per row of `weeks`
    cadence: Cadence | None
    shoes: tuple[ShoeStatus, ...]
    runs_per_week: float
    rotation: bool

    @property
    def today_date(self) -> date:
        return day_date(self.today)


def _optional(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def today_value(series: FloatArray) -> float | None:
    """The last value of a daily series, None when undefined (NaN)."""
    return _optional(float(series[-1])) if series.size else None


def _recent_spike(spikes: RunSpikes, today: int) -> RecentSpike | None:
    recent = np.flatnonzero((spikes.local_day > today - RECENT_SPIKE_DAYS) & (spikes.local_day <= today))
    if not recent.size:
        return None
    bands = spikes.band[recent]
    worst = int(bands.max())
    if worst <= BANDS.index(SpikeBand.NONE):  # no spike, or nothing to compare with
        return None
    row = int(recent[np.flatnonzero(bands == worst)[-1]])
    spike = spikes.spike(row)
    if spike is None:
        return None
    return RecentSpike(
        day=int(spikes.local_day[row]),
        run_km=float(spikes.run_km[row]),
        longest_previous_km=float(spikes.longest_previous_km[row]),
        excess=spike.excess,
        band=spike.band,
        rate_ratio=spike.rate_ratio,
    )


def snapshot(
    history: History,
    today: date | int,
    load_unit: LoadUnit = "km",
    smoothing: SmoothingFactor = "goldencheetah",
) -> Snapshot:
    """All metrics for the runner's local date `today`."""
    day = day_number(today) if isinstance(today, date) else int(today)
    series = daily_series(history, day)
    weeks = weekly_table(series)
    load = series.load(load_unit)
    spikes = run_spikes(history)
    statuses = shoe_statuses(history, day)
    per_week = runs_per_week(history, day)
    return Snapshot(
        today=day,
        load_unit=load_unit,
        series=series,
        weeks=weeks,
        spikes=spikes,
        recent_spike=_recent_spike(spikes, day),
        ratios=load_ratios(load, load_unit),
        fitness=fitness_fatigue(load, smoothing),
        monotony=rolling_monotony(load),
        rest_days_last_7=rest_days_in_last(series, 7),
        resting_hr=resting_hr_status(history.days, day),
        sleep=sleep_status(history.days, day),
        pain=pain_status(history.days, day),
        weekly_pain=weekly_highest_pain(history.days, weeks.monday, day),
        weekly_gait=weekly_gait(history, weeks.monday, day),
        cadence=cadence_status(history, day),
        shoes=statuses,
        runs_per_week=per_week,
        rotation=rotation_suggested(statuses, per_week),
    )
