"""What the GPX and TCX readers share: safe XML parsing, field parsing and building a track.

Every byte of XML goes through defusedxml with document type declarations forbidden: an activity file
(GPX 1.0/1.1, Garmin TCX v2) is defined by XML Schemas and never needs a DTD, and a DTD is where entity
expansion ("billion laughs") and external references (XXE) live. Parsing is streamed (iterparse), so
a large file is read point by point instead of as one tree. Apps disagree about namespaces, so every
match is on the local name of an element.
"""

from __future__ import annotations

import functools
import io
import math
import re
from array import array
from collections.abc import Iterator
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, ParseError

import numpy as np
from defusedxml import DefusedXmlException, DTDForbidden  # type: ignore[import-untyped]
from defusedxml.ElementTree import iterparse  # type: ignore[import-untyped]

from kniewijs.core.activity import FloatArray, Sport, Summary, Track
from kniewijs.core.text import T, Text
from kniewijs.formats.errors import RejectedFile

MAX_XML_BYTES = 100 * 1024 * 1024  # a 24-hour run at one point per second is about 30 MB of TCX

# GPS time starts at 1980-01-06 (IS-GPS-200); an earlier time is a device's placeholder (Mojstrovka.gpx
# holds 1901-12-13, the smallest 32-bit Unix time), so it is treated as missing.
EARLIEST_EPOCH = datetime(1980, 1, 6, tzinfo=UTC).timestamp()
# A clock this far ahead is broken; the bound also keeps a day's margin either side within what
# datetime can hold (a start in year 9999 made the import's "same run within a day" check overflow).
LATEST_EPOCH = datetime(2100, 1, 1, tzinfo=UTC).timestamp()

# IUGG mean Earth radius R1 (Moritz 2000, Geodetic Reference System 1980).
EARTH_RADIUS_M = 6_371_008.8

# A runner's step rate is 140-200 steps/min; Garmin's TrackPointExtension cad and TCX RunCadence count
# one foot (50-100/min). Below this median the values are per foot and are doubled.
PER_FOOT_CADENCE_LIMIT = 120.0

_SPORT_WORDS: tuple[tuple[Sport, tuple[str, ...]], ...] = (
    ("running", ("run", "jog", "hardlo", "lopen")),
    ("cycling", ("cycl", "bik", "ride", "fiets", "wieler", "mtb")),
    ("walking", ("walk", "hik", "wandel", "trek")),
    ("swimming", ("swim", "zwem")),
)
# Strava writes its numeric activity type in GPX exports (1 ride, 4 hike, 9 run, 10 walk).
_STRAVA_GPX_CODES: dict[str, Sport] = {"1": "cycling", "4": "walking", "9": "running", "10": "walking"}


def too_large(limit_bytes: int) -> RejectedFile:
    limit_mb = limit_bytes // (1024 * 1024)
    return RejectedFile(
        T(
            "Het bestand is groter dan {mb} MB; zo groot is een training nooit. Kniewijs leest het niet.",
            "The file is larger than {mb} MB, more than any activity needs. Kniewijs does not read it.",
        ).format(mb=limit_mb)
    )


def _unsafe_xml(error: DefusedXmlException) -> RejectedFile:
    if isinstance(error, DTDForbidden) and error.sysid:
        return RejectedFile(
            T(
                "Het bestand verwijst naar een extern document (DTD). Uit veiligheid leest Kniewijs zulke "
                "bestanden niet; een echt GPX- of TCX-bestand heeft dat nooit.",
                "The file refers to an external document (DTD). For safety Kniewijs does not read such "
                "files; a real GPX or TCX file never has one.",
            )
        )
    return RejectedFile(
        T(
            "Het bestand bevat een documenttypedefinitie (DTD). Een GPX- of TCX-bestand heeft die nooit, en "
            "met een DTD kan een bestand entiteiten maken die de computer overbelasten of andere bestanden "
            "uitlezen. Daarom leest Kniewijs het niet.",
            "The file contains a document type definition (DTD). A GPX or TCX file never has one, and with a "
            "DTD a file can define entities that overload the computer or read other files. So Kniewijs "
            "does not read it.",
        )
    )


