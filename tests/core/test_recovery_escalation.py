from datetime import date

import pytest

from kniewijs.core.answers import Answers
from kniewijs.core.levels import Level
from kniewijs.core.recovery.escalation import (
    gave_way,
    most_urgent,
    no_progress,
    protect_not_settled,
    red_flag,
    swelling_twice,
    too_much_pain_twice,
)
from kniewijs.core.recovery.model import SessionLog
from kniewijs.core.triage import triage

DAY = date(2027, 4, 2)


def log(*signs, **values):
    return SessionLog(DAY, "run", signs=frozenset(signs), **values)


def test_a_locked_knee_gets_the_self_checks_same_day_advice_with_its_reasons():
    escalation = red_flag(log("locking"))
    level, reasons = triage(Answers(locking=True))
    assert escalation.level is level is Level.URGENT
    assert [r.code for r in escalation.reasons] == [r.code for r in reasons]
    assert escalation.reasons[0].source == "nhg_m66" and escalation.link is None


def test_a_swollen_calf_with_breathlessness_gets_112():
    escalation = red_flag(log("calf_swelling", "breathless_or_chest_pain"))
    assert escalation.level is Level.EMERGENCY
    assert {"breathless_or_chest_pain", "swollen_calf"} <= {r.code for r in escalation.reasons}


def test_a_warm_knee_that_swells_is_a_same_day_case_but_swelling_alone_is_left_to_the_ladder():
    assert red_flag(log("warm", swelling=True)).level is Level.URGENT
    assert red_flag(log(swelling=True)) is None
    assert red_flag(log(giving_way=True)) is None


def test_giving_way_with_another_sign_but_no_new_injury_is_not_called_a_torn_ligament():
    escalation = red_flag(log("red", giving_way=True))
    assert escalation is None or "instability_after_injury" not in {r.code for r in escalation.reasons}


def test_giving_way_after_an_injury_is_a_same_day_case():
    assert red_flag(log("injury", giving_way=True)).level is Level.URGENT


@pytest.mark.parametrize(
    ("escalation", "level", "source"),
    [
        (too_much_pain_twice(DAY), Level.PHYSIO, "silbernagel_2007"),
        (swelling_twice(DAY), Level.GP, "seed"),
        (gave_way(DAY), Level.GP, "seed"),
        (no_progress(DAY), Level.PHYSIO, "seed"),
    ],
)
def test_each_programme_rule_has_its_level_its_booking_link_and_its_source(escalation, level, source):
    assert escalation.level is level and escalation.link == "book"
    assert escalation.reasons[0].source == source and escalation.date == DAY


def test_six_weeks_without_progress_names_the_seeds_recovery_time_and_crossleys_six_week_check():
    assert no_progress(DAY).sources == ("seed", "crossley_2016")


def test_pain_unsettled_after_two_weeks_of_rest_goes_to_the_gp_and_after_a_week_to_the_physio():
    assert protect_not_settled(DAY, 14).level is Level.GP
    assert protect_not_settled(DAY, 28).level is Level.GP
    assert protect_not_settled(DAY, 7).level is Level.PHYSIO
    assert "7" in protect_not_settled(DAY, 7).reasons[0].text.nl


def test_the_open_escalation_shown_is_the_most_urgent_and_between_equals_the_earliest():
    first, second = gave_way(date(2027, 4, 1)), swelling_twice(date(2027, 4, 3))
    physio = no_progress(date(2027, 3, 1))
    assert most_urgent([physio, first, second]) is first
    assert most_urgent([]) is None
