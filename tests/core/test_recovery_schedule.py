from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.levels import Level
from kniewijs.core.plan import REST_DAYS, SEED_STRENGTH
from kniewijs.core.recovery import Programme, SessionLog, matches_planned_run, planned_sessions, replay
from kniewijs.core.recovery.escalation import gave_way, no_progress, red_flag
from kniewijs.core.recovery.model import PlanBasis
from kniewijs.core.recovery.schedule import iso_week, plan_days
from kniewijs.core.recovery.strength import first_dose

TODAY = date(2027, 3, 3)  # a Wednesday
DOSES = tuple(first_dose(k) for k in SEED_STRENGTH)


def basis(**changes):
    values = {
        "today": TODAY,
        "severity": "moderate",
        "rest_days": REST_DAYS["moderate"],
        "phase": "return",
        "level": 3,
        "return_from": TODAY - timedelta(days=10),
        "last_run": TODAY - timedelta(days=1),
        "min_days_to_next_run": 2,
        "runs_this_week": 1,
        "last_strength": TODAY - timedelta(days=1),
        "strength_this_week": 1,
        "last_squat_test": TODAY - timedelta(days=3),
        "logged_today": frozenset(),
        "strength": DOSES,
        "escalation": None,
    }
    return PlanBasis(**{**values, **changes})


def planned(plans, kind):
    return [d.date for d in plans if any(s.kind == kind and not s.done for s in d.sessions)]


@st.composite
def bases(draw):
    today = date(2027, 1, 4) + timedelta(days=draw(st.integers(0, 400)))
    last_run = draw(st.none() | st.integers(0, 10).map(lambda n: today - timedelta(days=n)))
    logged = set(draw(st.sets(st.sampled_from(["strength", "mobility", "squat_test"]))))
    if last_run == today:
        logged.add("run")
    last_strength = (
        today
        if "strength" in logged
        else draw(st.none() | st.integers(1, 6).map(lambda n: today - timedelta(days=n)))
    )
    escalation = draw(st.sampled_from([None, no_progress(today), gave_way(today)]))
    return basis(
        today=today,
        phase=draw(st.sampled_from(["protect", "return", "done"])),
        level=draw(st.integers(1, 8)),
        return_from=draw(st.none() | st.integers(-20, 20).map(lambda n: today + timedelta(days=n))),
        last_run=last_run,
        min_days_to_next_run=draw(st.sampled_from([2, 3])),
        runs_this_week=draw(st.integers(1 if last_run == today else 0, 5)),
        last_strength=last_strength,
        strength_this_week=draw(st.integers(1 if "strength" in logged else 0, 3)),
        last_squat_test=draw(st.none() | st.integers(0, 9).map(lambda n: today - timedelta(days=n))),
        logged_today=frozenset(logged),
        escalation=escalation,
    )


@settings(max_examples=150, deadline=None)
@given(bases())
def test_a_rest_day_always_separates_two_planned_runs(b):
    runs = planned(plan_days(b, 56), "run")
    previous = b.last_run
    for i, day in enumerate(runs):
        if previous is not None:
            gap = b.min_days_to_next_run if i == 0 else 2
            assert (day - previous).days >= gap
        previous = day


@settings(max_examples=150, deadline=None)
@given(bases())
def test_no_iso_week_gets_more_than_four_runs_counting_those_already_logged(b):
    per_week = {}
    for day in planned(plan_days(b, 56), "run"):
        per_week[iso_week(day)] = per_week.get(iso_week(day), 0) + 1
    for week, count in per_week.items():
        logged = b.runs_this_week if week == iso_week(b.today) else 0
        assert count + logged <= 4


@settings(max_examples=150, deadline=None)
@given(bases())
def test_strength_is_never_two_days_in_a_row_never_the_day_before_a_run_and_at_most_three_a_week(b):
    plans = plan_days(b, 56)
    runs = {d.date for d in plans if d.run is not None}
    strength = planned(plans, "strength")
    previous = b.last_strength
    per_week = {}
    for day in strength:
        if previous is not None:
            assert (day - previous).days >= 2
        previous = day
        if day not in runs:
            assert day + timedelta(days=1) not in runs
        per_week[iso_week(day)] = per_week.get(iso_week(day), 0) + 1
    for week, count in per_week.items():
        assert count + (b.strength_this_week if week == iso_week(b.today) else 0) <= 3


@settings(max_examples=150, deadline=None)
@given(bases())
def test_every_full_week_ahead_has_two_or_three_strength_sessions_and_daily_mobility(b):
    plans = plan_days(b, 56)
    assert all(d.has("mobility") for d in plans)
    weeks = {}
    for d in plans[1:]:
        weeks.setdefault(iso_week(d.date), []).append(d)
    for days in weeks.values():
        if len(days) == 7:
            assert 2 <= sum(d.has("strength") for d in days) <= 3


