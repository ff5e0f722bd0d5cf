from kniewijs.core.answers import Answers
from kniewijs.core.causes import CAUSE_ORDER, Clue, rank_causes
from kniewijs.core.text import T

DOWNHILL = frozenset({"downhill"})


def ranked(**answers):
    return {c.cause: c for c in rank_causes(Answers(**answers))}


def order(**answers):
    return [c.cause for c in rank_causes(Answers(**answers))]


def points(cause, **answers):
    return ranked(**answers)[cause].score


def only_clue(cause, **answers):
    clues = ranked(**answers)[cause].clues
    assert len(clues) == 1, clues
    return clues[0]


# --- the tester's three cases ---------------------------------------------------------------------


def test_950_km_on_the_shoes_no_longer_outranks_a_67_percent_rise_in_weekly_distance():
    over_four_weeks = ranked(shoe_km=950, weekly_km_now=50, weekly_km_4_weeks_ago=30)
    assert over_four_weeks["overload"].rank == 1 and over_four_weeks["worn_shoes"].rank == 2
    assert over_four_weeks["overload"].score > over_four_weeks["worn_shoes"].score
    # And when +67% is meant as every week: 10 km became 10 * 1.67**4 km.
    every_week = ranked(shoe_km=950, weekly_km_now=10 * 1.67**4, weekly_km_4_weeks_ago=10)
    assert every_week["overload"].score == 4 > every_week["worn_shoes"].score == 1


def test_equal_scores_share_a_rank_and_say_they_are_tied():
    causes = rank_causes(Answers(shoe_km=720, worse_with=frozenset({"sitting"})))
    by_cause = {c.cause: c for c in causes}
    assert by_cause["worn_shoes"].score == by_cause["stiffness"].score == 1
    assert by_cause["worn_shoes"].rank == by_cause["stiffness"].rank == 1
    assert by_cause["worn_shoes"].tied and by_cause["stiffness"].tied
    assert [c.rank for c in causes] == [1, 1, 3, 3, 3, 3]


def test_a_cause_alone_at_the_top_is_not_tied():
    top = rank_causes(Answers(strength_sessions_per_week=0))[0]
    assert top.cause == "weak_muscles" and top.rank == 1 and not top.tied


def test_itb_pain_after_a_forty_percent_rise_in_four_weeks_ranks_overload_first():
    causes = ranked(location="outside", worse_with=DOWNHILL, weekly_km_now=28, weekly_km_4_weeks_ago=20)
    assert order(location="outside", worse_with=DOWNHILL, weekly_km_now=28, weekly_km_4_weeks_ago=20)[0] == (
        "overload"
    )
    assert causes["overload"].rank == 1 and not causes["overload"].tied
    assert causes["overload"].score == 2 + 2 and causes["technique"].score == 1
    # Even with a low step rate on top, technique stays below overload.
    with_cadence = ranked(
        location="outside", worse_with=DOWNHILL, weekly_km_now=28, weekly_km_4_weeks_ago=20, cadence_spm=155
    )
    assert with_cadence["overload"].score > with_cadence["technique"].score == 3


# --- ranks and the shape of a result ----------------------------------------------------------------


def test_with_no_clues_the_six_causes_share_rank_one_at_zero_in_the_clinic_pages_order():
    causes = rank_causes(Answers())
    assert [c.cause for c in causes] == list(CAUSE_ORDER)
    assert all(c.score == 0 and c.because == [] and c.clues == () for c in causes)
    assert all(c.rank == 1 and c.tied for c in causes)


def test_the_score_is_the_sum_of_the_clue_points_and_because_has_one_text_per_clue():
    causes = ranked(rest_days_per_week=0, sleep_hours=6, pain_next_morning=5)
    recovery = causes["recovery"]
    assert recovery.score == 2 + 2 + 1 == sum(c.points for c in recovery.clues)
    assert recovery.because == [c.text for c in recovery.clues] and len(recovery.because) == 3


# --- overload ----------------------------------------------------------------------------------------


def test_restarting_from_nothing_counts_three_for_overload():
    clue = only_clue("overload", weekly_km_now=15, weekly_km_4_weeks_ago=0)
    assert clue.points == 3 and clue.fields == ("weekly_km_4_weeks_ago", "weekly_km_now")
    assert clue.source == "seed" and "15 km" in clue.text.nl