class BrokenXml(RejectedFile):
    """XML that stops being well-formed; `cut_off` when that happens on its last line, where a file
    that ends too early breaks (expat: no element found, unclosed token, partial character). A reader
    that has read whole records before it may keep them."""

    def __init__(self, reason: Text, cut_off: bool):
        super().__init__(reason)
        self.cut_off = cut_off


# expat error codes of a document that simply ends too early (xml.parsers.expat.errors)
_EARLY_END_CODES = (3, 5, 6)


def _broken_xml(error: Exception, lines: int | None = None) -> BrokenXml:
    position = getattr(error, "position", None)
    where_nl = where_en = ""
    line = None
    if isinstance(position, tuple) and len(position) == 2:
        line = position[0]
        where_nl = f" (regel {line})"
        where_en = f" (line {line})"
    cut_off = (
        getattr(error, "code", None) in _EARLY_END_CODES
        and lines is not None
        and line is not None
        and line >= lines
    )
    if cut_off:
        return BrokenXml(
            T(
                f"Het XML-bestand is afgebroken{where_nl}: het houdt midden in de gegevens op, voor er een "
                "volledig meetpunt in staat. Misschien is het kopiëren of downloaden afgebroken.",
                f"The XML file is cut off{where_en}: it stops in the middle of its data, before a single "
                "whole sample. Perhaps copying or downloading was interrupted.",
            ),
            cut_off=True,
        )
    return BrokenXml(
        T(
            f"Het bestand is geen geldige XML{where_nl}: het is beschadigd of in een verkeerde tekenset "
            "opgeslagen.",
            f"The file is not valid XML{where_en}: it is damaged or saved in the wrong encoding.",
        ),
        cut_off=False,
    )


def iter_xml(data: bytes) -> Iterator[tuple[str, Element]]:
    """("start" | "end", element) events of a document, through defusedxml with DTDs forbidden.

    Raises RejectedFile for a file that is too large, unsafe (DTD, entities, external references) or
    not well-formed (truncated, wrong encoding, binary).
    """
    if len(data) > MAX_XML_BYTES:
        raise too_large(MAX_XML_BYTES)
    if not data or data.isspace():  # not data.strip(), which copies a large file with a leading blank
        raise RejectedFile(T("Het bestand is leeg.", "The file is empty."))
    # Some apps write blank lines before the XML declaration, which XML forbids; such a file is fine.
    if data[:1] in b" \t\r\n" or data.startswith(b"\xef\xbb\xbf"):
        data = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    # Not a generator itself: a generator that raises is left in a reference cycle with its frame (the
    # traceback holds the frame, the frame its generator), which only the cyclic collector frees, and this
    # frame would keep `data`, up to 100 MB for every file refused on its first bytes.
    return _events(io.BytesIO(data))


def _events(source: io.BytesIO) -> Iterator[tuple[str, Element]]:
    try:
        yield from iterparse(source, events=("start", "end"), forbid_dtd=True)
    except DefusedXmlException as error:
        raise _unsafe_xml(error) from None
    except (ParseError, LookupError, UnicodeError, ValueError) as error:
        raise _broken_xml(error, source.getvalue().count(b"\n") + 1) from None
    finally:
        source.close()  # lets go of the document's bytes, whatever cycle this frame ends up in


def root_local_name(data: bytes) -> str:
    """The local name of the root element, reading no further than its start tag."""
    for _event, element in iter_xml(data):
        return local_name(element.tag)
    raise _broken_xml(ValueError("no root element"))


