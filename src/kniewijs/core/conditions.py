"""A cautious hint at which common running knee condition the answers may fit. Never a diagnosis."""

from __future__ import annotations

from dataclasses import dataclass

from .answers import Answers
from .text import T, Text


@dataclass(frozen=True, slots=True)
class ConditionHint:
    code: str
    name: Text
    text: Text
    source: str


PATELLOFEMORAL = ConditionHint(
    "patellofemoral_pain",
    T("Patellofemorale pijn (pijn rond de knieschijf)", "Patellofemoral pain (pain around the kneecap)"),
    T(
        "Uw klachten kunnen passen bij pijn rond de knieschijf: pijn voor of achter de knieschijf die erger "
        "wordt bij traplopen, hurken of hardlopen. Alleen een zorgverlener kan dat vaststellen.",
        "Your complaints may fit pain around the kneecap: pain at the front or behind the kneecap that gets "
        "worse on stairs, squatting or running. Only a clinician can confirm that.",
    ),
    "crossley_2016",
)
ITB = ConditionHint(
    "itb_syndrome",
    T("Irritatie van de iliotibiale band (ITB-syndroom)", "Iliotibial band syndrome"),
    T(
        "Uw klachten kunnen passen bij een geïrriteerde peesplaat aan de buitenkant van de knie, vaak erger "
        "bij heuvelaf lopen en na een plotselinge toename van de afstand. Alleen een zorgverlener kan dat vaststellen.",
        "Your complaints may fit an irritated band of tissue on the outside of the knee, often worse running "
        "downhill and after a sudden jump in distance. Only a clinician can confirm that.",
    ),
    "seed",
)
TENDINOPATHY = ConditionHint(
    "patellar_tendinopathy",
    T("Klachten van de kniepees (patellapees)", "Patellar tendinopathy"),
    T(
        "Uw klachten kunnen passen bij een overbelaste kniepees: pijn net onder de knieschijf die opspeelt "
        "bij springen. Alleen een zorgverlener kan dat vaststellen.",
        "Your complaints may fit an overloaded kneecap tendon: pain just below the kneecap that flares with "
        "jumping. Only a clinician can confirm that.",
    ),
    "crossley_2016",
)

LOADED_BENT_KNEE = ("stairs", "squatting", "sitting", "running", "jumping", "downhill")


def condition_hint(answers: Answers, acute_or_red_flag: bool) -> ConditionHint | None:
    """Overuse pictures from the brief (Crossley 2016 for patellofemoral pain; ITB: outside of the knee,
    worse downhill; tendinopathy: lower pole of the kneecap, jumping). No hint after an injury or with a
    red flag: those need an examination, not a guess."""
    if acute_or_red_flag or answers.injury:
        return None
    a = answers
    if a.location == "outside" and a.worse("downhill", "running"):
        return ITB
    if a.location in ("front", "kneecap"):
        if a.worse("jumping") and not a.worse("stairs", "squatting", "sitting"):
            return TENDINOPATHY
        if a.worse(*LOADED_BENT_KNEE):
            return PATELLOFEMORAL
    return None
