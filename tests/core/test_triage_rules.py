"""Every urgency rule of core.triage_rules, the brief's test vectors and cases written from the guidelines
(NHG M66/M107, NTS, Ottawa, BSR/BOA, Wells, JGZ)."""

import pytest

from kniewijs.core.answers import Answers
from kniewijs.core.levels import Level
from kniewijs.core.triage import RULES, triage

QUIET = dict(
    age=35,
    injury=False,
    swelling="none",
    warm=False,
    red=False,
    fever=False,
    locking=False,
    giving_way=False,
    calf_swelling=False,
    weeks=1,
    pain_now=1,
    pain_running=2,
    pain_next_morning=0,
    improving_with_rest=True,
    location="front",
)


def level_and_codes(**answers):
    level, reasons = triage(Answers(**answers))
    return level, [r.code for r in reasons]


def test_a_quiet_knee_gets_self_care_with_an_explicit_reason():
    level, codes = level_and_codes(**QUIET)
    assert level is Level.SELF_CARE
    assert codes == ["no_warning_signs"]


def test_vector_1_pop_swelling_and_unable_to_take_four_steps_means_112_and_ottawa_fires():
    level, codes = level_and_codes(
        age=30, injury=True, pop=True, swelling="fast", can_take_4_steps=False, weeks=0
    )
    assert level is Level.EMERGENCY
    assert codes[0] == "pop_with_loss_of_function"
    assert "ottawa_knee_rule" in codes
    assert "rapid_swelling_after_injury" in codes


def test_vector_2_hot_red_swollen_knee_with_fever_is_same_day_care():
    level, codes = level_and_codes(
        injury=False, warm=True, red=True, swelling="slow", fever=True, weeks=2 / 7
    )
    assert level is Level.URGENT
    assert {"hot_swollen_knee", "fever_with_inflamed_knee"} <= set(codes)


def test_vector_2_without_fever_is_still_same_day_care():
    level, codes = level_and_codes(
        injury=False, warm=True, red=True, swelling="slow", fever=False, weeks=2 / 7
    )
    assert level is Level.URGENT
    assert "hot_swollen_knee" in codes and "fever_with_inflamed_knee" not in codes


def test_a_warm_swollen_knee_of_months_is_not_called_an_infection_without_fever():
    level, codes = level_and_codes(warm=True, swelling="slow", weeks=12)
    assert "hot_swollen_knee" not in codes
    assert level is Level.GP


def test_vector_3_front_knee_pain_on_stairs_for_three_weeks_is_physio_or_self_care():
    level, codes = level_and_codes(
        **(
            QUIET
            | dict(
                weeks=3,
                pain_running=3,
                pain_next_morning=0,
                location="front",
                worse_with=frozenset({"stairs"}),
            )
        )
    )
    assert level in (Level.PHYSIO, Level.SELF_CARE)
    assert level is Level.PHYSIO and codes == ["warning_signs_for_weeks"]


def test_vector_6_swollen_calf_is_same_day_and_with_breathlessness_112():
    assert level_and_codes(calf_swelling=True)[0] is Level.URGENT
    level, codes = level_and_codes(calf_swelling=True, breathless_or_chest_pain=True)
    assert level is Level.EMERGENCY
    assert codes[:1] == ["breathless_or_chest_pain"] and "swollen_calf" in codes


def test_reasons_come_most_urgent_first():
    _, reasons = triage(Answers(calf_swelling=True, breathless_or_chest_pain=True, red=True, pain_running=7))
    levels = [r.level for r in reasons]
    assert levels == sorted(levels, reverse=True)


def test_every_rule_names_a_known_source_in_its_docstring():
    from kniewijs.core.sources import SOURCES

    for rule in RULES:
        assert rule.source in SOURCES, rule.code
        assert rule.test.__doc__ and len(rule.test.__doc__) > 20, rule.code


def test_every_rule_is_documented_in_docs_selfcheck():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "selfcheck.md").read_text()
    for rule in RULES:
        assert f"`{rule.code}`" in doc, rule.code


