from dataclasses import fields
from datetime import date

import pytest

from kniewijs.core.answers import Answers
from kniewijs.core.levels import Level
from kniewijs.core.plan import REST_DAYS, SEED_STRENGTH
from kniewijs.core.recovery.model import (
    RED_FLAG_SIGNS,
    Because,
    DayPlan,
    Dose,
    Escalation,
    PlannedSession,
    Programme,
    Review,
    SessionLog,
)
from kniewijs.core.text import T

START = date(2027, 3, 1)


def programme(**changes):
    return Programme(**{"start": START, "severity": "light", "strength_exercises": SEED_STRENGTH, **changes})


def test_every_alarm_sign_a_runner_can_report_is_a_self_check_answer():
    answer_fields = {f.name for f in fields(Answers)}
    assert set(RED_FLAG_SIGNS) <= answer_fields
    assert {"locking", "calf_swelling", "breathless_or_chest_pain"} <= set(RED_FLAG_SIGNS)


@pytest.mark.parametrize("value", [-1, 11, 2.5, True])
def test_a_pain_score_must_be_a_whole_number_from_0_to_10(value):
    with pytest.raises(ValueError, match="pain_during"):
        SessionLog(START, "run", pain_during=value)


def test_an_unknown_kind_level_or_sign_is_refused_with_its_name():
    with pytest.raises(ValueError, match="kind"):
        SessionLog(START, "yoga")
    with pytest.raises(ValueError, match="level"):
        SessionLog(START, "run", level=9)
    with pytest.raises(ValueError, match="headache"):
        SessionLog(START, "run", signs=frozenset({"headache"}))


def test_the_activity_pain_is_the_higher_of_during_and_after_and_the_highest_includes_the_morning():
    log = SessionLog(START, "run", pain_during=2, pain_after=4, pain_next_morning=5)
    assert log.activity_pain == 4 and log.highest_pain == 5
    assert SessionLog(START, "run").highest_pain is None


def test_a_programme_takes_its_rest_range_from_the_plan_unless_a_physio_sets_one():
    for severity, days in REST_DAYS.items():
        assert programme(severity=severity).rest_days == days
    assert programme(protect_days=(2, 5)).rest_days == (2, 5)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"severity": "mild"}, "severity"),
        ({"strength_exercises": ()}, "at least one"),
        ({"strength_exercises": ("calf_stretch",)}, "calf_stretch"),
        ({"strength_exercises": ("glute_bridge", "glute_bridge")}, "once"),
        ({"start_level": 0}, "start_level"),
        ({"protect_days": (5, 3)}, "protect_days"),
        ({"advice_level": Level.URGENT}, "care first"),
    ],
)
def test_a_programme_that_cannot_be_followed_is_refused(changes, message):
    with pytest.raises(ValueError, match=message):
        programme(**changes)


def test_a_review_can_only_set_a_level_on_the_ladder():
    assert Review(START, level=3).level == 3
    with pytest.raises(ValueError):
        Review(START, level=12)


def test_physio_and_gp_advice_come_with_the_booking_link_and_urgent_advice_does_not():
    reason = (Because("x", T("a", "b"), "seed"),)
    assert Escalation(START, Level.PHYSIO, "x", reason).link == "book"
    assert Escalation(START, Level.GP, "x", reason).link == "book"
    urgent = Escalation(START, Level.URGENT, "x", reason)
    assert urgent.link is None and urgent.care_only and urgent.pauses_running
    assert urgent.advice == Level.URGENT.action
    assert not Escalation(START, Level.PHYSIO, "x", reason).pauses_running


def test_a_dose_reads_as_sets_times_repetitions_or_seconds():
    assert Dose(3, 12, "reps").describe().nl == "3 × 12 herhalingen"
    assert Dose(3, 20, "seconds").describe().en == "3 × 20 seconds"


def test_a_day_without_a_run_is_a_rest_day():
    mobility = PlannedSession("mobility", T("a", "a"), (), T("b", "b"), ("seed",))
    run = PlannedSession("run", T("a", "a"), (), T("b", "b"), ("seed",), level=1)
    assert DayPlan(START, "return", (mobility,)).is_rest_day
    day = DayPlan(START, "return", (run, mobility))
    assert not day.is_rest_day and day.run is run and day.has("mobility")
