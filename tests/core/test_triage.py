"""Every urgency rule, and the brief's test vectors."""

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


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        (dict(sudden_severe_pain=True, lost_function=True), "pop_with_loss_of_function"),
        (dict(pop=True, lost_function=False, can_take_4_steps=True), None),
        (dict(locking=True), "locked_knee"),
        (dict(deformity=True), "visible_deformity"),
        (dict(injury=True, weeks=0.5, age=60), "ottawa_knee_rule"),
        (dict(injury=True, weeks=0.5, tender_kneecap_only=True), "ottawa_knee_rule"),
        (dict(injury=True, weeks=0.5, tender_fibular_head=True), "ottawa_knee_rule"),
        (dict(injury=True, weeks=0.5, can_bend_90=False), "ottawa_knee_rule"),
        (dict(injury=True, giving_way=True), "instability_after_injury"),
        (dict(injury=True, pain_now=9), "severe_pain_after_injury"),
    ],
)
def test_same_day_and_112_rules_fire_on_their_own_signs(answers, code):
    level, codes = level_and_codes(**answers)
    if code is None:
        assert level is Level.SELF_CARE
    else:
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
    ],
)
def test_the_clinic_pages_gp_list_sends_to_the_gp(answers, code):
    level, codes = level_and_codes(**answers)
    assert level is Level.GP and code in codes


def test_pain_of_two_weeks_that_improves_with_rest_is_not_a_gp_case():
    assert "pain_beyond_two_weeks_despite_rest" not in level_and_codes(weeks=3, improving_with_rest=True)[1]


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
    level, codes = level_and_codes(**answers)
    assert level is Level.PHYSIO and code in codes


def test_pain_of_five_while_running_is_still_acceptable():
    assert level_and_codes(pain_running=5, pain_next_morning=3)[0] is Level.SELF_CARE


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