FULL_QUIET = QUIET | dict(
    can_take_4_steps=True,
    can_bend_90=True,
    deformity=False,
    kneecap_shifted=False,
    limp=False,
    hip_or_groin_pain=False,
    feeling_ill_or_weight_loss=False,
    night_pain=False,
    pain_at_rest=False,
    breathless_or_chest_pain=False,
)
AFTER_INJURY = FULL_QUIET | dict(
    injury=True,
    fall=False,
    pop=False,
    sudden_severe_pain=False,
    lost_function=False,
    straight_leg_raise=True,
    tender_kneecap_only=False,
    tender_fibular_head=False,
)


def test_a_fully_answered_quiet_knee_is_self_care():
    assert level_and_codes(**FULL_QUIET)[0] is Level.SELF_CARE
    assert level_and_codes(**AFTER_INJURY)[0] is Level.SELF_CARE


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        (dict(injury=True, sudden_severe_pain=True, lost_function=True), "pop_walking_again"),
        (dict(injury=True, pop=True, can_take_4_steps=False), "pop_with_loss_of_function"),
        (dict(locking=True), "locked_knee"),
        (dict(deformity=True), "visible_deformity"),
        (dict(kneecap_shifted=True), "kneecap_dislocated"),
        (dict(injury=True, weeks=0.5, age=60), "ottawa_knee_rule"),
        (dict(injury=True, weeks=0.5, tender_kneecap_only=True), "ottawa_knee_rule"),
        (dict(injury=True, weeks=0.5, tender_fibular_head=True), "ottawa_knee_rule"),
        (dict(injury=True, weeks=0.5, can_bend_90=False), "ottawa_knee_rule"),
        (dict(injury=True, giving_way=True), "instability_after_injury"),
        (dict(injury=True, pain_now=9), "severe_pain_after_injury"),
        (dict(injury=True, fall=True, straight_leg_raise=False), "cannot_lift_straight_leg"),
        (dict(age=14, limp=True), "growing_runner_with_limp_or_hip_pain"),
        (dict(age=13, hip_or_groin_pain=True), "growing_runner_with_limp_or_hip_pain"),
        (dict(fever=True, night_pain=True), "fever_with_rest_pain_or_illness"),
        (dict(fever=True, feeling_ill_or_weight_loss=True), "fever_with_rest_pain_or_illness"),
    ],
)
def test_same_day_and_112_rules_fire_on_their_own_signs(answers, code):
    level, codes = level_and_codes(**(FULL_QUIET | answers))
    assert code in codes and level >= Level.URGENT


def test_the_ottawa_rule_is_for_fresh_injuries_only():
    assert "ottawa_knee_rule" not in level_and_codes(injury=True, weeks=3, age=60)[1]
    assert "ottawa_knee_rule" not in level_and_codes(injury=False, weeks=0.5, age=60)[1]


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        (dict(weeks=3, improving_with_rest=False), "pain_beyond_two_weeks_despite_rest"),
        (dict(red=True), "swelling_warmth_or_redness"),
        (dict(giving_way=True), "knee_gives_way"),
        (dict(fever=True), "fever"),
        (dict(pain_now=8), "severe_pain"),
        (dict(can_take_4_steps=False), "cannot_bear_weight"),
        (dict(can_bend_90=False), "cannot_bend_to_right_angle"),
        (dict(night_pain=True), "pain_at_rest_or_at_night"),
        (dict(pain_at_rest=True), "pain_at_rest_or_at_night"),
        (dict(feeling_ill_or_weight_loss=True), "feeling_ill_or_losing_weight"),
        (dict(age=40, hip_or_groin_pain=True), "hip_or_groin_pain"),
        (dict(age=40, limp=True), "walks_with_a_limp"),
        (dict(weeks=4, pain_now=6), "lasting_pain_at_rest"),
    ],
)
def test_the_gp_rules_send_a_knee_without_an_injury_to_the_gp(answers, code):
    level, codes = level_and_codes(**(FULL_QUIET | answers))
    assert level is Level.GP and code in codes


def test_the_seeds_gp_list_still_sends_to_the_gp_when_the_injury_is_known_to_be_absent():
    for sign in (dict(giving_way=True), dict(pain_now=8), dict(red=True), dict(fever=True)):
        assert level_and_codes(**(FULL_QUIET | sign))[0] is Level.GP, sign


def test_pain_of_two_weeks_that_improves_with_rest_is_not_a_gp_case():
    assert "pain_beyond_two_weeks_despite_rest" not in level_and_codes(weeks=3, improving_with_rest=True)[1]


