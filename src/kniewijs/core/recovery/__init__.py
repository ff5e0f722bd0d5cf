"""The recovery programme: protect, strengthen, stay supple and return to running, guided by pain.

A pure replay. In: a `Programme` (start date, severity, strength exercises; from a self-check result with
`programme_from_selfcheck`, or set up by a physiotherapist), the runner's `SessionLog`s and a date. Out: a
`ProgrammeState` with the phase, the run level, every decision with its reasons and sources, the open
escalation, the strength doses, the squat-test trend, the cooling advice and the week ahead.

Where each rule lives, with its source (all of it in docs/recovery.md):
- ladder.py: the eight walk-run levels in minutes and Delaware's limits (twice per level, a rest day
  between runs, at most 4 runs a week and 2 levels in 7 days, easy effort on level ground).
- monitoring.py: progress, repeat or step back after a run (Silbernagel 2007 through core.load.pain_zone).
- escalation.py: alarm signs through core.triage.triage, and the physio and GP rules.
- strength.py: doses 3 x 10-15 and the progression within a family of exercises (seed).
- squat.py: the weekly deep-squat test and its trend (seed).
- sessions.py, schedule.py: the parts of a day and how the coming days are laid out.
- replay.py: the replay itself.
- new_sources.py: the source key "delaware_2018" until core.sources holds it.
"""

from __future__ import annotations

from .ladder import LADDER, RunLevel, matches_level, run_level
from .model import (
    RED_FLAG_SIGNS,
    Because,
    CoolingAdvice,
    DayPlan,
    Decision,
    Dose,
    Escalation,
    ExerciseDose,
    PlannedSession,
    Programme,
    ProgrammeState,
    Review,
    SessionLog,
    SquatTrend,
    StrengthStep,
    Verdict,
)
from .new_sources import NEW_SOURCES, source
from .replay import programme_from_selfcheck, replay
from .schedule import matches_planned_run, planned_sessions

__all__ = [
    "LADDER",
    "NEW_SOURCES",
    "RED_FLAG_SIGNS",
    "Because",
    "CoolingAdvice",
    "DayPlan",
    "Decision",
    "Dose",
    "Escalation",
    "ExerciseDose",
    "PlannedSession",
    "Programme",
    "ProgrammeState",
    "Review",
    "RunLevel",
    "SessionLog",
    "SquatTrend",
    "StrengthStep",
    "Verdict",
    "matches_level",
    "matches_planned_run",
    "planned_sessions",
    "programme_from_selfcheck",
    "replay",
    "run_level",
    "source",
]
