"""The one urgent message after a red flag: what to do now, in the runner's words, and what it may be.

The level and the reasons come from the self-check's triage (core.triage.triage), for a sign logged in the
programme as for a self-check result carried to the booking pages, and so do their words (one text per
rule: breathlessness or chest pain names a possible clot in the lungs, a swollen calf a thrombosis). This
module only puts them in order: 112 first for the emergency level; the GP (out of hours the
huisartsenpost) the same day otherwise, with 112 if it gets worse quickly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..levels import Level
from ..text import T, Text
from .model import Because, Escalation

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
    "Uw herstelprogramma staat stil tot een arts u heeft gezien. Heeft een arts u gezien, meld dat dan "
    "met de knop bij dit bericht en volg zijn of haar advies.",
    "Your recovery programme is on hold until a doctor has seen you. Once a doctor has, say so with the "
    "button beside this message and follow their advice.",
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
    urgent = [r for r in reasons if _at_least_urgent(r)]
    why = tuple(dict.fromkeys(r.text for r in urgent))
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
