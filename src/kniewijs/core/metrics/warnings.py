"""Every warning for the runner today, made from a Snapshot, most severe first.

The Warning type is in warning.py; the checks are in load_warnings.py (training load) and
recovery_warnings.py (recovery, the knee, shoes and running form).
"""

from __future__ import annotations

from collections.abc import Callable

from .load_warnings import (
    acwr_danger_warnings,
    few_rest_days_warnings,
    monotony_high_warnings,
    single_run_spike_warnings,
    ten_percent_rule_warnings,
)
from .overview import Snapshot
from .recovery_warnings import (
    low_cadence_warnings,
    pain_warnings,
    resting_hr_warnings,
    shoes_warnings,
    short_sleep_warnings,
)
from .warning import LINKS, SEVERITY_ORDER, Link, Severity, Warning

__all__ = ["CHECKS", "LINKS", "SEVERITY_ORDER", "Link", "Severity", "Warning", "warnings_for"]

CHECKS: tuple[Callable[[Snapshot], list[Warning]], ...] = (
    pain_warnings,
    single_run_spike_warnings,
    ten_percent_rule_warnings,
    acwr_danger_warnings,
    monotony_high_warnings,
    few_rest_days_warnings,
    resting_hr_warnings,
    short_sleep_warnings,
    low_cadence_warnings,
    shoes_warnings,
)


def warnings_for(snap: Snapshot) -> list[Warning]:
    """Every warning that applies today, most severe first (the order of CHECKS within a severity)."""
    found = [warning for check in CHECKS for warning in check(snap)]
    return sorted(found, key=lambda w: SEVERITY_ORDER.index(w.severity))
