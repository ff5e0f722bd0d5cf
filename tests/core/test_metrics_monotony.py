import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kniewijs.core.metrics.monotony import (
    MONOTONY_MAX,
    MonotonyLevel,
    monotony,
    monotony_level,
    rolling_monotony,
)

BRIEF_WEEK = [600, 200, 400, 500, 100, 650, 0]


def test_the_brief_week_has_a_monotony_of_1_49_with_the_population_sd():
    value = monotony(BRIEF_WEEK)
    assert value == pytest.approx(350 / np.sqrt(55_000), abs=1e-12)
    assert round(value, 2) == 1.49


def test_the_brief_week_has_a_monotony_of_1_38_with_the_sample_sd():
    value = monotony(BRIEF_WEEK, "sample")
    assert value == pytest.approx(350 / np.sqrt(385_000 / 6), abs=1e-12)
    assert round(value, 2) == 1.38


def test_strain_is_the_weekly_load_times_the_monotony():
    result = rolling_monotony(np.asarray(BRIEF_WEEK, dtype=float))
    assert result.weekly_load[-1] == 2450
    assert result.strain[-1] == pytest.approx(2450 * 350 / np.sqrt(55_000))
    assert result.sd == "population"


@pytest.mark.parametrize("week", [[5.0] * 7, [0.1] * 7, [300.0] * 7])
def test_the_same_load_every_day_is_capped_at_the_maximum_instead_of_infinite(week):
    assert monotony(week) == MONOTONY_MAX
    result = rolling_monotony(np.asarray(week, dtype=float))
    assert result.monotony[-1] == MONOTONY_MAX
    assert result.strain[-1] == pytest.approx(sum(week) * MONOTONY_MAX)
    assert monotony_level(monotony(week)) is MonotonyLevel.CRITICAL


def test_a_week_of_rest_has_no_monotony_at_all():
    assert monotony([0] * 7) is None
    result = rolling_monotony(np.zeros(7))
    assert np.isnan(result.monotony[-1]) and np.isnan(result.strain[-1])


def test_five_km_every_day_scores_higher_than_six_days_of_five_and_a_rest_day():
    # Issue 15: the most monotonous week scored nothing while 6 x 5 km and a rest day scored 2.45.
    six_and_rest = monotony([5.0] * 6 + [0.0])
    assert round(six_and_rest, 2) == 2.45
    assert monotony([5.0] * 7) > six_and_rest


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0, 1000, allow_nan=False), min_size=7, max_size=7))
def test_no_week_scores_above_the_cap(week):
    value = monotony(week)
    assert value is None or 0 <= value <= MONOTONY_MAX


def test_rest_days_before_the_series_count_as_zero_load():
    result = rolling_monotony(np.asarray([10.0, 10.0]))
    assert result.weekly_load.tolist() == [10, 20]
    assert result.monotony[-1] == pytest.approx(monotony([0, 0, 0, 0, 0, 10, 10]))


@pytest.mark.parametrize(
    ("value", "level"),
    [
        (1.49, MonotonyLevel.NORMAL),
        (1.5, MonotonyLevel.HIGH),
        (1.99, MonotonyLevel.HIGH),
        (2.0, MonotonyLevel.CRITICAL),
        (None, None),
    ],
)
def test_runalyze_warns_from_1_5_and_calls_2_0_critical(value, level):
    assert monotony_level(value) is level


def test_a_week_needs_seven_days_and_a_known_sd_convention():
    with pytest.raises(ValueError, match="7 daily loads"):
        monotony([1, 2, 3])
    with pytest.raises(ValueError, match="SD convention"):
        monotony(BRIEF_WEEK, "robust")  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0, 1000, allow_nan=False), min_size=1, max_size=60), st.floats(0.001, 1000))
def test_scaling_every_load_by_a_positive_constant_leaves_monotony_unchanged(loads, factor):
    days = np.asarray(loads)
    assume(np.all((days == 0) | (days > 1e-3)))
    one = rolling_monotony(days)
    other = rolling_monotony(days * factor)
    assert np.array_equal(np.isnan(one.monotony), np.isnan(other.monotony))
    defined = ~np.isnan(one.monotony)
    assert np.allclose(one.monotony[defined], other.monotony[defined], rtol=1e-9)
    assert np.allclose(one.strain[defined] * factor, other.strain[defined], rtol=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0, 1000, allow_nan=False), min_size=7, max_size=7))
def test_the_rolling_monotony_of_a_week_equals_the_monotony_of_that_week(week):
    value = monotony(week)
    rolled = rolling_monotony(np.asarray(week)).monotony[-1]
    assert (value is None and np.isnan(rolled)) or rolled == pytest.approx(value, rel=1e-12)


def test_the_week_so_far_has_the_monotony_and_strain_of_its_own_days():
    from kniewijs.core.metrics.monotony import week_so_far

    # Monday 8 km, Tuesday rest, Wednesday 8 km: mean 16/3, population SD of (8, 0, 8).
    value, strain = week_so_far([8.0, 0.0, 8.0])
    mean, sd = 16 / 3, (((8 - 16 / 3) ** 2 * 2 + (16 / 3) ** 2) / 3) ** 0.5
    assert value is not None and strain is not None
    assert abs(value - mean / sd) < 1e-9 and abs(strain - 16 * mean / sd) < 1e-9
    assert week_so_far([8.0]) == (None, None)  # one day has no spread
