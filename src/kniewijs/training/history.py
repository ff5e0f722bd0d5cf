"""From the database to the core's metrics input, and back out as a report: the only bridge between them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import numpy as np
from django.utils import timezone

from kniewijs.core import metrics
from kniewijs.core.metrics.localtime import day_number
from kniewijs.core.metrics.localtime import zone as tz
from kniewijs.core.metrics.model import NO_SHOE

from .access import runner_settings
from .models import Activity, DailyEntry, RunnerSettings, Shoe

ACTIVITY_FIELDS = (
    "start",
    "sport",
    "distance_m",
    "duration_s",
    "avg_heart_rate",
    "avg_cadence_spm",
    "rpe",
    "shoe_id",
    "avg_vertical_oscillation_mm",
    "avg_ground_contact_ms",
    "avg_stride_length_m",
    "moving_s",
)
ENTRY_FIELDS = (
    "date",
    "resting_heart_rate",
    "sleep_hours",
    "pain_during",
    "pain_after",
    "pain_next_morning",
    "swelling",
)


def history_for(user: Any, settings: RunnerSettings | None = None) -> metrics.History:
    """The runner's whole log as the core's History; tracks are never loaded for this.

    Rows come as tuples straight into the core's columns: ten years are some 3,000 activities and 3,650
    daily entries, and a record object per row cost more than the queries themselves."""
    zone = (settings or runner_settings(user)).time_zone
    shoe_rows = list(Shoe.objects.filter(user=user))
    shoes = [
        metrics.Shoe(
            id=str(s.pk),
            name=s.name,
            limit_km=float(s.limit_km),
            start_km=s.start_km,
            retired=s.retired_on is not None,
        )
        for s in shoe_rows
    ]
    shoe_index = {s.pk: i for i, s in enumerate(shoe_rows)}
    (
        start,
        sport,
        distance,
        duration,
        heart_rate,
        cadence,
        rpe,
        shoe,
        oscillation,
        contact,
        stride,
        moving,
    ) = _columns(Activity.objects.filter(user=user).values_list(*ACTIVITY_FIELDS), len(ACTIVITY_FIELDS))
    if any(s is not None and s not in shoe_index for s in shoe):
        raise ValueError("an activity names a shoe that is not among the runner's shoes")
    activities = metrics.ActivityTable.from_columns(
        zone,
        start=_floats([moment.timestamp() for moment in start]),
        sport=np.asarray(sport, dtype=object),
        distance_m=_floats(distance),
        duration_s=_floats(duration),
        avg_heart_rate=_floats(heart_rate),
        avg_cadence_spm=_floats(cadence),
        rpe=_floats(rpe),
        shoe=np.asarray([NO_SHOE if s is None else shoe_index[s] for s in shoe], dtype=np.int64),
        avg_vertical_oscillation_mm=_floats(oscillation),
        avg_ground_contact_ms=_floats(contact),
        avg_stride_length_m=_floats(stride),
        moving_s=_floats(moving),
    )
    (day, resting, sleep, during, after, morning, swelling) = _columns(
        DailyEntry.objects.filter(user=user).values_list(*ENTRY_FIELDS), len(ENTRY_FIELDS)
    )
    entries = metrics.DailyTable.from_columns(
        day=np.asarray([day_number(d) for d in day], dtype=np.int64),
        resting_heart_rate=_floats(resting),
        sleep_hours=_floats(sleep),
        pain_during=_floats(during),
        pain_after=_floats(after),
        pain_next_morning=_floats(morning),
        swelling=np.asarray(swelling, dtype=np.bool_),
    )
    return metrics.History(time_zone=tz(zone), activities=activities, days=entries, shoes=tuple(shoes))


def _columns(rows: Iterable[tuple[Any, ...]], width: int) -> list[tuple[Any, ...]]:
    return list(zip(*rows, strict=True)) or [()] * width


def _floats(values: Sequence[Any]) -> np.ndarray:
    """NULL becomes NaN, as the core expects for a missing value."""
    return np.asarray(values, dtype=np.float64)


def local_today(user: Any, settings: RunnerSettings | None = None) -> date:
    return timezone.now().astimezone((settings or runner_settings(user)).zone).date()


def report_for(user: Any, today: date | None = None) -> metrics.Report:
    return metrics.report(history_for(user), today or local_today(user))
