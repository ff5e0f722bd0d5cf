"""Strength work: the dose of each exercise and how it grows.

The seed sets the dose: 2-3 sessions a week, 3 sets of 10-15 repetitions, control over speed. Our
progression rule within that range (documented in docs/recovery.md):
- Every exercise starts at 3 x 10 (the side plank, a hold, at 3 x 20 seconds).
- After two sessions in a row that the runner calls easy and pain-free, every exercise goes one step up:
  3 x 10 -> 3 x 12 -> 3 x 15 (holds 20 -> 25 -> 30 seconds), and from the top of the range to the next
  harder exercise of the same family at its first step. Two in a row, as the run ladder asks each level
  twice, so one lucky day does not add load.
- When the next harder exercise is already in the runner's set, or the family has none, the exercise
  stays at the top of its range; the content's own 'harder' tip (one leg, a band) is then for a physio.
- Pain of 4-5 during a session holds every dose and starts the count again; pain above 5 takes every
  exercise one step down (to the easier family member at its top step from the first step). The plan's
  own rule is that exercise pain stays at 3 or less (Silbernagel's safe zone).
Families, easier to harder, follow how much each exercise asks of the same muscles (our ordering, from the
content's descriptions): knee and thigh, the side of the hip, the glutes, the calf.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ..load import PainZone, pain_zone
from ..text import T
from .model import Because, Dose, ExerciseDose, SessionLog, StrengthStep

FAMILIES: tuple[tuple[str, ...], ...] = (
    ("wall_squat", "step_down", "bulgarian_split_squat", "single_leg_squat"),
    ("clamshell", "side_lying_leg_raise", "side_plank"),
    ("glute_bridge",),
    ("calf_raise",),
)
HOLDS = frozenset({"side_plank"})
SETS = 3
REP_STEPS = (10, 12, 15)
HOLD_STEPS = (20, 25, 30)  # seconds; the content's side plank dose is 20-30 seconds
EASY_SESSIONS_TO_PROGRESS = 2


def _steps(exercise: str) -> tuple[int, ...]:
    return HOLD_STEPS if exercise in HOLDS else REP_STEPS


def _unit(exercise: str) -> Literal["reps", "seconds"]:
    return "seconds" if exercise in HOLDS else "reps"


def first_dose(exercise: str) -> ExerciseDose:
    return ExerciseDose(exercise, Dose(SETS, _steps(exercise)[0], _unit(exercise)))


def top_dose(exercise: str) -> ExerciseDose:
    return ExerciseDose(exercise, Dose(SETS, _steps(exercise)[-1], _unit(exercise)))


def family_of(exercise: str) -> tuple[str, ...]:
    return next((f for f in FAMILIES if exercise in f), (exercise,))


def neighbour(exercise: str, direction: int, taken: frozenset[str]) -> str | None:
    """The next harder (+1) or easier (-1) exercise of the family, if the runner is not doing it already."""
    family = family_of(exercise)
    index = family.index(exercise) + direction
    if not 0 <= index < len(family) or family[index] in taken:
        return None
    return family[index]


def step_up(current: ExerciseDose, taken: frozenset[str]) -> ExerciseDose | None:
    """One step harder, or None at the top of what this set allows."""
    steps = _steps(current.exercise)
    index = steps.index(current.dose.amount) if current.dose.amount in steps else len(steps) - 1
    if index + 1 < len(steps):
        return ExerciseDose(current.exercise, Dose(SETS, steps[index + 1], current.dose.unit))
    harder = neighbour(current.exercise, +1, taken)
    return first_dose(harder) if harder else None


def step_down(current: ExerciseDose, taken: frozenset[str]) -> ExerciseDose | None:
    """One step easier, or None at the bottom."""
    steps = _steps(current.exercise)
    index = steps.index(current.dose.amount) if current.dose.amount in steps else 0
    if index > 0:
        return ExerciseDose(current.exercise, Dose(SETS, steps[index - 1], current.dose.unit))
    easier = neighbour(current.exercise, -1, taken)
    return top_dose(easier) if easier else None


UP = Because(
    "strength_up",
    T(
        "Twee keer op rij voelde de krachttraining makkelijk en pijnvrij: de oefening wordt een stap "
        "zwaarder.",
        "Twice in a row the strength work felt easy and pain-free: the exercise gets one step harder.",
    ),
    "seed",
)
DOWN = Because(
    "strength_down",
    T(
        "Tijdens de krachttraining had u meer dan 5 op 10 pijn: de oefening wordt een stap lichter.",
        "You had more than 5 out of 10 pain during the strength work: the exercise gets one step lighter.",
    ),
    "silbernagel_2007",
)


def _move(
    doses: tuple[ExerciseDose, ...], date: dt.date, up: bool
) -> tuple[tuple[ExerciseDose, ...], list[StrengthStep]]:
    current = list(doses)
    steps: list[StrengthStep] = []
    for i, dose in enumerate(current):
        taken = frozenset(d.exercise for j, d in enumerate(current) if j != i)
        moved = step_up(dose, taken) if up else step_down(dose, taken)
        if moved is not None and moved != dose:
            current[i] = moved
            steps.append(StrengthStep(date, dose, moved, UP if up else DOWN))
    return tuple(current), steps


def after_session(
    doses: tuple[ExerciseDose, ...], easy_streak: int, log: SessionLog
) -> tuple[tuple[ExerciseDose, ...], int, list[StrengthStep]]:
    """The doses and the count of easy sessions in a row after one strength session (rules above)."""
    pain = log.activity_pain
    if pain is not None and pain_zone(pain) is PainZone.TOO_MUCH:
        moved, steps = _move(doses, log.date, up=False)
        return moved, 0, steps
    if pain is not None and pain_zone(pain) is PainZone.ACCEPTABLE:
        return doses, 0, []
    if log.easy_and_pain_free is None:
        return doses, easy_streak, []
    if not log.easy_and_pain_free:
        return doses, 0, []
    streak = easy_streak + 1
    if streak < EASY_SESSIONS_TO_PROGRESS:
        return doses, streak, []
    moved, steps = _move(doses, log.date, up=True)
    return moved, 0, steps
