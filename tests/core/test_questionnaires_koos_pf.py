from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kniewijs.core.questionnaires import (
    KOOS_PF,
    KOOS_PF_MIC,
    QUESTIONNAIRES,
    Change,
    Item,
    Option,
    Questionnaire,
    Scoring,
    judge_change,
    score,
    trend,
)
from kniewijs.core.text import T

KEYS = [f"pf{n}" for n in range(1, 12)]
LEVELS = ["none", "mild", "moderate", "severe", "extreme"]  # 0..4


def answers(*levels: str) -> dict[str, str]:
    return dict(zip(KEYS, levels, strict=False))


def test_koos_pf_has_11_items_each_scored_0_to_4_from_none_to_extreme():
    assert [item.key for item in KOOS_PF.items] == KEYS
    for item in KOOS_PF.items:
        assert [(o.value, o.points) for o in item.options] == list(zip(LEVELS, range(5), strict=True))


def test_all_best_answers_give_a_koos_pf_score_of_100():
    result = score(KOOS_PF, answers(*["none"] * 11))
    assert result.value == 100
    assert (result.answered, result.missing, result.reason) == (11, (), None)


def test_all_worst_answers_give_a_koos_pf_score_of_0():
    assert score(KOOS_PF, answers(*["extreme"] * 11)).value == 0


def test_a_mixed_set_of_answers_gives_the_hand_computed_koos_pf_score():
    # Points 1,2,3,3,2,1,2,4,3,1,2 sum to 24; 100 - (24/11) x 25 = 100 - 600/11 = 500/11 = 45.45...
    mixed = answers(
        "mild",
        "moderate",
        "severe",
        "severe",
        "moderate",
        "mild",
        "moderate",
        "extreme",
        "severe",
        "mild",
        "moderate",
    )
    assert score(KOOS_PF, mixed).value == pytest.approx(500 / 11, abs=1e-12)
    assert round(score(KOOS_PF, mixed).value, 1) == 45.5


def test_exactly_6_of_11_answered_is_half_or_more_and_gives_a_score_from_those_items():
    # Points 1,1,2,2,0,3 sum to 9; mean 1.5; 100 - 1.5 x 25 = 62.5.
    result = score(KOOS_PF, answers("mild", "mild", "moderate", "moderate", "none", "severe"))
    assert KOOS_PF.min_answered == 6
    assert result.value == 62.5
    assert result.answered == 6
    assert result.missing == ("pf7", "pf8", "pf9", "pf10", "pf11")
    assert result.reason is None


def test_5_of_11_answered_is_fewer_than_half_and_gives_no_score_with_the_reason():
    result = score(KOOS_PF, answers("mild", "mild", "moderate", "moderate", "none"))
    assert result.value is None
    assert result.answered == 5
    assert result.missing == ("pf6", "pf7", "pf8", "pf9", "pf10", "pf11")
    assert result.reason is not None
    assert "5 van de 11" in result.reason.nl and "minstens 6" in result.reason.nl
    assert "5 of 11" in result.reason.en and "at least 6" in result.reason.en


def test_unanswered_items_are_left_out_of_the_mean_not_counted_as_zero():
    # Ten "extreme" answers and one open item: the mean of the answered items is 4, so the score is 0.
    levels = ["extreme"] * 10
    result = score(KOOS_PF, answers(*levels))
    assert result.value == 0 and result.missing == ("pf11",)


def test_an_unknown_option_raises_a_value_error_naming_the_item():
    with pytest.raises(ValueError, match="'pf4'.*'terrible'"):
        score(KOOS_PF, {"pf4": "terrible"})


def test_an_unknown_item_raises_a_value_error_naming_the_item():
    with pytest.raises(ValueError, match="'pf12'"):
        score(KOOS_PF, {"pf12": "none"})


@given(st.dictionaries(st.sampled_from(KEYS), st.sampled_from(LEVELS), min_size=6))
def test_any_answer_set_of_6_or_more_items_scores_100_minus_25_times_the_mean(chosen):
    total = sum(LEVELS.index(level) for level in chosen.values())
    expected = 100 - Fraction(25 * total, len(chosen))
    value = score(KOOS_PF, chosen).value
    assert value == pytest.approx(float(expected), abs=1e-9)
    assert 0 <= value <= 100


@given(st.dictionaries(st.sampled_from(KEYS), st.sampled_from(LEVELS), max_size=5))
def test_any_answer_set_of_5_or_fewer_items_gets_no_score(chosen):
    result = score(KOOS_PF, chosen)
    assert result.value is None and result.answered == len(chosen) and result.reason is not None


def test_every_koos_pf_label_is_written_in_dutch_and_in_english_and_names_a_distinct_item():
    labels = [item.label for item in KOOS_PF.items]
    assert all(label.nl and label.en for label in labels)
    assert len({label.nl for label in labels}) == 11 and len({label.en for label in labels}) == 11


def test_the_questionnaire_registry_holds_koos_pf_under_its_key():
    assert QUESTIONNAIRES["koos_pf"] is KOOS_PF
    assert set(QUESTIONNAIRES) == {"kujala", "koos_pf"}


def test_a_koos_scored_item_that_does_not_run_from_0_to_4_is_refused():
    item = Item("a", T("a", "a"), (Option("x", T("x", "x"), 0), Option("y", T("y", "y"), 10)))
    with pytest.raises(ValueError, match="0 to 4"):
        Questionnaire("q", T("q", "q"), (item,), Scoring.KOOS, 1, 1.0, "src", T("r", "r"))


def test_the_koos_pf_minimal_important_change_is_16_points():
    assert KOOS_PF.minimal_important_change == KOOS_PF_MIC == 16


def test_seven_answer_steps_on_all_11_items_stay_below_the_mic_and_eight_reach_it():
    baseline = score(KOOS_PF, answers(*["moderate"] * 11)).value  # 50
    seven_better = score(KOOS_PF, answers(*["mild"] * 7, *["moderate"] * 4)).value  # 50 + 7 x 25/11
    eight_better = score(KOOS_PF, answers(*["mild"] * 8, *["moderate"] * 3)).value  # 50 + 8 x 25/11
    points = trend(
        [(date(2025, 1, 1), baseline), (date(2025, 2, 1), seven_better), (date(2025, 3, 1), eight_better)],
        KOOS_PF_MIC,
    )
    assert points[1].change == pytest.approx(175 / 11)  # 15.9
    assert points[1].verdict is Change.NO_IMPORTANT_CHANGE
    assert points[2].change_since_first == pytest.approx(200 / 11)  # 18.2
    assert points[2].verdict_since_first is Change.IMPROVED


def test_a_koos_pf_drop_of_at_least_16_points_is_marked_worse():
    points = trend([(date(2025, 1, 1), 80.0), (date(2025, 1, 15), 64.0)], KOOS_PF_MIC)
    assert points[1].change == -16.0 and points[1].verdict is Change.WORSENED


@pytest.mark.parametrize(
    ("change", "verdict"),
    [
        (16.0, Change.IMPROVED),
        (16.0 - 1e-12, Change.IMPROVED),  # float rounding does not hide a change that reaches the MIC
        (15.99, Change.NO_IMPORTANT_CHANGE),
        (0.0, Change.NO_IMPORTANT_CHANGE),
        (-15.99, Change.NO_IMPORTANT_CHANGE),
        (-16.0, Change.WORSENED),
    ],
)
def test_a_change_counts_when_it_reaches_the_minimal_important_change(change, verdict):
    assert judge_change(change, KOOS_PF_MIC) is verdict
