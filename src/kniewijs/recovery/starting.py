"""Starting a programme from a self-check result: the severity, the condition hint and the strength
exercises of the runner's plan carry over, with the answers kept so the programme can say why."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from kniewijs.core.answers import Answers
from kniewijs.core.recovery.replay import programme_from_selfcheck
from kniewijs.core.selfcheck import evaluate

from .models import Programme


class NotForSelfCare(ValueError):
    """The self-check sent the runner to same-day care or 112: no programme before a doctor has looked."""


def start_from_selfcheck(user: Any, answers: Answers, today: date) -> Programme:
    result = evaluate(answers)
    plan = programme_from_selfcheck(result, today)
    if plan is None:
        raise NotForSelfCare(result.level.code)
    with transaction.atomic():
        Programme.objects.filter(user=user, active=True).update(active=False)
        return Programme.objects.create(
            user=user,
            started_on=today,
            severity=plan.severity,
            condition_hint=plan.condition or "",
            answers=answers.to_dict(),
            exercises=list(plan.strength_exercises),
        )
