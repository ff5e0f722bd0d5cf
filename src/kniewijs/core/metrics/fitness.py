"""Fitness and fatigue: exponentially weighted daily load with 42-day and 7-day time constants.

The Banister-style impulse-response model as the Performance Manager Chart shows it: fitness (chronic
training load) and fatigue (acute training load) are EWMAs of the daily load, form = fitness - fatigue
(here of the same day; GoldenCheetah shows form as yesterday's fitness - fatigue).

Two smoothing factors are in use for the same "N days" and they differ about twofold:
- GoldenCheetah (the default here): alpha = 1 - e^(-1/N), a true time constant of N days.
- Runalyze: alpha = 2/(N+1), the usual "N-day EWMA" span.
Both start at 0 before the first day of the series. Load unit: running km unless asked otherwise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ._types import FloatArray
from .smoothing import ewma

SmoothingFactor = Literal["goldencheetah", "runalyze"]
FITNESS_DAYS = 42
FATIGUE_DAYS = 7


def smoothing_factor(days: float, method: SmoothingFactor = "goldencheetah") -> float:
    """alpha for an N-day constant: GoldenCheetah 1 - e^(-1/N), Runalyze 2/(N+1)."""
    if days <= 0:
        raise ValueError("a time constant must be positive")
    if method == "goldencheetah":
        return 1.0 - math.exp(-1.0 / days)
    if method == "runalyze":
        return 2.0 / (days + 1.0)
    raise ValueError(f"unknown smoothing factor {method!r}")


@dataclass(frozen=True, slots=True)
class FitnessFatigue:
    fitness: FloatArray  # 42-day EWMA of daily load
    fatigue: FloatArray  # 7-day EWMA of daily load
    method: SmoothingFactor

    @property
    def form(self) -> FloatArray:
        """Fitness minus fatigue, same day."""
        result: FloatArray = self.fitness - self.fatigue
        return result


def fitness_fatigue(
    daily_load: FloatArray,
    method: SmoothingFactor = "goldencheetah",
    fitness_days: float = FITNESS_DAYS,
    fatigue_days: float = FATIGUE_DAYS,
) -> FitnessFatigue:
    """Fitness and fatigue per day of a daily load series (method in the module docstring)."""
    return FitnessFatigue(
        fitness=ewma(daily_load, smoothing_factor(fitness_days, method)),
        fatigue=ewma(daily_load, smoothing_factor(fatigue_days, method)),
        method=method,
    )
