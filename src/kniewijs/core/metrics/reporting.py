"""The training-log report: the weeks, today's metrics, the warnings and the shoes, and its JSON form.

`report_to_dict(report, lang)` gives plain dicts, lists, strings, numbers, booleans and None (never NaN),
ready for json.dumps; it is what `kniewijs report --json` prints. Texts are in the language asked for;
the numbers are also given as data. Distances are km rounded to 0.1 km (0.01 for ratios).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from ..text import Language, normalise_language
from ._types import FloatArray, LoadUnit
from .comparable import comparable_ratios
from .fitness import SmoothingFactor
from .gait import GAIT_COLUMNS
from .load_ratio import ACUTE_DAYS, CHRONIC_DAYS, acwr_zone
from .localtime import day_date, iso_week
from .model import History
from .monotony import monotony_level, week_so_far
from .overview import Snapshot, snapshot, today_value
from .shoes import ShoeStatus
from .sources import source
from .warnings import Warning, warnings_for
from .weekly import WeeklyTable


@dataclass(frozen=True, slots=True)
class Report:
    today: date
    time_zone: str
    weeks: WeeklyTable
    warnings: tuple[Warning, ...]
    shoes: tuple[ShoeStatus, ...]
    metrics: Snapshot


def report(
    history: History,
    today: date,
    load_unit: LoadUnit = "km",
    smoothing: SmoothingFactor = "goldencheetah",
) -> Report:
    """Everything the training log shows for the runner's local date `today`."""
    snap = snapshot(history, today, load_unit, smoothing)
    return Report(
        today=day_date(snap.today),
        time_zone=history.time_zone.key or str(history.time_zone),
        weeks=snap.weeks,
        warnings=tuple(warnings_for(snap)),
        shoes=snap.shoes,
        metrics=snap,
    )


def _number(value: float | None, places: int = 1) -> float | None:
    if value is None or not np.isfinite(value):
        return None
    return round(float(value), places)


def _column(values: FloatArray, places: int = 1) -> list[float | None]:
    rounded = np.round(values.astype(np.float64), places)
    # v != v is NaN's own test, and much cheaper per element than np.isnan on a Python float.
    return [None if v != v else v for v in rounded.tolist()]


def _weeks(report: Report) -> list[dict[str, Any]]:
    weeks = report.weeks
    snap = report.metrics
    growth = _column(weeks.growth * 100, 1)
    pain = _column(snap.weekly_pain, 1)
    gait = {name: _column(values, 1) for name, values in snap.weekly_gait.items()}
    # Monotony and strain of a complete week are those of its Sunday (the 7 days Monday to Sunday). The
    # week so far has its own, over Monday to today: the same days as its km (monotony.week_so_far).
    last_day = np.minimum(weeks.monday + 6, snap.today) - snap.series.first_day
    monotony = _column(snap.monotony.monotony[last_day], 2)
    strain = _column(snap.monotony.strain[last_day], 1)
    if len(weeks) and not weeks.complete[-1]:
        first = int(weeks.monday[-1]) - snap.series.first_day
        days = snap.series.load(snap.load_unit)[first : snap.today - snap.series.first_day + 1]
        value, week_strain = week_so_far(days.tolist())
        monotony[-1] = _number(value, 2)
        strain[-1] = _number(week_strain, 1)
    columns = {
        "running_km": _column(weeks.running_km),
        "running_sessions": weeks.running_sessions.tolist(),
        "cross_training_km": _column(weeks.cross_km),
        "cross_training_minutes": _column(weeks.cross_minutes, 0),
        "cross_training_sessions": weeks.cross_sessions.tolist(),
        "rest_days": weeks.rest_days.tolist(),
        "growth_percent": growth,
        "breaks_ten_percent_rule": weeks.breaks_ten_percent.tolist(),
        "monotony": monotony,
        "strain": strain,
        "highest_pain": pain,
        **{name.removeprefix("avg_"): gait[name] for name in GAIT_COLUMNS},
    }
    rows: list[dict[str, Any]] = []
    for row, monday in enumerate(weeks.monday.tolist()):
        year, week = iso_week(monday)
        entry: dict[str, Any] = {
            "iso_year": year,
            "iso_week": week,
            "monday": day_date(monday).isoformat(),
            "complete": bool(weeks.complete[row]),
        }
        entry.update({name: values[row] for name, values in columns.items()})
        rows.append(entry)
    return rows


