from dataclasses import replace
from datetime import date, timedelta

import pytest

from kniewijs.core.recovery.model import Because, SessionLog, Verdict
from kniewijs.core.recovery.monitoring import RunContext, decide_run, levels_gained_within_7_days
from kniewijs.core.text import T

DAY = date(2027, 3, 10)
CALM = RunContext(
    level=3,
    good_runs_before=0,
    days_since_last_run=2,
    runs_in_week_before=1,
    levels_gained_in_window=0,
    previous_week_highest=2,
    this_week_highest_before=2,
)


def run(**pain):
    values = {"pain_during": 2, "pain_after": 2, "pain_next_morning": 1, **pain}
    return SessionLog(DAY, "run", **values)


def codes(outcome):
    return [r.code for r in outcome.reasons]


def test_a_first_good_run_at_a_level_is_repeated_and_counts_as_good():
    outcome = decide_run(run(), CALM)
    assert outcome.verdict is Verdict.REPEAT and outcome.good and codes(outcome) == ["once_more"]
    assert outcome.level_after == 3


def test_a_second_good_run_in_a_row_moves_one_level_up_and_says_why_with_both_sources():
    outcome = decide_run(run(), replace(CALM, good_runs_before=1))
    assert outcome.verdict is Verdict.PROGRESS and outcome.level_after == 4
    assert {r.source for r in outcome.reasons} == {"silbernagel_2007", "delaware_2018"}


@pytest.mark.parametrize(
    ("pain", "code"),
    [
        ({"pain_during": 6}, "too_much_pain"),
        ({"pain_after": 7}, "too_much_pain"),
        ({"pain_next_morning": 4}, "not_settled"),
    ],
)
def test_pain_above_five_or_not_settled_by_the_morning_steps_back_one_level(pain, code):
    outcome = decide_run(run(**pain), replace(CALM, good_runs_before=1))
    assert outcome.verdict is Verdict.STEP_BACK and outcome.level_after == 2
    assert code in codes(outcome) and not outcome.good
    assert codes(outcome)[-1] == "step_back" and "niveau 2" in outcome.reasons[-1].text.nl


def test_three_the_next_morning_counts_as_settled():
    assert decide_run(run(pain_next_morning=3), replace(CALM, good_runs_before=1)).verdict is Verdict.PROGRESS


def test_a_step_back_from_level_one_stays_at_level_one():
    assert decide_run(run(pain_during=8), replace(CALM, level=1)).level_after == 1


def test_every_reason_for_a_step_back_is_given_not_only_the_first():
    outcome = decide_run(SessionLog(DAY, "run", pain_during=7, pain_next_morning=6, giving_way=True), CALM)
    assert {"too_much_pain", "not_settled", "gave_way", "rising"} <= set(codes(outcome))


def test_swelling_with_little_pain_repeats_the_level_and_resets_the_count():
    outcome = decide_run(replace(run(), swelling=True), replace(CALM, good_runs_before=1))
    assert outcome.verdict is Verdict.REPEAT and codes(outcome) == ["swelling"] and not outcome.good


def test_pain_of_four_or_five_is_acceptable_but_not_a_reason_to_build_up():
    outcome = decide_run(run(pain_during=5), replace(CALM, good_runs_before=1, previous_week_highest=5))
    assert outcome.verdict is Verdict.REPEAT and codes(outcome) == ["acceptable"]


def test_without_the_pain_during_or_the_next_morning_the_level_is_repeated():
    assert codes(decide_run(run(pain_next_morning=None), CALM)) == ["incomplete"]
    assert codes(decide_run(SessionLog(DAY, "run", pain_next_morning=1), CALM)) == ["incomplete"]


def test_a_run_the_day_after_a_run_or_a_fifth_run_in_a_week_does_not_count():
    assert codes(decide_run(run(), replace(CALM, days_since_last_run=1))) == ["no_rest_day"]
    assert codes(decide_run(run(), replace(CALM, runs_in_week_before=4))) == ["week_full"]


def test_a_run_at_another_level_than_planned_does_not_count_for_the_planned_one():
    outcome = decide_run(replace(run(), level=5), replace(CALM, good_runs_before=1))
    assert outcome.verdict is Verdict.REPEAT and codes(outcome) == ["other_level"]
    assert "5" in outcome.reasons[0].text.nl and "3" in outcome.reasons[0].text.nl


def test_the_run_that_lifts_the_weeks_highest_pain_above_last_weeks_into_four_or_more_steps_back():
    ctx = replace(CALM, previous_week_highest=3, this_week_highest_before=2)
    assert codes(decide_run(run(pain_during=4), ctx)) == ["rising", "step_back"]


def test_a_rise_inside_the_safe_zone_or_a_second_run_at_the_same_height_is_not_counted_again():
    rise_in_safe_zone = replace(CALM, previous_week_highest=1, this_week_highest_before=1, good_runs_before=1)
    assert decide_run(run(pain_during=3), rise_in_safe_zone).verdict is Verdict.PROGRESS
    already_counted = replace(CALM, previous_week_highest=3, this_week_highest_before=4)
    assert codes(decide_run(run(pain_during=4), already_counted)) == ["acceptable"]


def test_no_more_than_two_levels_are_gained_in_seven_days():
    outcome = decide_run(run(), replace(CALM, good_runs_before=1, levels_gained_in_window=2))
    assert outcome.verdict is Verdict.REPEAT and outcome.good and codes(outcome) == ["seven_day_limit"]


def test_the_top_level_done_twice_completes_the_ladder_without_going_higher():
    outcome = decide_run(run(), replace(CALM, level=8, good_runs_before=1))
    assert outcome.completes_ladder and outcome.level_after == 8 and outcome.verdict is Verdict.PROGRESS


def test_an_alarm_sign_with_a_run_steps_back_naming_the_self_checks_source():
    flags = (Because("locked_knee", T("vast", "locked"), "nhg_m66"),)
    outcome = decide_run(run(), replace(CALM, red_flags=flags))
    assert outcome.verdict is Verdict.STEP_BACK and outcome.reasons[0].source == "nhg_m66"
    assert "step_back" not in codes(outcome)  # no rest-day talk when the advice is to see a doctor


def test_the_seven_day_window_counts_gains_on_the_day_and_the_six_days_before():
    gains = [DAY - timedelta(days=7), DAY - timedelta(days=6), DAY]
    assert levels_gained_within_7_days(gains, DAY) == 2
    assert levels_gained_within_7_days(gains, DAY - timedelta(days=1)) == 2
    assert levels_gained_within_7_days(gains, DAY + timedelta(days=1)) == 1
