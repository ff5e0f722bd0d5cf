"""Sources the training-log metrics name that core/sources.py does not have yet.

They belong in core.sources.SOURCES; until they are moved there, `source(key)` looks in both. A key that
core.sources already has is taken from there, so moving an entry needs no change here.
"""

from __future__ import annotations

from ..sources import SOURCES, Source
from ..text import T

METRIC_SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        Source(
            "gabbett_2016",
            "Gabbett 2016, the training-injury prevention paradox, BJSM 50:273",
            T(
                "Onderzoek in teamsporten naar de verhouding tussen recente en gewende belasting.",
                "Team-sport research on the ratio of recent to usual training load.",
            ),
        ),
        Source(
            "impellizzeri_2020",
            "Impellizzeri et al. 2020, acute:chronic workload ratio: conceptual issues, IJSPP 15:907",
            T(
                "Kritiek op de verhouding tussen recente en gewende belasting.",
                "A critique of the acute:chronic workload ratio.",
            ),
        ),
        Source(
            "lolli_2019",
            "Lolli et al. 2019, mathematical coupling in the acute:chronic workload ratio, BJSM 53:921",
            T(
                "Laat zien dat een gekoppelde verhouding deels vanzelf met blessures samenhangt.",
                "Shows that the coupled ratio correlates with injury partly by construction.",
            ),
        ),
        Source(
            "williams_2017",
            "Williams et al. 2017, exponentially weighted acute:chronic workload ratio, BJSM 51:209",
            T(
                "Stelt een gewogen gemiddelde voor in plaats van een gewoon gemiddelde.",
                "Proposes exponentially weighted averages instead of rolling averages.",
            ),
        ),
        Source(
            "foster_1998",
            "Foster 1998, monitoring training with reference to overtraining, Med Sci Sports Exerc 30:1164",
            T(
                "Bedacht eentonigheid en trainingsspanning (monotony en strain).",
                "Introduced training monotony and strain.",
            ),
        ),
        Source(
            "runalyze",
            "Runalyze documentation: monotony and training strain; fitness and fatigue with 2/(N+1)",
            T(
                "Trainingsplatform; waarschuwt bij eentonigheid vanaf 1,5 en noemt 2,0 kritiek.",
                "Training platform; warns at a monotony of 1.5 and calls 2.0 critical.",
            ),
        ),
        Source(
            "goldencheetah",
            "GoldenCheetah Performance Manager Chart: fitness and fatigue with 1 - e^(-1/N)",
            T("Open trainingssoftware met het fitheid-vermoeidheidmodel.", "Open training software."),
        ),
    )
    if s.key not in SOURCES
}


def source(key: str) -> Source:
    """A source from core.sources or, until moved there, from METRIC_SOURCES; KeyError when unknown."""
    found = SOURCES.get(key) or METRIC_SOURCES.get(key)
    if found is None:
        raise KeyError(f"unknown source {key!r}")
    return found