@functools.lru_cache(maxsize=4096)
def local_name(tag: object) -> str:
    """'{http://www.topografix.com/GPX/1/1}trkpt' and 'gpx:trkpt' both give 'trkpt'."""
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def text_of(element: Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    text = element.text.strip()
    return text or None


# No quantity in an activity file comes near this (1e9 m is 25 times round the Earth, 1e9 s is 31
# years). A larger value is damage, and sums or means of a few of them would overflow to infinity.
MAX_MAGNITUDE = 1e9


def number(text: str | None) -> float:
    """A float within +-MAX_MAGNITUDE, or NaN for anything missing, unreadable, infinite or absurd."""
    if text is None:
        return math.nan
    try:
        value = float(text.strip())
    except ValueError:
        return math.nan
    return value if -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE else math.nan


def epoch_seconds(text: str | None) -> float | None:
    """ISO 8601 time as seconds since the Unix epoch; a time without offset is UTC (GPX 1.1 schema,
    xsd:dateTime 'conventionally in UTC'; TCX likewise). None when missing, unreadable, before GPS time or
    after 2099."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        seconds = moment.timestamp()
    except (OverflowError, OSError, ValueError):
        return None
    return seconds if EARLIEST_EPOCH <= seconds < LATEST_EPOCH else None


def sport_from_label(label: str | None, default: Sport) -> Sport:
    """The sport a free label names (GPX <type>, TCX Sport, a spreadsheet column), in English or Dutch.

    No label gives `default`; a label that names none of our sports gives "other".
    """
    if label is None or not label.strip():
        return default
    word = label.strip().lower()
    if word in _STRAVA_GPX_CODES:
        return _STRAVA_GPX_CODES[word]
    for sport, stems in _SPORT_WORDS:
        if any(stem in word for stem in stems):
            return sport
    return "other"


def sport_from_name(name: str | None) -> Sport | None:
    """The sport a word of an activity's title starts with ('Morning Run', 'Rondje hardlopen'), if any.

    Words, not substrings, so 'Brunch' is no run; used only when a file names no sport at all.
    """
    if not name:
        return None
    words = re.findall(r"[^\W\d_]+", name.lower())
    for sport, stems in _SPORT_WORDS:
        if any(word.startswith(stem) for word in words for stem in stems):
            return sport
    return None


def steps_per_minute(cadence: FloatArray, sport: Sport) -> FloatArray:
    """Running cadence as steps per minute of both feet.

    Garmin's GPX TrackPointExtension <cad> and TCX ActivityExtension RunCadence count strides of one
    foot; other apps write whole steps. When the median of the moving values of a run is below
    PER_FOOT_CADENCE_LIMIT the whole channel is doubled, so one file never mixes both.
    """
    if sport != "running":
        return cadence
    moving = cadence[np.isfinite(cadence) & (cadence > 0)]
    if moving.size and float(np.median(moving)) < PER_FOOT_CADENCE_LIMIT:
        return cadence * 2.0
    return cadence


def haversine_m(lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray) -> FloatArray:
    """Great-circle distance in metres (haversine formula, Sinnott 1984, on a sphere of EARTH_RADIUS_M)."""
    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    dphi = phi2 - phi1
    dlambda = np.radians(lon2 - lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlambda / 2) ** 2
    distance: FloatArray = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return distance


class PointCollector:
    """Samples of one activity as they are parsed, kept in compact arrays until `track()`.

    Points without a time are dropped (a track's time is never missing), and so is a point earlier
    than the one before it, so time never goes backwards. `segment` numbers the GPX segments: the
    distance between two segments (a pause with the device off) is not counted.
    """

    def __init__(self, channels: tuple[str, ...]):
        self._time = array("d")
        self._segment = array("d")
        self._channels = {name: array("d") for name in channels}
        self._last = -math.inf

    def __len__(self) -> int:
        return len(self._time)

    def add(self, time: float | None, values: dict[str, float], segment: float = 0.0) -> None:
        if time is None or time < self._last:
            return
        self._last = time
        self._time.append(time)
        self._segment.append(segment)
        for name, column in self._channels.items():
            column.append(values.get(name, math.nan))

    def track(self) -> Track:
        # Views of the arrays, not copies: a day-long track at the 100 MB cap holds a million points per
        # channel, and a copy of every channel at once doubled the reader's peak. Nothing is added after.
        time = np.frombuffer(self._time, dtype=np.float64)
        channels: dict[str, FloatArray] = {}
        for name, column in self._channels.items():
            values = np.frombuffer(column, dtype=np.float64)
            if values.size and np.isfinite(values).any():
                channels[name] = values
        return Track(time=time, channels=channels)

    def segments(self) -> FloatArray:
        return np.frombuffer(self._segment, dtype=np.float64).copy()


def distance_from_positions(track: Track, segments: FloatArray | None = None) -> FloatArray | None:
    """Cumulative distance along the positions, carried forward over points without a position."""
    lat, lon = track.get("lat"), track.get("lon")
    if lat is None or lon is None:
        return None
    known = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon))
    if known.size == 0:
        return None
    steps = haversine_m(lat[known[:-1]], lon[known[:-1]], lat[known[1:]], lon[known[1:]])
    if segments is not None and segments.size == len(track):
        steps = np.where(segments[known[:-1]] == segments[known[1:]], steps, 0.0)
    cumulative = np.concatenate(([0.0], np.cumsum(steps)))
    distance = np.full(len(track), np.nan)
    distance[known] = cumulative
    # Carry the last known distance over points without a position (a tunnel, a lost fix).
    index = np.where(np.isfinite(distance), np.arange(len(track)), 0)
    np.maximum.accumulate(index, out=index)
    filled: FloatArray = distance[index]
    filled[: known[0]] = np.nan
    return filled


def summary_from_track(track: Track, distance_m: float | None) -> Summary:
    """Totals for a file that carries none of its own (GPX), computed from its samples.

    Duration is first to last time, moving or not (GPX has no timer); heart rate and cadence are the
    plain mean of the recorded samples, cadence over the samples with movement (> 0).
    """
    elapsed = float(track.time[-1] - track.time[0]) if len(track) >= 2 else None
    summary = Summary(distance_m=distance_m, duration_s=elapsed, elapsed_s=elapsed)
    heart_rate = _positive(track.get("heart_rate"))
    if heart_rate is not None:
        summary.avg_heart_rate = float(heart_rate.mean())
        summary.max_heart_rate = float(heart_rate.max())
    cadence = _positive(track.get("cadence_spm"))
    if cadence is not None:
        summary.avg_cadence_spm = float(cadence.mean())
    if distance_m is not None and elapsed:
        summary.avg_speed_mps = distance_m / elapsed
    return summary


def _positive(values: FloatArray | None) -> FloatArray | None:
    if values is None:
        return None
    kept = values[np.isfinite(values) & (values > 0)]
    return kept if kept.size else None


def utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, tz=UTC)


# What a reader is given as `default_sport` when its caller knows nothing: the app's assumption, so a
# file that names no sport has it guessed from its data instead. Any other default is the caller's
# knowledge (a Strava export's index) and is used as it is.
ASSUMED_SPORT: Sport = "running"

# Moving time (every reader): an interval between two consecutive samples counts as standing still when
# it covers less than STILL_SPEED_MPS on average (1 km/h, the default stop threshold of gpxpy too), and
# an interval that crosses from one segment or merged track to the next is a pause with the device off.
# An interval without a known distance counts as moving: nothing says the runner stood still.
STILL_SPEED_MPS = 1.0 / 3.6


def moving_seconds(
    time: FloatArray, distance: FloatArray | None, segments: FloatArray | None = None
) -> float:
    """Seconds in motion: first to last sample without the pauses and stretches standing still."""
    if time.size < 2:
        return 0.0
    steps = np.diff(time)
    moving = steps > 0
    if distance is not None and distance.size == time.size:
        covered = np.diff(distance)
        known = np.isfinite(covered)
        moving &= ~known | (covered >= STILL_SPEED_MPS * steps)
    if segments is not None and segments.size == time.size:
        moving &= segments[1:] == segments[:-1]
    return float(steps[moving].sum())


def cut_off_note(distance_m: float | None, seconds: float | None, damaged: bool = False) -> Text:
    """What a runner is told about a recording that stops early ("De opname stopt na 7,3 km: ...")."""
    if damaged:
        why = T("daarna is het bestand beschadigd", "after that the file is damaged")
    else:
        why = T("het bestand houdt daar op", "the file ends there")
    if distance_m is not None and distance_m >= 100:
        return T("De opname stopt na {km} km: {why}.", "The recording stops after {km} km: {why}.").format(
            km=round(distance_m / 1000.0, 1), why=why
        )
    minutes = round((seconds or 0.0) / 60.0)
    if minutes < 1:
        return T(
            "De opname stopt na {seconds} seconden: {why}.",
            "The recording stops after {seconds} seconds: {why}.",
        ).format(seconds=round(seconds or 0.0), why=why)
    return T(
        "De opname stopt na {minutes} minuten: {why}.", "The recording stops after {minutes} minutes: {why}."
    ).format(minutes=minutes, why=why)