def test_nothing_then_and_nothing_now_is_no_clue():
    assert points("overload", weekly_km_now=0, weekly_km_4_weeks_ago=0) == 0


def test_more_than_ten_percent_a_week_even_if_spread_evenly_counts_three():
    clue = only_clue("overload", weekly_km_now=30, weekly_km_4_weeks_ago=20)
    assert clue.points == 3 and clue.source == "seed"
    assert "+50%" in clue.text.en and "11% a week" in clue.text.en


def test_more_than_thirty_percent_a_week_counts_four_and_cites_nielsen():
    clue = only_clue("overload", weekly_km_now=30, weekly_km_4_weeks_ago=10)
    assert clue.points == 4 and clue.source == "nielsen_2014"
    assert "32%" in clue.text.nl and "30%" in clue.text.nl


def test_a_rise_within_ten_percent_a_week_but_over_ten_percent_in_all_counts_two_as_a_possible_jump():
    clue = only_clue("overload", weekly_km_now=29, weekly_km_4_weeks_ago=20)
    assert clue.points == 2
    assert "+45%" in clue.text.nl and "mogelijke sprong" in clue.text.nl
    assert "possible jump" in clue.text.en and "10% a week (10%)" in clue.text.en


def test_a_rise_of_at_most_ten_percent_in_four_weeks_or_a_fall_is_no_clue():
    assert points("overload", weekly_km_now=22, weekly_km_4_weeks_ago=20) == 0
    assert points("overload", weekly_km_now=20, weekly_km_4_weeks_ago=30) == 0


def test_single_run_spikes_follow_frandsens_bands_with_the_rate_in_the_text():
    base = {"longest_run_km_30d": 10}
    assert points("overload", last_long_run_km=10.9, **base) == 0
    small = only_clue("overload", last_long_run_km=12, **base)
    moderate = only_clue("overload", last_long_run_km=15, **base)
    large = only_clue("overload", last_long_run_km=25, **base)
    assert (small.points, moderate.points, large.points) == (3, 3, 4)
    assert {small.source, moderate.source, large.source} == {"frandsen_2025"}
    assert large.fields == ("last_long_run_km", "longest_run_km_30d")
    assert "150%" in large.text.nl and "2,3 keer" in large.text.nl and "2.3 times" in large.text.en
    assert "1,6 keer" in small.text.nl and "1,5 keer" in moderate.text.nl


def test_itb_pain_after_more_running_adds_two_to_overload_from_the_answers_behind_it():
    causes = ranked(location="outside", worse_with=DOWNHILL, longest_run_km_30d=10, last_long_run_km=12)
    itb = [c for c in causes["overload"].clues if c.source == "nhg_m107"]
    assert len(itb) == 1 and itb[0].points == 2
    assert itb[0].fields == ("location", "worse_with", "last_long_run_km", "longest_run_km_30d")


def test_itb_pain_without_a_rise_in_load_or_with_a_swollen_knee_adds_nothing_to_overload():
    assert points("overload", location="outside", worse_with=DOWNHILL) == 0
    swollen = ranked(
        location="outside", worse_with=DOWNHILL, swelling="slow", weekly_km_now=30, weekly_km_4_weeks_ago=20
    )
    assert swollen["overload"].score == 3


def test_pain_building_up_while_running_counts_one_for_overload():
    clue = only_clue("overload", worse_with=frozenset({"running"}))
    assert clue.points == 1 and clue.fields == ("worse_with",)


# --- weak muscles ------------------------------------------------------------------------------------


def test_fewer_than_two_strength_sessions_a_week_weighs_four_after_lauersen():
    clue = only_clue("weak_muscles", strength_sessions_per_week=1)
    assert clue.points == 4 and clue.source == "lauersen_2014"
    assert "1 keer per week" in clue.text.nl and "once a week" in clue.text.en and "a third" in clue.text.en
    none = only_clue("weak_muscles", strength_sessions_per_week=0)
    assert none.points == 4 and "geen krachtoefeningen" in none.text.nl
    assert points("weak_muscles", strength_sessions_per_week=2) == 0


