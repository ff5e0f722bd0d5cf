"""What the programme pages show, looked up once: the replayed state, content for each exercise and note,
the decisions in words, and the pain-and-level chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kniewijs import charts
from kniewijs.core.content.knowledge import EVIDENCE_BY_KEY, EXERCISE_BY_KEY
from kniewijs.core.recovery.feedback import VERDICT_TITLES as VERDICT
from kniewijs.core.recovery.model import Decision, ProgrammeState
from kniewijs.core.recovery.urgent import PROGRAMME_ON_HOLD, escalation_advice
from kniewijs.core.text import Text, normalise_language

from .models import Programme
from .questionnaire_views import overview_rows
from .state import state_for


@dataclass(frozen=True)
class DecisionView:
    decision: Decision
    verdict: Text

    @property
    def date(self) -> date:
        return self.decision.date

    @property
    def summary(self) -> str:
        lang = normalise_language(get_language())
        first = self.decision.reasons[0].text.get(lang) if self.decision.reasons else ""
        return f"{self.verdict.get(lang)}: {first}".strip(": ")


def _chart(state: ProgrammeState, lang: Any) -> dict[str, Any]:
    """From the replay's own days: the pain noted on each day (the one record, the daily entry) and the
    level in force at the end of it, ending today at the level the header names."""
    decided = {d.date for d in state.decisions}
    days = [
        day for day in state.history if day.pain is not None or day.date in decided or day.date == state.today
    ]
    chart = charts.pain_and_level(
        [day.date for day in days],
        [day.pain for day in days],
        [day.level for day in days],
        chart_id="pain-level",
        title=_("Pain and level over time"),
        lang=lang,
    )
    return {"chart": chart, "svg": mark_safe(chart.svg)}  # noqa: S308 - escaped by kniewijs.charts


def programme_context(programme: Programme, today: date) -> dict[str, Any]:
    lang = normalise_language(get_language())
    state = state_for(programme, today)
    today_plan = state.today_plan
    return {
        "programme": programme,
        "state": state,
        "today_plan": today_plan,
        "today_run": today_plan.run,
        "week_ahead": state.week_ahead,
        "decisions": [DecisionView(d, VERDICT[d.verdict]) for d in reversed(state.decisions)],
        "escalation": state.escalation,
        "urgent": escalation_advice(state.escalation),
        "on_hold": state.on_hold,
        "on_hold_text": PROGRAMME_ON_HOLD,
        "exercises": EXERCISE_BY_KEY,
        "evidence": EVIDENCE_BY_KEY,
        "figure": _chart(state, lang),
        "questionnaires_due": [row for row in overview_rows(programme.user) if row["due"]],
    }
