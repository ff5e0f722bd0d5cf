"""What a file reader hands to the rest of Kniewijs: activities with their per-second track.

The track is columnar (one numpy array per channel, NaN where the device recorded nothing), because a
10-year history has millions of samples and per-sample Python objects would dominate import time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

import numpy as np
import numpy.typing as npt

from .text import Text

Sport = Literal["running", "cycling", "swimming", "walking", "other"]
SPORTS: tuple[Sport, ...] = ("running", "cycling", "swimming", "walking", "other")

FloatArray = npt.NDArray[np.float64]

# Channels a track may carry; every one is optional and has the same length as `time`.
CHANNELS: tuple[str, ...] = (
    "distance_m",  # cumulative distance
    "heart_rate",  # beats per minute
    "cadence_spm",  # steps per minute, both feet (running); revolutions per minute on a bike
    "speed_mps",
    "altitude_m",
    "lat",
    "lon",
    "power_w",
    "vertical_oscillation_mm",
    "ground_contact_ms",
    "stride_length_m",  # one step, as Garmin's 'step length' (running dynamics)
    "vertical_ratio",  # percent
)


@dataclass(slots=True)
class Track:
    """Samples of one activity. `time` is seconds since the Unix epoch, UTC, never NaN, non-decreasing."""

    time: FloatArray
    channels: dict[str, FloatArray] = field(default_factory=dict)

    def __len__(self) -> int:
        return int(self.time.shape[0])

    def get(self, name: str) -> FloatArray | None:
        return self.channels.get(name)

    def has(self, name: str) -> bool:
        values = self.channels.get(name)
        return values is not None and bool(np.isfinite(values).any())


def empty_track() -> Track:
    return Track(time=np.empty(0, dtype=np.float64))


@dataclass(slots=True)
class Summary:
    """Totals the device computed (FIT session, TCX lap sums). None when the file does not say."""

    distance_m: float | None = None
    duration_s: float | None = None  # moving/timer time when the file has it, else elapsed
    elapsed_s: float | None = None  # first to last moment, pauses included
    moving_s: float | None = None  # time in motion: pauses (device paused, or standing still) left out
    avg_heart_rate: float | None = None
    max_heart_rate: float | None = None
    avg_cadence_spm: float | None = None
    avg_speed_mps: float | None = None
    ascent_m: float | None = None
    calories: float | None = None
    avg_vertical_oscillation_mm: float | None = None
    avg_ground_contact_ms: float | None = None
    avg_stride_length_m: float | None = None


@dataclass(slots=True)
class ActivityData:
    """One activity as read from a file. `start` is timezone-aware UTC."""

    sport: Sport
    start: datetime
    summary: Summary
    track: Track
    source_format: Literal["fit", "gpx", "tcx", "csv", "manual", "apple_health"]
    sub_sport: str | None = None
    name: str | None = None
    # Device details stay with the runner; they are never shown to a clinic.
    device: str | None = None
    # Why the sport was guessed from the data when the file did not say ("geraden uit 24,4 km/u"); None
    # when the file named it.
    sport_guess: Text | None = None
    # What was lost when the file stops early or is partly damaged ("opname stopt na 7,3 km: het bestand
    # houdt daar op"); None for a whole file.
    partial: Text | None = None
    # Pauses inside the recording (gaps between tracks or segments of one file, or the device paused).
    pauses: int = 0

    @property
    def records(self) -> int:
        return len(self.track)

    @property
    def distance_m(self) -> float | None:
        if self.summary.distance_m is not None:
            return self.summary.distance_m
        distance = self.track.get("distance_m")
        if distance is not None and np.isfinite(distance).any():
            return float(np.nanmax(distance) - np.nanmin(distance))
        return None

    @property
    def duration_s(self) -> float | None:
        if self.summary.duration_s is not None:
            return self.summary.duration_s
        if len(self.track) >= 2:
            return float(self.track.time[-1] - self.track.time[0])
        return None

    @property
    def end_epoch(self) -> float:
        """The last moment of the recording: pauses count, so elapsed time when known (duration_s is
        moving time, which would end a paused run too early for an overlap check)."""
        elapsed = self.summary.elapsed_s
        if elapsed is None and len(self.track) >= 2:
            elapsed = float(self.track.time[-1] - self.track.time[0])
        return self.start.timestamp() + (elapsed or self.duration_s or 0.0)
