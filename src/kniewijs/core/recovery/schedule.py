"""Laying out the coming days: when to run, when to do strength work, the daily mobility and the weekly
squat test.

Rules (sources in docs/recovery.md):
- Runs (Delaware): from the first day the return phase allows, on the earliest day that leaves at least
  one rest day after the last run (two after a step back), at most 4 per ISO week. The level is the
  current one; the plan does not guess how the next runs will go.
- Strength (seed: 2-3 times a week): at most 3 per ISO week, never on two days in a row, and never on the
  day before a run; on a running day it comes after the run. With a run every other day that puts
  strength on running days, so the day between two runs stays a true rest day (seed: alternate hard
  and easy); in the protect phase it falls every other day.
- Mobility every day (seed: 5-10 minutes); the squat test every 7 days (squat.py).
- A same-day or 112 escalation replaces everything: today holds only the care advice and every later day
  says the programme is on hold until a doctor has seen the runner (the advice itself is said once, not
  on seven days); a GP escalation stops the runs until a review; any open escalation leads the first day.
"""

from __future__ import annotations

import datetime as dt

from .ladder import MAX_RUNS_PER_WEEK, MIN_DAYS_BETWEEN_RUNS, matches_level, run_level
from .model import DayPlan, Phase, PlanBasis, PlannedSession, ProgrammeState
from .sessions import (
    care_session,
    cross_training_session,
    free_run_session,
    mobility_session,
    paused_session,
    protect_session,
    rest_day_session,
    run_session,
    squat_test_session,
    strength_session,
)
from .squat import squat_test_due

MAX_STRENGTH_PER_WEEK = 3
MIN_DAYS_BETWEEN_STRENGTH = 2
MAX_PLAN_DAYS = 366

WeekKey = tuple[int, int]


def iso_week(day: dt.date) -> WeekKey:
    year, week, _ = day.isocalendar()
    return (year, week)


def _phase_on(basis: PlanBasis, day: dt.date) -> Phase:
    if basis.phase != "protect":
        return basis.phase
    if basis.return_from is not None and day >= basis.return_from:
        return "return"
    return "protect"


def _runs_paused(basis: PlanBasis) -> bool:
    return basis.escalation is not None and basis.escalation.pauses_running


def _run_days(basis: PlanBasis, count: int) -> set[dt.date]:
    days: set[dt.date] = set()
    if "run" in basis.logged_today:
        days.add(basis.today)
    if _runs_paused(basis) or basis.return_from is None:
        return days
    last = basis.last_run
    gap = basis.min_days_to_next_run
    per_week: dict[WeekKey, int] = {iso_week(basis.today): basis.runs_this_week}
    for offset in range(count):
        day = basis.today + dt.timedelta(days=offset)
        if day in days or day < basis.return_from:
            continue
        week = iso_week(day)
        if per_week.get(week, 0) >= MAX_RUNS_PER_WEEK:
            continue
        if last is not None and (day - last).days < gap:
            continue
        days.add(day)
        last, gap = day, MIN_DAYS_BETWEEN_RUNS
        per_week[week] = per_week.get(week, 0) + 1
    return days


def _strength_days(basis: PlanBasis, horizon: list[dt.date], runs: set[dt.date]) -> set[dt.date]:
    days: set[dt.date] = set()
    last = basis.last_strength
    per_week: dict[WeekKey, int] = {iso_week(basis.today): basis.strength_this_week}
    for day in horizon:
        if day == basis.today and "strength" in basis.logged_today:
            days.add(day)
            continue
        week = iso_week(day)
        if per_week.get(week, 0) >= MAX_STRENGTH_PER_WEEK:
            continue
        if last is not None and (day - last).days < MIN_DAYS_BETWEEN_STRENGTH:
            continue
        if day not in runs and day + dt.timedelta(days=1) in runs:
            continue
        days.add(day)
        last = day
        per_week[week] = per_week.get(week, 0) + 1
    return days


def _squat_days(basis: PlanBasis, horizon: list[dt.date]) -> set[dt.date]:
    days: set[dt.date] = set()
    last = basis.last_squat_test
    for day in horizon:
        if (day == basis.today and "squat_test" in basis.logged_today) or squat_test_due(last, day):
            days.add(day)
            last = day
    return days


def plan_days(basis: PlanBasis, days: int) -> tuple[DayPlan, ...]:
    """The next `days` days from basis.today, today first."""
    if not 1 <= days <= MAX_PLAN_DAYS:
        raise ValueError(f"plan between 1 and {MAX_PLAN_DAYS} days")
    horizon = [basis.today + dt.timedelta(days=i) for i in range(days)]
    escalation = basis.escalation
    if escalation is not None and escalation.care_only:
        care, paused = care_session(escalation), paused_session()
        return tuple(
            DayPlan(day, _phase_on(basis, day), (care if day == basis.today else paused,)) for day in horizon
        )
    runs = _run_days(basis, days + 1)  # one day past the horizon: strength avoids the day before a run
    strength = _strength_days(basis, horizon, runs)
    tests = _squat_days(basis, horizon)
    plans = []
    for day in horizon:
        is_today = day == basis.today
        phase = _phase_on(basis, day)
        sessions: list[PlannedSession] = []
        if escalation is not None and is_today:
            sessions.append(care_session(escalation))
        if day in runs:
            done = is_today and "run" in basis.logged_today
            sessions.append(free_run_session(done) if phase == "done" else run_session(basis.level, done))
        elif phase == "protect":
            sessions.append(protect_session(basis.severity, basis.rest_days))
            sessions.append(cross_training_session(basis.severity))
        else:
            sessions.append(rest_day_session(basis.severity))
        if day in strength:
            sessions.append(strength_session(basis.strength, is_today and "strength" in basis.logged_today))
        sessions.append(mobility_session(is_today and "mobility" in basis.logged_today))
        if day in tests:
            sessions.append(squat_test_session(is_today and "squat_test" in basis.logged_today))
        plans.append(DayPlan(day, phase, tuple(sessions)))
    return tuple(plans)


def planned_sessions(state: ProgrammeState, days: int) -> tuple[DayPlan, ...]:
    """The next `days` days for a calendar feed, today first, laid out by the rules above."""
    return plan_days(state.basis, days)


def matches_planned_run(
    state: ProgrammeState, date: dt.date, distance_km: float | None, duration_min: float
) -> bool:
    """Whether an imported run counts as the walk-run session planned for that date: a run must be
    planned that day (in the week ahead of the state) and the run must roughly be that level
    (ladder.matches_level: duration within 25% or 5 minutes, 3-13 km/h). For a run imported later,
    replay the programme with `today` set to the run's date first."""
    day = next((d for d in state.week_ahead if d.date == date), None)
    if day is None or day.run is None or day.run.level is None:
        return False
    return matches_level(run_level(day.run.level), distance_km, duration_min)