def test_front_or_kneecap_pain_points_one_to_weak_muscles():
    assert only_clue("weak_muscles", location="kneecap").source == "crossley_2016"
    assert points("weak_muscles", location="front") == 1
    assert points("weak_muscles", location="inside") == 0


def test_squatting_or_stairs_hurting_points_one_to_weak_muscles():
    assert points("weak_muscles", worse_with=frozenset({"stairs"})) == 1
    assert points("weak_muscles", worse_with=frozenset({"squatting", "stairs"})) == 1


# --- technique ---------------------------------------------------------------------------------------


def test_a_low_step_rate_points_two_to_technique():
    clue = only_clue("technique", cadence_spm=155)
    assert clue.points == 2 and clue.source == "heiderscheit_2011" and "155" in clue.text.nl
    assert points("technique", cadence_spm=165) == 0


def test_downhill_pain_points_one_to_technique_and_outside_pain_no_longer_does():
    assert points("technique", worse_with=DOWNHILL) == 1
    assert points("technique", location="outside") == 0


# --- worn shoes --------------------------------------------------------------------------------------


def test_shoes_past_seven_hundred_km_count_one_point_however_far_because_no_limit_is_proven():
    assert points("worn_shoes", shoe_km=650) == 0
    assert points("worn_shoes", shoe_km=700) == 1
    assert points("worn_shoes", shoe_km=950) == 1
    clue = only_clue("worn_shoes", shoe_km=950)
    assert "950 km" in clue.text.nl and "geen vaste kilometergrens" in clue.text.nl
    assert "no fixed distance" in only_clue("worn_shoes", shoe_km=720).text.en


# --- stiffness ---------------------------------------------------------------------------------------


def test_a_failed_deep_squat_points_two_to_stiffness():
    assert only_clue("stiffness", deep_squat_heels_down=False).points == 2
    assert points("stiffness", deep_squat_heels_down=True) == 0


def test_pain_after_sitting_points_one_to_stiffness():
    assert only_clue("stiffness", worse_with=frozenset({"sitting"})).points == 1


# --- recovery ----------------------------------------------------------------------------------------


def test_no_rest_day_counts_two_for_recovery_and_one_rest_day_none():
    assert only_clue("recovery", rest_days_per_week=0).points == 2
    assert points("recovery", rest_days_per_week=1) == 0


def test_under_seven_hours_of_sleep_counts_two_for_recovery_with_a_dutch_comma():
    clue = only_clue("recovery", sleep_hours=6.5)
    assert clue.points == 2 and "6,5 uur" in clue.text.nl and "6.5 hours" in clue.text.en
    assert points("recovery", sleep_hours=7) == 0


def test_pain_not_settled_the_next_morning_counts_one_for_recovery():
    clue = only_clue("recovery", pain_next_morning=4)
    assert clue.points == 1 and clue.source == "silbernagel_2007" and "4 op 10" in clue.text.nl
    assert points("recovery", pain_next_morning=3) == 0


# --- explaining a clue -------------------------------------------------------------------------------


def test_a_clue_shows_its_points_and_says_when_its_answers_came_from_the_training_log():
    clue = only_clue("overload", weekly_km_now=30, weekly_km_4_weeks_ago=20)
    plain = clue.explained()
    assert plain.nl.startswith("+3: Uw weekafstand") and "logboek" not in plain.nl
    logged = clue.explained(from_log={"weekly_km_now", "weekly_km_4_weeks_ago", "shoe_km"})
    assert logged.nl.endswith("(uit uw trainingslog)") and logged.en.endswith("(from your training log)")
    partly = clue.explained(from_log={"weekly_km_now"})
    assert partly.en.endswith("(partly from your training log)")


def test_distances_in_the_reasons_are_written_with_a_dutch_comma():
    clue = only_clue("overload", weekly_km_now=30.5, weekly_km_4_weeks_ago=12.5)
    assert "12,5 naar 30,5 km" in clue.text.nl and "12.5 to 30.5 km" in clue.text.en


def test_a_clue_is_a_plain_value():
    clue = Clue(T("a", "b"), 2, ("shoe_km",), "seed")
    assert clue == Clue(T("a", "b"), 2, ("shoe_km",), "seed")
