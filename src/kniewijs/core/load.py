"""Training-load rules. Each exists once here; the self-check and (later) the training log call them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

TEN_PERCENT = 0.10
# Below 100 m a week or a run there is no load to compare with: a ratio against almost nothing says nothing
# (and overflows as the divisor nears zero).
MIN_COMPARABLE_KM = 0.1


def weekly_growth(previous_km: float, current_km: float) -> float | None:
    """Relative change from one week to the next (0.5 = 50% more). None when there was no previous load.

    Source: seed (the 10% rule compares one week's distance with the week before)."""
    if previous_km < MIN_COMPARABLE_KM:
        return None
    return current_km / previous_km - 1.0


def average_weekly_growth(earlier_km: float, current_km: float, weeks_between: int) -> float | None:
    """Average compounded weekly growth between two weekly distances some weeks apart.

    Four weeks at the 10% maximum allow 1.1**4 = 1.46x. Source: seed (10% rule), applied per week."""
    if earlier_km < MIN_COMPARABLE_KM or weeks_between <= 0:
        return None
    return float((current_km / earlier_km) ** (1.0 / weeks_between) - 1.0)


def breaks_ten_percent_rule(growth: float | None) -> bool:
    """True when weekly distance rose by more than 10%. Source: seed ('maximaal 10% per week');
    the one trial of the rule (Buist 2008) found no fewer injuries, which the evidence note shows."""
    return growth is not None and growth > TEN_PERCENT + 1e-9


class SpikeBand(Enum):
    """Frandsen et al. 2025 (BJSM 59:1203): a run compared with the longest run of the previous 30 days."""

    NONE = "none"  # at most 10% longer: the reference group
    SMALL = "small"  # 10-30% longer: injury rate x1.64
    MODERATE = "moderate"  # 30-100% longer: x1.52
    LARGE = "large"  # more than 100% longer: x2.28


SPIKE_RATE_RATIO: dict[SpikeBand, float] = {
    SpikeBand.NONE: 1.0,
    SpikeBand.SMALL: 1.64,
    SpikeBand.MODERATE: 1.52,
    SpikeBand.LARGE: 2.28,
}


@dataclass(frozen=True, slots=True)
class Spike:
    band: SpikeBand
    excess: float  # 0.2 = 20% longer than the longest run of the previous 30 days
    rate_ratio: float


def single_run_spike(run_km: float, longest_previous_30d_km: float) -> Spike | None:
    """Classify one run against the longest run of the previous 30 days. Source: Frandsen et al. 2025.

    None when there is no previous run to compare with (a first run is not a spike by this definition)."""
    if longest_previous_30d_km < MIN_COMPARABLE_KM:
        return None
    excess = run_km / longest_previous_30d_km - 1.0
    # A hair of tolerance so 11 km after 10 km counts as 10%, not 10.000000001%.
    eps = 1e-9
    if excess <= 0.10 + eps:
        band = SpikeBand.NONE
    elif excess <= 0.30 + eps:
        band = SpikeBand.SMALL
    elif excess <= 1.00 + eps:
        band = SpikeBand.MODERATE
    else:
        band = SpikeBand.LARGE
    return Spike(band=band, excess=excess, rate_ratio=SPIKE_RATE_RATIO[band])


def cadence_target(current_spm: float) -> tuple[float, float]:
    """A step-rate goal of +5 to +10% of the runner's own cadence. Source: Heiderscheit et al. 2011
    (the seed's fixed 180 steps/min has no evidence behind it)."""
    return (current_spm * 1.05, current_spm * 1.10)


class PainZone(Enum):
    """Silbernagel et al. 2007 pain-monitoring model, pain on a 0-10 scale during activity."""

    SAFE = "safe"  # 0-3
    ACCEPTABLE = "acceptable"  # 4-5
    TOO_MUCH = "too_much"  # above 5


def pain_zone(pain: int) -> PainZone:
    """Source: Silbernagel et al. 2007: 0-3 safe, 4-5 acceptable, above 5 too much."""
    if pain <= 3:
        return PainZone.SAFE
    if pain <= 5:
        return PainZone.ACCEPTABLE
    return PainZone.TOO_MUCH
