"""The triage mechanism: the most urgent rule decides, and unanswered safety questions are named, not
assumed absent (shared/contracts/selfcheck-result.md, `unanswered_safety`)."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.answers import FIELD_BY_NAME, Answers, parse_answers
from kniewijs.core.levels import Level
from kniewijs.core.triage import SAFETY_FIELDS, level_of, probe_values, triage, unanswered_safety

from .strategies import raw_answers


def test_with_no_answers_at_all_the_level_is_self_care_but_the_red_flags_are_all_open():
    open_questions = unanswered_safety(Answers())
    assert triage(Answers())[0] is Level.SELF_CARE
    for name in ("breathless_or_chest_pain", "calf_swelling", "locking", "can_take_4_steps", "fever"):
        assert name in open_questions


def test_at_112_there_is_nothing_left_to_ask():
    answers = Answers(injury=True, pop=True, lost_function=True)
    assert level_of(answers) is Level.EMERGENCY
    assert unanswered_safety(answers) == []


def test_an_open_question_that_could_only_lower_the_level_is_not_listed():
    # "can you walk now" is read as "no" after a pop with loss of function: answering can only lower it.
    answers = Answers(injury=True, pop=True, lost_function=True, breathless_or_chest_pain=False)
    assert "can_take_4_steps" not in unanswered_safety(answers)


def test_the_rest_question_is_listed_when_pain_has_lasted_three_weeks():
    answers = Answers(weeks=3)
    assert level_of(answers) is Level.PHYSIO
    assert "improving_with_rest" in unanswered_safety(answers)


def test_dvt_risk_is_never_an_open_question_because_it_only_adds_a_reason():
    assert "dvt_risk" not in unanswered_safety(Answers())
    assert "dvt_risk" not in unanswered_safety(Answers(calf_swelling=True))


def test_open_questions_come_in_the_order_they_are_asked():
    listed = unanswered_safety(Answers())
    assert listed == [name for name in SAFETY_FIELDS if name in listed]


def test_a_number_is_probed_on_both_sides_of_every_threshold():
    assert {17, 18, 54, 55} <= set(probe_values("age"))
    assert {1.0, 1.5, 2.0, 2.5, 6.0, 6.5} <= set(probe_values("weeks"))
    assert {5, 6, 7, 8} <= set(probe_values("pain_now"))
    assert set(probe_values("swelling")) == {"none", "slow", "fast"}


def test_every_safety_field_is_a_question_of_the_catalogue():
    assert set(SAFETY_FIELDS) <= set(FIELD_BY_NAME)


@given(raw_answers, st.sampled_from(SAFETY_FIELDS))
@settings(max_examples=600)
def test_removing_a_safety_answer_never_lowers_the_level_below_answer_these(raw, name):
    answers = parse_answers(raw)
    if getattr(answers, name) is None:
        return
    without = replace(answers, **{name: None})
    assert level_of(without) >= level_of(answers) or name in unanswered_safety(without)


@given(raw_answers)
@settings(max_examples=300)
def test_every_listed_question_is_unanswered_and_could_raise_the_level(raw):
    answers = parse_answers(raw)
    level = level_of(answers)
    for name in unanswered_safety(answers):
        assert getattr(answers, name) is None
        assert any(level_of(replace(answers, **{name: v})) > level for v in probe_values(name))
