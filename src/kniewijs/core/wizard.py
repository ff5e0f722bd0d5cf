"""The self-check as a short branching series of screens, shared by the web form and the terminal.

Every red-flag question a runner's case needs is asked before the check can end at physiotherapy or
self-care (core.triage.unanswered_safety is then empty, unless the runner chose "I don't know"). A runner
without an injury sees five screens with questions to answer and two optional ones about training; the
injury moment is asked only after an injury, the calf question only with a swollen calf. The check stops
early once the answers call for 112 (after the signs screens) or same-day care (after the pain screen).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .answers import FIELD_BY_NAME, Field, parse_answers
from .levels import Level
from .text import T, Text
from .triage import triage


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    title: Text
    intro: Text | None
    fields: tuple[str, ...]
    required: tuple[str, ...] = ()
    checkbox_group: tuple[str, ...] = ()  # yes/no signs asked as one 'tick what applies' question
    group_label: Text | None = None
    applies: Callable[[Mapping[str, Any]], bool] = lambda raw: True
    stop_at: Level | None = None  # after this screen, stop when the level is at least this

    def field_specs(self) -> list[Field]:
        return [FIELD_BY_NAME[name] for name in self.fields]


STEPS: tuple[Step, ...] = (
    Step(
        "about",
        T("Over u en uw knie", "About you and your knee"),
        T(
            "Eerst drie vragen om te zien welke kant we op moeten.",
            "Three questions first, to see which way to go.",
        ),
        ("age", "injury", "weeks"),
        required=("age", "injury", "weeks"),
    ),
    Step(
        "injury",
        T("Het moment van het letsel", "The moment of the injury"),
        T(
            "Deze vragen laten zien of u met spoed hulp nodig heeft.",
            "These questions show whether you need urgent help.",
        ),
        (
            "fall",
            "pop",
            "sudden_severe_pain",
            "lost_function",
            "straight_leg_raise",
            "tender_kneecap_only",
            "tender_fibular_head",
        ),
        required=("fall", "pop", "sudden_severe_pain", "lost_function", "straight_leg_raise"),
        applies=lambda raw: raw.get("injury") is True,
        # No early stop here: 112 after a pop holds only while the runner cannot walk, asked next.
    ),
    Step(
        "signs",
        T("Wat de knie nu kan, en wat u ziet", "What the knee can do now, and what you see"),
        None,
        (
            "can_take_4_steps",
            "can_bend_90",
            "swelling",
            "warm",
            "red",
            "locking",
            "giving_way",
            "deformity",
            "kneecap_shifted",
            "calf_swelling",
            "limp",
            "hip_or_groin_pain",
        ),
        required=("can_take_4_steps", "can_bend_90", "swelling"),
        checkbox_group=(
            "warm",
            "red",
            "locking",
            "giving_way",
            "deformity",
            "kneecap_shifted",
            "calf_swelling",
            "limp",
            "hip_or_groin_pain",
        ),
        group_label=T(
            "Wat herkent u aan uw knie en been? Vink alles aan wat klopt, of niets.",
            "What do you recognise in your knee and leg? Tick all that apply, or none.",
        ),
        stop_at=Level.EMERGENCY,
    ),
    Step(
        "body",
        T("Hoe het verder met u gaat", "How you are otherwise"),
        T(
            "Deze signalen hebben soms een andere oorzaak dan overbelasting.",
            "These signs sometimes have a cause other than overload.",
        ),
        ("fever", "feeling_ill_or_weight_loss", "night_pain", "pain_at_rest", "breathless_or_chest_pain"),
        checkbox_group=(
            "fever",
            "feeling_ill_or_weight_loss",
            "night_pain",
            "pain_at_rest",
            "breathless_or_chest_pain",
        ),
        group_label=T(
            "Wat herkent u? Vink alles aan wat klopt, of niets.",
            "What do you recognise? Tick all that apply, or none.",
        ),
        stop_at=Level.EMERGENCY,
    ),
    Step(
        "clot",
        T("Uw kuit", "Your calf"),
        T(
            "Een dikke kuit kan een bloedstolsel zijn. Deze vraag helpt inschatten hoe groot die kans is.",
            "A swollen calf can be a blood clot. This question helps to judge how likely that is.",
        ),
        ("dvt_risk",),
        required=("dvt_risk",),
        applies=lambda raw: raw.get("calf_swelling") is True,
    ),
    Step(
        "pain",
        T("De pijn", "The pain"),
        T("Geef de pijn een cijfer van 0 tot 10.", "Give the pain a score from 0 to 10."),
        ("pain_now", "pain_running", "pain_next_morning", "improving_with_rest"),
        required=("pain_now", "pain_running", "pain_next_morning", "improving_with_rest"),
        stop_at=Level.URGENT,
    ),
    Step(
        "where",
        T("Waar en wanneer", "Where and when"),
        None,
        ("location", "worse_with"),
        required=("location",),
    ),
    Step(
        "training",
        T("Uw training", "Your training"),
        T(
            "Weet u iets niet precies? Schat het, of laat het leeg.",
            "Not sure? Make a guess, or leave it blank.",
        ),
        (
            "weekly_km_now",
            "weekly_km_4_weeks_ago",
            "last_long_run_km",
            "longest_run_km_30d",
            "rest_days_per_week",
        ),
    ),
    Step(
        "recovery",
        T("Herstel, schoenen en soepelheid", "Recovery, shoes and mobility"),
        T("Ook hier mag u een vraag overslaan.", "You may skip a question here too."),
        ("sleep_hours", "shoe_km", "strength_sessions_per_week", "deep_squat_heels_down", "cadence_spm"),
    ),
)

STEP_BY_KEY = {s.key: s for s in STEPS}


def path(raw: Mapping[str, Any]) -> list[Step]:
    """The screens these answers lead through, in order."""
    return [s for s in STEPS if s.applies(raw)]


def should_stop(raw: Mapping[str, Any], step: Step) -> bool:
    """True when, after this screen, the answers already demand 112 or same-day care."""
    if step.stop_at is None:
        return False
    level, _ = triage(parse_answers(raw))
    return level >= step.stop_at


def next_step(raw: Mapping[str, Any], current: str | None) -> Step | None:
    """The screen after `current` (the first one for None), or None when the check is complete."""
    steps = path(raw)
    if current is None:
        return steps[0]
    step = STEP_BY_KEY[current]
    if should_stop(raw, step):
        return None
    keys = [s.key for s in steps]
    if current not in keys:
        return steps[0]
    index = keys.index(current)
    return steps[index + 1] if index + 1 < len(steps) else None


def previous_step(raw: Mapping[str, Any], current: str) -> Step | None:
    keys = [s.key for s in path(raw)]
    if current not in keys or keys.index(current) == 0:
        return None
    return STEP_BY_KEY[keys[keys.index(current) - 1]]


def progress(raw: Mapping[str, Any], current: str) -> tuple[int, int]:
    """(screen number, number of screens) for a progress indicator."""
    keys = [s.key for s in path(raw)]
    return (keys.index(current) + 1 if current in keys else 1, len(keys))


def prune(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Drop answers to screens the runner no longer passes through (e.g. injury details after changing
    'injury' to no), so a stale answer cannot fire a rule."""
    kept: dict[str, Any] = {}
    reachable = {name for s in path(raw) for name in s.fields}
    for key, value in raw.items():
        if key not in FIELD_BY_NAME or key in reachable:
            kept[key] = value
    return kept


def step_asking(raw: Mapping[str, Any], names: list[str]) -> Step | None:
    """The first screen on this runner's path that asks one of these questions: where "answer the open
    safety questions" takes them back to."""
    wanted = set(names)
    return next((s for s in path(raw) if wanted & set(s.fields)), None)
