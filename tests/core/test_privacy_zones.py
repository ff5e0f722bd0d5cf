import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from kniewijs.core.activity import Track
from kniewijs.core.privacy_zones import (
    EARTH_RADIUS_M,
    Zone,
    distance_m,
    inside_any,
    mask_positions,
    mask_track,
)

HOME = Zone(lat=52.093718, lon=5.127463, radius_m=300)
METRES_PER_DEGREE_LAT = EARTH_RADIUS_M * math.pi / 180


def north_of(zone: Zone, metres: float) -> float:
    return zone.lat + metres / METRES_PER_DEGREE_LAT


def a_run_from_home() -> Track:
    """Out from HOME to the north and back, a point every 100 m; all 1 m short of the round numbers, so none
    lies on the 300 m edge where rounding could decide."""
    metres = np.concatenate([np.arange(0, 1001, 100), np.arange(900, -1, -100)]).astype(float) - 1.0
    lat = north_of(HOME, 0.0) + metres / METRES_PER_DEGREE_LAT
    n = metres.shape[0]
    return Track(
        time=1_760_000_000.0 + np.arange(n, dtype=float),
        channels={"lat": lat, "lon": np.full(n, HOME.lon), "heart_rate": np.linspace(120, 160, n)},
    )


def test_the_haversine_distance_of_one_degree_of_latitude_is_about_111_km():
    [d] = distance_m(np.array([53.093718]), np.array([5.127463]), HOME)
    assert d == pytest.approx(111_195, rel=1e-4)


def test_the_distance_from_amsterdam_to_utrecht_matches_the_published_great_circle():
    zone = Zone(lat=52.3676, lon=4.9041, radius_m=50)  # Amsterdam centre
    [d] = distance_m(np.array([52.0907]), np.array([5.1214]), zone)  # Utrecht centre
    assert d == pytest.approx(34_400, rel=0.01)


def test_antipodal_points_are_half_the_earth_around_and_not_nan():
    zone = Zone(lat=0.0, lon=0.0, radius_m=50)
    [d] = distance_m(np.array([0.0]), np.array([180.0]), zone)
    assert d == pytest.approx(math.pi * EARTH_RADIUS_M)


def test_points_inside_and_on_the_edge_count_as_inside_and_those_beyond_do_not():
    lat = np.array([HOME.lat, north_of(HOME, 299.0), north_of(HOME, 301.0), north_of(HOME, 5000.0)])
    lon = np.full(4, HOME.lon)
    assert inside_any(lat, lon, [HOME]).tolist() == [True, True, False, False]


def test_a_point_inside_any_of_several_zones_is_inside():
    work = Zone(lat=52.0, lon=4.3, radius_m=200)
    lat = np.array([HOME.lat, 52.0, 51.0])
    lon = np.array([HOME.lon, 4.3, 4.3])
    assert inside_any(lat, lon, [HOME, work]).tolist() == [True, True, False]


def test_a_missing_position_is_inside_no_zone():
    assert inside_any(np.array([np.nan]), np.array([np.nan]), [HOME]).tolist() == [False]


def test_lat_and_lon_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="differ in length"):
        inside_any(np.zeros(3), np.zeros(2), [HOME])


@pytest.mark.parametrize(
    ("lat", "lon", "radius", "message"),
    [
        (90.5, 5.0, 300, "latitude"),
        (float("nan"), 5.0, 300, "latitude"),
        (52.0, -180.1, 300, "longitude"),
        (52.0, float("inf"), 300, "longitude"),
        (52.0, 5.0, 49.9, "radius"),
        (52.0, 5.0, 5000.1, "radius"),
        (52.0, 5.0, float("nan"), "radius"),
    ],
)
def test_a_zone_outside_the_allowed_ranges_is_refused(lat, lon, radius, message):
    with pytest.raises(ValueError, match=message):
        Zone(lat=lat, lon=lon, radius_m=radius)


@pytest.mark.parametrize(("lat", "lon", "radius"), [(-90.0, -180.0, 50.0), (90.0, 180.0, 5000.0)])
def test_a_zone_on_the_limits_of_the_ranges_is_accepted(lat, lon, radius):
    assert Zone(lat=lat, lon=lon, radius_m=radius).radius_m == radius


