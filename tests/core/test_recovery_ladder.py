import pytest

from kniewijs.core.recovery.ladder import (
    LADDER,
    MAX_LEVELS_PER_7_DAYS,
    MAX_RUNS_PER_WEEK,
    MIN_DAYS_BETWEEN_RUNS,
    RunLevel,
    matches_level,
    run_level,
)


def test_the_ladder_has_eight_levels_from_ten_one_minute_jogs_to_thirty_minutes_continuous():
    assert [level.number for level in LADDER] == list(range(1, 9))
    first, last = LADDER[0], LADDER[-1]
    assert (first.repeats, first.jog_minutes, first.walk_minutes) == (10, 1, 1)
    assert first.total_minutes == 20
    assert last.continuous and last.total_minutes == 30


def test_each_level_asks_at_least_as_much_running_and_a_longer_unbroken_stretch_than_the_one_before():
    for easier, harder in zip(LADDER, LADDER[1:], strict=False):
        assert harder.running_minutes >= easier.running_minutes
        assert harder.jog_minutes > easier.jog_minutes


def test_every_session_stays_between_twenty_and_thirty_minutes_like_delawares_two_to_three_miles():
    assert all(20 <= level.total_minutes <= 30 for level in LADDER)


def test_delawares_limits_are_two_levels_a_week_four_runs_a_week_and_a_rest_day_between_runs():
    assert (MAX_LEVELS_PER_7_DAYS, MAX_RUNS_PER_WEEK, MIN_DAYS_BETWEEN_RUNS) == (2, 4, 2)


def test_a_walk_run_level_is_described_with_its_repeats_minutes_and_total_in_both_languages():
    text = run_level(2).describe()
    assert text.nl.startswith("8 keer: 2 minuten rustig hardlopen en dan 1 minuut wandelen")
    assert "24 minuten" in text.nl
    assert text.en.startswith("8 times: jog easily for 2 minutes, then walk for 1 minute")


def test_a_continuous_level_says_there_is_no_walking_break():
    assert run_level(7).describe().en == "Jog easily for 25 minutes without a walking break."


@pytest.mark.parametrize("number", [0, 9, -1])
def test_a_level_outside_the_ladder_is_refused(number):
    with pytest.raises(ValueError, match="1-8"):
        run_level(number)


def test_an_imported_run_matches_a_level_within_a_quarter_of_its_minutes_or_five_minutes():
    level8 = run_level(8)  # 30 minutes: a quarter is 7.5
    assert matches_level(level8, 4.5, 37.0)
    assert not matches_level(level8, 5.0, 38.0)
    level1 = run_level(1)  # 20 minutes: five minutes is the wider margin
    assert matches_level(level1, 2.2, 25.0)
    assert not matches_level(level1, 2.2, 25.5)


def test_an_imported_run_too_slow_for_running_or_too_fast_for_easy_effort_does_not_match():
    level6 = run_level(6)
    assert not matches_level(level6, 0.8, 20.0)  # 2.4 km/h: a walk
    assert not matches_level(level6, 4.5, 20.0)  # 13.5 km/h: not easy
    assert matches_level(level6, 3.0, 20.0)
    assert matches_level(level6, None, 20.0)  # a treadmill without distance


def test_a_run_without_duration_matches_nothing():
    assert not matches_level(RunLevel(1, 10, 1, 1), 2.0, 0.0)
