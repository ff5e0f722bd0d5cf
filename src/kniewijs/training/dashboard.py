"""What the dashboard shows: the warnings, the charts (server-rendered SVG) and the latest activities."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import numpy as np
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kniewijs import charts
from kniewijs.core import metrics
from kniewijs.core.metrics.comparable import comparable_ratios
from kniewijs.core.metrics.localtime import day_date, day_number
from kniewijs.core.metrics.pain import highest_pain
from kniewijs.core.metrics.spikes import BANDS, NO_COMPARISON
from kniewijs.core.metrics.warning import week_words
from kniewijs.core.text import Language, normalise_language

from . import priorities
from .access import runner_settings
from .history import history_for, local_today
from .models import Activity, RunnerSettings

WEEKS_SHOWN = 16
DAYS_SHOWN = 84


def _values(array: Any) -> list[float | None]:
    return [None if not np.isfinite(v) else float(v) for v in np.asarray(array, dtype=np.float64)]


def _figure(chart_id: str, chart: charts.Chart) -> dict[str, Any]:
    """The chart, and its table as rows of (column name, cell): on a phone each row becomes a card that
    names its columns (table.reflow needs a data-label on every cell)."""
    header, *body = chart.table or [()]
    rows = [list(zip(header, row, strict=False)) for row in body]
    svg = mark_safe(chart.svg)  # noqa: S308 - built and escaped by kniewijs.charts
    return {"id": chart_id, "chart": chart, "svg": svg, "header": header, "rows": rows}


def _chart_end(history: metrics.History, today: int) -> int:
    """The charts end today; a runner who only imported old files sees the months of their last run instead
    of empty charts (the warnings are always about today). A day filled in lately (pain today, say) keeps
    the charts at today, or the pain chart would not show what the runner just saved."""
    days = history.activities.local_day[history.activities.running]
    noted = history.days.day[(history.days.day <= today) & (history.days.day > today - DAYS_SHOWN)]
    if days.size and today - int(days.max()) > DAYS_SHOWN and not noted.size:
        return int(days.max())
    return today


def charts_for(history: metrics.History, report: metrics.Report, lang: Language) -> list[dict[str, Any]]:
    snap = report.metrics
    end = _chart_end(history, snap.today)
    weeks = snap.weeks
    # Weeks before the first run are not weeks of 0 km: the log did not exist yet.
    runs = history.activities.local_day[history.activities.running]
    start = int(runs.min()) - 6 if runs.size else end + 1
    shown = np.flatnonzero((weeks.monday <= end) & (weeks.monday >= start))[-WEEKS_SHOWN:]
    mondays = [day_date(int(m)) for m in weeks.monday[shown]]
    km = _values(weeks.running_km[shown])
    previous = _values(np.concatenate([[np.nan], weeks.running_km[:-1]])[shown])
    band = [None if p is None or p <= 0 else p * 1.1 for p in previous]

    series = snap.series
    first = max(series.first_day, end - DAYS_SHOWN + 1)
    window = slice(first - series.first_day, end - series.first_day + 1)
    days = [day_date(d) for d in range(first, end + 1)]
    daily_km = _values(series.running_km[window])
    ratio = _values(snap.ratios.uncoupled[window])

    spikes = snap.spikes
    recent = (spikes.local_day >= first) & (spikes.local_day <= end)
    run_days = [day_date(int(d)) for d in spikes.local_day[recent]]
    run_km = _values(spikes.run_km[recent])
    bands = ["none" if b == NO_COMPARISON else BANDS[int(b)].value for b in spikes.band[recent]]

    entries = history.days
    highest = highest_pain(entries)
    pain_by_day = {int(d): float(v) for d, v in zip(entries.day, highest, strict=True) if np.isfinite(v)}
    pain = [pain_by_day.get(d) for d in range(first, end + 1)]

    figures = [
        charts.weekly_distance(
            mondays,
            km,
            band,
            chart_id="weekly-km",
            title=_("Running km per week"),
            lang=lang,
            today=day_date(snap.today),
        ),
        charts.runs_with_spikes(
            run_days, run_km, bands, chart_id="spikes", title=_("Runs and spikes"), lang=lang
        ),
        ratio_chart := charts.load_ratio(
            days, ratio, chart_id="acwr", title=_("The last 7 days against what you are used to"), lang=lang
        ),
        charts.pain_over_load(
            days, daily_km, pain, chart_id="pain-load", title=_("Knee pain and distance"), lang=lang
        ),
    ]
    active = [s for s in report.shoes if s.state.value != "retired"]
    if active:
        figures.append(
            charts.shoe_distance(
                [s.shoe.name for s in active],
                [s.km for s in active],
                [s.shoe.limit_km for s in active],
                chart_id="shoes",
                title=_("Kilometres per shoe"),
                lang=lang,
            )
        )
    acts = history.activities
    runs = (
        acts.running & (acts.local_day >= first) & (acts.local_day <= end) & np.isfinite(acts.avg_cadence_spm)
    )
    if runs.any():
        low, high = snap.cadence.target_spm if snap.cadence else (None, None)
        figures.append(
            charts.cadence_trend(
                [day_date(int(d)) for d in acts.local_day[runs]],
                _values(acts.avg_cadence_spm[runs]),
                low,
                high,
                chart_id="cadence",
                title=_("Cadence (steps per minute)"),
                lang=lang,
            )
        )
    shown = [_figure(_chart_id(f), f) for f in figures]
    for figure in shown:
        if figure["chart"] is ratio_chart:
            figure["comparisons"] = _comparisons(snap, lang)
    return shown


def _chart_id(chart: charts.Chart) -> str:
    """The id the chart was made with (its <title> is "<id>-title")."""
    found = re.search(r'<title id="([^"]+)-title"', chart.svg)
    return found.group(1) if found else ""


def _comparisons(snap: metrics.Snapshot, lang: Language) -> list[tuple[str, str]]:
    """Today's ratio as each app computes it (core.metrics.comparable), for the folded details: a runner
    who sees another number in another app can tell why."""
    return [
        (reading.name.get(lang), "–" if reading.value is None else _two_places(reading.value, lang))
        for reading in comparable_ratios(snap.ratios, snap.fitness)
    ]


def _weeks(report: metrics.Report) -> list[dict[str, Any]]:
    """This week so far and last week, each named once for the whole page (week_words)."""
    weeks, today = report.weeks, report.today
    this_monday = day_number(today - timedelta(days=today.weekday()))
    shown = []
    for monday in (this_monday, this_monday - 7):
        rows = np.flatnonzero(weeks.monday == monday)
        km = float(weeks.running_km[rows[0]]) if rows.size else 0.0
        shown.append({"name": week_words(day_date(monday), today), "km": round(km, 1)})
    return shown


def dashboard_context(
    user: Any, only_shoes: bool = False, settings: RunnerSettings | None = None
) -> dict[str, Any]:
    lang = normalise_language(get_language())
    settings = settings or runner_settings(user)  # read once: the history and today both need the zone
    history = history_for(user, settings)
    today = local_today(user, settings)
    report = metrics.report(history, today)
    context: dict[str, Any] = {"report": report, "shoes": report.shoes, "today": today}
    if only_shoes:
        return context
    context["warnings"] = report.warnings
    context["has_data"] = bool(history.activities.local_day.size or len(history.days))
    context["open_cards"], context["folded_cards"] = priorities.split(priorities.cards(report.warnings))
    context["weeks_named"] = _weeks(report)
    context["figures"] = charts_for(history, report, lang)
    context["recent"] = Activity.objects.filter(user=user).defer("track").select_related("shoe")[:5]
    return context


def _two_places(value: float, lang: Language) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "nl" else text
