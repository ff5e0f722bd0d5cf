"""Turns a core Result into what the result page and the PDF show: content looked up once, here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kniewijs.core.content.knowledge import (
    ACTION_BY_KEY,
    CAUSE_BY_KEY,
    CROSS_TRAINING,
    EVIDENCE_BY_KEY,
    EXERCISE_BY_KEY,
)
from kniewijs.core.content.model import Action, Cause, EvidenceNote, Exercise
from kniewijs.core.plan import PlanSection
from kniewijs.core.selfcheck import Result
from kniewijs.core.sources import SOURCES
from kniewijs.core.text import Text

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
    return {
        "result": result,
        "level": result.level,
        "level_code": result.level.code,
        "is_alarm": result.level.code in ("emergency", "urgent"),
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
    }
