"""Saving a logged session. A run's knee pain goes to the one record of that day, the training log's daily
entry; a second run logged for the same day completes the first (that is how the next morning's pain is
filled in), instead of counting as another run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from kniewijs.training.models import Activity, DailyEntry

from .models import Programme, SessionLog

PAIN_FIELDS = ("pain_during", "pain_after", "pain_next_morning")


@dataclass(frozen=True, slots=True)
class KneeFigures:
    """What the runner noted about the knee with a session; None = not filled in."""

    pain_during: int | None = None
    pain_after: int | None = None
    pain_next_morning: int | None = None
    swelling: bool = False

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> KneeFigures:
        return cls(*(data.get(name) for name in PAIN_FIELDS), swelling=bool(data.get("swelling")))


def write_knee_figures(user: Any, day: date, figures: KneeFigures) -> DailyEntry:
    """Into the day's entry: a figure filled in replaces the stored one, one left empty keeps it, and a
    swelling once noted stays noted (an unticked box cannot tell "no" from "not asked")."""
    entry, _created = DailyEntry.objects.select_for_update().get_or_create(user=user, date=day)
    for name in PAIN_FIELDS:
        value = getattr(figures, name)
        if value is not None:
            setattr(entry, name, value)
    entry.swelling = entry.swelling or figures.swelling
    entry.save()
    return entry


@transaction.atomic
def record_session(
    programme: Programme, log: SessionLog, figures: KneeFigures, activity: Activity | None = None
) -> SessionLog:
    """Store one logged session (the unsaved `log` carries everything but the knee figures)."""
    log.programme = programme
    if log.kind != SessionLog.Kind.RUN:
        for name in PAIN_FIELDS:
            setattr(log, name, getattr(figures, name))
        log.swelling = figures.swelling
        log.save()
        return log
    write_knee_figures(programme.user, log.date, figures)
    earlier = (
        SessionLog.objects.select_for_update()
        .filter(programme=programme, date=log.date, kind=SessionLog.Kind.RUN)
        .order_by("created_at")
        .first()
    )
    if earlier is None:
        log.activity = log.activity or activity
        log.save()
        return log
    earlier.level = log.level if log.level is not None else earlier.level
    earlier.giving_way = earlier.giving_way or log.giving_way
    earlier.signs = sorted(set(earlier.signs or ()) | set(log.signs or ()))
    earlier.activity = earlier.activity or log.activity or activity
    earlier.save()
    return earlier
