"""A run logged in the rest (protect) phase: recorded against the advice, judged at once, never a level."""

from datetime import date, timedelta

from kniewijs.core.plan import REST_DAYS, SEED_STRENGTH
from kniewijs.core.recovery import Programme, SessionLog, Verdict, planned_sessions, replay
from kniewijs.core.recovery.feedback import after_saving

START = date(2027, 3, 1)  # a Monday
MODERATE = Programme(start=START, severity="moderate", strength_exercises=SEED_STRENGTH)
LOW, HIGH = REST_DAYS["moderate"]  # 7-14 days without running


def day(n):
    return START + timedelta(days=n)


def walk_run(n, during=2, after=None, morning=None):
    return SessionLog(day(n), "run", level=1, pain_during=during, pain_after=after, pain_next_morning=morning)


def test_a_run_on_day_one_of_a_no_running_rest_is_recorded_against_the_advice_and_counts_for_no_level():
    state = replay(MODERATE, [walk_run(1, during=2, after=2, morning=1)], day(1))
    decision = state.decisions[-1]
    assert decision.verdict is Verdict.REST_GOES_ON and decision.verdict.against_advice
    assert decision.has("against_advice") and decision.level_before == decision.level_after == 1
    assert state.phase == "protect" and state.good_runs_at_level == 0


def test_a_run_in_the_rest_phase_does_not_make_todays_card_say_a_level_is_done():
    state = replay(MODERATE, [walk_run(1, during=6, after=6, morning=4)], day(1))
    today = state.today_plan
    assert today.run is None, "a run the plan did not ask for must not appear as today's level"
    assert not any(s.done for s in today.sessions if s.kind in ("run", "protect"))
    assert today.has("protect")


def test_the_calendar_feed_does_not_show_a_run_in_the_rest_phase_as_a_planned_completed_level():
    state = replay(MODERATE, [walk_run(1, during=6, after=6, morning=4)], day(1))
    feed = planned_sessions(state, 28)
    assert not any(s.kind == "run" and s.done for d in feed for s in d.sessions)
    assert all(d.run is None for d in feed if d.date <= day(1 + LOW))


def test_pain_6_on_a_run_in_the_rest_phase_says_above_5_at_once_and_starts_the_rest_again():
    state = replay(MODERATE, [walk_run(1, during=6, after=6, morning=4)], day(1))
    decision = state.decisions[-1]
    assert decision.verdict is Verdict.REST_RESTARTS
    assert decision.has("too_much_pain") and decision.has("not_settled") and decision.has("rest_restarts")
    too_much = next(r for r in decision.reasons if r.code == "too_much_pain")
    assert "6 op 10" in too_much.text.nl and "5" in too_much.text.nl and too_much.source == "silbernagel_2007"
    assert state.earliest_return == day(1 + 1 + LOW)


def test_a_rest_that_started_again_late_runs_past_the_longest_rest_without_calling_a_settled_knee_unsettled():
    logs = [
        SessionLog(day(2), "strength", pain_during=5),  # not settled: the rest goes past its shortest
        walk_run(10, during=6, after=6, morning=4),
        SessionLog(day(11), "strength", pain_during=1),
    ]
    assert replay(MODERATE, logs, day(10)).decisions[-1].verdict is Verdict.REST_RESTARTS
    restarted = day(10 + 1 + LOW)
    assert restarted > day(HIGH)
    at_the_longest = replay(MODERATE, logs, day(HIGH))
    assert at_the_longest.phase == "protect" and at_the_longest.escalation is None
    assert replay(MODERATE, logs, restarted - timedelta(days=1)).phase == "protect"
    later = replay(MODERATE, logs, restarted)
    assert later.phase == "return" and later.return_start == restarted and later.escalation is None


def test_a_calm_run_in_the_rest_phase_leaves_the_rest_as_planned():
    state = replay(MODERATE, [walk_run(1, during=2, after=2, morning=1)], day(LOW))
    assert state.phase == "return" and state.return_start == day(LOW)


def test_the_message_after_saving_a_painful_run_in_the_rest_phase_is_a_warning_and_never_waits_for_the_morning():
    log = walk_run(1, during=6, after=6, morning=4)
    feedback = after_saving(replay(MODERATE, [log], day(1)), log)
    words = " ".join([feedback.title.nl, *(line.nl for line in feedback.lines)])
    assert feedback.tone == "warning"
    assert "boven de grens van 5" in words and "rust begint opnieuw" in words
    assert "ochtend bekend" not in words and "morgenochtend" not in words


def test_without_the_morning_pain_a_run_in_the_rest_phase_still_gets_its_decision_and_asks_for_the_morning():
    log = walk_run(1, during=2, after=2)
    feedback = after_saving(replay(MODERATE, [log], day(1)), log)
    words = " ".join(line.nl for line in feedback.lines)
    assert feedback.tone == "warning" and "rust gaat door" in feedback.title.nl
    assert "morgenochtend" in words
