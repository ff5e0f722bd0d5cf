"""Sources the recovery programme names that core.sources does not hold yet.

They live here until they are moved into core.sources.SOURCES; `source()` looks in both, so the rest of the
package never needs to know where a key is kept.
"""

from __future__ import annotations

from ..sources import SOURCES, Source
from ..text import T

NEW_SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        Source(
            "delaware_2018",
            "University of Delaware return-to-running progression with its soreness rules: walk-jog levels, "
            "each done at least twice, no two running days in a row, at most 4 runs a week and 2 levels in "
            "7 days, on level ground (Ann Jt 2018)",
            T(
                "Stappenplan van de Universiteit van Delaware om na een knieblessure weer te gaan hardlopen.",
                "The University of Delaware's step-by-step plan for running again after a knee injury.",
            ),
        ),
    )
}


def source(key: str) -> Source:
    """The source behind a key, from core.sources first and this package's additions second."""
    found = SOURCES.get(key) or NEW_SOURCES.get(key)
    if found is None:
        raise KeyError(f"unknown source key {key!r}")
    return found
