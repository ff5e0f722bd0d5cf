from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kniewijs.core.questionnaires import (
    KUJALA,
    KUJALA_MIC,
    QUESTIONNAIRES,
    Change,
    Item,
    Option,
    Questionnaire,
    Scoring,
    score,
    trend,
)
from kniewijs.core.text import T

# Kujala et al. 1993 as reproduced in J Orthop 2023;42:54 (PMC10362729, table) and the validated German
# version (Dammerer 2018): the points of every option of every item, in questionnaire order.
PUBLISHED_POINTS = {
    "limp": {"none": 5, "slight_or_periodic": 3, "constant": 0},
    "support": {"full_without_pain": 5, "painful": 3, "impossible": 0},
    "walking": {"unlimited": 5, "more_than_2_km": 3, "1_to_2_km": 2, "unable": 0},
    "stairs": {"no_difficulty": 10, "slight_pain_going_down": 8, "pain_going_up_and_down": 5, "unable": 0},
    "squatting": {
        "no_difficulty": 5,
        "painful_when_repeated": 4,
        "painful_each_time": 3,
        "only_with_partial_weight": 2,
        "unable": 0,
    },
    "running": {
        "no_difficulty": 10,
        "pain_after_2_km": 8,
        "slight_pain_from_start": 6,
        "severe_pain": 3,
        "unable": 0,
    },
    "jumping": {"no_difficulty": 10, "slight_difficulty": 7, "constant_pain": 2, "unable": 0},
    "prolonged_sitting": {
        "no_difficulty": 10,
        "pain_after_exercise": 8,
        "constant_pain": 6,
        "must_straighten_knees": 4,
        "unable": 0,
    },
    "pain": {
        "none": 10,
        "slight_and_occasional": 8,
        "disturbs_sleep": 6,
        "occasionally_severe": 3,
        "constant_and_severe": 0,
    },
    "swelling": {
        "none": 10,
        "after_hard_exertion": 8,
        "after_daily_activities": 6,
        "every_evening": 4,
        "constant": 0,
    },
    "kneecap_slipping": {
        "none": 10,
        "occasionally_in_sport": 6,
        "occasionally_in_daily_life": 4,
        "one_documented_dislocation": 2,
        "more_than_two_dislocations": 0,
    },
    "thigh_atrophy": {"none": 5, "slight": 3, "severe": 0},
    "flexion_deficit": {"none": 5, "slight": 3, "severe": 0},
}

# The brief's item maxima, in its order: limp, support, walking, stairs, squatting, running, jumping,
# prolonged sitting, pain, swelling, abnormal kneecap movement, thigh atrophy, flexion deficit.
BRIEF_MAXIMA = [5, 5, 5, 10, 5, 10, 10, 10, 10, 10, 10, 5, 5]

BEST = {item.key: max(item.options, key=lambda o: o.points).value for item in KUJALA.items}
WORST = {item.key: min(item.options, key=lambda o: o.points).value for item in KUJALA.items}

# Hand-computed: 3+5+5+8+3+6+7+4+8+8+10+3+5 = 75.
MIXED = {
    "limp": "slight_or_periodic",  # 3
    "support": "full_without_pain",  # 5
    "walking": "unlimited",  # 5
    "stairs": "slight_pain_going_down",  # 8
    "squatting": "painful_each_time",  # 3
    "running": "slight_pain_from_start",  # 6
    "jumping": "slight_difficulty",  # 7
    "prolonged_sitting": "must_straighten_knees",  # 4
    "pain": "slight_and_occasional",  # 8
    "swelling": "after_hard_exertion",  # 8
    "kneecap_slipping": "none",  # 10
    "thigh_atrophy": "slight",  # 3
    "flexion_deficit": "none",  # 5
}


def test_the_kujala_scale_has_the_13_items_in_the_published_order():
    assert [item.key for item in KUJALA.items] == list(PUBLISHED_POINTS)


def test_every_option_of_every_kujala_item_carries_the_published_points():
    for item in KUJALA.items:
        assert {option.value: option.points for option in item.options} == PUBLISHED_POINTS[item.key]


def test_every_kujala_item_maximum_equals_the_brief_and_they_sum_to_100():
    assert [item.max_points for item in KUJALA.items] == BRIEF_MAXIMA
    assert sum(item.max_points for item in KUJALA.items) == 100
    assert KUJALA.max_score == 100


def test_every_kujala_item_has_a_worst_answer_worth_0_so_the_scale_reaches_0():
    assert all(item.min_points == 0 for item in KUJALA.items)


def test_all_best_answers_give_a_kujala_score_of_100():
    result = score(KUJALA, BEST)
    assert result.value == 100
    assert (result.answered, result.missing, result.reason) == (13, (), None)


def test_all_worst_answers_give_a_kujala_score_of_0():
    assert score(KUJALA, WORST).value == 0


def test_a_mixed_set_of_answers_gives_the_hand_computed_kujala_score_of_75():
    assert score(KUJALA, MIXED).value == 75


