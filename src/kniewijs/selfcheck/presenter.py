"""Turns a core Result into what the result page and the PDF show: content looked up once, here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kniewijs.core.answers import FIELDS, Answers, Field
from kniewijs.core.content.knowledge import (
    ACTION_BY_KEY,
    CAUSE_BY_KEY,
    CROSS_TRAINING,
    EVIDENCE_BY_KEY,
    EXERCISE_BY_KEY,
)
from kniewijs.core.content.model import Action, Cause, EvidenceNote, Exercise
from kniewijs.core.levels import SAME_DAY_HOW_TO_CALL, Level
from kniewijs.core.plan import Escalation, Plan, PlanSection
from kniewijs.core.selfcheck import Result
from kniewijs.core.sources import SOURCES, Source
from kniewijs.core.text import T, Text, format_number

_ACTIVITIES = {key: (name, why) for key, name, why in CROSS_TRAINING}
# Where the wizard keeps the training answers the log filled in, to say so beside a cause's clue.
FROM_LOG_KEY = "_from_log"


@dataclass(frozen=True)
class SectionView:
    section: PlanSection
    action: Action | None
    exercises: list[Exercise]
    activities: list[tuple[Text, Text]]
    evidence: list[EvidenceNote]


@dataclass(frozen=True)
class CauseView:
    content: Cause
    score: float
    because: list[Text]  # each clue as "+points: text", saying when it came from the training log
    width: int  # bar width in percent of the top score
    rank: int
    tied: bool


def evidence_sources(note: EvidenceNote) -> list[str]:
    return [SOURCES[key].citation for key in note.sources]


def logged_fields(state: Mapping[str, Any]) -> frozenset[str]:
    """The answers still as the training log filled them in (state["_from_log"], kept by the wizard)."""
    prefilled = state.get(FROM_LOG_KEY)
    if not isinstance(prefilled, dict):
        return frozenset()
    return frozenset(k for k, v in prefilled.items() if k in state and state[k] == v)


YES_NO = {True: T("ja", "yes"), False: T("nee", "no")}


def _number(value: float, spec: Field) -> Text:
    nl, en = format_number(value, "nl"), format_number(value, "en")
    if spec.minimum == 0 and spec.maximum == 10:
        return Text(f"{nl} op 10", f"{en} out of 10")
    if spec.unit is not None:
        return Text(f"{nl} {spec.unit.nl}", f"{en} {spec.unit.en}")
    return Text(nl, en)


def answer_rows(answers: Answers) -> list[tuple[Text, Text]]:
    """Every answer given, in the order the check asks them: the question and the answer, both in words."""
    rows = []
    for spec in FIELDS:
        value = getattr(answers, spec.name, None)
        if value is None or value == frozenset():
            continue
        labels = {c.value: c.label for c in spec.choices}
        if spec.kind == "bool":
            said = YES_NO[bool(value)]
        elif spec.kind == "choice":
            said = labels[value]
        elif spec.kind == "multi":
            chosen = [labels[v] for v in labels if v in value]
            said = Text(", ".join(c.nl for c in chosen), ", ".join(c.en for c in chosen))
        else:
            said = _number(value, spec)
        rows.append((spec.label, said))
    return rows


def escalations_by_level(plan: Plan) -> list[tuple[Level, list[Escalation]]]:
    """When to get help after all, one item per level (most urgent first) with its signs under it."""
    levels = sorted({e.level for e in plan.escalate_when}, reverse=True)
    return [(level, [e for e in plan.escalate_when if e.level is level]) for level in levels]


def _cited(result: Result) -> list[Source]:
    """Every source the result names, once, in the order it first comes up."""
    keys = [r.source for r in result.reasons]
    keys += [result.hint.source] if result.hint else []
    keys += [e.source for e in result.plan.escalate_when]
    return [SOURCES[k] for k in dict.fromkeys(keys)]


def present(result: Result, from_log: frozenset[str] = frozenset()) -> dict[str, Any]:
    top = max((c.score for c in result.causes), default=0) or 1
    causes = [
        CauseView(
            CAUSE_BY_KEY[c.cause],
            c.score,
            [clue.explained(from_log) for clue in c.clues],
            round(100 * c.score / top),
            c.rank,
            c.tied,
        )
        for c in result.causes
    ]
    sections = []
    for s in result.plan.sections:
        is_activity = s.key == "cross_training"
        sections.append(
            SectionView(
                section=s,
                action=ACTION_BY_KEY[s.action] if s.action else None,
                exercises=[] if is_activity else [EXERCISE_BY_KEY[k] for k in s.exercises],
                activities=[_ACTIVITIES[k] for k in s.exercises] if is_activity else [],
                evidence=[EVIDENCE_BY_KEY[k] for k in s.evidence],
            )
        )
    evidence = [EVIDENCE_BY_KEY[r.evidence] for r in result.reasons if r.evidence]
    evidence += [note for view in sections for note in view.evidence]
    code = result.level.code
    return {
        "result": result,
        "level": result.level,
        "level_code": result.level.code,
        "is_alarm": code in ("emergency", "urgent"),
        # The one next step: 112 only for an emergency, the GP (or the huisartsenpost) for the doctor
        # levels, the free knee check for the rest.
        "next_step": {"emergency": "call_112", "urgent": "call_gp", "gp": "see_gp"}.get(code, "book"),
        "same_day_how": SAME_DAY_HOW_TO_CALL,
        "reasons": [(r, SOURCES[r.source].citation) for r in result.reasons],
        "reason_evidence": {r.code: EVIDENCE_BY_KEY[r.evidence] for r in result.reasons if r.evidence},
        "open_questions": result.open_questions,
        "advice": result.advice,
        "likely_causes": [c for c in causes if c.score > 0],
        "other_causes": [c for c in causes if c.score == 0],
        "hint": result.hint,
        "hint_source": SOURCES[result.hint.source].citation if result.hint else None,
        "plan": result.plan,
        "sections": sections,
        "escalations": [(e, SOURCES[e.source].citation) for e in result.plan.escalate_when],
        "escalation_levels": escalations_by_level(result.plan),
        "evidence_notes": list({note.key: note for note in evidence}.values()),
        "cited_sources": _cited(result),
        "answer_rows": answer_rows(result.answers),
    }
