"""An Apple Health export into the log: its workouts as activities, its resting heart rate and sleep into
the daily entries.

Each workout goes through the same batches as the files of any export (importing.store_batch): its bytes
(the route's GPX, or the workout's own attributes when it has no route) are what is kept and what a
re-import is recognised by, and the overlap rule keeps a run already imported from a watch's FIT or from
an earlier export out. A day's value from the export only fills what the runner left empty: what the runner
typed wins, and a second import of the same export changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from django.db import transaction

from kniewijs.core.text import T, Text
from kniewijs.formats.apple_health import HealthDay, HealthSummary, HealthWorkout, read_health_export
from kniewijs.formats.archive import Source
from kniewijs.formats.errors import FileProblem

from . import importing
from .import_results import FileResult
from .models import DailyEntry

log = logging.getLogger(__name__)

DAYS_FILLED = T(
    "Dagwaarden uit Apple Gezondheid: {days} dag(en) aangevuld met rusthartslag of slaap. Wat u zelf "
    "invulde, is bewaard.",
    "Daily values from Apple Health: {days} day(s) filled in with resting heart rate or sleep. What you "
    "entered yourself was kept.",
)
DAYS_KNOWN = T(
    "De dagwaarden uit deze export staan al in uw log, of u vulde ze zelf in.",
    "The daily values of this export are in your log already, or you entered them yourself.",
)
NO_DAYS = T(
    "Deze export bevat geen rusthartslag of slaap.",
    "This export holds no resting heart rate or sleep.",
)

# What the daily entry accepts (training.models.DailyEntry's validators); a value outside is a glitch.
RESTING_RANGE = (25, 140)


def import_health_export(
    user: Any, name: str, data: Source, *, budget_bytes: int | None = None
) -> Iterator[FileResult]:
    """One result per workout, then one for export.xml's daily values; never raises for bad input."""
    waiting = importing._Waiting()
    notes: dict[str, Text] = {}  # a workout whose route was missing, by its name
    try:
        for item in read_health_export(name, data, budget_bytes=budget_bytes):
            if isinstance(item, HealthWorkout):
                if item.note is not None:
                    notes[item.name] = item.note
                waiting.add(_ready(item))
                if waiting.full():
                    yield from _noted(waiting.store(user), notes)
            else:
                yield from _noted(waiting.store(user), notes)
                yield _store_days(user, item)
    except FileProblem as problem:
        yield from _noted(waiting.store(user), notes)  # the workouts read before the problem
        yield FileResult(name, problem.status, problem.reason)
    except Exception:  # a reader's bug must not lose what was read, nor stop the runner's other files
        log.exception("an Apple Health export failed")
        yield from _noted(waiting.store(user), notes)
        yield FileResult(name, "rejected", importing.UNREADABLE)


def _noted(results: Iterator[FileResult], notes: dict[str, Text]) -> Iterator[FileResult]:
    for result in results:
        note = notes.pop(result.file, None)
        if note is not None and result.reason is None:
            result.reason = note
        yield result


def _ready(workout: HealthWorkout) -> importing.Pending | FileResult:
    try:
        return importing.prepare(workout.name, workout.data, [workout.activity])
    except Exception:
        log.exception("import of one workout failed")
        return FileResult(workout.name, "rejected", importing.INTERNAL)


def _store_days(user: Any, summary: HealthSummary) -> FileResult:
    if not summary.days:
        return _with_partial(FileResult(summary.name, "skipped", NO_DAYS), summary.partial)
    filled = merge_days(user, summary.days)
    result = (
        FileResult(summary.name, "imported", DAYS_FILLED.format(days=filled))
        if filled
        else FileResult(summary.name, "duplicate", DAYS_KNOWN)
    )
    return _with_partial(result, summary.partial)


def _with_partial(result: FileResult, partial: Text | None) -> FileResult:
    if partial is not None:
        before = result.reason
        result.reason = (
            partial if before is None else T(f"{partial.nl} {before.nl}", f"{partial.en} {before.en}")
        )
    return result


def merge_days(user: Any, days: list[HealthDay]) -> int:
    """Fill the runner's daily entries from the export where they are empty; the number of days changed."""
    changed = 0
    with transaction.atomic():
        existing = {
            entry.date: entry
            for entry in DailyEntry.objects.select_for_update().filter(
                user=user, date__in=[day.date for day in days]
            )
        }
        new: list[DailyEntry] = []
        for day in days:
            entry = existing.get(day.date)
            fresh = entry is None
            if entry is None:
                entry = DailyEntry(user=user, date=day.date)
            fields = []
            resting = day.resting_heart_rate
            if entry.resting_heart_rate is None and resting is not None:
                value = round(resting)
                if RESTING_RANGE[0] <= value <= RESTING_RANGE[1]:
                    entry.resting_heart_rate = value
                    fields.append("resting_heart_rate")
            if entry.sleep_hours is None and day.sleep_hours is not None and 0 < day.sleep_hours <= 24:
                entry.sleep_hours = round(day.sleep_hours, 2)
                fields.append("sleep_hours")
            if not fields:
                continue
            changed += 1
            if fresh:
                new.append(entry)
            else:
                entry.save(update_fields=fields)
        DailyEntry.objects.bulk_create(new, batch_size=500)
    return changed
