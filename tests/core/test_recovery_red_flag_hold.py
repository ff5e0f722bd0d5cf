"""A red flag logged anywhere in the programme stops it and gives one urgent message; pain above 5 on a
ladder run is said at once with the step back. The red-flag levels come from core.triage.triage; these
tests lean only on its two codes for a clot: breathless_or_chest_pain (112) and swollen_calf (same day)."""

from datetime import date, timedelta

from kniewijs.core.levels import Level
from kniewijs.core.plan import REST_DAYS, SEED_STRENGTH
from kniewijs.core.recovery import Programme, Review, SessionLog, Verdict, planned_sessions, replay
from kniewijs.core.recovery.feedback import after_saving
from kniewijs.core.recovery.urgent import escalation_advice
from kniewijs.core.sources import SOURCES

START = date(2027, 3, 1)
LIGHT = Programme(start=START, severity="light", strength_exercises=SEED_STRENGTH)
RETURN = START + timedelta(days=REST_DAYS["light"][0])


def words(advice):
    return " ".join([advice.title.nl, *(line.nl for line in advice.lines)])


def test_breathlessness_logged_with_a_swollen_calf_means_112_and_names_a_possible_blood_clot_not_a_knee_injury():
    log = SessionLog(RETURN, "mobility", signs=frozenset({"calf_swelling", "breathless_or_chest_pain"}))
    state = replay(LIGHT, [log], RETURN)
    advice = escalation_advice(state.escalation)
    assert state.on_hold and advice.level is Level.EMERGENCY and advice.call_112_now
    said = words(advice)
    assert "112" in said and "bloedstolsel" in said and "knieletsel" not in said
    assert "blood clot" in " ".join(line.en for line in advice.lines)
    assert advice.sources and all(key in SOURCES for key in advice.sources)


def test_a_swollen_calf_alone_means_a_doctor_the_same_day_for_a_possible_thrombosis():
    state = replay(LIGHT, [SessionLog(RETURN, "strength", signs=frozenset({"calf_swelling"}))], RETURN)
    advice = escalation_advice(state.escalation)
    assert advice.level is Level.URGENT and advice.same_day and not advice.call_112_now
    said = words(advice)
    assert "vandaag" in said and "huisartsenpost" in said and "trombose" in said
    assert "112" in said, "it still says when 112 is the step"


def test_a_red_flag_in_the_rest_phase_stops_the_programme_too():
    log = SessionLog(
        START + timedelta(days=1), "run", pain_during=2, signs=frozenset({"breathless_or_chest_pain"})
    )
    state = replay(LIGHT, [log], log.date)
    assert state.on_hold and state.escalation.level is Level.EMERGENCY


def test_the_week_ahead_after_a_red_flag_says_the_advice_once_and_holds_every_later_day():
    log = SessionLog(RETURN, "mobility", signs=frozenset({"breathless_or_chest_pain"}))
    state = replay(LIGHT, [log], RETURN)
    kinds = [[s.kind for s in d.sessions] for d in state.week_ahead]
    assert kinds[0] == ["care"] and all(k == ["paused"] for k in kinds[1:])
    assert not any(s.kind == "run" for d in planned_sessions(state, 28) for s in d.sessions)


def test_the_urgent_advice_is_still_there_the_next_days_until_a_doctor_has_seen_the_runner():
    log = SessionLog(RETURN, "mobility", signs=frozenset({"calf_swelling"}))
    later = replay(LIGHT, [log], RETURN + timedelta(days=3))
    advice = escalation_advice(later.escalation)
    assert later.on_hold and advice.reported_on == RETURN
    seen = Programme(
        start=START,
        severity="light",
        strength_exercises=SEED_STRENGTH,
        reviews=(Review(RETURN + timedelta(days=1)),),
    )
    after = replay(seen, [log], RETURN + timedelta(days=3))
    assert not after.on_hold and escalation_advice(after.escalation) is None


def test_saving_a_red_flag_gives_no_saved_message_because_the_urgent_block_is_the_message():
    log = SessionLog(RETURN, "mobility", signs=frozenset({"calf_swelling", "breathless_or_chest_pain"}))
    assert after_saving(replay(LIGHT, [log], RETURN), log).tone == "urgent"


def test_pain_6_on_a_ladder_run_is_a_step_back_said_at_once_with_the_limit_of_5_and_what_happens_now():
    first = SessionLog(RETURN, "run", pain_during=2, pain_after=2, pain_next_morning=1)
    sore = SessionLog(RETURN + timedelta(days=2), "run", pain_during=6, pain_after=5)
    state = replay(LIGHT, [first, sore], sore.date)
    decision = state.decisions[-1]
    assert (
        decision.verdict is Verdict.STEP_BACK and decision.has("too_much_pain") and decision.has("step_back")
    )
    feedback = after_saving(state, sore)
    said = " ".join([feedback.title.nl, *(line.nl for line in feedback.lines)])
    assert feedback.tone == "warning" and "6 op 10" in said and "grens van 5" in said
    assert "twee rustdagen" in said and "morgenochtend" not in said


def test_a_good_run_without_the_morning_pain_waits_for_the_morning_and_says_so():
    log = SessionLog(RETURN, "run", pain_during=2, pain_after=2)
    feedback = after_saving(replay(LIGHT, [log], RETURN), log)
    assert feedback.tone == "info" and "morgenochtend" in feedback.title.nl


def test_a_good_run_with_the_morning_pain_filled_in_gets_its_decision_not_a_wait():
    log = SessionLog(RETURN, "run", pain_during=2, pain_after=2, pain_next_morning=1)
    feedback = after_saving(replay(LIGHT, [log], RETURN), log)
    assert "morgenochtend" not in feedback.title.nl and feedback.title.nl == "Dit niveau nog eens"
