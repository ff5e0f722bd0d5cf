from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.answers import Answers
from kniewijs.core.levels import Level
from kniewijs.core.plan import CONSENSUS_HIP_KNEE, GENTLE_START, REST_DAYS, SEED_STRENGTH
from kniewijs.core.recovery import (
    RED_FLAG_SIGNS,
    Programme,
    Review,
    SessionLog,
    Verdict,
    programme_from_selfcheck,
    replay,
)
from kniewijs.core.selfcheck import evaluate
from kniewijs.core.triage import triage

START = date(2027, 3, 1)  # a Monday
LIGHT = Programme(start=START, severity="light", strength_exercises=SEED_STRENGTH)
RETURN = START + timedelta(days=REST_DAYS["light"][0])


def day(n):
    return RETURN + timedelta(days=n)


def run(n, during=2, morning=1, **values):
    return SessionLog(
        day(n), "run", pain_during=during, pain_after=during, pain_next_morning=morning, **values
    )


def every_other_day(count, **values):
    return [run(2 * i, **values) for i in range(count)]


def gains(state):
    return [d.date for d in state.decisions if d.level_after > d.level_before]


def test_pain_staying_at_two_moves_a_level_every_second_session_and_never_faster_than_two_in_seven_days():
    state = replay(LIGHT, every_other_day(14), day(27))
    assert [d.verdict for d in state.decisions] == [Verdict.REPEAT, Verdict.PROGRESS] * 7
    assert state.level == 8 and state.phase == "return"
    up = gains(state)
    assert all(sum(0 <= (d - g).days < 7 for g in up) <= 2 for d in up)


def test_the_ladder_is_done_after_the_top_level_went_well_twice():
    state = replay(LIGHT, every_other_day(16), day(31))
    assert state.phase == "done" and state.level == 8
    assert state.decisions[-1].reasons[0].code == "complete"


def test_no_level_is_gained_before_it_was_run_well_at_least_twice():
    logs = every_other_day(14)
    state = replay(LIGHT, logs, day(27))
    runs_at = {}
    for decision in state.decisions:
        runs_at[decision.level_before] = runs_at.get(decision.level_before, 0) + 1
        if decision.verdict is Verdict.PROGRESS:
            assert runs_at[decision.level_before] >= 2


def test_pain_of_six_steps_back_one_level_and_waits_two_rest_days():
    logs = every_other_day(4) + [run(8, during=6)]
    state = replay(LIGHT, logs, day(8))
    last = state.decisions[-1]
    assert last.verdict is Verdict.STEP_BACK and (last.level_before, last.level_after) == (3, 2)
    assert last.sources == ("silbernagel_2007", "delaware_2018") and last.reasons[0].code == "too_much_pain"
    assert state.level == 2 and state.today_plan.run.done
    assert [d.date for d in state.week_ahead if d.run and not d.run.done][0] == day(11)


def test_swelling_the_next_morning_repeats_the_level():
    logs = [run(0), run(2, swelling=True)]
    state = replay(LIGHT, logs, day(2))
    assert state.decisions[-1].verdict is Verdict.REPEAT and state.level == 1
    assert state.decisions[-1].reasons[0].code == "swelling"
    assert state.cooling.suggested_now


def test_the_second_swelling_advises_the_gp_and_stops_the_runs_until_a_review():
    logs = [run(0, swelling=True), run(2, swelling=True)]
    state = replay(LIGHT, logs, day(3))
    assert state.escalation.code == "swelling_twice" and state.escalation.level is Level.GP
    assert state.escalation.link == "book" and all(d.run is None for d in state.week_ahead)
    reviewed = Programme(**{**_fields(LIGHT), "reviews": (Review(day(3)),)})
    after = replay(reviewed, logs, day(4))
    assert after.escalation is None and any(d.run for d in after.week_ahead)
    assert after.escalations == state.escalations


def _fields(programme):
    return {name: getattr(programme, name) for name in programme.__dataclass_fields__}


def test_pain_above_five_twice_advises_a_physiotherapist():
    logs = [run(0, during=6), run(3, during=7)]
    state = replay(LIGHT, logs, day(3))
    assert state.escalation.code == "too_much_pain_twice" and state.escalation.level is Level.PHYSIO
    assert state.escalation.date == day(3)
    assert replay(LIGHT, logs[:1], day(3)).escalation is None


def test_a_knee_that_gives_way_advises_the_gp_at_once():
    state = replay(LIGHT, [run(0, giving_way=True)], day(0))
    assert state.escalation.code == "giving_way" and state.escalation.level is Level.GP
    assert state.decisions[-1].verdict is Verdict.STEP_BACK


