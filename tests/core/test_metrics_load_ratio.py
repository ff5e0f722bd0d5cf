import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.metrics.load_ratio import AcwrZone, acwr_zone, load_ratios


def weekly(*weeks: float) -> np.ndarray:
    """One run a week, on the Wednesday, of the given km."""
    days = np.zeros(7 * len(weeks))
    days[2::7] = weeks
    return days


def test_weekly_twenty_twenty_twenty_thirty_gives_1_33_coupled_and_1_50_uncoupled():
    ratios = load_ratios(weekly(20, 20, 20, 30))
    assert ratios.acute[-1] == 30
    assert ratios.chronic_coupled[-1] == 22.5
    assert ratios.chronic_uncoupled[-1] == 20
    assert ratios.coupled[-1] == pytest.approx(4 / 3, abs=1e-12)
    assert round(float(ratios.coupled[-1]), 2) == 1.33
    assert ratios.uncoupled[-1] == 1.5


def test_the_ratio_is_undefined_until_the_series_holds_28_days():
    days = weekly(20, 20, 20, 30)[2:]  # 26 days
    ratios = load_ratios(days)
    assert np.isnan(ratios.coupled).all() and np.isnan(ratios.uncoupled).all() and np.isnan(ratios.ewma).all()
    longer = load_ratios(np.concatenate([days, np.zeros(2)]))
    assert not np.isnan(longer.coupled[-1])


def test_without_chronic_load_the_ratio_is_undefined_not_infinite():
    days = np.concatenate([weekly(20, 20, 20, 20), np.zeros(21), weekly(10)])
    ratios = load_ratios(days)
    assert np.isnan(ratios.uncoupled[-1])
    assert ratios.coupled[-1] == pytest.approx(4.0)


def test_the_ewma_ratio_uses_williams_factors_two_over_eight_and_two_over_twenty_nine():
    days = np.zeros(40)
    days[0] = 10
    ratios = load_ratios(days)
    assert ratios.ewma_acute[0] == 10 * 2 / 8
    assert ratios.ewma_chronic[0] == 10 * 2 / 29
    assert ratios.ewma[-1] == pytest.approx(ratios.ewma_acute[-1] / ratios.ewma_chronic[-1])


def test_a_steady_load_gives_ratios_of_one():
    ratios = load_ratios(np.full(400, 5.0))
    assert ratios.coupled[-1] == pytest.approx(1.0)
    assert ratios.uncoupled[-1] == pytest.approx(1.0)
    assert ratios.ewma[-1] == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize(
    ("ratio", "zone"),
    [
        (0.79, AcwrZone.LOW),
        (0.8, AcwrZone.SWEET_SPOT),
        (1.3, AcwrZone.SWEET_SPOT),
        (1.31, AcwrZone.RAISED),
        (1.49, AcwrZone.RAISED),
        (1.5, AcwrZone.DANGER),
        (3.0, AcwrZone.DANGER),
        (None, None),
        (float("nan"), None),
    ],
)
def test_gabbetts_zones_put_0_8_to_1_3_in_the_sweet_spot_and_1_5_up_in_danger(ratio, zone):
    assert acwr_zone(ratio) is zone


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(0, 600, allow_nan=False), min_size=28, max_size=90), st.floats(0.01, 1000))
def test_scaling_every_load_by_a_positive_constant_leaves_the_ratios_unchanged(loads, factor):
    days = np.asarray(loads)
    one = load_ratios(days, "srpe")
    other = load_ratios(days * factor, "srpe")
    for name in ("coupled", "uncoupled", "ewma"):
        a, b = getattr(one, name), getattr(other, name)
        assert np.array_equal(np.isnan(a), np.isnan(b)), name
        assert np.allclose(a[~np.isnan(a)], b[~np.isnan(b)], rtol=1e-9), name


def test_below_100_metres_a_week_of_chronic_running_there_is_nothing_to_compare_with():
    ratios = load_ratios(weekly(0.05, 0.05, 0.05, 5))
    assert np.isnan(ratios.uncoupled[-1])
    assert not np.isnan(load_ratios(weekly(0.05, 0.05, 0.05, 5), "srpe").uncoupled[-1])