def test_pain_of_three_weeks_without_knowing_whether_rest_helps_is_at_least_for_the_physio():
    level, codes = level_and_codes(**(FULL_QUIET | dict(weeks=3, improving_with_rest=None)))
    assert level is Level.PHYSIO and "pain_beyond_two_weeks_rest_unknown" in codes


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        (dict(pain_running=6), "too_much_pain_while_running"),
        (dict(pain_next_morning=4), "pain_not_settled_next_morning"),
        (dict(weeks=7), "slower_than_usual_recovery"),
        (dict(weeks=2, worse_with=frozenset({"downhill"})), "warning_signs_for_weeks"),
    ],
)
def test_overload_signals_send_to_the_physio(answers, code):
    level, codes = level_and_codes(**(FULL_QUIET | answers))
    assert level is Level.PHYSIO and code in codes


def test_pain_of_five_while_running_is_still_acceptable():
    assert level_and_codes(**(FULL_QUIET | dict(pain_running=5, pain_next_morning=3)))[0] is Level.SELF_CARE


# --- the level follows the knee now, not only the moment of injury ---------------------------------


def test_a_74_year_old_who_fell_ten_days_ago_and_still_cannot_walk_goes_today():
    answers = AFTER_INJURY | dict(age=74, fall=True, weeks=10 / 7, can_take_4_steps=False)
    level, codes = level_and_codes(**answers)
    assert level is Level.URGENT
    assert "fall_older_cannot_walk_or_bend" in codes and "ottawa_knee_rule" not in codes


def test_day_eight_after_an_injury_still_unable_to_walk_or_bend_is_at_least_the_gp():
    for sign in (dict(can_take_4_steps=False), dict(can_bend_90=False)):
        level, codes = level_and_codes(**(AFTER_INJURY | dict(age=30, weeks=8 / 7) | sign))
        assert level >= Level.GP, sign
        assert "ottawa_knee_rule" not in codes


def test_without_an_injury_cannot_walk_with_pain_seven_is_not_self_care():
    level, codes = level_and_codes(**(FULL_QUIET | dict(can_take_4_steps=False, pain_now=7)))
    assert level is Level.GP and "cannot_bear_weight" in codes


def test_an_older_runner_after_a_fall_beyond_the_ottawa_window_sees_the_gp():
    level, codes = level_and_codes(**(AFTER_INJURY | dict(age=66, fall=True, weeks=3)))
    assert level is Level.GP and "fall_at_older_age" in codes


def test_a_fall_at_forty_walking_and_bending_normally_is_not_sent_to_the_gp_for_the_fall():
    assert "fall_at_older_age" not in level_and_codes(**(AFTER_INJURY | dict(age=40, fall=True, weeks=3)))[1]


def test_unable_to_lift_the_straight_leg_after_a_fall_is_same_day_at_any_time():
    answers = AFTER_INJURY | dict(fall=True, straight_leg_raise=False, weeks=5)
    level, codes = level_and_codes(**answers)
    assert level is Level.URGENT and "cannot_lift_straight_leg" in codes


def test_a_kneecap_that_slipped_out_and_back_is_same_day():
    level, codes = level_and_codes(**(AFTER_INJURY | dict(kneecap_shifted=True)))
    assert level is Level.URGENT and "kneecap_dislocated" in codes


# --- 112 only while the loss of function lasts ---------------------------------------------------------


def test_a_pop_with_loss_of_function_that_walks_again_with_little_pain_is_same_day_not_112():
    answers = AFTER_INJURY | dict(pop=True, lost_function=True, can_take_4_steps=True, pain_now=2)
    level, reasons = triage(Answers(**answers))
    assert level is Level.URGENT
    assert reasons[0].code == "pop_walking_again"
    assert reasons[0].evidence == "call_112"


def test_a_pop_with_loss_of_function_that_still_cannot_walk_is_112():
    answers = AFTER_INJURY | dict(pop=True, lost_function=True, can_take_4_steps=False)
    level, reasons = triage(Answers(**answers))
    assert level is Level.EMERGENCY and reasons[0].code == "pop_with_loss_of_function"