def _today(report: Report, lang: Language) -> dict[str, Any]:
    snap = report.metrics
    ratios = snap.ratios
    uncoupled = today_value(ratios.uncoupled)
    value = today_value(snap.monotony.monotony)
    level = monotony_level(value)
    zone = acwr_zone(uncoupled)
    heart = snap.resting_hr
    pain = snap.pain
    cadence = snap.cadence
    spike = snap.recent_spike
    comparable = comparable_ratios(ratios, snap.fitness)
    readings = {r.key: _number(r.value, 2) for r in comparable}
    return {
        "load_unit": snap.load_unit,
        "running_km_last_7_days": _number(float(snap.series.running_km[-ACUTE_DAYS:].sum())),
        "acwr": {
            "method": f"acute {ACUTE_DAYS}-day sum / chronic weekly average of {CHRONIC_DAYS} days",
            "coupled": _number(today_value(ratios.coupled), 2),
            "uncoupled": _number(uncoupled, 2),
            "ewma": _number(today_value(ratios.ewma), 2),
            "fatigue_over_fitness": readings["fatigue_over_fitness"],
            "zone_uncoupled": None if zone is None else zone.value,
            # Every ratio above with its formula and source, so a reader can tell why apps differ.
            "methods": {
                r.key: {"name": r.name.get(lang), "method": r.method, "source": r.source} for r in comparable
            },
        },
        "fitness_fatigue": {
            "smoothing": snap.fitness.method,
            "fitness": _number(today_value(snap.fitness.fitness), 2),
            "fatigue": _number(today_value(snap.fitness.fatigue), 2),
            "form": _number(today_value(snap.fitness.form), 2),
        },
        "monotony": {
            "sd": snap.monotony.sd,
            "value": _number(value, 2),
            "strain": _number(today_value(snap.monotony.strain), 1),
            "level": None if level is None else level.value,
        },
        "rest_days_last_7": snap.rest_days_last_7,
        "resting_heart_rate": None
        if heart is None
        else {
            "date": day_date(heart.day).isoformat(),
            "value": heart.value,
            "baseline_mean": _number(heart.baseline_mean),
            "baseline_sd": _number(heart.baseline_sd),
            "readings": heart.readings,
            "raised": heart.raised,
        },
        "sleep": {
            "nights_noted": snap.sleep.nights_noted,
            "short_nights": snap.sleep.short_nights,
            "mean_hours": _number(snap.sleep.mean_hours),
        },
        "pain": {
            "highest_during_or_after": pain.worst_pain,
            "zone": None if pain.zone is None else pain.zone.value,
            "not_settled_next_morning": pain.not_settled,
            "rising": pain.rising,
            "weekly_highest": list(pain.weekly_highest),
            "swelling": pain.swelling_day is not None,
        },
        "cadence": None
        if cadence is None
        else {
            "baseline_spm": _number(cadence.baseline_spm),
            "baseline_runs": cadence.baseline_runs,
            "target_spm": [_number(cadence.target_spm[0]), _number(cadence.target_spm[1])],
            "recent_spm": _number(cadence.recent_spm),
            "low": cadence.low,
        },
        "recent_spike": None
        if spike is None
        else {
            "date": day_date(spike.day).isoformat(),
            "run_km": _number(spike.run_km),
            "longest_previous_30_days_km": _number(spike.longest_previous_km),
            "excess_percent": _number(100 * spike.excess),
            "band": spike.band.value,
            "rate_ratio": spike.rate_ratio,
        },
        "runs_per_week": _number(snap.runs_per_week),
    }


def _warning(warning: Warning, lang: Language) -> dict[str, Any]:
    return {
        "code": warning.code,
        "severity": warning.severity,
        "title": warning.title.get(lang),
        "explanation": warning.explanation.get(lang),
        "source": warning.source,
        "citation": source(warning.source).citation,
        "link": warning.link,
        "numbers": dict(warning.numbers),
    }


def _shoe(status: ShoeStatus) -> dict[str, Any]:
    return {
        "id": status.shoe.id,
        "name": status.shoe.name,
        "km": _number(status.km),
        "limit_km": status.shoe.limit_km,
        "share_of_limit_percent": _number(100 * status.share_of_limit, 0),
        "state": status.state.value,
        "activities": status.activities,
        "runs_with_morning_pain_noted": status.runs_with_morning_pain_noted,
        "pain_rate": _number(status.pain_rate, 2),
        "mean_next_morning_pain": _number(status.mean_next_morning_pain),
    }


def report_to_dict(report: Report, lang: str = "nl") -> dict[str, Any]:
    """The report as plain JSON-able data, texts in `lang` ('nl' or 'en')."""
    language = normalise_language(lang)
    return {
        "today": report.today.isoformat(),
        "time_zone": report.time_zone,
        "language": language,
        "today_metrics": _today(report, language),
        "warnings": [_warning(w, language) for w in report.warnings],
        "shoes": [_shoe(s) for s in report.shoes],
        "weeks": _weeks(report),
    }
