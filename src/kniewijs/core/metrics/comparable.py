"""Today's "how much more than you are used to" ratio, the way each app a runner may use computes it.

The same log gives different ratios in different apps, and a runner who compares sees three numbers
without a reason. Each reading here names its method and its source, so the report and the dashboard's
folded details can set them side by side:

- `uncoupled` (the one our warnings use): the last 7 days against the weekly average of the 21 days before
  them (Lolli et al. 2019, BJSM 53:921: the acute week is not part of what it is compared with).
- `coupled`: the last 7 days against the weekly average of the last 28 days (Hulin et al. 2014; Gabbett
  2016, BJSM 50:273: the rolling-average form).
- `ewma`: an EWMA of daily load with alpha 2/(7+1) over one with alpha 2/(28+1) (Williams et al. 2017,
  BJSM 51:209). Both start from 0 before the first logged day; the R package ACWR seeds them with the
  first day's load instead, so its values differ in the first weeks of a log.
- `fatigue_over_fitness`: 7-day fatigue over 42-day fitness (ATL/CTL), both EWMAs with the time-constant
  factor 1 - e^(-1/N) (GoldenCheetah's Performance Manager; intervals.icu shows its ratio this way).
  Its 42-day memory makes it react more slowly than the 28-day forms.

Each is None where its own definition leaves it undefined (too short a log, nothing to compare with).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..text import T, Text
from ._types import FloatArray
from .fitness import FATIGUE_DAYS, FITNESS_DAYS, FitnessFatigue
from .load_ratio import ACUTE_DAYS, CHRONIC_DAYS, LoadRatios

# Fitness below this (daily load units) is a log that has barely started: the ratio would be noise.
_MIN_FITNESS = 0.1 / 7


@dataclass(frozen=True, slots=True)
class RatioReading:
    key: str
    value: float | None
    name: Text  # what a runner reads in the folded details
    method: str  # the formula, in English, for the JSON
    source: str


def _today(values: FloatArray) -> float | None:
    if values.size == 0 or not np.isfinite(values[-1]):
        return None
    return float(values[-1])


def fatigue_over_fitness(fitness: FitnessFatigue) -> FloatArray:
    """Fatigue / fitness per day; NaN while fitness is (nearly) 0."""
    ok = fitness.fitness > _MIN_FITNESS
    result: FloatArray = np.where(ok, fitness.fatigue / np.where(ok, fitness.fitness, 1.0), np.nan)
    return result


def comparable_ratios(ratios: LoadRatios, fitness: FitnessFatigue) -> list[RatioReading]:
    """The four readings of today, ours first."""
    return [
        RatioReading(
            "uncoupled",
            _today(ratios.uncoupled),
            T(
                "Kniewijs: de afgelopen 7 dagen tegen het weekgemiddelde van de 3 weken daarvoor",
                "Kniewijs: the last 7 days against the weekly average of the 3 weeks before",
            ),
            f"{ACUTE_DAYS}-day sum / weekly average of the {CHRONIC_DAYS - ACUTE_DAYS} days before it",
            "Lolli et al. 2019, BJSM 53:921",
        ),
        RatioReading(
            "coupled",
            _today(ratios.coupled),
            T(
                "De afgelopen 7 dagen tegen het weekgemiddelde van de laatste 4 weken",
                "The last 7 days against the weekly average of the last 4 weeks",
            ),
            f"{ACUTE_DAYS}-day sum / weekly average of the last {CHRONIC_DAYS} days",
            "Hulin et al. 2014; Gabbett 2016, BJSM 50:273",
        ),
        RatioReading(
            "ewma",
            _today(ratios.ewma),
            T(
                "Met meer gewicht voor de laatste dagen (7 tegen 28 dagen)",
                "With more weight on the latest days (7 against 28 days)",
            ),
            f"EWMA alpha 2/({ACUTE_DAYS}+1) / EWMA alpha 2/({CHRONIC_DAYS}+1), both from 0",
            "Williams et al. 2017, BJSM 51:209",
        ),
        RatioReading(
            "fatigue_over_fitness",
            _today(fatigue_over_fitness(fitness)),
            T(
                f"Zoals intervals.icu en Garmin-gebruikers het kennen: vermoeidheid over {FATIGUE_DAYS} "
                f"tegen fitheid over {FITNESS_DAYS} dagen (ATL/CTL)",
                f"As intervals.icu and Garmin users know it: fatigue over {FATIGUE_DAYS} against fitness "
                f"over {FITNESS_DAYS} days (ATL/CTL)",
            ),
            f"EWMA {FATIGUE_DAYS} days / EWMA {FITNESS_DAYS} days, alpha 1 - e^(-1/N) ({fitness.method})",
            "Banister 1975; GoldenCheetah Performance Manager; intervals.icu",
        ),
    ]
