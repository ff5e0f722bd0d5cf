"""Garmin Training Center XML v2 (TCX) as activities: one activity per <Activity>.

Schema: https://www8.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd with ActivityExtension v2
(https://www8.garmin.com/xmlschemas/ActivityExtensionv2.xsd). Choices:
- Sport from the Activity's Sport attribute (Running, Biking). For "Other" (or no attribute) the sport
  is guessed from the average moving speed and cadence (`kniewijs.core.sport_guess`), the evidence in
  `sport_guess`; "Other" without a speed stays "other".
- Elapsed time is first to last trackpoint; moving time (`duration_s`) is the laps' TotalTimeSeconds
  added up (the device's timer), or from the trackpoints (`xmlsafe.moving_seconds`) without laps.
- A file cut off or damaged midway keeps the whole trackpoints before the break; that activity's totals
  come from them and its `partial` says where the recording stops.
- The summary is the laps added up: TotalTimeSeconds (timer time), DistanceMeters and Calories summed,
  AverageHeartRateBpm weighted by lap time, MaximumHeartRateBpm the highest. What no lap says is
  computed from the trackpoints instead.
- Trackpoints with or without <Position> (a treadmill has none); distance from DistanceMeters, or from
  the positions when a file has no distances.
- Cadence: <Cadence> for a bike (rpm); ActivityExtension RunCadence (or <Cadence>) for a run, counted
  per foot by Garmin and doubled to steps per minute (see `xmlsafe.steps_per_minute`). Speed and power
  from the TPX extension.
- Courses and workouts are plans, not activities: a file with only those is skipped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

import numpy as np

from kniewijs.core.activity import ActivityData, FloatArray, Sport, Summary, Track
from kniewijs.core.sport_guess import guess_sport
from kniewijs.core.text import T, Text
from kniewijs.formats.errors import RejectedFile, SkippedFile
from kniewijs.formats.xmlsafe import (
    ASSUMED_SPORT,
    BrokenXml,
    PointCollector,
    cut_off_note,
    distance_from_positions,
    epoch_seconds,
    iter_xml,
    local_name,
    moving_seconds,
    number,
    sport_from_label,
    steps_per_minute,
    summary_from_track,
    text_of,
    utc,
)

# "device_cadence" and "run_cadence" become the track's "cadence_spm" once the sport is known.
TCX_CHANNELS = (
    "lat",
    "lon",
    "altitude_m",
    "distance_m",
    "heart_rate",
    "device_cadence",
    "run_cadence",
    "speed_mps",
    "power_w",
)
_EXTENSION_FIELDS = {"Speed": "speed_mps", "RunCadence": "run_cadence", "Watts": "power_w"}

NOT_TCX = T(
    "Dit XML-bestand is geen TCX-bestand (het hoofdelement heet geen 'TrainingCenterDatabase').",
    "This XML file is not a TCX file (its root element is not 'TrainingCenterDatabase').",
)
ONLY_PLANS = T(
    "Dit TCX-bestand bevat alleen een parcours of trainingsschema, geen opgenomen training.",
    "This TCX file only holds a course or a workout plan, not a recorded activity.",
)
NO_ACTIVITY = T(
    "Dit TCX-bestand bevat geen training met een tijd.",
    "This TCX file holds no activity with a time.",
)


@dataclass
class _Lap:
    start: float | None = None
    total_time_s: float = math.nan
    distance_m: float = math.nan
    calories: float = math.nan
    avg_heart_rate: float = math.nan
    max_heart_rate: float = math.nan
    avg_cadence: float = math.nan  # as written: rpm on a bike, per foot on a Garmin run


@dataclass
class _ActivityInProgress:
    sport_label: str | None
    points: PointCollector = field(default_factory=lambda: PointCollector(TCX_CHANNELS))
    laps: list[_Lap] = field(default_factory=list)
    start: float | None = None
    device: str | None = None


def read_tcx(data: bytes, *, default_sport: Sport = "running") -> list[ActivityData]:
    """Every activity in a TCX file. Raises RejectedFile or SkippedFile, nothing else."""
    activities: list[ActivityData] = []
    plans = [0]
    progress: list[_ActivityInProgress | None] = [None]  # the activity being read, if any
    try:
        _read_events(data, activities, default_sport, plans, progress)
    except BrokenXml as problem:
        # Cut off or damaged: the activity being read keeps its whole trackpoints, and its totals come
        # from them (its laps may be missing or unfinished).
        unfinished = progress[0]
        if unfinished is not None and len(unfinished.points):
            unfinished.laps = []
            finished = _activity(unfinished, default_sport)
            if finished is not None:
                activities.append(finished)
        if not activities:
            raise
        last = max(activities, key=lambda activity: activity.start)
        last.partial = cut_off_note(last.distance_m, last.summary.elapsed_s, damaged=not problem.cut_off)
    if activities:
        return activities
    raise SkippedFile(ONLY_PLANS if plans[0] else NO_ACTIVITY)


def _read_events(
    data: bytes,
    activities: list[ActivityData],
    default_sport: Sport,
    plans_seen: list[int],
    progress: list[_ActivityInProgress | None],
) -> None:
    stack: list[str] = []
    elements: list[Element] = []  # the open elements, to drop each point from its track once read
    current: _ActivityInProgress | None = None
    for event, element in iter_xml(data):
        name = local_name(element.tag)
        if event == "start":
            if not stack and name != "TrainingCenterDatabase":
                raise RejectedFile(NOT_TCX)
            stack.append(name)
            elements.append(element)
            if name == "Activity":
                current = progress[0] = _ActivityInProgress(sport_label=element.get("Sport"))
            continue
        stack.pop()
        elements.pop()
        parent = stack[-1] if stack else ""
        if current is not None:
            if name == "Trackpoint":
                current.points.add(*_trackpoint(element))
                element.clear()
                if elements:  # cleared, it would stay in its track until the track ends; it is the last child
                    elements[-1].remove(element)
            elif name == "Lap":
                current.laps.append(_lap(element))
                element.clear()
            elif name == "Id" and parent == "Activity":
                current.start = epoch_seconds(element.text)
            elif name == "Name" and parent == "Creator" and len(stack) >= 2 and stack[-2] == "Activity":
                current.device = text_of(element)
            elif name == "Activity":
                finished = _activity(current, default_sport)
                if finished is not None:
                    activities.append(finished)
                current = progress[0] = None
                element.clear()
        elif name in ("Course", "Workout"):
            plans_seen[0] += 1
            element.clear()


def _value(element: Element) -> float:
    """The number in <HeartRateBpm><Value>..</Value></HeartRateBpm> and its kin."""
    for child in element:
        if local_name(child.tag) == "Value":
            return number(child.text)
    return number(element.text)


def _trackpoint(element: Element) -> tuple[float | None, dict[str, float]]:
    time: float | None = None
    values: dict[str, float] = {}
    for child in element:
        name = local_name(child.tag)
        if name == "Time":
            time = epoch_seconds(child.text)
        elif name == "Position":
            for part in child:
                part_name = local_name(part.tag)
                if part_name == "LatitudeDegrees":
                    values["lat"] = _within(number(part.text), 90.0)
                elif part_name == "LongitudeDegrees":
                    values["lon"] = _within(number(part.text), 180.0)
        elif name == "AltitudeMeters":
            values["altitude_m"] = number(child.text)
        elif name == "DistanceMeters":
            values["distance_m"] = number(child.text)
        elif name == "HeartRateBpm":
            values["heart_rate"] = _value(child)
        elif name == "Cadence":
            values["device_cadence"] = number(child.text)
        elif name == "Extensions":
            for item in child.iter():
                channel = _EXTENSION_FIELDS.get(local_name(item.tag))
                if channel:
                    values[channel] = number(item.text)
    return time, values


def _within(value: float, limit: float) -> float:
    return value if -limit <= value <= limit else math.nan


def _lap(element: Element) -> _Lap:
    lap = _Lap(start=epoch_seconds(element.get("StartTime")))
    for child in element:
        name = local_name(child.tag)
        if name == "TotalTimeSeconds":
            lap.total_time_s = number(child.text)
        elif name == "DistanceMeters":
            lap.distance_m = number(child.text)
        elif name == "Calories":
            lap.calories = number(child.text)
        elif name == "AverageHeartRateBpm":
            lap.avg_heart_rate = _value(child)
        elif name == "MaximumHeartRateBpm":
            lap.max_heart_rate = _value(child)
        elif name == "Cadence":
            lap.avg_cadence = number(child.text)
        elif name == "Extensions":
            for item in child.iter():
                if local_name(item.tag) == "AvgRunCadence":
                    lap.avg_cadence = number(item.text)
    return lap


def _activity(progress: _ActivityInProgress, default_sport: Sport) -> ActivityData | None:
    track = progress.points.track()
    device_cadence = track.channels.pop("device_cadence", None)
    run_cadence = track.channels.pop("run_cadence", None)
    if "distance_m" not in track.channels:
        from_positions = distance_from_positions(track)
        if from_positions is not None:
            track.channels["distance_m"] = from_positions
    sport, evidence = _sport(progress, track, default_sport, run_cadence, device_cadence)
    cadence = run_cadence if run_cadence is not None and sport == "running" else device_cadence
    if cadence is None:
        cadence = run_cadence
    if cadence is not None:
        track.channels["cadence_spm"] = steps_per_minute(cadence, sport)
    start = progress.start
    if start is None:
        lap_starts = [lap.start for lap in progress.laps if lap.start is not None]
        start = lap_starts[0] if lap_starts else (float(track.time[0]) if len(track) else None)
    summary = _summary(progress.laps, track_summary=summary_from_track(track, _track_distance(track)))
    if start is None or (len(track) == 0 and summary.duration_s is None):
        return None
    if len(track) >= 2:  # elapsed: first to last trackpoint; else what the laps span
        summary.elapsed_s = float(track.time[-1] - track.time[0])
    else:
        summary.elapsed_s = _elapsed(start, progress.laps, track.time) or summary.elapsed_s
    lap_times = [lap.total_time_s for lap in progress.laps if math.isfinite(lap.total_time_s)]
    if lap_times:  # moving: the laps' timer time, the device's own
        summary.moving_s = float(sum(lap_times))
        # A lap timer can run a second or so past the last trackpoint; elapsed is never the shorter.
        summary.elapsed_s = max(summary.elapsed_s or 0.0, summary.moving_s)
    elif len(track) >= 2:
        summary.moving_s = moving_seconds(track.time, track.get("distance_m"))
        summary.duration_s = summary.moving_s
        if summary.distance_m is not None and summary.moving_s:
            summary.avg_speed_mps = summary.distance_m / summary.moving_s
    if summary.avg_cadence_spm is not None and cadence is None:
        summary.avg_cadence_spm = float(steps_per_minute(np.array([summary.avg_cadence_spm]), sport)[0])
    return ActivityData(
        sport=sport,
        start=utc(start),
        summary=summary,
        track=track,
        source_format="tcx",
        sub_sport=progress.sport_label if sport == "other" else None,
        device=progress.device,
        sport_guess=evidence,
    )


def _sport(
    progress: _ActivityInProgress,
    track: Track,
    default_sport: Sport,
    run_cadence: FloatArray | None,
    device_cadence: FloatArray | None,
) -> tuple[Sport, Text | None]:
    """The Sport attribute's sport; for "Other" or none (and no sport from the caller) a guess from the
    average moving speed and the cadence as recorded."""
    label = (progress.sport_label or "").strip()
    if label and label.lower() != "other":
        return sport_from_label(label, default_sport), None
    if not label and default_sport != ASSUMED_SPORT:
        return default_sport, None
    distance = _track_distance(track)
    laps = [lap.total_time_s for lap in progress.laps if math.isfinite(lap.total_time_s)]
    lap_distance = [lap.distance_m for lap in progress.laps if math.isfinite(lap.distance_m)]
    if lap_distance and sum(lap_distance) > 0:
        distance = float(sum(lap_distance))
    moving = float(sum(laps)) if laps else (moving_seconds(track.time, track.get("distance_m")) or None)
    speed = distance / moving if distance is not None and moving else None
    cadence = run_cadence if run_cadence is not None else device_cadence
    median = None
    if cadence is not None:
        positive = cadence[np.isfinite(cadence) & (cadence > 0)]
        median = float(np.median(positive)) if positive.size else None
    if speed is None and label:
        return "other", None  # "Other" and nothing to go on: the file's word stands
    guess = guess_sport(speed, median, default=default_sport)
    return guess.sport, guess.evidence


def _track_distance(track: Track) -> float | None:
    distance = track.get("distance_m")
    if distance is None or not np.isfinite(distance).any():
        return None
    return float(np.nanmax(distance) - np.nanmin(distance))


def _summary(laps: list[_Lap], track_summary: Summary) -> Summary:
    """Lap totals (what the device computed), each missing value taken from the track instead."""
    summary = track_summary
    times = np.array([lap.total_time_s for lap in laps])
    if laps and np.isfinite(times).any():
        summary.duration_s = float(np.nansum(times))
    distances = np.array([lap.distance_m for lap in laps])
    if laps and np.isfinite(distances).any() and np.nansum(distances) > 0:
        summary.distance_m = float(np.nansum(distances))
    calories = np.array([lap.calories for lap in laps])
    if laps and np.isfinite(calories).any():
        summary.calories = float(np.nansum(calories))
    weights = np.where(np.isfinite(times), times, 0.0)
    average = _weighted([lap.avg_heart_rate for lap in laps], weights)
    if average is not None:
        summary.avg_heart_rate = average
    highest = np.array([lap.max_heart_rate for lap in laps])
    if laps and np.isfinite(highest).any():
        summary.max_heart_rate = float(np.nanmax(highest))
    cadence = _weighted([lap.avg_cadence for lap in laps], weights)
    if cadence is not None and summary.avg_cadence_spm is None:
        summary.avg_cadence_spm = cadence
    if summary.distance_m is not None and summary.duration_s:
        summary.avg_speed_mps = summary.distance_m / summary.duration_s
    return summary


def _weighted(values: list[float], weights: FloatArray) -> float | None:
    array = np.array(values, dtype=np.float64)
    known = np.isfinite(array) & (array > 0)
    if not known.any():
        return None
    if weights[known].sum() > 0:
        return float(np.average(array[known], weights=weights[known]))
    return float(array[known].mean())


def _elapsed(start: float, laps: list[_Lap], times: FloatArray) -> float | None:
    ends = [
        lap.start + lap.total_time_s
        for lap in laps
        if lap.start is not None and math.isfinite(lap.total_time_s)
    ]
    if times.size:
        ends.append(float(times[-1]))
    return max(ends) - start if ends else None
