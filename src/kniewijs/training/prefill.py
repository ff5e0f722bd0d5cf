"""The self-check's training questions answered from the runner's log, so a logged-in runner only checks
them. Each value is left out when the log does not know it."""

from __future__ import annotations

from typing import Any

import numpy as np

from kniewijs.core import metrics
from kniewijs.core.metrics.weekly import rest_days_in_last

from .history import history_for, local_today
from .models import Shoe


def _km(value: float) -> float:
    return round(float(value), 1)


def selfcheck_answers(user: Any) -> dict[str, Any]:
    history = history_for(user)
    if len(history.activities) == 0:
        return {}
    snap = metrics.snapshot(history, local_today(user))
    daily = snap.series.running_km
    answers: dict[str, Any] = {
        "weekly_km_now": _km(daily[-7:].sum()),
        "rest_days_per_week": rest_days_in_last(snap.series, 7),
    }
    if daily.shape[0] >= 35:
        answers["weekly_km_4_weeks_ago"] = _km(daily[-35:-28].sum())
    spikes = snap.spikes
    recent = np.flatnonzero(spikes.local_day > snap.today - 7)
    if recent.size:
        longest = recent[np.argmax(spikes.run_km[recent])]
        answers["last_long_run_km"] = _km(spikes.run_km[longest])
        if np.isfinite(spikes.longest_previous_km[longest]):
            answers["longest_run_km_30d"] = _km(spikes.longest_previous_km[longest])
    if snap.sleep.mean_hours is not None:
        answers["sleep_hours"] = round(snap.sleep.mean_hours, 1)
    default = Shoe.objects.filter(user=user, is_default=True, retired_on__isnull=True).first()
    for status in snap.shoes:
        if default is not None and status.shoe.id == str(default.pk):
            answers["shoe_km"] = round(status.km)
    if snap.cadence is not None:
        answers["cadence_spm"] = round(snap.cadence.baseline_spm)
    return answers
