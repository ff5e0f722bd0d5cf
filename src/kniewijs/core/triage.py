"""The self-check's urgency: every rule of core.triage_rules applied, and the safety questions still open.

The level is decided by the most urgent rule that fires; red flags always win because a rule can only
raise the level, never lower it. Rules fire on reported signs, so adding a sign never takes a reason away
(a property the tests check). A sign that was not answered is not assumed absent: `unanswered_safety`
names every safety question whose answer could still raise the level, and the result asks for them.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from .answers import FIELD_BY_NAME, Answers
from .levels import Level
from .triage_rules import NO_ALARM, RULES, THRESHOLDS, Reason, Rule

__all__ = ["NO_ALARM", "RULES", "SAFETY_FIELDS", "Reason", "Rule", "level_of", "triage", "unanswered_safety"]

# The red-flag questions: every answer a rule at GP level or above depends on. Pain while running, the
# next morning and where and when it hurts only tell a physiotherapist's story; they are asked, but a
# missing one is not a safety gap.
SAFETY_FIELDS: tuple[str, ...] = (
    "age",
    "injury",
    "weeks",
    "fall",
    "pop",
    "sudden_severe_pain",
    "lost_function",
    "straight_leg_raise",
    "tender_kneecap_only",
    "tender_fibular_head",
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
    "fever",
    "feeling_ill_or_weight_loss",
    "night_pain",
    "pain_at_rest",
    "breathless_or_chest_pain",
    "dvt_risk",
    "pain_now",
    "improving_with_rest",
)
_ANSWER_FIELDS = frozenset(f.name for f in fields(Answers))


def triage(answers: Answers) -> tuple[Level, list[Reason]]:
    """Apply every rule; the most urgent one that fires sets the level. Reasons come most urgent first."""
    fired = [reason for reason in (check(answers) for check in RULES) if reason is not None]
    if not fired:
        return Level.SELF_CARE, [NO_ALARM]
    fired.sort(key=lambda r: -r.level)  # stable: rule order within a level
    return fired[0].level, fired


def level_of(answers: Answers) -> Level:
    return triage(answers)[0]


def probe_values(name: str) -> tuple[Any, ...]:
    """Every answer to one question that a rule can tell apart: both sides of each threshold a rule
    compares it with, and the ends of its range."""
    spec = FIELD_BY_NAME[name]
    if spec.kind == "bool":
        return (True, False)
    if spec.kind in ("choice", "multi"):
        return tuple(c.value for c in spec.choices)
    low = spec.minimum if spec.minimum is not None else 0.0
    high = spec.maximum if spec.maximum is not None else max(THRESHOLDS.get(name, (0.0,))) * 4 + 1
    step = 1 if spec.kind == "int" else 0.5
    points = {low, high}
    for t in THRESHOLDS.get(name, ()):
        points.update({t - step, t, t + step})
    values = sorted(p for p in points if low <= p <= high)
    return tuple(int(v) for v in values) if spec.kind == "int" else tuple(float(v) for v in values)


def unanswered_safety(answers: Answers, level: Level | None = None) -> list[str]:
    """The safety questions left unanswered whose answer could raise the level, in question order.

    A question is probed with each answer a rule can tell apart; one that could only lower the level (an
    unknown already read the safer way) is not listed. At 112 nothing is left to raise."""
    current = level_of(answers) if level is None else level
    if current is Level.EMERGENCY:
        return []
    missing = [name for name in SAFETY_FIELDS if name in _ANSWER_FIELDS and getattr(answers, name) is None]
    return [
        name
        for name in missing
        if any(level_of(replace(answers, **{name: value})) > current for value in probe_values(name))
    ]
