"""GPX 1.0 and 1.1 (https://www.topografix.com/GPX/1/1/) as activities: one activity per recording.

Choices, so a runner's file gives what they expect:
- One recording is one activity: the segments of all tracks of a file, in time order, that start less
  than 30 minutes (MERGE_GAP_S) after the previous one ends form one activity, with `pauses` the number
  of joins. Segments further apart, or a track whose <type> differs, start an activity of their own.
- Sport comes from the track's <type> (English, Dutch or Strava's numeric code). A track with a type
  that names none of our sports is "other". Without a type, a sport word in the track's name counts
  ("Morning Ride", "Rondje hardlopen"). Without that too the sport is guessed from the average moving
  speed and cadence (`kniewijs.core.sport_guess`) and the evidence kept in `sport_guess`.
- Heart rate and cadence come from Garmin's TrackPointExtension v1/v2 (gpxtpx:hr, gpxtpx:cad), from
  Cluetrust gpxdata (hr, cadence) and from the plain <hr>/<cad> some apps write; speed from GPX 1.0
  <speed> or TrackPointExtension v2 <speed>; power from <power>/<PowerInWatts>.
- Garmin's running cadence counts one foot; a run's cadence is doubled to steps per minute when its
  median is below 120 (see `xmlsafe.steps_per_minute`), after the sport is known or guessed.
- Times without an offset are UTC, as the GPX schema says. Points without a (plausible) time are left
  out; a track with no timed point at all is a planned route drawn on a map, not a recorded activity.
- Distance is the 2D haversine sum over consecutive points within a segment (the gap between segments
  is a pause with the device off). Elapsed time is first to last point; moving time leaves out the gaps
  between segments and the stretches standing still (`xmlsafe.moving_seconds`); `duration_s` is the
  moving time.
- A file cut off or damaged midway keeps every whole point before the break, and the activity's
  `partial` says where the recording stops.
- Routes (<rte>) and waypoints are not activities: a file with only those is skipped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

import numpy as np

from kniewijs.core.activity import ActivityData, FloatArray, Sport, Track
from kniewijs.core.sport_guess import guess_sport
from kniewijs.core.text import T
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
    sport_from_name,
    steps_per_minute,
    summary_from_track,
    text_of,
    utc,
)

# Segments and tracks of one file less than this apart are one recording paused (a watch stopped at
# a traffic light, a phone app that starts a new track after a break); further apart they are runs
# of their own.
MERGE_GAP_S = 30 * 60

GPX_CHANNELS = ("lat", "lon", "altitude_m", "heart_rate", "cadence_spm", "speed_mps", "power_w")

# Local names (lower case) of the elements apps use for each channel, inside <trkpt> or its <extensions>.
_FIELD_NAMES: dict[str, str] = {
    "hr": "heart_rate",
    "heartrate": "heart_rate",
    "heart_rate": "heart_rate",
    "cad": "cadence_spm",
    "cadence": "cadence_spm",
    "speed": "speed_mps",
    "power": "power_w",
    "powerinwatts": "power_w",
    "watts": "power_w",
}

NOT_GPX = T(
    "Dit XML-bestand is geen GPX-bestand (het hoofdelement heet geen 'gpx').",
    "This XML file is not a GPX file (its root element is not 'gpx').",
)
ONLY_ROUTES = T(
    "Dit GPX-bestand bevat alleen een route (een geplande weg), geen opgenomen training.",
    "This GPX file only holds a route (a planned way), not a recorded activity.",
)
NO_TIMES = T(
    "De track in dit GPX-bestand heeft geen tijden; het is waarschijnlijk een op een kaart getekende "
    "route. Zonder tijden kan Kniewijs er geen training van maken.",
    "The track in this GPX file has no times; it is probably a route drawn on a map. Without times "
    "Kniewijs cannot make an activity of it.",
)
NO_TRACK = T(
    "Dit GPX-bestand bevat geen track met punten (alleen waypoints of gegevens over het bestand).",
    "This GPX file holds no track with points (only waypoints or details about the file).",
)


@dataclass
class _TrackInProgress:
    points: PointCollector = field(default_factory=lambda: PointCollector(GPX_CHANNELS))
    name: str | None = None
    type: str | None = None
    point_count: int = 0


def read_gpx(data: bytes, *, default_sport: Sport = "running") -> list[ActivityData]:
    """Every recording in a GPX file. Raises RejectedFile or SkippedFile, nothing else."""
    stack: list[str] = []
    elements: list[Element] = []  # the open elements, to drop each point from its segment once read
    finished: list[_TrackInProgress] = []
    current: _TrackInProgress | None = None
    creator: str | None = None
    segment = 0
    routes = 0
    broken: BrokenXml | None = None
    try:
        for event, element in iter_xml(data):
            name = local_name(element.tag)
            if event == "start":
                if not stack:
                    if name != "gpx":
                        raise RejectedFile(NOT_GPX)
                    creator = (element.get("creator") or "").strip() or None
                stack.append(name)
                elements.append(element)
                if name == "trk":
                    current = _TrackInProgress()
                elif name == "trkseg":
                    segment += 1
                continue
            stack.pop()
            elements.pop()
            parent = stack[-1] if stack else ""
            if current is not None and name == "trkpt" and parent == "trkseg":
                current.point_count += 1
                time, values = _point(element)
                current.points.add(time, values, float(segment))
                element.clear()
                # Cleared, a point would still hang in its segment until the segment ends: a million
                # empty elements, most of the memory of a day-long track. It is the segment's last child.
                elements[-1].remove(element)
            elif current is not None and parent == "trk" and name in ("name", "type"):
                setattr(current, name, text_of(element))
            elif name == "trkseg":
                element.clear()
            elif name == "trk" and current is not None:
                finished.append(current)
                current = None
                element.clear()
            elif name == "rte":
                routes += 1
                element.clear()
            elif name == "wpt":
                element.clear()
    except BrokenXml as problem:
        # Cut off or damaged: the whole points read before it are what was recorded.
        if current is not None:
            finished.append(current)
        if not any(len(track.points) for track in finished):
            raise
        broken = problem
    activities = _recordings([track for track in finished if len(track.points) > 0], creator, default_sport)
    if activities:
        if broken is not None:
            last = max(activities, key=lambda activity: activity.start)
            last.partial = cut_off_note(last.distance_m, last.summary.elapsed_s, damaged=not broken.cut_off)
        return activities
    if any(track.point_count for track in finished):
        raise SkippedFile(NO_TIMES)
    raise SkippedFile(ONLY_ROUTES if routes else NO_TRACK)


@dataclass
class _Piece:
    """One segment's timed points, with the name and type of its track."""

    time: FloatArray
    channels: dict[str, FloatArray]
    name: str | None
    type: str | None


