"""KOOS-PF, the patellofemoral pain and osteoarthritis subscale of the KOOS: 11 items, 0-100, 100 is best.

Source: Crossley KM, Macri EM, Cowan SM, Collins NJ, Roos EM. "The patellofemoral pain and osteoarthritis
subscale of the KOOS (KOOS-PF): development and validation using the COSMIN checklist", Br J Sports Med
2018;52:1130-1136 (online 2017). The brief names "Hoglund et al. 2014"; the development paper found is the
one above (see docs/questionnaires.md).

Scoring (KOOS Scoring 2012, koos.nu, applied to this KOOS subscale): every item 0 (none) to 4 (extreme);
score = 100 - mean item score x 100/4. Missing answers: a score as long as at least 50% of the items are
answered, none when more than 50% are left open; for 11 items that means at least 6 answered.

Minimal important change: 16.4 points in the development paper (minimal detectable change for an
individual 16); Kniewijs uses the brief's 16. With all 11 items answered a score moves in steps of 25/11,
so 16 and 16.4 mark exactly the same changes (7 steps = 15.9, 8 steps = 18.2).

The item labels are Kniewijs' own short wording of what each item is about. The exact item content could
not be checked against the official form here (see docs/questionnaires.md); a clinic deployment must
use the official validated Dutch KOOS-PF for research use. The score does not depend on the labels.
"""

from __future__ import annotations

from ..text import T, Text
from .model import Item, Option, Questionnaire, Scoring

KOOS_PF_MIC = 16.0  # brief; Crossley et al. 2018 report 16.4
KOOS_PF_MIN_ANSWERED = 6  # at least 50% of 11 items (KOOS Scoring 2012)

SEVERITY: tuple[Option, ...] = (
    Option("none", T("Geen", "None"), 0),
    Option("mild", T("Licht", "Mild"), 1),
    Option("moderate", T("Matig", "Moderate"), 2),
    Option("severe", T("Ernstig", "Severe"), 3),
    Option("extreme", T("Extreem", "Extreme"), 4),
)


def _item(key: str, label: Text) -> Item:
    return Item(key, label, SEVERITY)


KOOS_PF = Questionnaire(
    key="koos_pf",
    name=T("KOOS-PF", "KOOS-PF"),
    items=(
        _item("pf1", T("Stijfheid na zitten of rusten", "Stiffness after sitting or resting")),
        _item("pf2", T("Pijn bij trap op", "Pain going up stairs")),
        _item("pf3", T("Pijn bij trap af", "Pain going down stairs")),
        _item("pf4", T("Pijn bij hurken", "Pain when squatting")),
        _item("pf5", T("Pijn bij knielen", "Pain when kneeling")),
        _item("pf6", T("Pijn bij lang zitten met gebogen knieën", "Pain sitting long with bent knees")),
        _item("pf7", T("Pijn bij opstaan uit hurkzit", "Pain getting up from a squat")),
        _item("pf8", T("Pijn bij hardlopen", "Pain when running")),
        _item("pf9", T("Pijn bij springen", "Pain when jumping")),
        _item("pf10", T("Weinig vertrouwen in uw knie", "Lack of confidence in your knee")),
        _item("pf11", T("Last van uw knie in het algemeen", "Trouble with your knee overall")),
    ),
    scoring=Scoring.KOOS,
    min_answered=KOOS_PF_MIN_ANSWERED,
    minimal_important_change=KOOS_PF_MIC,
    source="Crossley et al. 2018, Br J Sports Med 52:1130",
    missing_rule=T(
        "Volgens de KOOS-handleiding telt een subschaal als minstens de helft van de vragen is beantwoord.",
        "The KOOS manual scores a subscale when at least half of its questions are answered.",
    ),
)
