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
from kniewijs.core.recovery.model import Decision, Verdict
from kniewijs.core.text import T, Text, normalise_language

from .models import Programme
from .questionnaire_views import overview_rows
from .state import state_for

VERDICT = {
    Verdict.PROGRESS: T("Door naar het volgende niveau", "On to the next level"),
    Verdict.REPEAT: T("Dit niveau nog eens", "Repeat this level"),
    Verdict.STEP_BACK: T("Een niveau terug", "One level back"),
}


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


def _chart(programme: Programme, lang: Any) -> dict[str, Any]:
    runs = [log for log in programme.sessions.all() if log.kind == "run"]
    pains = [
        max(
            (p for p in (log.pain_during, log.pain_after, log.pain_next_morning) if p is not None),
            default=None,
        )
        for log in runs
    ]
    chart = charts.pain_and_level(
        [log.date for log in runs],
        pains,
        [log.level for log in runs],
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
        "exercises": EXERCISE_BY_KEY,
        "evidence": EVIDENCE_BY_KEY,
        "figure": _chart(programme, lang),
        "questionnaires_due": [row for row in overview_rows(programme.user) if row["due"]],
    }
