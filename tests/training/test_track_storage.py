"""A track survives its trip through the database column: every channel, every point, NaN where the
device measured nothing; tracks stored in the earlier .npz format still read."""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from kniewijs.core.activity import Track
from kniewijs.training import tracks

floats32 = st.floats(width=32, allow_nan=True, allow_infinity=False)


@st.composite
def some_track(draw):
    points = draw(st.integers(1, 400))
    start = draw(st.floats(1e9, 2e9))
    steps = draw(hnp.arrays(np.float64, points, elements=st.floats(0, 30)))
    names = draw(
        st.lists(st.sampled_from(["heart_rate", "cadence_spm", "distance_m", "altitude_m"]), unique=True)
    )
    channels = {
        name: draw(hnp.arrays(np.float32, points, elements=floats32)).astype(np.float64) for name in names
    }
    return Track(time=start + np.cumsum(steps), channels=channels)


@settings(max_examples=60, deadline=None)
@given(some_track())
def test_a_packed_track_unpacks_to_the_same_points(track):
    back = tracks.unpack(tracks.pack(track))
    np.testing.assert_array_equal(back.time, track.time)  # time is kept as float64: exact
    kept = {name for name, values in track.channels.items() if np.isfinite(values).any()}
    assert set(back.channels) == kept  # a channel the device never filled is not stored
    for name in kept:
        np.testing.assert_array_equal(back.channels[name], track.channels[name])


def test_an_empty_track_is_stored_as_nothing():
    assert tracks.pack(Track(time=np.empty(0))) is None
    assert len(tracks.unpack(None)) == 0


def test_a_track_stored_as_npz_before_still_reads():
    time = np.array([1.7e9, 1.7e9 + 1, 1.7e9 + 2])
    buffer = io.BytesIO()
    np.savez_compressed(buffer, time=time, heart_rate=np.array([120, 121, 125], dtype=np.float32))
    back = tracks.unpack(buffer.getvalue())
    np.testing.assert_array_equal(back.time, time)
    assert back.channels["heart_rate"].tolist() == [120.0, 121.0, 125.0]


def test_a_channel_of_another_length_than_the_time_is_refused():
    track = Track(time=np.array([1.0, 2.0, 3.0]), channels={"heart_rate": np.array([1.0, 2.0])})
    with pytest.raises(ValueError):
        tracks.pack(track)


def test_the_packed_track_is_smaller_than_the_raw_values():
    time = 1.7e9 + np.arange(3600.0)
    track = Track(time=time, channels={"heart_rate": 140 + 10 * np.sin(np.arange(3600) / 60.0).round()})
    packed = tracks.pack(track)
    assert packed is not None and len(packed) < 3600 * (8 + 4) / 4
