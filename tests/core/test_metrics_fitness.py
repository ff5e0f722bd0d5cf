import math

import numpy as np
import pytest

from kniewijs.core.metrics.fitness import fitness_fatigue, smoothing_factor

LOADS = np.asarray([100.0, 50.0, 0.0])


def test_goldencheetahs_factor_is_one_minus_e_to_the_minus_one_over_n():
    assert smoothing_factor(42) == pytest.approx(0.023528, abs=1e-6)
    assert smoothing_factor(7) == pytest.approx(0.133122, abs=1e-6)


def test_runalyzes_factor_is_two_over_n_plus_one():
    assert smoothing_factor(42, "runalyze") == 2 / 43
    assert smoothing_factor(7, "runalyze") == 0.25


def test_fitness_and_fatigue_by_goldencheetah_match_hand_computed_values():
    result = fitness_fatigue(LOADS)
    assert result.method == "goldencheetah"
    assert result.fitness.tolist() == pytest.approx([2.3528, 3.4739, 3.3922], abs=1e-4)
    assert result.fatigue.tolist() == pytest.approx([13.3122, 18.1962, 15.7739], abs=1e-4)
    assert result.form.tolist() == pytest.approx(
        [2.3528 - 13.3122, 3.4739 - 18.1962, 3.3922 - 15.7739], abs=2e-4
    )


def test_fitness_and_fatigue_by_runalyze_match_hand_computed_values():
    result = fitness_fatigue(LOADS, "runalyze")
    assert result.fitness.tolist() == pytest.approx([4.6512, 6.7604, 6.4460], abs=1e-4)
    assert result.fatigue.tolist() == [25.0, 31.25, 23.4375]


def test_the_two_factors_differ_about_twofold_for_the_same_number_of_days():
    ratio = smoothing_factor(42, "runalyze") / smoothing_factor(42)
    assert 1.9 < ratio < 2.1


def test_a_steady_load_brings_fitness_and_fatigue_to_that_load():
    result = fitness_fatigue(np.full(2000, 10.0))
    assert result.fitness[-1] == pytest.approx(10.0, rel=1e-9)
    assert result.fatigue[-1] == pytest.approx(10.0, rel=1e-12)
    assert math.isclose(result.form[-1], 0.0, abs_tol=1e-8)


def test_an_unknown_factor_or_a_time_constant_of_zero_is_refused():
    with pytest.raises(ValueError, match="unknown"):
        smoothing_factor(42, "banister")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="positive"):
        smoothing_factor(0)