def test_a_pop_with_loss_of_function_and_walking_now_unknown_is_read_as_not_walking():
    level, reasons = triage(Answers(injury=True, pop=True, lost_function=True))
    assert level is Level.EMERGENCY
    assert "gaan we ervan uit" in reasons[0].text.nl and "we assume" in reasons[0].text.en


def test_a_pop_after_which_the_runner_could_go_on_is_for_the_gp_not_self_care():
    level, codes = level_and_codes(**(AFTER_INJURY | dict(pop=True)))
    assert level is Level.GP and "pop_at_the_injury" in codes


def test_a_pop_is_ignored_when_the_runner_said_there_was_no_injury():
    # The wizard never asks about a pop then; a stray answer in a file cannot raise the level.
    assert level_and_codes(**(FULL_QUIET | dict(pop=True, lost_function=True)))[0] is Level.SELF_CARE


# --- the safer reading of an unknown condition -------------------------------------------------------


def test_an_unknown_injury_counts_as_an_injury_for_giving_way():
    level, codes = level_and_codes(giving_way=True)
    assert level is Level.URGENT and "instability_after_injury" in codes


def test_an_unknown_age_counts_as_a_growing_runner_for_a_limp():
    level, codes = level_and_codes(**(FULL_QUIET | dict(age=None, limp=True)))
    assert level is Level.URGENT and "growing_runner_with_limp_or_hip_pain" in codes


def test_six_weeks_of_pain_six_at_rest_in_a_fifteen_year_old_is_not_self_care_without_the_rest_answer():
    answers = dict(age=15, injury=False, weeks=6, pain_now=6)
    level, codes = level_and_codes(**answers)
    assert level >= Level.GP and "lasting_pain_at_rest" in codes


# --- the brief's and guidelines' classics --------------------------------------------------------------


def test_a_hot_red_swollen_knee_without_fever_or_injury_is_same_day():
    level, codes = level_and_codes(**(FULL_QUIET | dict(warm=True, red=True, swelling="slow", weeks=0.3)))
    assert level is Level.URGENT and "hot_swollen_knee" in codes


def test_a_swollen_calf_after_a_long_flight_is_same_day_and_names_the_risk():
    level, reasons = triage(Answers(**(FULL_QUIET | dict(calf_swelling=True, dvt_risk=True))))
    assert level is Level.URGENT
    calf = next(r for r in reasons if r.code == "swollen_calf")
    assert "reis" in calf.text.nl and "journey" in calf.text.en


def test_breathlessness_names_a_clot_in_the_lungs_not_a_knee_injury():
    level, reasons = triage(Answers(breathless_or_chest_pain=True))
    assert level is Level.EMERGENCY
    assert "bloedstolsel" in reasons[0].text.nl and "knie" not in Level.EMERGENCY.action.nl


def test_fever_with_pain_at_night_is_same_day_and_night_pain_alone_is_the_gp():
    assert level_and_codes(**(FULL_QUIET | dict(fever=True, night_pain=True)))[0] is Level.URGENT
    assert level_and_codes(**(FULL_QUIET | dict(night_pain=True)))[0] is Level.GP


def test_a_limp_at_seventeen_is_same_day_and_at_eighteen_the_gp():
    assert level_and_codes(**(FULL_QUIET | dict(age=17, limp=True)))[0] is Level.URGENT
    assert level_and_codes(**(FULL_QUIET | dict(age=18, limp=True)))[0] is Level.GP


def test_could_not_go_on_after_an_injury_with_walking_now_unknown_counts_for_ottawa_and_the_gp():
    level, codes = level_and_codes(injury=True, lost_function=True, weeks=0.5)
    assert level is Level.URGENT and "ottawa_knee_rule" in codes
    level, codes = level_and_codes(injury=True, lost_function=True, weeks=3)
    assert level is Level.GP and "cannot_bear_weight" in codes
    # Walking again: neither.
    codes = level_and_codes(**(AFTER_INJURY | dict(lost_function=True, weeks=0.5)))[1]
    assert "ottawa_knee_rule" not in codes and "cannot_bear_weight" not in codes


def test_sudden_severe_pain_at_the_injury_without_loss_of_function_is_for_the_gp():
    level, codes = level_and_codes(**(AFTER_INJURY | dict(sudden_severe_pain=True)))
    assert level is Level.GP and "pop_at_the_injury" in codes