def test_a_run_from_home_loses_its_positions_near_home_and_keeps_the_rest():
    track = a_run_from_home()
    masked = mask_track(track, [HOME])
    lat, lon = masked.channels["lat"], masked.channels["lon"]
    hidden = np.isnan(lat)
    # 1 m south of the centre, then 99, 199 and 299 m north: inside, on the way out and on the way back.
    assert hidden.tolist() == [True] * 4 + [False] * 13 + [True] * 4
    assert np.array_equal(np.isnan(lon), hidden)
    assert np.array_equal(lat[~hidden], track.channels["lat"][~hidden])
    assert np.array_equal(masked.channels["heart_rate"], track.channels["heart_rate"])
    assert np.array_equal(masked.time, track.time)


def test_masking_leaves_the_original_track_as_it_was():
    track = a_run_from_home()
    before = track.channels["lat"].copy()
    masked = mask_track(track, [HOME])
    assert np.array_equal(track.channels["lat"], before)
    assert masked.channels["lat"] is not track.channels["lat"]
    masked.time[0] = 0.0
    assert track.time[0] != 0.0


def test_without_zones_the_track_comes_back_unchanged_as_a_copy():
    track = a_run_from_home()
    masked = mask_track(track, [])
    assert np.array_equal(masked.channels["lat"], track.channels["lat"])
    assert masked.channels["lat"] is not track.channels["lat"]


def test_a_track_without_positions_is_unchanged():
    track = Track(time=np.arange(3.0), channels={"heart_rate": np.array([120.0, 121.0, 122.0])})
    assert mask_track(track, [HOME]).channels.keys() == {"heart_rate"}


def test_a_lone_latitude_channel_is_dropped_because_it_cannot_be_checked():
    track = Track(time=np.arange(2.0), channels={"lat": np.array([HOME.lat, 0.0]), "cadence_spm": np.ones(2)})
    assert mask_track(track, [HOME]).channels.keys() == {"cadence_spm"}


def test_a_point_with_only_one_coordinate_is_hidden_when_there_are_zones():
    lat, lon = mask_positions(np.array([10.0, 10.0]), np.array([np.nan, 20.0]), [HOME])
    assert np.isnan(lat[0]) and np.isnan(lon[0])
    assert (lat[1], lon[1]) == (10.0, 20.0)


# --- properties -------------------------------------------------------------------------------------
zones_near_home = st.lists(
    st.builds(
        Zone,
        lat=st.floats(51.9, 52.3),
        lon=st.floats(4.9, 5.3),
        radius_m=st.floats(50, 5000),
    ),
    max_size=4,
)


@st.composite
def positions(draw):
    """Mostly points around the zones, some anywhere on Earth, some missing."""
    n = draw(st.integers(0, 40))
    nan = st.just(float("nan"))
    lat = draw(arrays(np.float64, n, elements=st.one_of(st.floats(51.8, 52.4), st.floats(-90, 90), nan)))
    lon = draw(arrays(np.float64, n, elements=st.one_of(st.floats(4.8, 5.4), st.floats(-180, 180), nan)))
    return lat, lon


@settings(max_examples=100, deadline=None)
@given(positions(), zones_near_home)
def test_no_point_that_comes_back_lies_inside_a_zone(points, zones):
    lat, lon = mask_positions(*points, zones)
    assert not inside_any(lat, lon, zones).any()
    assert np.array_equal(np.isnan(lat), np.isnan(lon)) or not zones


@settings(max_examples=100, deadline=None)
@given(positions(), zones_near_home)
def test_points_outside_every_zone_come_back_untouched(points, zones):
    lat, lon = points
    outside = ~inside_any(lat, lon, zones) & np.isfinite(lat) & np.isfinite(lon)
    masked_lat, masked_lon = mask_positions(lat, lon, zones)
    assert np.array_equal(masked_lat[outside], lat[outside])
    assert np.array_equal(masked_lon[outside], lon[outside])


@settings(max_examples=100, deadline=None)
@given(positions(), zones_near_home)
def test_masking_twice_gives_the_same_as_masking_once(points, zones):
    once = mask_positions(*points, zones)
    twice = mask_positions(*once, zones)
    assert np.array_equal(once[0], twice[0], equal_nan=True)
    assert np.array_equal(once[1], twice[1], equal_nan=True)


@settings(max_examples=100, deadline=None)
@given(positions(), zones_near_home)
def test_a_masked_track_keeps_its_length_and_its_other_channels(points, zones):
    lat, lon = points
    track = Track(
        time=np.arange(lat.shape[0], dtype=float), channels={"lat": lat, "lon": lon, "power_w": lat * 2}
    )
    masked = mask_track(track, zones)
    assert len(masked) == len(track)
    assert np.array_equal(masked.channels["power_w"], track.channels["power_w"], equal_nan=True)