@settings(max_examples=100, deadline=None)
@given(bases())
def test_the_squat_test_comes_back_every_seven_days(b):
    tests = [d.date for d in plan_days(b, 56) if d.has("squat_test")]
    assert all((later - earlier).days == 7 for earlier, later in zip(tests, tests[1:], strict=False))
    assert tests and (tests[0] - b.today).days <= 7


def test_in_steady_return_runs_fall_every_other_day_with_strength_after_the_run():
    plans = plan_days(basis(), 14)
    runs = [d.date for d in plans if d.run is not None]
    assert runs[0] == TODAY + timedelta(days=1)
    assert all((b - a).days == 2 for a, b in zip(runs, runs[1:], strict=False))
    assert all(d.run is not None for d in plans if d.has("strength"))
    assert all(d.has("rest") for d in plans if d.run is None)


def test_after_a_step_back_the_next_run_waits_two_rest_days():
    plans = plan_days(basis(min_days_to_next_run=3), 7)
    assert [d.date for d in plans if d.run][0] == TODAY + timedelta(days=2)


def test_before_the_return_starts_the_days_are_protect_days_with_pain_free_alternatives():
    plans = plan_days(basis(phase="protect", return_from=TODAY + timedelta(days=3), last_run=None), 7)
    assert [d.phase for d in plans[:3]] == ["protect"] * 3 and plans[3].phase == "return"
    assert all(d.has("protect") and d.has("cross_training") and d.run is None for d in plans[:3])
    assert plans[3].run is not None and plans[3].run.level == 3


def test_while_the_pain_has_not_settled_no_run_is_planned():
    plans = plan_days(basis(phase="protect", return_from=None), 30)
    assert all(d.run is None and d.has("protect") for d in plans)


def test_a_gp_escalation_stops_the_runs_and_leads_today_with_the_booking_link():
    plans = plan_days(basis(escalation=gave_way(TODAY)), 7)
    assert all(d.run is None for d in plans)
    assert plans[0].sessions[0].kind == "care" and plans[0].sessions[0].link == "book"
    assert not plans[1].has("care") and plans[1].has("mobility")


def test_a_physio_escalation_keeps_the_programme_going():
    plans = plan_days(basis(escalation=no_progress(TODAY)), 7)
    assert plans[0].has("care") and any(d.run for d in plans)


def test_a_same_day_escalation_gives_the_care_advice_once_and_puts_every_later_day_on_hold():
    locked = red_flag(SessionLog(TODAY, "run", signs=frozenset({"locking"})))
    plans = plan_days(basis(escalation=locked), 7)
    assert [s.kind for s in plans[0].sessions] == ["care"] and plans[0].sessions[0].what == (
        Level.URGENT.action,
    )
    assert all([s.kind for s in d.sessions] == ["paused"] for d in plans[1:])
    assert not any(s.what == (Level.URGENT.action,) for d in plans[1:] for s in d.sessions)


def test_what_was_logged_today_shows_as_done():
    plans = plan_days(basis(last_run=TODAY, runs_this_week=2, logged_today=frozenset({"run", "mobility"})), 3)
    assert plans[0].run.done and [s.done for s in plans[0].sessions if s.kind == "mobility"] == [True]
    assert plans[1].run is None


def test_after_the_ladder_the_runs_are_easy_runs_under_the_ten_percent_rule():
    plans = plan_days(basis(phase="done", level=8), 7)
    run = next(d.run for d in plans if d.run)
    assert run.title.en == "Easy run" and "ten_percent_rule" in run.evidence


@pytest.mark.parametrize("days", [0, 367])
def test_a_plan_is_one_day_to_a_year_long(days):
    with pytest.raises(ValueError):
        plan_days(basis(), days)


def test_planned_sessions_lays_out_as_many_days_as_asked_from_the_states_basis():
    start = date(2027, 3, 1)
    state = replay(Programme(start=start, severity="light", strength_exercises=SEED_STRENGTH), [], TODAY)
    feed = planned_sessions(state, 30)
    assert len(feed) == 30 and feed[0].date == TODAY and feed[:7] == state.week_ahead


def test_an_imported_run_counts_as_the_planned_session_only_on_a_run_day_and_near_its_minutes():
    start = date(2027, 3, 1)
    programme = Programme(start=start, severity="light", strength_exercises=SEED_STRENGTH)
    state = replay(programme, [], start + timedelta(days=3))  # return starts today, level 1: 20 minutes
    assert state.today_plan.run is not None
    assert matches_planned_run(state, state.today, 2.3, 22.0)
    assert not matches_planned_run(state, state.today, 6.0, 45.0)
    tomorrow = state.today + timedelta(days=1)
    assert state.week_ahead[1].run is None and not matches_planned_run(state, tomorrow, 2.3, 22.0)
    assert not matches_planned_run(state, state.today - timedelta(days=1), 2.3, 22.0)
    assert not matches_planned_run(replace(state, week_ahead=()), state.today, 2.3, 22.0)
