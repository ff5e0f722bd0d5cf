"""When the programme sends the runner to a physiotherapist, the GP or urgent care.

- Any alarm sign from the self-check's vocabulary, run through core.triage.triage: when it gives same-day
  care or 112, that advice holds at once, with the self-check's level and reasons.
- Pain above 5 out of 10 in two sessions: physiotherapist (Silbernagel 2007; the plan's own escalation).
- Swelling in two sessions: GP (seed: swelling around the knee is for the GP). One swelling is what the
  ladder itself handles (the level is repeated); a second says the knee does not cope with the load.
- A knee that gives way, once: GP (seed: instability or giving way).
- No level gained in 6 weeks of the return phase: physiotherapist (seed: most runners recover within 4-6
  weeks; Crossley 2016: evaluate exercise therapy at 6 weeks).
- Pain not settled at the end of the longest rest for the severity: GP when that rest was two weeks or
  more (seed: pain beyond two weeks despite rest), a physiotherapist before that.
The counts start again after a review (model.Review).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..answers import Answers
from ..levels import Level
from ..text import T
from ..triage import triage
from .model import Because, Escalation, SessionLog

NO_PROGRESS_DAYS = 42
TIMES_TOO_MUCH_PAIN = 2
TIMES_SWELLING = 2
SEED_GP_AFTER_DAYS = 14


def red_flag(log: SessionLog) -> Escalation | None:
    """The self-check's triage on the signs reported with this session; only same-day and 112 advice
    count here, the rest of what triage says (swelling, giving way) is handled by the rules below."""
    if not log.signs:
        return None
    # Swelling of unknown speed: "slow", so only an injury's "fast" swelling rule stays out of reach.
    reported: dict[str, Any] = {sign: True for sign in log.signs}
    # A session log asks for a new injury explicitly, so one not reported is "no" here, not unknown:
    # a knee that gives way in training is the GP's (gave_way below), after a new injury the same day's.
    reported["injury"] = bool({"injury", "pop", "lost_function"} & log.signs)
    reported["giving_way"] = True if log.giving_way else None
    reported["swelling"] = "slow" if log.swelling else None
    answers = Answers(**reported)
    level, reasons = triage(answers)
    if level < Level.URGENT:
        return None
    reasons_kept = tuple(Because(r.code, r.text, r.source, r.level) for r in reasons)
    return Escalation(log.date, level, "red_flag", reasons_kept)


def too_much_pain_twice(date: dt.date) -> Escalation:
    return Escalation(
        date,
        Level.PHYSIO,
        "too_much_pain_twice",
        (
            Because(
                "too_much_pain_twice",
                T(
                    "Uw pijn kwam nu twee keer boven 5 op 10. Laat een fysiotherapeut meekijken voordat u "
                    "verder opbouwt.",
                    "Your pain has now gone above 5 out of 10 twice. Have a physiotherapist look at it "
                    "before you build up further.",
                ),
                "silbernagel_2007",
            ),
        ),
    )


def swelling_twice(date: dt.date) -> Escalation:
    return Escalation(
        date,
        Level.GP,
        "swelling_twice",
        (
            Because(
                "swelling_twice",
                T(
                    "Uw knie is nu twee keer dik geworden. Laat de huisarts ernaar kijken en loop tot dan "
                    "niet hard.",
                    "Your knee has now swollen twice. Have your GP look at it and do not run until then.",
                ),
                "seed",
            ),
        ),
    )


def gave_way(date: dt.date) -> Escalation:
    return Escalation(
        date,
        Level.GP,
        "giving_way",
        (
            Because(
                "giving_way",
                T(
                    "Uw knie zakte weg. Laat een knie die niet stabiel voelt nakijken door de huisarts.",
                    "Your knee gave way. A knee that does not feel stable should be checked by your GP.",
                ),
                "seed",
            ),
        ),
    )


def no_progress(date: dt.date) -> Escalation:
    return Escalation(
        date,
        Level.PHYSIO,
        "no_progress",
        (
            Because(
                "no_progress",
                T(
                    "U bent in zes weken geen niveau gestegen. De meeste lopers herstellen binnen vier tot "
                    "zes weken.",
                    "You have not gone up a level in six weeks. Most runners recover within four to six "
                    "weeks.",
                ),
                "seed",
            ),
            Because(
                "evaluate_at_six_weeks",
                T(
                    "Na zes weken oefenen hoort een fysiotherapeut te kijken of de aanpak werkt.",
                    "After six weeks of exercise a physiotherapist should check whether the approach works.",
                ),
                "crossley_2016",
            ),
        ),
    )


def protect_not_settled(date: dt.date, rest_days: int) -> Escalation:
    level = Level.GP if rest_days >= SEED_GP_AFTER_DAYS else Level.PHYSIO
    return Escalation(
        date,
        level,
        "not_settled_after_rest",
        (
            Because(
                "not_settled_after_rest",
                T(
                    "Na {days} dagen rust is de pijn nog niet gezakt tot 3 op 10 of minder.",
                    "After {days} days of rest the pain has not settled to 3 out of 10 or less.",
                ).format(days=rest_days),
                "seed",
            ),
        ),
    )


def selfcheck_advice(date: dt.date, level: Level, reasons: tuple[Because, ...]) -> Escalation:
    """The self-check's physio or GP advice stays open in the programme until a review."""
    return Escalation(date, level, "selfcheck", reasons)


def most_urgent(open_escalations: list[Escalation]) -> Escalation | None:
    """The highest level; between equals the earliest, which has been waiting longest."""
    if not open_escalations:
        return None
    top = max(e.level for e in open_escalations)
    return next(e for e in open_escalations if e.level == top)
