from kniewijs.core.answers import Answers
from kniewijs.core.causes import CAUSE_ORDER, rank_causes


def ranked(**answers):
    return {c.cause: c for c in rank_causes(Answers(**answers))}


def order(**answers):
    return [c.cause for c in rank_causes(Answers(**answers))]


def test_with_no_clues_the_six_causes_keep_the_clinic_pages_order_at_zero():
    causes = rank_causes(Answers())
    assert [c.cause for c in causes] == list(CAUSE_ORDER)
    assert all(c.score == 0 and c.because == [] for c in causes)


def test_a_fast_build_up_and_a_spike_make_overload_the_top_cause():
    causes = ranked(weekly_km_now=30, weekly_km_4_weeks_ago=15, longest_run_km_30d=10, last_long_run_km=25)
    assert (
        order(weekly_km_now=30, weekly_km_4_weeks_ago=15, longest_run_km_30d=10, last_long_run_km=25)[0]
        == "overload"
    )
    assert causes["overload"].score == 2 + 3
    assert any("150%" in b.nl for b in causes["overload"].because)


def test_a_build_up_within_ten_percent_a_week_is_not_counted_as_overload():
    assert ranked(weekly_km_now=29, weekly_km_4_weeks_ago=20)["overload"].score == 0


def test_restarting_from_nothing_counts_as_overload():
    assert ranked(weekly_km_now=15, weekly_km_4_weeks_ago=0)["overload"].score == 2


def test_shoes_past_seven_hundred_km_point_to_worn_shoes_more_strongly_with_distance():
    assert ranked(shoe_km=500)["worn_shoes"].score == 0
    assert ranked(shoe_km=650)["worn_shoes"].score == 1
    assert ranked(shoe_km=720)["worn_shoes"].score == 2
    assert ranked(shoe_km=900)["worn_shoes"].score == 3


def test_no_strength_work_and_front_knee_pain_point_to_weak_muscles():
    assert (
        ranked(strength_sessions_per_week=0, location="kneecap", worse_with=frozenset({"squatting"}))[
            "weak_muscles"
        ].score
        == 4
    )


def test_a_failed_deep_squat_points_to_stiffness():
    assert ranked(deep_squat_heels_down=False)["stiffness"].score == 2
    assert ranked(deep_squat_heels_down=True)["stiffness"].score == 0


def test_a_low_cadence_and_downhill_pain_point_to_technique():
    assert ranked(cadence_spm=155, worse_with=frozenset({"downhill"}))["technique"].score == 3
    assert ranked(cadence_spm=175)["technique"].score == 0


def test_no_rest_day_and_short_sleep_point_to_too_little_recovery():
    assert ranked(rest_days_per_week=0, sleep_hours=6)["recovery"].score == 4
    assert ranked(rest_days_per_week=2, sleep_hours=8)["recovery"].score == 0


def test_the_reasons_are_written_with_dutch_and_english_numbers():
    because = ranked(sleep_hours=6.5, weekly_km_now=30, weekly_km_4_weeks_ago=10)["overload"].because[0]
    assert "32%" in because.nl and "32%" in because.en
