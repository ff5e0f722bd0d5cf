"""Ranking the clinic page's six causes from the answers. Each clue names its source in its docstring.

Scores are points, not probabilities: they order the causes and show the runner which answers point
where. Every cause is always listed, so a runner sees that a cause was considered and why it ranks low.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .answers import Answers
from .load import (
    SpikeBand,
    average_weekly_growth,
    breaks_ten_percent_rule,
    single_run_spike,
)
from .text import T, Text

CAUSE_ORDER = ("overload", "weak_muscles", "technique", "worn_shoes", "stiffness", "recovery")

LOW_CADENCE_SPM = 165.0
SHOE_REPLACE_KM = 700.0
SHOE_RANGE_KM = (600.0, 800.0)


def as_percent(fraction: float) -> int:
    """A fraction as a whole percentage for people to read; absurd values stop at 9999%."""
    return round(min(fraction, 99.99) * 100)


@dataclass(slots=True)
class CauseScore:
    cause: str
    score: float = 0.0
    because: list[Text] = field(default_factory=list)

    def add(self, points: float, why: Text) -> None:
        self.score += points
        self.because.append(why)


def _overload(a: Answers, c: CauseScore) -> None:
    """Seed: too much too soon (the 10% rule); Frandsen 2025: single runs more than 10% longer than the
    longest run of the previous 30 days; seed: pain rising during running is a signal of overload."""
    if a.weekly_km_now is not None and a.weekly_km_4_weeks_ago is not None:
        growth = average_weekly_growth(a.weekly_km_4_weeks_ago, a.weekly_km_now, 4)
        if growth is None and a.weekly_km_now > 0:
            c.add(
                2,
                T(
                    "U bent de afgelopen vier weken begonnen of opnieuw begonnen met lopen.",
                    "You started or restarted running in the past four weeks.",
                ),
            )
        elif breaks_ten_percent_rule(growth):
            assert growth is not None
            c.add(
                2,
                T(
                    "Uw weekafstand groeide gemiddeld {pct}% per week, meer dan de 10%-regel toestaat.",
                    "Your weekly distance grew by {pct}% a week on average, more than the 10% rule allows.",
                ).format(pct=as_percent(growth)),
            )
    if a.last_long_run_km is not None and a.longest_run_km_30d is not None:
        spike = single_run_spike(a.last_long_run_km, a.longest_run_km_30d)
        if spike is not None and spike.band is not SpikeBand.NONE:
            points = {SpikeBand.SMALL: 1, SpikeBand.MODERATE: 2, SpikeBand.LARGE: 3}[spike.band]
            c.add(
                points,
                T(
                    "Uw laatste lange loop was {pct}% langer dan uw langste loop van de 30 dagen "
                    "ervoor (een piek van één training).",
                    "Your last long run was {pct}% longer than your longest run of the 30 days "
                    "before (a single-run spike).",
                ).format(pct=as_percent(spike.excess)),
            )
    if a.worse("running"):
        c.add(1, T("De pijn neemt toe tijdens het hardlopen.", "The pain builds up while you run."))


def _weak_muscles(a: Answers, c: CauseScore) -> None:
    """Seed: 2-3 strength sessions a week; weak glutes and hips make the knee work harder.
    Crossley 2016: pain at the front of the knee responds to hip- and knee-focused strength work."""
    if a.strength_sessions_per_week is not None and a.strength_sessions_per_week < 2:
        c.add(
            2,
            T(
                "U doet minder dan twee keer per week krachtoefeningen.",
                "You do strength exercises less than twice a week.",
            ),
        )
    if a.location in ("front", "kneecap"):
        c.add(
            1,
            T(
                "Pijn aan de voorkant of rond de knieschijf hangt vaak samen met zwakke heup- en "
                "bovenbeenspieren.",
                "Pain at the front or around the kneecap often goes with weak hip and thigh muscles.",
            ),
        )
    if a.worse("squatting", "stairs"):
        c.add(
            1,
            T(
                "Hurken of traplopen doet pijn: daar moeten bil- en bovenbeenspieren de knie dragen.",
                "Squatting or stairs hurt: that is where glute and thigh muscles must carry the knee.",
            ),
        )


def _technique(a: Answers, c: CauseScore) -> None:
    """Seed: overstriding and much vertical bounce load the knee; Heiderscheit 2011: a 5-10% higher step
    rate lowers knee load, so a low cadence is a clue; downhill running magnifies overstriding."""
    if a.cadence_spm is not None and a.cadence_spm < LOW_CADENCE_SPM:
        c.add(
            2,
            T(
                "Uw pasfrequentie is laag ({spm} stappen per minuut); dat gaat vaak samen met te grote passen.",
                "Your step rate is low ({spm} steps per minute); that often goes with overstriding.",
            ).format(spm=round(a.cadence_spm)),
        )
    if a.worse("downhill"):
        c.add(
            1,
            T(
                "Heuvelaf doet het meer pijn; daar landt u snel te ver voor uw lichaam.",
                "Downhill hurts more; that is where you easily land too far in front of your body.",
            ),
        )
    if a.location == "outside":
        c.add(
            1,
            T(
                "Pijn aan de buitenkant past bij een loopstijl die de buitenkant van het been belast.",
                "Pain on the outside fits a running style that strains the outside of the leg.",
            ),
        )


def _worn_shoes(a: Answers, c: CauseScore) -> None:
    """Seed: most running shoes last 600-800 km; replace them at about 700 km."""
    if a.shoe_km is None:
        return
    if a.shoe_km >= SHOE_RANGE_KM[1]:
        c.add(
            3,
            T(
                "Uw schoenen hebben {km} km gelopen, voorbij de 600-800 km die ze meestal meegaan.",
                "Your shoes have done {km} km, beyond the 600-800 km they usually last.",
            ).format(km=round(a.shoe_km)),
        )
    elif a.shoe_km >= SHOE_REPLACE_KM:
        c.add(
            2,
            T(
                "Uw schoenen hebben {km} km gelopen; rond 700 km is vervangen verstandig.",
                "Your shoes have done {km} km; replacing them at about 700 km is wise.",
            ).format(km=round(a.shoe_km)),
        )
    elif a.shoe_km >= SHOE_RANGE_KM[0]:
        c.add(
            1,
            T(
                "Uw schoenen hebben {km} km gelopen en naderen het eind van hun demping.",
                "Your shoes have done {km} km and are nearing the end of their cushioning.",
            ).format(km=round(a.shoe_km)),
        )


def _stiffness(a: Answers, c: CauseScore) -> None:
    """Seed: stiff hips or ankles shift load to the knee; self-test: a deep squat with the heels down."""
    if a.deep_squat_heels_down is False:
        c.add(
            2,
            T(
                "U kunt niet diep hurken met uw hielen op de grond: uw enkels of heupen zijn mogelijk stijf.",
                "You cannot squat deeply with your heels down: your ankles or hips may be stiff.",
            ),
        )
    if a.worse("sitting"):
        c.add(
            1,
            T(
                "De knie doet pijn na stilzitten; stijfheid speelt dan vaak mee.",
                "The knee hurts after sitting still; stiffness often plays a part then.",
            ),
        )


def _recovery(a: Answers, c: CauseScore) -> None:
    """Seed: at least 1-2 full rest days a week and 7-9 hours of sleep; pain that has not settled the
    next morning (Silbernagel 2007) means the knee has not recovered between runs."""
    if a.rest_days_per_week is not None and a.rest_days_per_week < 1:
        c.add(
            2, T("U neemt geen enkele volledige rustdag per week.", "You take no full rest day in the week.")
        )
    if a.sleep_hours is not None and a.sleep_hours < 7:
        c.add(2, T("U slaapt minder dan 7 uur per nacht.", "You sleep less than 7 hours a night."))
    if a.pain_next_morning is not None and a.pain_next_morning >= 4:
        c.add(
            1,
            T(
                "De pijn is de ochtend na het lopen nog niet weg.",
                "The pain is still there the morning after a run.",
            ),
        )


SCORERS = {
    "overload": _overload,
    "weak_muscles": _weak_muscles,
    "technique": _technique,
    "worn_shoes": _worn_shoes,
    "stiffness": _stiffness,
    "recovery": _recovery,
}


def rank_causes(answers: Answers) -> list[CauseScore]:
    """All six causes, most likely first; ties keep the clinic page's order."""
    scores = []
    for key in CAUSE_ORDER:
        score = CauseScore(key)
        SCORERS[key](answers, score)
        scores.append(score)
    return sorted(scores, key=lambda s: -s.score)