def test_one_unanswered_item_gives_no_kujala_score_and_says_why_in_both_languages():
    answers = dict(MIXED)
    del answers["flexion_deficit"]
    result = score(KUJALA, answers)
    assert result.value is None
    assert result.answered == 12
    assert result.missing == ("flexion_deficit",)
    assert result.reason is not None
    assert "12 van de 13" in result.reason.nl and "12 of 13" in result.reason.en


def test_an_answer_of_none_counts_as_unanswered():
    result = score(KUJALA, {**MIXED, "pain": None})
    assert result.value is None and result.missing == ("pain",)


def test_exactly_all_13_items_answered_is_the_threshold_for_a_kujala_score():
    assert KUJALA.min_answered == 13
    assert score(KUJALA, MIXED).value is not None


def test_no_answers_at_all_lists_every_kujala_item_as_missing():
    result = score(KUJALA, {})
    assert result.value is None
    assert result.missing == tuple(PUBLISHED_POINTS)


def test_an_unknown_option_raises_a_value_error_naming_the_item():
    with pytest.raises(ValueError, match="'stairs'.*'sometimes'"):
        score(KUJALA, {**MIXED, "stairs": "sometimes"})


def test_an_option_given_as_points_instead_of_its_value_is_rejected():
    with pytest.raises(ValueError, match="'running'"):
        score(KUJALA, {**MIXED, "running": 10})  # type: ignore[dict-item]


def test_an_unknown_item_raises_a_value_error_naming_the_item():
    with pytest.raises(ValueError, match="'cycling'"):
        score(KUJALA, {**MIXED, "cycling": "no_difficulty"})


@given(st.fixed_dictionaries({item.key: st.sampled_from(item.options) for item in KUJALA.items}))
def test_any_complete_kujala_answer_set_scores_the_sum_of_its_points_within_0_to_100(chosen):
    result = score(KUJALA, {key: option.value for key, option in chosen.items()})
    assert result.value == sum(option.points for option in chosen.values())
    assert 0 <= result.value <= 100


def test_every_kujala_label_is_written_in_dutch_and_in_english():
    for item in KUJALA.items:
        assert item.label.nl and item.label.en and item.label.nl != item.label.en
        for option in item.options:
            assert option.label.nl and option.label.en


def test_the_questionnaire_registry_holds_kujala_under_its_key():
    assert QUESTIONNAIRES["kujala"] is KUJALA


def test_a_summed_questionnaire_that_would_allow_unanswered_items_is_refused():
    item = Item("a", T("a", "a"), (Option("x", T("x", "x"), 0), Option("y", T("y", "y"), 1)))
    other = Item("b", item.label, item.options)
    with pytest.raises(ValueError, match="every item answered"):
        Questionnaire("q", T("q", "q"), (item, other), Scoring.SUM, 1, 1.0, "src", T("r", "r"))


def test_the_kujala_minimal_important_change_is_10_points():
    assert KUJALA.minimal_important_change == KUJALA_MIC == 10


def test_a_kujala_trend_marks_only_changes_of_at_least_10_points():
    points = trend(
        [
            (date(2025, 1, 1), 60.0),
            (date(2025, 2, 1), 69.0),  # +9: not important
            (date(2025, 3, 1), 70.0),  # +1, but +10 since the first: important
            (date(2025, 4, 1), None),  # no score that month
            (date(2025, 5, 1), 58.0),  # -12 since the last score: worse
        ],
        KUJALA_MIC,
    )
    assert [p.change for p in points] == [None, 9.0, 1.0, None, -12.0]
    assert [p.verdict for p in points] == [
        None,
        Change.NO_IMPORTANT_CHANGE,
        Change.NO_IMPORTANT_CHANGE,
        None,
        Change.WORSENED,
    ]
    assert [p.change_since_first for p in points] == [None, 9.0, 10.0, None, -2.0]
    assert points[2].verdict_since_first is Change.IMPROVED
    assert points[4].verdict_since_first is Change.NO_IMPORTANT_CHANGE


def test_a_trend_is_put_in_date_order_whatever_order_the_scores_come_in():
    points = trend([(date(2025, 3, 1), 90.0), (date(2025, 1, 1), 70.0)], KUJALA_MIC)
    assert [p.on for p in points] == [date(2025, 1, 1), date(2025, 3, 1)]
    assert points[1].change == 20.0 and points[1].verdict is Change.IMPROVED


def test_a_trend_of_only_unscored_entries_has_no_changes():
    points = trend([(date(2025, 1, 1), None), (date(2025, 2, 1), None)], KUJALA_MIC)
    assert all(p.value is None and p.change is None and p.verdict is None for p in points)


@pytest.mark.parametrize("mic", [0, -10])
def test_a_trend_needs_a_positive_minimal_important_change(mic):
    with pytest.raises(ValueError, match="positive"):
        trend([(date(2025, 1, 1), 50.0)], mic)
