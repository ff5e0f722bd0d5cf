"""GPX 1.0 and 1.1 (https://www.topografix.com/GPX/1/1/) as activities: one activity per <trk>.

Choices, so a runner's file gives what they expect:
- Sport comes from the track's <type> (English, Dutch or Strava's numeric code). A track with a type
  that names none of our sports is "other". Without a type, a sport word in the track's name counts
  ("Morning Ride", "Rondje hardlopen"); without that too the track is "running", because most GPX files
  in a runners' app are runs, and the runner can change it.
- Heart rate and cadence come from Garmin's TrackPointExtension v1/v2 (gpxtpx:hr, gpxtpx:cad), from
  Cluetrust gpxdata (hr, cadence) and from the plain <hr>/<cad> some apps write; speed from GPX 1.0
  <speed> or TrackPointExtension v2 <speed>; power from <power>/<PowerInWatts>.
- Garmin's running cadence counts one foot; a run's cadence is doubled to steps per minute when its
  median is below 120 (see `xmlsafe.steps_per_minute`).
- Times without an offset are UTC, as the GPX schema says. Points without a (plausible) time are left
  out; a track with no timed point at all is a planned route drawn on a map, not a recorded activity.
- Distance is the haversine sum over consecutive points within a segment (the gap between segments is
  a pause with the device off); duration is first to last time.
- Routes (<rte>) and waypoints are not activities: a file with only those is skipped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

import numpy as np

from kniewijs.core.activity import ActivityData, Sport
from kniewijs.core.text import T
from kniewijs.formats.errors import RejectedFile, SkippedFile
from kniewijs.formats.xmlsafe import (
    PointCollector,
    distance_from_positions,
    epoch_seconds,
    iter_xml,
    local_name,
    number,
    sport_from_label,
    sport_from_name,
    steps_per_minute,
    summary_from_track,
    text_of,
    utc,
)

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
    """Every recorded track in a GPX file. Raises RejectedFile or SkippedFile, nothing else."""
    stack: list[str] = []
    elements: list[Element] = []  # the open elements, to drop each point from its segment once read
    finished: list[_TrackInProgress] = []
    current: _TrackInProgress | None = None
    creator: str | None = None
    segment = 0
    routes = 0
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
            # Cleared, a point would still hang in its segment until the segment ends: a million empty
            # elements, most of the memory of a day-long track. It is the segment's last child.
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
    activities = [_activity(track, creator, default_sport) for track in finished if len(track.points) > 0]
    if activities:
        return activities
    if any(track.point_count for track in finished):
        raise SkippedFile(NO_TIMES)
    raise SkippedFile(ONLY_ROUTES if routes else NO_TRACK)


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


def _activity(progress: _TrackInProgress, creator: str | None, default_sport: Sport) -> ActivityData:
    sport = sport_from_label(progress.type, sport_from_name(progress.name) or default_sport)
    track = progress.points.track()
    cadence = track.get("cadence_spm")
    if cadence is not None:
        track.channels["cadence_spm"] = steps_per_minute(cadence, sport)
    distance = distance_from_positions(track, progress.points.segments())
    total: float | None = None
    if distance is not None:
        track.channels["distance_m"] = distance
        total = float(np.nanmax(distance))
    return ActivityData(
        sport=sport,
        start=utc(float(track.time[0])),
        summary=summary_from_track(track, total),
        track=track,
        source_format="gpx",
        sub_sport=progress.type if sport == "other" else None,
        name=progress.name,
        device=creator,
    )
