"""Runs from the training log that count as the programme's planned walk-run session."""

from __future__ import annotations

from datetime import date
from typing import Any

from kniewijs.core.recovery.schedule import matches_planned_run
from kniewijs.training.models import Activity

from .models import Programme
from .state import state_for


def matching_run(programme: Programme, day: date) -> Activity | None:
    """An imported or hand-logged run on `day` that roughly is the level planned for it, and not yet
    logged as a programme session."""
    if programme.sessions.filter(date=day, kind="run").exists():
        return None
    runs = Activity.objects.filter(user=programme.user, sport="running", local_date=day).defer("track")
    state = state_for(programme, day)
    for run in runs:
        minutes = (run.duration_s or 0) / 60
        if minutes and matches_planned_run(state, day, run.distance_km, minutes):
            return run
    return None


def prefill_from_run(run: Activity | None, level: Any) -> dict[str, Any]:
    return {} if run is None else {"kind": "run", "level": level}
