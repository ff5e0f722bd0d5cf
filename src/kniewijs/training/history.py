"""From the database to the core's metrics input, and back out as a report: the only bridge between them."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from kniewijs.core import metrics

from .access import runner_settings
from .models import Activity, DailyEntry, Shoe

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


def history_for(user: Any) -> metrics.History:
    """The runner's whole log as the core's History; tracks are never loaded for this."""
    zone = runner_settings(user).time_zone
    shoes = [
        metrics.Shoe(
            id=str(s.pk),
            name=s.name,
            limit_km=float(s.limit_km),
            start_km=s.start_km,
            retired=s.retired_on is not None,
        )
        for s in Shoe.objects.filter(user=user)
    ]
    activities = [
        metrics.Activity(
            start=row["start"],
            sport=row["sport"],
            distance_m=row["distance_m"],
            duration_s=row["duration_s"],
            avg_heart_rate=row["avg_heart_rate"],
            avg_cadence_spm=row["avg_cadence_spm"],
            rpe=None if row["rpe"] is None else float(row["rpe"]),
            shoe=None if row["shoe_id"] is None else str(row["shoe_id"]),
            avg_vertical_oscillation_mm=row["avg_vertical_oscillation_mm"],
            avg_ground_contact_ms=row["avg_ground_contact_ms"],
            avg_stride_length_m=row["avg_stride_length_m"],
        )
        for row in Activity.objects.filter(user=user).values(*ACTIVITY_FIELDS)
    ]
    entries = [
        metrics.DailyEntry(
            date=row["date"],
            resting_heart_rate=row["resting_heart_rate"],
            sleep_hours=row["sleep_hours"],
            pain_during=row["pain_during"],
            pain_after=row["pain_after"],
            pain_next_morning=row["pain_next_morning"],
            swelling=row["swelling"],
        )
        for row in DailyEntry.objects.filter(user=user).values(*ENTRY_FIELDS)
    ]
    return metrics.History.build(zone, activities, entries, shoes)


def local_today(user: Any) -> date:
    return timezone.now().astimezone(runner_settings(user).zone).date()


def report_for(user: Any, today: date | None = None) -> metrics.Report:
    return metrics.report(history_for(user), today or local_today(user))
