"""Properties of the cause ranking over random answer sets (hypothesis)."""

import dataclasses

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kniewijs.core.answers import FIELD_BY_NAME, parse_answers
from kniewijs.core.causes import CAUSE_ORDER, LOAD_INCREASE_RULES, rank_causes, shoe_distance
from kniewijs.core.sources import SOURCES

from .strategies import raw_answers

km = st.floats(0, 500, allow_nan=False, allow_infinity=False)
more_km = st.floats(0.01, 500, allow_nan=False, allow_infinity=False)


def by_cause(answers):
    return {c.cause: c for c in rank_causes(answers)}


@given(raw_answers)
@settings(max_examples=300)
def test_all_six_causes_are_always_listed_most_likely_first(raw):
    causes = rank_causes(parse_answers(raw))
    assert sorted(c.cause for c in causes) == sorted(CAUSE_ORDER)
    scores = [c.score for c in causes]
    assert scores == sorted(scores, reverse=True)


@given(raw_answers)
@settings(max_examples=300)
def test_ranks_follow_the_scores_and_equal_scores_share_a_rank(raw):
    causes = rank_causes(parse_answers(raw))
    for c in causes:
        assert c.rank == 1 + sum(other.score > c.score for other in causes)
        assert c.tied == any(other is not c and other.score == c.score for other in causes)
    for first, second in zip(causes, causes[1:], strict=False):
        assert first.rank <= second.rank
        assert (first.rank == second.rank) == (first.score == second.score)


@given(raw_answers)
@settings(max_examples=300)
def test_ties_keep_the_clinic_pages_order(raw):
    causes = rank_causes(parse_answers(raw))
    for first, second in zip(causes, causes[1:], strict=False):
        if first.score == second.score:
            assert CAUSE_ORDER.index(first.cause) < CAUSE_ORDER.index(second.cause)


@given(raw_answers)
@settings(max_examples=300)
def test_every_clue_has_points_a_known_source_and_names_answers_that_were_given(raw):
    answers = parse_answers(raw)
    for cause in rank_causes(answers):
        assert cause.score == sum(clue.points for clue in cause.clues)
        assert cause.because == [clue.text for clue in cause.clues]
        for clue in cause.clues:
            assert clue.points > 0 and clue.source in SOURCES
            assert clue.fields and len(set(clue.fields)) == len(clue.fields)
            for name in clue.fields:
                assert name in FIELD_BY_NAME
                value = getattr(answers, name)
                assert value is not None and value != frozenset()
            assert clue.text.nl and clue.text.en and clue.text.nl != clue.text.en


@given(raw_answers, more_km)
@settings(max_examples=300)
def test_running_more_this_week_never_lowers_overload(raw, extra):
    answers = parse_answers(raw)
    assume(answers.weekly_km_now is not None)
    more = dataclasses.replace(answers, weekly_km_now=answers.weekly_km_now + extra)
    assert by_cause(more)["overload"].score >= by_cause(answers)["overload"].score


@given(raw_answers, more_km)
@settings(max_examples=300)
def test_a_longer_last_long_run_never_lowers_overload(raw, extra):
    answers = parse_answers(raw)
    assume(answers.last_long_run_km is not None)
    more = dataclasses.replace(answers, last_long_run_km=answers.last_long_run_km + extra)
    assert by_cause(more)["overload"].score >= by_cause(answers)["overload"].score


@given(raw_answers, km, km, km, km)
@settings(max_examples=300)
def test_adding_the_training_answers_never_lowers_overload(raw, now, before, last, longest):
    answers = parse_answers(raw)
    bare = dataclasses.replace(
        answers,
        weekly_km_now=None,
        weekly_km_4_weeks_ago=None,
        last_long_run_km=None,
        longest_run_km_30d=None,
    )
    full = dataclasses.replace(
        bare,
        weekly_km_now=now,
        weekly_km_4_weeks_ago=before,
        last_long_run_km=last,
        longest_run_km_30d=longest,
    )
    assert by_cause(full)["overload"].score >= by_cause(bare)["overload"].score


@given(raw_answers)
@settings(max_examples=300)
def test_any_load_increase_clue_outweighs_the_shoe_clue(raw):
    answers = parse_answers(raw)
    shoes = shoe_distance(answers)
    for rule in LOAD_INCREASE_RULES:
        clue = rule(answers)
        if clue is not None and shoes is not None:
            assert clue.points > shoes.points


@given(raw_answers, st.sampled_from(["downhill", "running"]), more_km)
@settings(max_examples=300)
def test_itb_pain_after_a_rise_in_weekly_distance_always_puts_overload_above_technique(raw, worse, rise):
    answers = parse_answers(raw)
    itb = dataclasses.replace(
        answers,
        location="outside",
        worse_with=answers.worse_with | {worse},
        swelling="none",
        weekly_km_4_weeks_ago=20.0,
        weekly_km_now=22.0 + rise,
    )
    causes = by_cause(itb)
    assert causes["overload"].score > causes["technique"].score
    assert causes["overload"].rank < causes["technique"].rank