def test_six_weeks_without_progress_escalates_to_a_physiotherapist():
    logs = every_other_day(25, during=4)  # acceptable pain: the level is repeated, never gained
    before = replay(LIGHT, logs, day(41))
    assert before.escalation is None and before.level == 1
    state = replay(LIGHT, logs, day(42))
    assert state.escalation.code == "no_progress" and state.escalation.date == day(42)
    assert state.escalation.level is Level.PHYSIO and "crossley_2016" in state.escalation.sources


def test_the_six_weeks_count_from_the_last_level_gained():
    logs = every_other_day(2) + [run(4 + 2 * i, during=4) for i in range(25)]
    assert replay(LIGHT, logs, day(43)).escalation is None
    assert replay(LIGHT, logs, day(44)).escalation.code == "no_progress"


@pytest.mark.parametrize(
    ("signs", "level"),
    [({"locking"}, Level.URGENT), ({"calf_swelling", "breathless_or_chest_pain"}, Level.EMERGENCY)],
)
def test_a_red_flag_escalates_at_once_with_the_self_checks_level_and_reasons(signs, level):
    logs = every_other_day(3) + [SessionLog(day(5), "mobility", signs=frozenset(signs))]
    state = replay(LIGHT, logs, day(5))
    expected_level, expected_reasons = triage(Answers(**{s: True for s in signs}))
    assert state.escalation.level is expected_level is level and state.escalation.date == day(5)
    assert [r.code for r in state.escalation.reasons] == [r.code for r in expected_reasons]
    assert [s.kind for s in state.today_plan.sessions] == ["care"]
    assert all([s.kind for s in d.sessions] == ["paused"] for d in state.week_ahead[1:])


@pytest.mark.parametrize("severity", sorted(REST_DAYS))
def test_the_protect_phase_lasts_the_shortest_rest_of_core_plan_rest_days_when_pain_has_settled(severity):
    low, _ = REST_DAYS[severity]
    programme = Programme(start=START, severity=severity, strength_exercises=GENTLE_START)
    state = replay(programme, [], START)
    assert state.phase == "protect" and state.return_start is None
    assert all(d.phase == "protect" for d in state.week_ahead if d.date < START + timedelta(days=low))
    later = replay(programme, [], START + timedelta(days=low))
    assert later.phase == "return" and later.return_start == START + timedelta(days=low)
    assert later.today_plan.run is not None and later.today_plan.run.level == 1


@pytest.mark.parametrize("severity", sorted(REST_DAYS))
def test_unsettled_pain_keeps_the_protect_phase_up_to_the_longest_rest_and_is_then_escalated(severity):
    low, high = REST_DAYS[severity]
    programme = Programme(start=START, severity=severity, strength_exercises=GENTLE_START)
    sore = [SessionLog(START + timedelta(days=1), "cross_training", pain_during=5)]
    end = START + timedelta(days=high)
    assert replay(programme, sore, end - timedelta(days=1)).escalation is None
    state = replay(programme, sore, end)
    assert state.phase == "protect" and state.escalation.code == "not_settled_after_rest"
    assert state.escalation.level is (Level.GP if high >= 14 else Level.PHYSIO)
    settled = sore + [SessionLog(end + timedelta(days=1), "strength", pain_during=2)]
    assert replay(programme, settled, end + timedelta(days=2)).return_start == end + timedelta(days=2)


def test_pain_that_settles_before_the_longest_rest_starts_the_return_the_next_day():
    low, _ = REST_DAYS["moderate"]
    programme = Programme(start=START, severity="moderate", strength_exercises=SEED_STRENGTH)
    logs = [
        SessionLog(START + timedelta(days=2), "cross_training", pain_during=5),
        SessionLog(START + timedelta(days=9), "cross_training", pain_during=2, pain_next_morning=1),
    ]
    assert replay(programme, logs, START + timedelta(days=9)).week_ahead[1].phase == "return"
    assert replay(programme, logs, START + timedelta(days=12)).return_start == START + timedelta(days=10)
    assert low < 10


def test_strength_sessions_called_easy_twice_in_a_row_raise_the_dose_and_show_in_the_plan():
    logs = [
        SessionLog(START + timedelta(days=n), "strength", pain_during=1, easy_and_pain_free=True)
        for n in (0, 2)
    ]
    state = replay(LIGHT, logs, START + timedelta(days=3))
    assert {d.dose.amount for d in state.strength} == {12}
    assert len(state.strength_steps) == len(SEED_STRENGTH)
    strength_day = next(d for d in state.week_ahead if d.has("strength"))
    planned = next(s for s in strength_day.sessions if s.kind == "strength")
    assert planned.exercises == state.strength


def test_the_weekly_squat_tests_give_a_trend():
    logs = [
        SessionLog(START + timedelta(days=7 * i), "squat_test", squat_heels_down=v)
        for i, v in enumerate((False, True))
    ]
    state = replay(LIGHT, logs, START + timedelta(days=8))
    assert state.squat.trend == "better" and state.basis.last_squat_test == START + timedelta(days=7)


