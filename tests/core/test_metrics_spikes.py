from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.load import SpikeBand, single_run_spike
from kniewijs.core.metrics.model import Activity, History
from kniewijs.core.metrics.spikes import (
    BANDS,
    NO_COMPARISON,
    band_edges,
    run_spikes,
    spike_bands,
    window_maximum,
)

DAY = 86_400.0
START = datetime(2027, 4, 1, 7, tzinfo=UTC)


def runs(*rows: tuple[float, float, str]) -> History:
    """(days after START, km, sport)"""
    return History.build(
        "Europe/Amsterdam", [Activity(START + timedelta(days=d), s, km * 1000) for d, km, s in rows]
    )


@pytest.mark.parametrize(
    ("today_km", "band"),
    [(10.9, SpikeBand.NONE), (12, SpikeBand.SMALL), (15, SpikeBand.MODERATE), (25, SpikeBand.LARGE)],
)
def test_the_brief_test_vector_bands_a_run_against_the_longest_of_the_previous_30_days(today_km, band):
    history = runs((0, 6, "running"), (10, 10, "running"), (20, 8, "running"), (29, today_km, "running"))
    spikes = run_spikes(history)
    assert spikes.longest_previous_km[-1] == 10
    assert BANDS[spikes.band[-1]] is band
    assert spikes.spike(len(spikes) - 1).band is band


def test_a_run_more_than_30_days_back_is_not_the_reference():
    spikes = run_spikes(runs((0, 20, "running"), (5, 8, "running"), (31, 10, "running")))
    assert spikes.longest_previous_km[-1] == 8
    assert BANDS[spikes.band[-1]] is SpikeBand.SMALL


def test_a_run_exactly_30_days_before_still_counts_as_the_reference():
    spikes = run_spikes(runs((0, 20, "running"), (30, 10, "running")))
    assert spikes.longest_previous_km[-1] == 20


def test_only_runs_count_as_reference_and_as_spikes():
    spikes = run_spikes(runs((0, 10, "running"), (1, 60, "cycling"), (2, 10.5, "running")))
    assert len(spikes) == 2
    assert spikes.longest_previous_km.tolist()[1] == 10
    assert BANDS[spikes.band[1]] is SpikeBand.NONE


def test_a_first_run_has_nothing_to_compare_with_as_in_core_load():
    spikes = run_spikes(runs((0, 10, "running")))
    assert spikes.band.tolist() == [NO_COMPARISON]
    assert np.isnan(spikes.excess[0]) and np.isnan(spikes.rate_ratio[0])
    assert spikes.spike(0) is None


def test_the_rate_ratio_of_each_band_is_frandsen_2025s():
    spikes = run_spikes(
        runs((0, 10, "running"), (1, 12, "running"), (40, 10, "running"), (41, 25, "running"))
    )
    assert spikes.rate_ratio[1] == 1.64
    assert spikes.rate_ratio[3] == 2.28


def test_two_runs_at_the_same_second_are_not_each_others_reference():
    history = History.build("UTC", [Activity(START, "running", 10_000), Activity(START, "running", 30_000)])
    assert run_spikes(history).band.tolist() == [NO_COMPARISON, NO_COMPARISON]


def test_the_band_edges_are_read_off_single_run_spike():
    for band, edge in enumerate(band_edges()):
        assert BANDS.index(single_run_spike(1.0 + edge, 1.0).band) == band
        assert BANDS.index(single_run_spike(float(np.nextafter(1.0 + edge, 9.0)), 1.0).band) == band + 1


@settings(max_examples=500, deadline=None)
@given(
    st.floats(0, 100, allow_nan=False) | st.sampled_from([10.9, 11.0, 12.0, 13.0, 15.0, 20.0, 25.0]),
    st.floats(0, 60, allow_nan=False) | st.just(10.0),
)
def test_the_vectorised_bands_agree_with_single_run_spike_for_any_run(run_km, longest):
    excess, band = spike_bands(np.asarray([run_km]), np.asarray([longest]))
    expected = single_run_spike(run_km, longest)
    if expected is None:
        assert band[0] == NO_COMPARISON and np.isnan(excess[0])
    else:
        assert BANDS[band[0]] is expected.band
        assert excess[0] == expected.excess


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0, 50, allow_nan=False), min_size=1, max_size=80), st.data())
def test_the_window_maximum_equals_a_plain_maximum_over_every_window(values, data):
    array = np.asarray(values)
    n = len(values)
    low = np.asarray(data.draw(st.lists(st.integers(0, n), min_size=n, max_size=n)))
    high = np.asarray([data.draw(st.integers(int(lo), n)) for lo in low])
    result = window_maximum(array, low, high)
    for i in range(n):
        window = values[low[i] : high[i]]
        assert (not window and np.isnan(result[i])) or result[i] == max(window)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0, 200, allow_nan=False), st.floats(0.5, 40, allow_nan=False)), max_size=40),
    st.randoms(),
)
def test_the_spikes_do_not_depend_on_the_order_of_the_input_runs(rows, random):
    shuffled = list(rows)
    random.shuffle(shuffled)
    one = run_spikes(runs(*((d, km, "running") for d, km in rows)))
    other = run_spikes(runs(*((d, km, "running") for d, km in shuffled)))
    assert one.band.tolist() == other.band.tolist()
    assert np.array_equal(one.longest_previous_km, other.longest_previous_km, equal_nan=True)


def test_runs_on_local_days_carry_their_day():
    spikes = run_spikes(
        History.build(
            "Europe/Amsterdam", [Activity(datetime(2027, 3, 27, 23, 30, tzinfo=UTC), "running", 5000)]
        )
    )
    assert spikes.local_day[0] == (date(2027, 3, 28) - date(1970, 1, 1)).days
