import math

import numpy as np
import pytest

from kniewijs.core.metrics.comparable import comparable_ratios, fatigue_over_fitness
from kniewijs.core.metrics.fitness import fitness_fatigue
from kniewijs.core.metrics.load_ratio import load_ratios


def loop_ewma(values, days):
    """The Performance Manager's recursion written out by hand: today = yesterday + (load - yesterday) x
    (1 - e^(-1/N)), from 0."""
    alpha, state, out = 1 - math.exp(-1 / days), 0.0, []
    for value in values:
        state += alpha * (value - state)
        out.append(state)
    return np.asarray(out)


def test_fatigue_over_fitness_is_the_7_day_over_the_42_day_performance_manager_average():
    rng = np.random.default_rng(7)
    load = rng.choice([0.0, 5.0, 8.0, 12.0], size=120)
    ours = fatigue_over_fitness(fitness_fatigue(load))
    expected = loop_ewma(load, 7) / loop_ewma(load, 42)
    assert ours[-1] == pytest.approx(expected[-1], rel=1e-9)


def test_a_steady_load_for_a_year_gives_one_on_every_method():
    load = np.full(365, 6.0)
    readings = comparable_ratios(load_ratios(load), fitness_fatigue(load))
    for reading in readings:
        assert reading.value == pytest.approx(1.0, abs=0.01), reading.key


def test_our_ratio_comes_first_and_every_reading_names_its_method_and_source():
    load = np.full(60, 5.0)
    readings = comparable_ratios(load_ratios(load), fitness_fatigue(load))
    assert [r.key for r in readings] == ["uncoupled", "coupled", "ewma", "fatigue_over_fitness"]
    assert all(r.method and r.source and r.name.nl and r.name.en for r in readings)
    assert "ATL/CTL" in readings[-1].name.nl and "intervals.icu" in readings[-1].name.en


def test_doubling_the_last_week_raises_every_ratio_but_the_slow_42_day_one_least():
    load = np.concatenate([np.full(60, 4.0), np.full(7, 8.0)])
    values = {r.key: r.value for r in comparable_ratios(load_ratios(load), fitness_fatigue(load))}
    assert all(v is not None and v > 1.2 for v in values.values())
    assert values["uncoupled"] == pytest.approx(2.0)
    assert values["fatigue_over_fitness"] < values["uncoupled"]


def test_a_log_without_load_has_no_ratio_to_compare():
    load = np.zeros(40)
    assert all(r.value is None for r in comparable_ratios(load_ratios(load), fitness_fatigue(load)))