def test_a_review_can_set_the_level_and_restarts_the_counts():
    logs = [run(0, during=6)]
    reviewed = Programme(**{**_fields(LIGHT), "reviews": (Review(day(1), level=4),)})
    state = replay(reviewed, logs + [run(3, during=6)], day(3))
    assert state.escalation is None  # the count of pain above five started again at the review
    assert state.decisions[-1].level_before == 4 and state.level == 3


def test_logs_before_the_start_or_after_today_are_left_out():
    logs = [SessionLog(START - timedelta(days=1), "run", pain_during=9), run(5, during=9)]
    state = replay(LIGHT, logs, day(4))
    assert state.decisions == () and state.escalations == ()


def test_a_self_check_result_becomes_a_programme_with_its_severity_exercises_hint_and_advice():
    result = evaluate(Answers(location="front", worse_with=frozenset({"stairs"}), weeks=3, pain_running=5))
    programme = programme_from_selfcheck(result, START)
    assert programme.severity == "moderate" and programme.condition == "patellofemoral_pain"
    assert set(CONSENSUS_HIP_KNEE) <= set(programme.strength_exercises)
    assert programme.advice_level is result.level is Level.PHYSIO
    state = replay(programme, [], START)
    assert state.escalation.code == "selfcheck" and state.escalation.level is Level.PHYSIO


def test_a_self_check_that_sends_the_runner_to_care_first_gives_no_programme():
    assert programme_from_selfcheck(evaluate(Answers(locking=True)), START) is None


def test_the_same_input_always_gives_the_same_state():
    logs = every_other_day(6) + [run(13, during=6)]
    assert replay(LIGHT, logs, day(15)) == replay(LIGHT, list(logs), day(15))


pains = st.none() | st.sampled_from([0, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8])
logs_strategy = st.lists(
    st.builds(
        SessionLog,
        date=st.integers(0, 90).map(lambda n: START + timedelta(days=n)),
        kind=st.sampled_from(["run", "run", "run", "strength", "mobility", "squat_test", "cross_training"]),
        level=st.none() | st.integers(1, 8),
        pain_during=pains,
        pain_after=pains,
        pain_next_morning=pains,
        swelling=st.booleans(),
        giving_way=st.sampled_from([False, False, False, True]),
        easy_and_pain_free=st.none() | st.booleans(),
        squat_heels_down=st.none() | st.booleans(),
        signs=st.sets(st.sampled_from(RED_FLAG_SIGNS), max_size=1).map(frozenset) | st.just(frozenset()),
    ),
    max_size=80,
)
good_runs_strategy = st.lists(st.integers(0, 90), max_size=70).map(
    lambda days: [
        SessionLog(START + timedelta(days=n), "run", pain_during=1, pain_next_morning=0) for n in sorted(days)
    ]
)


def assert_level_bounded_and_slow(state):
    assert 1 <= state.level <= 8
    decisions = state.decisions
    for d in decisions:
        assert 1 <= d.level_before <= 8 and 1 <= d.level_after <= 8
    for i, first in enumerate(decisions):
        for later in decisions[i:]:
            if (later.date - first.date).days <= 6:
                assert later.level_after - first.level_before <= 2


@settings(max_examples=200, deadline=None)
@given(logs_strategy, st.sampled_from(sorted(REST_DAYS)))
def test_for_any_logs_the_level_stays_on_the_ladder_and_rises_at_most_two_in_seven_days(logs, severity):
    programme = Programme(start=START, severity=severity, strength_exercises=SEED_STRENGTH)
    assert_level_bounded_and_slow(replay(programme, logs, START + timedelta(days=95)))


@settings(max_examples=200, deadline=None)
@given(good_runs_strategy)
def test_even_pain_free_runs_on_any_days_never_climb_more_than_two_levels_in_seven_days(logs):
    state = replay(
        Programme(start=START, severity="light", strength_exercises=SEED_STRENGTH, protect_days=(0, 0)),
        logs,
        START + timedelta(days=95),
    )
    assert_level_bounded_and_slow(state)


@settings(max_examples=300, deadline=None)
@given(logs_strategy, st.sampled_from(sorted(REST_DAYS)), st.integers(0, 95))
def test_for_any_logs_the_header_the_chart_and_the_last_decision_name_one_level(logs, severity, days):
    """The physio's record showed "level 4 of 8" beside "you are now at level 3": the level in force
    today (the header), the chart's last day and the latest decision's outcome must be one number."""
    today = START + timedelta(days=days)
    state = replay(Programme(start=START, severity=severity, strength_exercises=SEED_STRENGTH), logs, today)
    last = state.history[-1] if state.history else None
    if state.phase == "protect":
        assert last is None or last.level is None
        return
    assert last is not None and last.date == today and last.level == state.level
    if state.decisions and state.decisions[-1].date == today:
        assert state.decisions[-1].level_after == state.level
