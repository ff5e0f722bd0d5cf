"""Recovery signs from the daily entries: resting heart rate against the runner's own baseline, sleep.

Resting heart rate. Seed: a resting heart rate higher than usual is a sign of overload or too little
recovery. The seed gives no number, so the threshold is ours, stated here: a reading is raised when it is
more than 5 bpm above the runner's own baseline, or more than 2 SD above it. The baseline is the mean and
the sample SD of the readings of the 28 days before (the day itself not included), and needs at least 7
readings. The status looks at the most recent reading of today or yesterday.

Sleep. Seed: sleep 7 to 9 hours a night. A night under 7 h is short; the sleep noted on a date is the
night before it. Three or more short nights among the last 7 is when we speak up (our threshold: one
short night is ordinary).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._types import BoolArray, FloatArray
from .model import DailyTable
from .smoothing import trailing_sum

BASELINE_DAYS = 28
MIN_BASELINE_READINGS = 7
RAISED_BY_BPM = 5.0
RAISED_BY_SD = 2.0
RECENT_READING_DAYS = 2  # today or yesterday

SLEEP_MIN_HOURS = 7.0
SLEEP_WINDOW_DAYS = 7
SHORT_NIGHTS_TO_WARN = 3


@dataclass(frozen=True, slots=True)
class RestingHeartRateSeries:
    """Per day from `first_day` to `last_day`: the reading (NaN none) and the baseline before it."""

    first_day: int
    value: FloatArray
    baseline_mean: FloatArray  # NaN with fewer than 7 readings in the 28 days before
    baseline_sd: FloatArray
    readings: FloatArray
    raised: BoolArray


def resting_hr_series(
    days: DailyTable, last_day: int, first_day: int | None = None
) -> RestingHeartRateSeries:
    """Each day's resting heart rate against the mean and SD of the 28 days before it.

    From `first_day` (default: the first entry) to `last_day`; readings before first_day still count in
    the baselines."""
    earliest = int(days.day[0]) if len(days) and int(days.day[0]) <= last_day else last_day
    first = earliest if first_day is None else first_day
    # The baselines of the first days need the 28 days before them.
    start = max(min(earliest, first), first - BASELINE_DAYS)
    n = last_day - start + 1
    value = np.full(n, np.nan)
    inside = (days.day >= start) & (days.day <= last_day)
    value[days.day[inside] - start] = days.resting_heart_rate[inside]
    present = ~np.isnan(value)
    known = np.where(present, value, 0.0)
    count = trailing_sum(present.astype(np.float64), BASELINE_DAYS, skip_last=1)
    total = trailing_sum(known, BASELINE_DAYS, skip_last=1)
    squares = trailing_sum(known * known, BASELINE_DAYS, skip_last=1)
    enough = count >= MIN_BASELINE_READINGS
    safe_count = np.where(enough, count, 2.0)
    mean = np.where(enough, total / safe_count, np.nan)
    variance = np.where(
        enough, (squares - safe_count * np.where(enough, mean, 0.0) ** 2) / (safe_count - 1), np.nan
    )
    sd = np.sqrt(np.clip(variance, 0.0, None))
    with np.errstate(invalid="ignore"):
        raised = present & enough & ((value > mean + RAISED_BY_BPM) | (value > mean + RAISED_BY_SD * sd))
    keep = slice(first - start, None)
    return RestingHeartRateSeries(
        first_day=first,
        value=value[keep],
        baseline_mean=mean[keep],
        baseline_sd=sd[keep],
        readings=count[keep],
        raised=raised[keep],
    )


@dataclass(frozen=True, slots=True)
class RestingHeartRate:
    day: int
    value: float
    baseline_mean: float | None
    baseline_sd: float | None
    readings: int
    raised: bool

    @property
    def above_baseline(self) -> float | None:
        return None if self.baseline_mean is None else self.value - self.baseline_mean


def resting_hr_status(days: DailyTable, today: int) -> RestingHeartRate | None:
    """The most recent reading of today or yesterday against its baseline; None without one."""
    first = today - RECENT_READING_DAYS + 1
    series = resting_hr_series(days.between(first - BASELINE_DAYS, today), today, first_day=first)
    recent = series.value[-RECENT_READING_DAYS:]
    found = np.flatnonzero(~np.isnan(recent))
    if not found.size:
        return None
    index = series.value.shape[0] - recent.shape[0] + int(found[-1])
    mean = float(series.baseline_mean[index])
    sd = float(series.baseline_sd[index])
    return RestingHeartRate(
        day=series.first_day + index,
        value=float(series.value[index]),
        baseline_mean=None if np.isnan(mean) else mean,
        baseline_sd=None if np.isnan(sd) else sd,
        readings=int(series.readings[index]),
        raised=bool(series.raised[index]),
    )


@dataclass(frozen=True, slots=True)
class Sleep:
    nights_noted: int
    short_nights: int  # under 7 h
    mean_hours: float | None

    @property
    def too_short(self) -> bool:
        return self.short_nights >= SHORT_NIGHTS_TO_WARN


def sleep_status(days: DailyTable, today: int, window: int = SLEEP_WINDOW_DAYS) -> Sleep:
    """Nights under 7 h among the last `window` dates up to today (seed: 7-9 h a night)."""
    hours = days.between(today - window + 1, today).sleep_hours
    hours = hours[~np.isnan(hours)]
    return Sleep(
        nights_noted=int(hours.shape[0]),
        short_nights=int((hours < SLEEP_MIN_HOURS).sum()),
        mean_hours=float(hours.mean()) if hours.size else None,
    )