def _pieces(tracks: list[_TrackInProgress]) -> list[_Piece]:
    pieces = []
    for progress in tracks:
        track = progress.points.track()
        segments = progress.points.segments()
        borders = np.flatnonzero(np.diff(segments)) + 1
        for rows in np.split(np.arange(len(track)), borders):
            if rows.size:
                channels = {name: values[rows] for name, values in track.channels.items()}
                pieces.append(_Piece(track.time[rows], channels, progress.name, progress.type))
    pieces.sort(key=lambda piece: float(piece.time[0]))
    return pieces


def _same_recording(group: list[_Piece], piece: _Piece) -> bool:
    """Whether a segment continues the recording before it: under MERGE_GAP_S after its last point,
    and not a track of a different type."""
    last = group[-1]
    if float(piece.time[0]) - float(last.time[-1]) >= MERGE_GAP_S:
        return False
    types = {p.type.strip().lower() for p in group if p.type}
    return not (piece.type and types and piece.type.strip().lower() not in types)


def _recordings(
    tracks: list[_TrackInProgress], creator: str | None, default_sport: Sport
) -> list[ActivityData]:
    groups: list[list[_Piece]] = []
    for piece in _pieces(tracks):
        if groups and _same_recording(groups[-1], piece):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return [_activity(group, creator, default_sport) for group in groups]


