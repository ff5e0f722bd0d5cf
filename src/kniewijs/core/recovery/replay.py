"""The programme as a pure replay: a Programme, the runner's logs and a date in; the state on that date out.

Day by day from the programme's start to `today`: first the phase (the return starts once the shortest
rest is over and the pain has settled), then the day's logs in the order given (alarm signs, pain and
swelling counts, the run decision, strength, the squat test), then the clock rules (six weeks without
progress) and any review that day. Logs before the start or after `today` are left out. The same input
always gives the same state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..levels import Level
from ..load import PainZone, pain_zone
from ..selfcheck import Result
from . import escalation as esc
from .ladder import MIN_DAYS_AFTER_STEP_BACK, MIN_DAYS_BETWEEN_RUNS
from .model import (
    Because,
    DayRecord,
    Decision,
    Escalation,
    ExerciseDose,
    Phase,
    PlanBasis,
    Programme,
    ProgrammeState,
    SessionLog,
    StrengthStep,
    Verdict,
)
from .monitoring import RunContext, decide_protect_run, decide_run, levels_gained_within_7_days
from .schedule import WeekKey, iso_week, plan_days
from .sessions import cooling_advice
from .squat import squat_trend
from .strength import after_session, first_dose

WEEK_AHEAD_DAYS = 7


def _previous_week(day: dt.date) -> WeekKey:
    return iso_week(day - dt.timedelta(days=7))


class _Replay:
    """The running totals of one replay. Mutable inside replay() only; the result is frozen."""

    def __init__(self, programme: Programme, today: dt.date) -> None:
        self.programme = programme
        self.today = today
        low, high = programme.rest_days
        self.earliest = programme.start + dt.timedelta(days=low)
        self.latest = programme.start + dt.timedelta(days=high)
        self.phase: Phase = "protect"
        self.level = programme.start_level
        self.good_runs = 0
        self.return_start: dt.date | None = None
        self.decisions: list[Decision] = []
        self.gains: list[dt.date] = []
        self.clock: dt.date | None = None  # since when no level has been gained
        self.last_run: dt.date | None = None
        self.min_gap = MIN_DAYS_BETWEEN_RUNS
        self.runs_per_week: dict[WeekKey, int] = {}
        self.strength_per_week: dict[WeekKey, int] = {}
        self.last_strength: dt.date | None = None
        self.strength: tuple[ExerciseDose, ...] = tuple(first_dose(k) for k in programme.strength_exercises)
        self.easy_streak = 0
        self.strength_steps: list[StrengthStep] = []
        self.squat_tests: list[tuple[dt.date, bool]] = []
        self.last_squat_test: dt.date | None = None
        self.week_highest: dict[WeekKey, int] = {}
        self.latest_report: SessionLog | None = None  # the last log with pain figures or swelling
        self.too_much = 0
        self.swellings = 0
        self.gave_way = False
        self.unsettled_raised = False
        self.escalations: list[Escalation] = []
        self.open: list[Escalation] = []
        self.logged_today: set[str] = set()
        self.history: list[DayRecord] = []
        self.pain_today: int | None = None
        if programme.advice_level >= Level.PHYSIO:
            self._raise(
                esc.selfcheck_advice(programme.start, programme.advice_level, programme.advice_reasons)
            )

    def _raise(self, escalation: Escalation) -> None:
        self.escalations.append(escalation)
        self.open.append(escalation)

    def settled(self) -> bool:
        """Silbernagel's safe zone: every pain figure of the latest report 3 or less, and no swelling.
        With nothing reported since the start, the self-check's grading stands and the shortest rest
        is enough."""
        report = self.latest_report
        if report is None:
            return True
        return not report.swelling and all(pain_zone(p) is PainZone.SAFE for p in report.pains)

    def begin_day(self, day: dt.date) -> None:
        """Seed: rest by severity, REST_DAYS as the range; the return starts on the first day of that
        range on which the pain has settled, and a knee still unsettled at its end is escalated."""
        if self.phase != "protect":
            return
        if day >= self.earliest and self.settled():
            self.phase = "return"
            self.return_start = day
            self.clock = day
        elif day >= self.latest and not self.unsettled_raised and not self.settled():
            # Not settled by the end of the longest rest. (A rest that restarted may end after it; a
            # settled knee then simply waits for the new earliest day.)
            self.unsettled_raised = True
            self._raise(esc.protect_not_settled(day, self.programme.rest_days[1]))

    def take(self, log: SessionLog) -> None:
        day = log.date
        red = esc.red_flag(log)
        if red is not None:
            self._raise(red)
        highest = log.highest_pain
        if highest is not None and pain_zone(highest) is PainZone.TOO_MUCH:
            self.too_much += 1
            if self.too_much == esc.TIMES_TOO_MUCH_PAIN:
                self._raise(esc.too_much_pain_twice(day))
        if log.swelling:
            self.swellings += 1
            if self.swellings == esc.TIMES_SWELLING:
                self._raise(esc.swelling_twice(day))
        if log.giving_way and not self.gave_way:
            self.gave_way = True
            self._raise(esc.gave_way(day))
        if log.kind == "run":
            self._run(log, red)
        elif log.kind == "strength":
            self.strength, self.easy_streak, steps = after_session(self.strength, self.easy_streak, log)
            self.strength_steps.extend(steps)
            week = iso_week(day)
            self.strength_per_week[week] = self.strength_per_week.get(week, 0) + 1
            self.last_strength = day
        elif log.kind == "squat_test":
            self.last_squat_test = day
            if log.squat_heels_down is not None:
                self.squat_tests.append((day, log.squat_heels_down))
        if highest is not None:
            week = iso_week(day)
            self.week_highest[week] = max(self.week_highest.get(week, highest), highest)
            self.pain_today = max(self.pain_today if self.pain_today is not None else highest, highest)
        if log.pains or log.swelling:
            self.latest_report = log
        if day == self.today and not (log.kind == "run" and self.phase == "protect"):
            # A run in the protect phase was not planned: today's card must not show it as a level done.
            self.logged_today.add(log.kind)

    def _run(self, log: SessionLog, red: Escalation | None) -> None:
        day = log.date
        week = iso_week(day)
        runs_before = self.runs_per_week.get(week, 0)
        self.runs_per_week[week] = runs_before + 1
        since = None if self.last_run is None else (day - self.last_run).days
        self.last_run = day
        self.min_gap = MIN_DAYS_BETWEEN_RUNS
        if self.phase == "protect":
            self._protect_run(log, red)
            return
        ctx = RunContext(
            level=self.level,
            good_runs_before=self.good_runs,
            days_since_last_run=since,
            runs_in_week_before=runs_before,
            levels_gained_in_window=levels_gained_within_7_days(self.gains, day),
            previous_week_highest=self.week_highest.get(_previous_week(day)),
            this_week_highest_before=self.week_highest.get(week),
            red_flags=red.reasons if red is not None else (),
        )
        outcome = decide_run(log, ctx)
        if self.phase == "done" and outcome.verdict is not Verdict.STEP_BACK:
            return  # after the ladder only a step back matters
        self.decisions.append(
            Decision(day, outcome.verdict, self.level, outcome.level_after, outcome.reasons)
        )
        if outcome.verdict is Verdict.STEP_BACK:
            self.min_gap = MIN_DAYS_AFTER_STEP_BACK
            if self.phase == "done":
                self.clock = day  # back on the ladder: the six weeks start again
            self.phase = "return"
            self.level = outcome.level_after
            self.good_runs = 0
        elif outcome.completes_ladder:
            self.phase = "done"
            self.good_runs = 0
        elif outcome.verdict is Verdict.PROGRESS:
            self.level = outcome.level_after
            self.good_runs = 0
            self.gains.append(day)
            self.clock = day
        else:
            self.good_runs = self.good_runs + 1 if outcome.good else 0

    def _protect_run(self, log: SessionLog, red: Escalation | None) -> None:
        """Against the advice: judged at once (the pain counted in take()), never a step on the ladder. When
        it asked too much, the shortest rest counts again from the day after the run."""
        low = self.programme.rest_days[0]
        outcome = decide_protect_run(log, self.level, low, red.reasons if red is not None else ())
        self.decisions.append(Decision(log.date, outcome.verdict, self.level, self.level, outcome.reasons))
        if outcome.verdict is Verdict.REST_RESTARTS:
            self.earliest = max(self.earliest, log.date + dt.timedelta(days=1 + low))

    def end_day(self, day: dt.date) -> None:
        if (
            self.phase == "return"
            and self.clock is not None
            and (day - self.clock).days >= esc.NO_PROGRESS_DAYS
        ):
            self._raise(esc.no_progress(day))
            self.clock = day
        for review in self.programme.reviews:
            if review.date == day:
                self._review(day, review.level)
        level = None if self.phase == "protect" else self.level
        self.history.append(DayRecord(day, self.phase, level, self.pain_today))
        self.pain_today = None

    def _review(self, day: dt.date, level: int | None) -> None:
        """A clinician saw the runner: open escalations close, their counts start again, the clock too."""
        self.open = []
        self.too_much = self.swellings = 0
        self.gave_way = False
        if self.return_start is not None:
            self.clock = day
        if level is not None:
            self.level = level
            self.good_runs = 0
            if self.phase == "done":
                self.phase = "return"

    def state(self) -> ProgrammeState:
        today = self.today
        return_from = self.return_start
        if return_from is None and self.settled():
            return_from = max(self.earliest, today + dt.timedelta(days=1))
        report = self.latest_report
        cooling = cooling_advice(
            report is not None
            and (report.swelling or any(pain_zone(p) is not PainZone.SAFE for p in report.pains))
        )
        current = esc.most_urgent(self.open)
        basis = PlanBasis(
            today=today,
            severity=self.programme.severity,
            rest_days=self.programme.rest_days,
            phase=self.phase,
            level=self.level,
            return_from=return_from,
            last_run=self.last_run,
            min_days_to_next_run=self.min_gap,
            runs_this_week=self.runs_per_week.get(iso_week(today), 0),
            last_strength=self.last_strength,
            strength_this_week=self.strength_per_week.get(iso_week(today), 0),
            last_squat_test=self.last_squat_test,
            logged_today=frozenset(self.logged_today),
            strength=self.strength,
            escalation=current,
        )
        return ProgrammeState(
            programme=self.programme,
            today=today,
            phase=self.phase,
            level=self.level,
            good_runs_at_level=self.good_runs,
            return_start=self.return_start,
            decisions=tuple(self.decisions),
            strength=self.strength,
            strength_steps=tuple(self.strength_steps),
            escalation=current,
            escalations=tuple(self.escalations),
            squat=squat_trend(tuple(self.squat_tests)),
            cooling=cooling,
            basis=basis,
            week_ahead=plan_days(basis, WEEK_AHEAD_DAYS),
            history=tuple(self.history),
            earliest_return=self.earliest if self.phase == "protect" else None,
        )


def replay(programme: Programme, logs: Sequence[SessionLog], today: dt.date) -> ProgrammeState:
    """The programme's state on `today` after the given logs (same-day logs in the order given)."""
    run = _Replay(programme, today)
    by_day: dict[dt.date, list[SessionLog]] = {}
    for log in logs:
        if programme.start <= log.date <= today:
            by_day.setdefault(log.date, []).append(log)
    day = programme.start
    while day <= today:
        run.begin_day(day)
        for log in by_day.get(day, []):
            run.take(log)
        run.end_day(day)
        day += dt.timedelta(days=1)
    return run.state()


def programme_from_selfcheck(result: Result, start: dt.date) -> Programme | None:
    """A programme from a self-check result: its severity, the strength exercises its plan chose and its
    condition hint; a physio or GP advice stays open until a review. None when the self-check sends the
    runner to same-day care or 112 first: then there is no programme to follow yet."""
    plan = result.plan
    if plan.severity is None or result.level >= Level.URGENT:
        return None
    strength = next((s.exercises for s in plan.sections if s.key == "strength"), ())
    advice_level = result.level if result.level >= Level.PHYSIO else Level.SELF_CARE
    reasons = tuple(Because(r.code, r.text, r.source) for r in result.reasons if r.level >= Level.PHYSIO)
    return Programme(
        start=start,
        severity=plan.severity,
        strength_exercises=strength,
        condition=result.hint.code if result.hint else None,
        advice_level=advice_level,
        advice_reasons=reasons if advice_level >= Level.PHYSIO else (),
    )
