"""Single-run spikes for every run at once: each run against the longest run of the previous 30 days.

Source: Frandsen et al. 2025 (BJSM 59:1203). The rule is core.load.single_run_spike; here only the
search for "the longest run of the previous 30 days" is vectorised (a sparse table answers every
window's maximum in O(1) after O(n log n) preparation), and the band boundaries are read off
single_run_spike itself by bisection, so the vectorised bands can never drift from the core's rule.

Conventions: only running counts, both as the run and as the reference. "Previous 30 days" is the 30 x
24 h before the run's start; runs that started at the very same second are not each other's reference.
A run without a distance is left out. A run with nothing to compare with (a first run, or only runs
shorter than core.load.MIN_COMPARABLE_KM) has band NO_COMPARISON and NaN excess, as single_run_spike
returns None for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..load import MIN_COMPARABLE_KM, SPIKE_RATE_RATIO, Spike, SpikeBand, single_run_spike
from ._types import FloatArray, IntArray
from .model import History

WINDOW_SECONDS = 30 * 86_400
BANDS: tuple[SpikeBand, ...] = (SpikeBand.NONE, SpikeBand.SMALL, SpikeBand.MODERATE, SpikeBand.LARGE)
NO_COMPARISON = -1


def _band_index(run_km: float) -> int:
    spike = single_run_spike(run_km, 1.0)
    assert spike is not None
    return BANDS.index(spike.band)


@lru_cache(maxsize=1)
def band_edges() -> tuple[float, ...]:
    """For each band but the last, the largest excess that single_run_spike still puts in it.

    Found by bisecting the run length against a longest run of 1.0 km, so excess = run - 1 exactly."""
    edges: list[float] = []
    for band in range(len(BANDS) - 1):
        low, high = 1.0, 4.0
        while True:
            middle = (low + high) / 2
            if middle in (low, high):
                break
            if _band_index(middle) <= band:
                low = middle
            else:
                high = middle
        edges.append(low - 1.0)
    return tuple(edges)


def spike_bands(run_km: FloatArray, longest_previous_km: FloatArray) -> tuple[FloatArray, IntArray]:
    """Excess and band index (into BANDS, or NO_COMPARISON) for many runs; agrees with single_run_spike."""
    comparable = longest_previous_km >= MIN_COMPARABLE_KM
    safe_reference = np.where(comparable, longest_previous_km, 1.0)
    excess = np.where(comparable, run_km / safe_reference - 1.0, np.nan)
    bands = np.searchsorted(np.asarray(band_edges()), np.where(comparable, excess, 0.0), side="left")
    return excess, np.where(comparable, bands, NO_COMPARISON).astype(np.int64)


def window_maximum(values: FloatArray, low: IntArray, high: IntArray) -> FloatArray:
    """max(values[low:high]) for every pair at once, NaN for an empty window (sparse table)."""
    n = values.shape[0]
    result = np.full(low.shape[0], np.nan)
    if n == 0:
        return result
    # table[k, i] = max(values[i : i + 2**k]); -inf where that runs past the end.
    table = np.full((int(n).bit_length(), n), -np.inf)
    table[0] = values
    width = 1
    for level in range(1, table.shape[0]):
        table[level, : n - 2 * width + 1] = np.maximum(
            table[level - 1, : n - 2 * width + 1], table[level - 1, width : n - width + 1]
        )
        width *= 2
    length = high - low
    filled = length > 0
    # frexp gives length = m * 2**e with m in [0.5, 1): floor(log2(length)) is e - 1, exactly.
    level_of = np.frexp(np.where(filled, length, 1))[1].astype(np.int64) - 1
    left = table[level_of, np.where(filled, low, 0)]
    right = table[level_of, np.where(filled, high - (1 << level_of), 0)]
    result[filled] = np.maximum(left, right)[filled]
    return result


@dataclass(frozen=True, slots=True)
class RunSpikes:
    """One row per run with a distance, in start order. `activity` indexes History.activities."""

    activity: IntArray
    start: FloatArray
    local_day: IntArray
    run_km: FloatArray
    longest_previous_km: FloatArray  # NaN when no run in the previous 30 days
    excess: FloatArray  # 0.2 = 20% longer; NaN when not comparable
    band: IntArray  # index into BANDS, or NO_COMPARISON

    def __len__(self) -> int:
        return int(self.activity.shape[0])

    @property
    def rate_ratio(self) -> FloatArray:
        """Frandsen 2025's injury rate ratio of each run's band, NaN without comparison."""
        # NO_COMPARISON is -1, so it picks the NaN at the end.
        ratios = np.asarray([SPIKE_RATE_RATIO[band] for band in BANDS] + [np.nan])
        result: FloatArray = ratios[self.band]
        return result

    def spike(self, row: int) -> Spike | None:
        """The core's own verdict on one run."""
        longest = self.longest_previous_km[row]
        return single_run_spike(float(self.run_km[row]), 0.0 if np.isnan(longest) else float(longest))


def run_spikes(history: History) -> RunSpikes:
    """Every run compared with the longest run of the 30 days before it (Frandsen 2025)."""
    acts = history.activities
    rows = np.flatnonzero(acts.running & ~np.isnan(acts.distance_m))
    start = acts.start[rows]
    km = acts.km[rows]
    low = np.searchsorted(start, start - WINDOW_SECONDS, side="left")
    high = np.searchsorted(start, start, side="left")
    longest = window_maximum(km, low, high)
    excess, band = spike_bands(km, np.where(np.isnan(longest), 0.0, longest))
    return RunSpikes(
        activity=rows.astype(np.int64),
        start=start,
        local_day=acts.local_day[rows],
        run_km=km,
        longest_previous_km=longest,
        excess=excess,
        band=band,
    )
