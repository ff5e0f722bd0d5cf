"""What the runner is told the moment a session is saved: the decision it led to, in words, and of which
kind the message is (a warning when the run asked too much, never a cheerful "saved" above an urgent
message).

The decision is the replay's own (monitoring.py, Silbernagel 2007 through core.load.pain_zone), so the
message cannot say something else than the programme page. It waits for the next morning only when that is
true: the morning pain is not filled in and nothing already decided the run (a step back or a restarted
rest is final whatever the morning brings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..load import PainZone, pain_zone
from ..text import T, Text
from .model import ProgrammeState, SessionLog, Verdict

Tone = Literal["urgent", "warning", "success", "info"]

VERDICT_TITLES: dict[Verdict, Text] = {
    Verdict.PROGRESS: T("Door naar het volgende niveau", "On to the next level"),
    Verdict.REPEAT: T("Dit niveau nog eens", "Repeat this level"),
    Verdict.STEP_BACK: T("Een niveau terug", "One level back"),
    Verdict.REST_GOES_ON: T(
        "Gelopen in de rustfase: de rust gaat door", "Ran in the rest phase: rest goes on"
    ),
    Verdict.REST_RESTARTS: T(
        "Gelopen in de rustfase: de rust begint opnieuw", "Ran in the rest phase: the rest starts again"
    ),
}
SAVED = T("Opgeslagen.", "Saved.")
WAIT_FOR_MORNING = T(
    "Opgeslagen. Vul morgenochtend uw pijn in: pas dan weet het programma of u verder kunt.",
    "Saved. Fill in your pain tomorrow morning: only then does the programme know whether you can move on.",
)
AFTER_THE_LADDER = T(
    "Opgeslagen. U heeft het stappenplan afgerond; alleen een loop die te veel pijn geeft, zet u weer een "
    "stap terug.",
    "Saved. You have finished the ladder; only a run that hurts too much puts you a step back again.",
)
TOO_MUCH_IN_SESSION = T(
    "Uw pijn kwam boven de grens van 5 op 10. Dat is te veel: doe het rustiger aan.",
    "Your pain went above the limit of 5 out of 10. That is too much: take it easier.",
)
# Reasons that only say the figures are incomplete; the morning message says it better.
WAITING_CODES = frozenset({"incomplete", "note_morning"})


@dataclass(frozen=True, slots=True)
class Feedback:
    """One message: its kind, a title and the lines under it. "urgent" means: show no message, the page's
    urgent block is the message."""

    tone: Tone
    title: Text
    lines: tuple[Text, ...] = ()


def after_saving(state: ProgrammeState, log: SessionLog) -> Feedback:
    """The message for a log just saved, read from the state replayed with it (rules in the docstring)."""
    if state.on_hold:
        return Feedback("urgent", state.escalation.level.title if state.escalation else SAVED)
    if log.kind == "run":
        return _after_run(state, log)
    raised = [e for e in state.escalations if e.date == log.date and e is state.escalation]
    if raised:
        escalation = raised[0]
        return Feedback("warning", escalation.level.title, tuple(r.text for r in escalation.reasons))
    highest = log.highest_pain
    if highest is not None and pain_zone(highest) is PainZone.TOO_MUCH:
        return Feedback("warning", SAVED, (TOO_MUCH_IN_SESSION,))
    return Feedback("success", SAVED)


def _after_run(state: ProgrammeState, log: SessionLog) -> Feedback:
    decision = next((d for d in reversed(state.decisions) if d.date == log.date), None)
    if decision is None:
        return Feedback("success", AFTER_THE_LADDER)
    verdict = decision.verdict
    title = VERDICT_TITLES[verdict]
    lines = tuple(r.text for r in decision.reasons if r.code not in WAITING_CODES)
    if verdict.holds_back:
        return Feedback("warning", title, lines)
    if verdict.against_advice:  # the rest goes on; its reasons say what tomorrow's morning pain would change
        return Feedback("warning", title, tuple(r.text for r in decision.reasons))
    if log.pain_next_morning is None:
        # Not decided yet: a morning of 4 or more would still turn this run into a step back.
        return Feedback("info", WAIT_FOR_MORNING, lines)
    return Feedback("success" if verdict is Verdict.PROGRESS else "info", title, lines)
