"""Properties of the condition hint over random answer sets (hypothesis)."""

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.answers import parse_answers
from kniewijs.core.conditions import AFTER_INJURY, GRADUAL, HINTS, condition_hint, needs_examination_first

from .strategies import raw_answers


@given(raw_answers)
@settings(max_examples=300)
def test_there_is_never_a_hint_at_same_day_care_or_112(raw):
    assert condition_hint(parse_answers(raw), acute_or_red_flag=True) is None


@given(raw_answers)
@settings(max_examples=300)
def test_a_hint_is_one_of_the_known_ones_and_worded_as_may_fit(raw):
    found = condition_hint(parse_answers(raw), acute_or_red_flag=False)
    if found is not None:
        assert found in HINTS
        assert "kunnen passen" in found.text.nl and "may fit" in found.text.en


@given(raw_answers)
@settings(max_examples=300)
def test_after_an_injury_the_only_hint_is_the_meniscus(raw):
    answers = dataclasses.replace(parse_answers(raw), injury=True)
    found = condition_hint(answers, acute_or_red_flag=False)
    assert found is None or found.code == "meniscus"


@given(raw_answers)
@settings(max_examples=300)
def test_there_is_never_a_hint_beside_a_sign_that_needs_an_examination(raw):
    answers = parse_answers(raw)
    if needs_examination_first(answers):
        assert condition_hint(answers, acute_or_red_flag=False) is None


@given(raw_answers, st.integers(10, 15))
@settings(max_examples=300)
def test_a_growing_runner_with_front_knee_pain_is_never_told_patellofemoral_pain(raw, age):
    answers = dataclasses.replace(parse_answers(raw), age=age, location="front")
    found = condition_hint(answers, acute_or_red_flag=False)
    assert found is None or found.code != "patellofemoral_pain"


@given(raw_answers)
@settings(max_examples=300)
def test_the_hint_is_the_first_picture_in_the_documented_order_that_fits(raw):
    answers = parse_answers(raw)
    found = condition_hint(answers, acute_or_red_flag=False)
    if found is None:
        return
    rules = AFTER_INJURY if answers.injury else GRADUAL
    fitting = [hint for fits, hint in rules if fits(answers)]
    assert fitting and fitting[0] is found
