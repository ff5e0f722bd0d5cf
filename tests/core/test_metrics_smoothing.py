import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.metrics.smoothing import ewma, trailing_shifts, trailing_sum


def plain_ewma(values, alpha, initial=0.0):
    out, y = [], initial
    for x in values:
        y = y + alpha * (x - y)
        out.append(y)
    return out


def test_the_ewma_follows_its_recurrence_by_hand():
    assert ewma(np.asarray([100.0, 50.0, 0.0]), 0.25).tolist() == [25.0, 31.25, 23.4375]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.floats(0, 500, allow_nan=False), max_size=300),
    st.floats(0.01, 1.0),
    st.floats(0, 100, allow_nan=False),
)
def test_the_closed_form_ewma_equals_the_plain_recurrence(values, alpha, initial):
    result = ewma(np.asarray(values, dtype=float), alpha, initial)
    assert result.tolist() == pytest.approx(plain_ewma(values, alpha, initial), rel=1e-9, abs=1e-9)


def test_the_ewma_stays_exact_over_twenty_years_with_a_fast_factor():
    rng = np.random.default_rng(3)
    values = rng.uniform(0, 30, 7300)
    assert ewma(values, 0.25).tolist() == pytest.approx(plain_ewma(values, 0.25), rel=1e-9)
    assert np.isfinite(ewma(values, 0.9)).all()


@pytest.mark.parametrize("alpha", [0.0, -0.1, 1.5])
def test_an_alpha_outside_zero_to_one_is_refused(alpha):
    with pytest.raises(ValueError, match="alpha"):
        ewma(np.ones(3), alpha)


def test_trailing_sums_count_the_window_ending_today_or_earlier():
    values = np.arange(1.0, 11.0)
    assert trailing_sum(values, 3).tolist() == [1, 3, 6, 9, 12, 15, 18, 21, 24, 27]
    assert trailing_sum(values, 3, skip_last=2).tolist() == [0, 0, 1, 3, 6, 9, 12, 15, 18, 21]


def test_a_window_of_zeros_after_years_of_load_sums_to_exactly_zero():
    values = np.concatenate([np.random.default_rng(1).uniform(0, 20, 3000) / 7, np.zeros(40)])
    assert trailing_sum(values, 28)[-1] == 0.0
    assert trailing_sum(values, 21, skip_last=7)[-1] == 0.0


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0, 100, allow_nan=False), max_size=60), st.integers(1, 10), st.integers(0, 10))
def test_trailing_sums_equal_plain_sums(values, window, skip):
    result = trailing_sum(np.asarray(values, dtype=float), window, skip_last=skip)
    for t in range(len(values)):
        lo, hi = max(0, t - skip - window + 1), t - skip + 1
        assert result[t] == pytest.approx(sum(values[lo : max(lo, hi)]), abs=1e-9)


def test_trailing_shifts_move_the_series_day_by_day_with_zeros_shifted_in():
    shifts = trailing_shifts(np.asarray([1.0, 2.0, 3.0]), 3)
    assert [s.tolist() for s in shifts] == [[1, 2, 3], [0, 1, 2], [0, 0, 1]]


def test_an_empty_window_is_refused():
    with pytest.raises(ValueError):
        trailing_sum(np.ones(3), 0)
    with pytest.raises(ValueError):
        trailing_shifts(np.ones(3), 0)
