"""Privacy zones: circles the runner draws around places others must not find, such as home or work.

Source: the common practice of sports platforms (Strava's privacy zones, Garmin Connect's privacy zones). The
runner picks a centre and a radius; every GPS point inside the circle is hidden from everyone but the runner.
There is no clinical rule behind this; it is about not giving away where someone lives.

Conventions:
- Distance is the haversine (great-circle) distance on a sphere with the Earth's mean radius (IUGG,
  6 371 008.8 m). Over a few kilometres its error against the ellipsoid is well under 1%, far less than a
  zone's radius is precise anyway.
- A point exactly on the circle counts as inside: hiding one point too many costs nothing.
- Hiding a point sets both `lat` and `lon` to NaN; the other channels (heart rate, pace, ...) stay, so charts
  over time still work. A point with only one of the two coordinates cannot be checked against a zone, so
  when there are zones it is hidden too.
- Radius 50..5000 m: below 50 m the circle is smaller than a GPS fix's own scatter near buildings; above
  5 km it would hide whole runs, which the runner can do by not sharing at all.
- A circle centred exactly on the front door gives that door away when many runs cross its edge. The
  runner's page therefore advises a centre near the place, not on it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .activity import FloatArray, Track

EARTH_RADIUS_M = 6_371_008.8
MIN_RADIUS_M = 50.0
MAX_RADIUS_M = 5000.0
POSITION_CHANNELS = ("lat", "lon")

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Zone:
    """A circle: centre in decimal degrees (WGS84), radius in metres."""

    lat: float
    lon: float
    radius_m: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.lat) and -90.0 <= self.lat <= 90.0):
            raise ValueError(f"latitude must be between -90 and 90 degrees, got {self.lat!r}")
        if not (math.isfinite(self.lon) and -180.0 <= self.lon <= 180.0):
            raise ValueError(f"longitude must be between -180 and 180 degrees, got {self.lon!r}")
        if not (math.isfinite(self.radius_m) and MIN_RADIUS_M <= self.radius_m <= MAX_RADIUS_M):
            raise ValueError(
                f"radius must be between {MIN_RADIUS_M:g} and {MAX_RADIUS_M:g} m, got {self.radius_m!r}"
            )


def distance_m(lat: FloatArray, lon: FloatArray, zone: Zone) -> FloatArray:
    """Haversine distance of every point to the zone's centre, in metres (NaN where a coordinate is NaN)."""
    phi = np.radians(lat)
    phi_centre = math.radians(zone.lat)
    half_dphi = (phi - phi_centre) / 2.0
    half_dlambda = np.radians(lon - zone.lon) / 2.0
    a = np.sin(half_dphi) ** 2 + np.cos(phi) * math.cos(phi_centre) * np.sin(half_dlambda) ** 2
    # Rounding can push `a` a hair above 1 for antipodal points; arcsin would then give NaN.
    result: FloatArray = 2.0 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
    return result


def inside_any(lat: FloatArray, lon: FloatArray, zones: Sequence[Zone]) -> BoolArray:
    """True for every point inside (or on the edge of) at least one zone. A NaN point is inside none."""
    lat = np.asarray(lat, dtype=np.float64)
    lon = np.asarray(lon, dtype=np.float64)
    if lat.shape != lon.shape:
        raise ValueError(f"lat and lon differ in length: {lat.shape} and {lon.shape}")
    inside = np.zeros(lat.shape, dtype=bool)
    with np.errstate(invalid="ignore"):  # NaN compares False, which is what we want
        for zone in zones:
            inside |= distance_m(lat, lon, zone) <= zone.radius_m
    return inside


def mask_positions(lat: FloatArray, lon: FloatArray, zones: Sequence[Zone]) -> tuple[FloatArray, FloatArray]:
    """Copies of `lat` and `lon` with every point inside a zone (or with only one coordinate) set to NaN."""
    lat = np.array(lat, dtype=np.float64, copy=True)
    lon = np.array(lon, dtype=np.float64, copy=True)
    if not zones:
        return lat, lon
    hidden = inside_any(lat, lon, zones) | (np.isnan(lat) != np.isnan(lon))
    lat[hidden] = np.nan
    lon[hidden] = np.nan
    return lat, lon


def mask_track(track: Track, zones: Sequence[Zone]) -> Track:
    """A copy of `track` in which no position lies inside any zone; every other channel is left as it was.

    A track with only one of the two position channels is given none: a lone latitude or longitude cannot be
    checked against a zone."""
    channels = {
        name: np.array(values, dtype=np.float64, copy=True) for name, values in track.channels.items()
    }
    masked = Track(time=np.array(track.time, dtype=np.float64, copy=True), channels=channels)
    if not zones:
        return masked
    lat, lon = channels.get("lat"), channels.get("lon")
    if lat is None and lon is None:
        return masked
    if lat is None or lon is None:
        for name in POSITION_CHANNELS:
            channels.pop(name, None)
        return masked
    channels["lat"], channels["lon"] = mask_positions(lat, lon, zones)
    return masked