def _merged(group: list[_Piece]) -> tuple[Track, FloatArray]:
    """One track of the group's segments in time order, and each point's segment number."""
    names = sorted({name for piece in group for name in piece.channels})
    times: list[FloatArray] = []
    columns: dict[str, list[FloatArray]] = {name: [] for name in names}
    segments: list[FloatArray] = []
    last = -math.inf
    for index, piece in enumerate(group):
        keep = piece.time >= last  # a segment overlapping the one before gives up its earlier points
        if not keep.any():
            continue
        times.append(piece.time[keep])
        segments.append(np.full(int(keep.sum()), float(index)))
        for name in names:
            values = piece.channels.get(name)
            columns[name].append(values[keep] if values is not None else np.full(int(keep.sum()), np.nan))
        last = float(piece.time[keep][-1])
    time = np.concatenate(times)
    channels = {name: np.concatenate(parts) for name, parts in columns.items()}
    return Track(time=time, channels=channels), np.concatenate(segments)


def _coordinate(text: str | None, limit: float) -> float:
    value = number(text)
    return value if -limit <= value <= limit else math.nan


def _point(element: Element) -> tuple[float | None, dict[str, float]]:
    values = {"lat": _coordinate(element.get("lat"), 90.0), "lon": _coordinate(element.get("lon"), 180.0)}
    time: float | None = None
    for child in element:
        name = local_name(child.tag)
        if name == "time":
            time = epoch_seconds(child.text)
        elif name == "ele":
            values["altitude_m"] = number(child.text)
        elif name == "extensions":
            for item in child.iter():
                channel = _FIELD_NAMES.get(local_name(item.tag).lower())
                if channel and math.isnan(values.get(channel, math.nan)):
                    values[channel] = number(item.text)
        else:
            channel = _FIELD_NAMES.get(name.lower())
            if channel:
                values[channel] = number(child.text)
    return time, values


def _activity(group: list[_Piece], creator: str | None, default_sport: Sport) -> ActivityData:
    track, segments = _merged(group)
    label = next((piece.type for piece in group if piece.type), None)
    name = next((piece.name for piece in group if piece.name), None)
    distance = distance_from_positions(track, segments)
    total: float | None = None
    if distance is not None:
        track.channels["distance_m"] = distance
        total = float(np.nanmax(distance))
    moving = moving_seconds(track.time, distance, segments) if len(track) >= 2 else None
    # The file's own words first (<type>, then a sport word in the name); a guess only without both.
    named = sport_from_label(label, default_sport) if label else sport_from_name(name)
    if named is None and default_sport != ASSUMED_SPORT:
        named = default_sport  # the caller knows the sport (a Strava export's index names it)
    cadence = track.get("cadence_spm")
    evidence = None
    if named is None:
        speed = total / moving if total is not None and moving else None
        guess = guess_sport(speed, _median_positive(cadence), default=default_sport)
        sport, evidence = guess.sport, guess.evidence
    else:
        sport = named
    if cadence is not None:
        track.channels["cadence_spm"] = steps_per_minute(cadence, sport)
    summary = summary_from_track(track, total)
    summary.moving_s = moving
    if moving is not None:
        summary.duration_s = moving
        if total is not None and moving > 0:
            summary.avg_speed_mps = total / moving
    return ActivityData(
        sport=sport,
        start=utc(float(track.time[0])),
        summary=summary,
        track=track,
        source_format="gpx",
        sub_sport=label if sport == "other" and label else None,
        name=name,
        device=creator,
        sport_guess=evidence,
        pauses=len(group) - 1,
    )


def _median_positive(values: FloatArray | None) -> float | None:
    if values is None:
        return None
    positive = values[np.isfinite(values) & (values > 0)]
    return float(np.median(positive)) if positive.size else None
