"""The one urgent message after a red flag: what to do now, in the runner's words, and what it may be.

The level and the reasons come from the self-check's triage (core.triage.triage), for a sign logged in the
programme as for a self-check result carried to the booking pages. This module only says it: 112 for
breathlessness or chest pain, because a blood clot in the lungs is possible; the GP (out of hours the
huisartsenpost) the same day for a swollen calf, because it may be a thrombosis; and for every other
same-day sign the triage's own reason. Nothing here calls a possible clot a knee injury.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..levels import Level
from ..text import T, Text
from .model import Because, Escalation

CLOT_IN_THE_LUNGS = T(
    "Benauwdheid of pijn op de borst kan betekenen dat er een bloedstolsel in de longen zit. Dat is geen "
    "knieklacht: er moet nu een arts naar kijken.",
    "Breathlessness or chest pain can mean there is a blood clot in the lungs. That is not a knee problem: "
    "a doctor needs to look at it now.",
)
CLOT_IN_THE_LEG = T(
    "Een dikke, pijnlijke kuit kan een bloedstolsel in een ader van het been zijn (trombose). Dat moet "
    "vandaag nog worden nagekeken.",
    "A swollen, painful calf can be a blood clot in a vein of the leg (thrombosis). That has to be checked "
    "today.",
)
# Our own words for the two signs a runner can log that are not about the knee at all (source: wells_dvt,
# the triage rules' own); every other sign keeps the triage's reason.
OWN_WORDS: dict[str, Text] = {
    "breathless_or_chest_pain": CLOT_IN_THE_LUNGS,
    "swollen_calf": CLOT_IN_THE_LEG,
}
CALL_112_NOW = T(
    "Wacht niet af: bel nu 112 en vertel welke klachten u heeft.",
    "Do not wait: call 112 now and say which symptoms you have.",
)
CALL_GP_TODAY = T(
    "Bel vandaag nog uw huisarts. Buiten kantoortijd belt u de huisartsenpost.",
    "Call your GP today. Outside office hours, call the out-of-hours GP service (huisartsenpost).",
)
WORSE_THEN_112 = T(
    "Wordt het snel erger, of krijgt u het benauwd of pijn op de borst? Bel dan meteen 112.",
    "If it gets worse quickly, or you become breathless or get chest pain, call 112 at once.",
)
PROGRAMME_ON_HOLD = T(
    "Uw herstelprogramma staat stil tot een arts u heeft gezien. Heeft een arts u gezien, geef dat dan "
    "hieronder aan en volg zijn of haar advies.",
    "Your recovery programme is on hold until a doctor has seen you. Once a doctor has, say so below and "
    "follow their advice.",
)


@dataclass(frozen=True, slots=True)
class UrgentAdvice:
    """What to do now (first line), why (the lines after it), and since when it was reported."""

    level: Level
    title: Text
    lines: tuple[Text, ...]
    sources: tuple[str, ...]
    reported_on: dt.date | None = None

    @property
    def call_112_now(self) -> bool:
        return self.level is Level.EMERGENCY

    @property
    def same_day(self) -> bool:
        return self.level is Level.URGENT


def urgent_advice(
    level: Level, reasons: Sequence[Because], reported_on: dt.date | None = None
) -> UrgentAdvice | None:
    """The urgent message for a triage level and its reasons; None below same-day care. Source: the triage
    rules' own (e.g. wells_dvt for a swollen calf or breathlessness), kept per reason."""
    if level < Level.URGENT:
        return None
    urgent = [r for r in reasons if r.code in OWN_WORDS or _at_least_urgent(r)]
    why = tuple(dict.fromkeys(OWN_WORDS.get(r.code, r.text) for r in urgent))
    if level is Level.EMERGENCY:
        lines = (CALL_112_NOW, *why)
    else:
        lines = (CALL_GP_TODAY, *why, WORSE_THEN_112)
    return UrgentAdvice(
        level=level,
        title=level.title,
        lines=lines,
        sources=tuple(dict.fromkeys(r.source for r in urgent)),
        reported_on=reported_on,
    )


def _at_least_urgent(reason: Because) -> bool:
    """The reasons that make it same-day or 112; one without a level (not from triage) counts."""
    return reason.level is None or reason.level >= Level.URGENT


def escalation_advice(escalation: Escalation | None) -> UrgentAdvice | None:
    """The urgent message of the programme's open escalation, when it is a same-day or 112 one."""
    if escalation is None or not escalation.care_only:
        return None
    return urgent_advice(escalation.level, escalation.reasons, escalation.date)
