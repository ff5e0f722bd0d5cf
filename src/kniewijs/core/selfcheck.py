"""The knee self-check: answers in, urgency level with reasons, ranked causes, a hint and a plan out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .answers import FIELD_BY_NAME, Answers, parse_answers
from .causes import CauseScore, rank_causes
from .conditions import ConditionHint, condition_hint
from .content.knowledge import ACTION_BY_KEY, CROSS_TRAINING, DISCLAIMER, EVIDENCE_BY_KEY, EXERCISE_BY_KEY
from .levels import Level
from .plan import Plan, PlanSection, build_plan
from .sources import SOURCES
from .text import Language, T, Text, normalise_language
from .triage import NO_ALARM, Reason, triage, unanswered_safety

NO_ALARM_SO_FAR = Reason(
    NO_ALARM.code,
    NO_ALARM.level,
    T(
        "In wat u heeft beantwoord staan geen alarmsignalen. Een paar vragen daarover zijn nog open.",
        "What you answered contains no warning signs. A few questions about them are still open.",
    ),
    NO_ALARM.source,
)
OPEN_QUESTIONS = T(
    "Niet alle vragen over alarmsignalen zijn beantwoord. Beantwoord ze om zeker te zijn: klopt er een, "
    "dan kan het advies dringender worden.",
    "Not every question about warning signs has been answered. Answer them to be sure: if one applies, "
    "the advice can become more urgent.",
)


@dataclass(frozen=True, slots=True)
class Result:
    answers: Answers
    level: Level
    reasons: tuple[Reason, ...]
    causes: tuple[CauseScore, ...]
    hint: ConditionHint | None
    plan: Plan
    unanswered_safety: tuple[str, ...] = ()  # open red-flag questions that could raise the level

    @property
    def open_questions(self) -> tuple[Text, ...]:
        return tuple(FIELD_BY_NAME[name].label for name in self.unanswered_safety)

    @property
    def advice(self) -> Text:
        """What to do now; with open safety questions, the request to answer them comes with it."""
        if not self.unanswered_safety:
            return self.level.action
        action = self.level.action
        return Text(f"{action.nl} {OPEN_QUESTIONS.nl}", f"{action.en} {OPEN_QUESTIONS.en}")


def evaluate(answers: Answers) -> Result:
    level, reasons = triage(answers)
    causes = rank_causes(answers)
    hint = condition_hint(answers, acute_or_red_flag=level >= Level.URGENT)
    plan = build_plan(answers, level, causes, hint)
    missing = tuple(unanswered_safety(answers, level))
    if missing and reasons == [NO_ALARM]:
        reasons = [NO_ALARM_SO_FAR]
    return Result(answers, level, tuple(reasons), tuple(causes), hint, plan, missing)


def evaluate_raw(raw: Mapping[str, Any]) -> Result:
    """Validate and evaluate; raises answers.InvalidAnswers naming every bad field."""
    return evaluate(parse_answers(raw))


_CROSS_TRAINING = {key: (name, why) for key, name, why in CROSS_TRAINING}


def _section_dict(section: PlanSection, lang: Language) -> dict[str, Any]:
    out: dict[str, Any] = {
        "key": section.key,
        "title": section.title.get(lang),
        "items": [t.get(lang) for t in section.items],
    }
    if section.action:
        out["protocol"] = [t.get(lang) for t in ACTION_BY_KEY[section.action].protocol]
    if section.exercises:
        if section.key == "cross_training":
            out["activities"] = [
                {"key": k, "name": _CROSS_TRAINING[k][0].get(lang), "why": _CROSS_TRAINING[k][1].get(lang)}
                for k in section.exercises
            ]
        else:
            out["exercises"] = [
                {
                    "key": k,
                    "name": EXERCISE_BY_KEY[k].name.get(lang),
                    "dose": EXERCISE_BY_KEY[k].dose.get(lang),
                }
                for k in section.exercises
            ]
    if section.evidence:
        out["evidence"] = [
            {
                "key": k,
                "text": EVIDENCE_BY_KEY[k].evidence_says.get(lang),
                "sources": [SOURCES[s].citation for s in EVIDENCE_BY_KEY[k].sources],
            }
            for k in section.evidence
        ]
    return out


def result_to_dict(result: Result, lang: str | None = "nl") -> dict[str, Any]:
    """The result in the form of shared/contracts/selfcheck-result.md."""
    language = normalise_language(lang)
    plan = result.plan
    return {
        "level": result.level.code,
        "level_title": result.level.title.get(language),
        "advice": result.advice.get(language),
        "reasons": [_reason_dict(r, language) for r in result.reasons],
        "causes": [
            {
                "cause": c.cause,
                "score": c.score,
                "rank": c.rank,
                "tied": c.tied,
                "because": [b.get(language) for b in c.because],
                "clues": [
                    {
                        "text": clue.text.get(language),
                        "points": clue.points,
                        "fields": list(clue.fields),
                        "source": SOURCES[clue.source].citation,
                    }
                    for clue in c.clues
                ],
            }
            for c in result.causes
        ],
        "condition_hint": result.hint.code if result.hint else None,
        "condition_hint_text": result.hint.text.get(language) if result.hint else None,
        "plan": {
            "headline": plan.headline.get(language),
            "severity": plan.severity,
            "rest_days": list(plan.rest_days) if plan.rest_days else None,
            "sections": [_section_dict(s, language) for s in plan.sections],
            "escalate_when": [
                {"when": e.when.get(language), "level": e.level.code, "source": SOURCES[e.source].citation}
                for e in plan.escalate_when
            ],
        },
        "unanswered_safety": list(result.unanswered_safety),
        "unanswered_questions": [
            {"field": name, "question": FIELD_BY_NAME[name].label.get(language)}
            for name in result.unanswered_safety
        ],
        "disclaimer": DISCLAIMER.get(language),
        "language": language,
    }


def _reason_dict(reason: Reason, lang: Language) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": reason.code,
        "level": reason.level.code,
        "text": reason.text.get(lang),
        "source": SOURCES[reason.source].citation,
        "evidence": None,
    }
    if reason.evidence:
        note = EVIDENCE_BY_KEY[reason.evidence]
        out["evidence"] = {
            "key": note.key,
            "text": note.evidence_says.get(lang),
            "what_we_do": note.what_we_do.get(lang),
            "sources": [SOURCES[s].citation for s in note.sources],
        }
    return out
