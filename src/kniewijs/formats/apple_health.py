"""Apple Health's "Export All Health Data" (export.zip) as workouts and daily values.

The zip holds `apple_health_export/export.xml` (the folder name may differ) and the routes of workouts
as GPX files in `workout-routes/` beside it. export.xml is one <HealthData> root with, as its children,
<Record> (one sample: type, unit, startDate, endDate, value), <Workout> (workoutActivityType, duration with
durationUnit, startDate, endDate, and older exports totalDistance/totalEnergyBurned with their units;
inside it <WorkoutStatistics> with a type, unit and sum/average/maximum, and <WorkoutRoute> with a
<FileReference path="/workout-routes/..."/>), <ActivitySummary> and more. Dates read "2024-03-01
07:12:09 +0100": the phone's local time with its offset.

Choices:
- The file can be over 1 GB, so it is never held whole: it is decompressed in chunks straight into
  defusedxml's expat-based SAX parser, which builds no tree at all, so there is nothing to clear and memory
  stays at a chunk plus the workouts and days found (docs/benchmarks.md measures it).
- Apple writes an internal DTD of ELEMENT and ATTLIST declarations at the top of every export, so a DTD is
  allowed here (unlike GPX and TCX); entity declarations (billion laughs) and external references (XXE)
  are refused, and the export with them.
- Sports: running, walking and cycling workouts are those; every other type is "other", with the type's
  own name as sub-sport.
- A workout's distance, energy and heart rate come from its attributes (older exports) or its statistics
  (iOS 16 and later); distances in km, mi, m, yd or ft, energy in kcal or kJ.
- Daily values: resting heart rate (the mean of the day's samples) and sleep (every "asleep" stage, the
  overlap of several sources counted once). A night runs from noon to noon and is attributed to the date
  of the morning it ends in. HRV (HeartRateVariabilitySDNN) is read past: the daily model
  (core.metrics.DailyEntry) has no place for it.
- A file that stops early or breaks keeps what was complete before it; `HealthSummary.partial` says so.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import IO
from xml.sax import SAXException, SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.expatreader import create_parser  # type: ignore[import-untyped]

from kniewijs.core.activity import ActivityData, Sport, Summary, Track, empty_track
from kniewijs.core.text import T, Text
from kniewijs.formats import zipcheck
from kniewijs.formats.archive import MAX_MEMBER_BYTES, MAX_MEMBERS, MAX_RATIO, RATIO_GRACE_BYTES, Source
from kniewijs.formats.errors import FileProblem, RejectedFile
from kniewijs.formats.gpx import read_gpx
from kniewijs.formats.streams import CHUNK_BYTES, as_stream, read_at, size_of

MAX_EXPORT_BYTES = 4 * 1024**3  # export.xml unpacked; ten years with a watch is 1-2 GB
HEAD_BYTES = 65536  # Apple's DTD before the root element is about 10 kB

SPORTS: dict[str, Sport] = {
    "HKWorkoutActivityTypeRunning": "running",
    "HKWorkoutActivityTypeWalking": "walking",
    "HKWorkoutActivityTypeCycling": "cycling",
}
METRES = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "yd": 0.9144, "ft": 0.3048, "cm": 0.01}
SECONDS = {"s": 1.0, "sec": 1.0, "min": 60.0, "hr": 3600.0, "h": 3600.0}
KILOCALORIES = {"kcal": 1.0, "Cal": 1.0, "kJ": 1 / 4.184, "cal": 0.001}
ASLEEP = frozenset(
    {
        "HKCategoryValueSleepAnalysisAsleep",  # before iOS 16
        "HKCategoryValueSleepAnalysisAsleepUnspecified",
        "HKCategoryValueSleepAnalysisAsleepCore",
        "HKCategoryValueSleepAnalysisAsleepDeep",
        "HKCategoryValueSleepAnalysisAsleepREM",
    }
)
RESTING_HR = "HKQuantityTypeIdentifierRestingHeartRate"
SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
HEART_RATE = "HKQuantityTypeIdentifierHeartRate"
DISTANCES = ("HKQuantityTypeIdentifierDistance",)  # DistanceWalkingRunning, DistanceCycling, ...
ENERGY = "HKQuantityTypeIdentifierActiveEnergyBurned"

NOT_HEALTH = T(
    "Dit is geen export van Apple Gezondheid: export.xml begint niet met <HealthData>.",
    "This is not an Apple Health export: export.xml does not start with <HealthData>.",
)
UNSAFE = T(
    "De export bevat entiteiten of verwijzingen naar andere bestanden. Een echte export van Apple "
    "Gezondheid heeft die nooit, en zo kan een bestand de computer overbelasten of andere bestanden "
    "uitlezen. Daarom leest Kniewijs het niet.",
    "The export contains entities or references to other files. A real Apple Health export never has "
    "them, and with them a file can overload the computer or read other files. So Kniewijs does not "
    "read it.",
)
BROKEN = T(
    "export.xml is geen geldige XML: het bestand is beschadigd.",
    "export.xml is not valid XML: the file is damaged.",
)
CUT_OFF = T(
    "De export houdt midden in de gegevens op (misschien is het exporteren of kopiëren afgebroken). Wat "
    "ervoor stond is ingelezen; exporteer opnieuw voor de rest.",
    "The export stops in the middle of its data (perhaps exporting or copying was interrupted). What came "
    "before is imported; export again for the rest.",
)
DAMAGED = T(
    "De export is halverwege beschadigd. Wat ervoor stond is ingelezen; exporteer opnieuw voor de rest.",
    "The export is damaged halfway. What came before is imported; export again for the rest.",
)
TOO_LARGE = T(
    "export.xml is uitgepakt groter dan {gb} GB; zo groot leest Kniewijs het niet.",
    "Unpacked, export.xml is larger than {gb} GB; Kniewijs does not read it that large.",
)
ROUTE_MISSING = T(
    "De route van deze training ontbreekt in de export; de training is zonder route ingelezen.",
    "This workout's route is missing from the export; the workout was imported without it.",
)


@dataclass(slots=True)
class HealthWorkout:
    """One workout: the activity, the bytes that identify it (its route's GPX when it has one, else the
    workout's own attributes) and the name those bytes go by."""

    name: str
    data: bytes
    activity: ActivityData
    note: Text | None = None  # a route that could not be read


@dataclass(slots=True)
class HealthDay:
    date: date
    resting_heart_rate: float | None = None
    sleep_hours: float | None = None


@dataclass(slots=True)
class HealthSummary:
    """What the export said besides its workouts, given once they are all read."""

    name: str
    days: list[HealthDay]
    partial: Text | None = None


def is_health_export(data: Source) -> bool:
    """Whether `data` is an Apple Health export: a zip with an export.xml whose root is <HealthData>, or
    that export.xml itself."""
    stream = as_stream(data)
    head = read_at(stream, 0, HEAD_BYTES)
    if head[:4] not in zipcheck.ZIP_MAGIC:
        return b"<HealthData" in head
    if not _directory_within_limits(stream):
        return False
    try:
        with zipfile.ZipFile(stream) as archive:
            info = _export_member(archive)
            if info is None or info.flag_bits & 0x1:
                return False
            with archive.open(info) as member:
                return b"<HealthData" in member.read(HEAD_BYTES)
    except Exception:  # an unreadable zip is the archive reader's to explain
        return False


def _directory_within_limits(stream: IO[bytes]) -> bool:
    """The zip's end record read, and its directory small enough, before zipfile parses the directory
    (as the archive reader does: a hostile directory is where a zip's attacks start)."""
    sizes = zipcheck.directory_size(stream)
    if sizes is None:
        return False
    entries, directory_bytes = sizes
    return entries <= MAX_MEMBERS and directory_bytes <= zipcheck.MAX_CENTRAL_DIRECTORY_BYTES


def _export_member(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """export.xml at the top of the zip or in its one folder (not export_cda.xml, the clinical copy)."""
    for info in archive.infolist():
        path = info.filename.replace("\\", "/")
        if posixpath.basename(path) == "export.xml" and path.count("/") <= 1:
            return info
    return None


def read_health_export(
    name: str, data: Source, *, budget_bytes: int | None = None
) -> Iterator[HealthWorkout | HealthSummary]:
    """The workouts of an export as they are read, then its HealthSummary. Raises RejectedFile when
    nothing can be read; a file that breaks later ends with a summary marked partial. export.xml may
    unpack to MAX_EXPORT_BYTES, or to `budget_bytes` (the upload's budget) when that is less."""
    cap = MAX_EXPORT_BYTES if budget_bytes is None else min(budget_bytes, MAX_EXPORT_BYTES)
    stream = as_stream(data)
    if read_at(stream, 0, 4) not in zipcheck.ZIP_MAGIC:
        stream.seek(0)
        yield from _read_xml(name, stream, None, "", cap)
        return
    if not _directory_within_limits(stream):
        raise zipcheck.broken_zip()
    try:
        archive = zipfile.ZipFile(stream)
    except Exception:
        raise zipcheck.broken_zip() from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise zipcheck.rejected(
                "Dit archief bevat meer dan {n} bestanden.",
                "This archive holds more than {n} files.",
                n=MAX_MEMBERS,
            )
        problem = zipcheck.overlap_problem(infos, size_of(stream), zipcheck.broken_zip())
        if problem is not None:
            raise problem
        info = _export_member(archive)
        if info is None:
            raise RejectedFile(NOT_HEALTH)
        _check_member(info, cap)
        folder = posixpath.dirname(info.filename)
        with archive.open(info) as member:
            yield from _read_xml(f"{name}!{info.filename}", member, archive, folder, cap)


def _check_member(info: zipfile.ZipInfo, cap: int) -> None:
    """What the archive reader checks before unpacking, for the members read here."""
    unsafe = zipcheck.unsafe_path(info.filename)
    if unsafe is not None:
        raise RejectedFile(unsafe)
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise zipcheck.rejected(
            "Dit bestand is versleuteld of ingepakt op een manier die Kniewijs niet uitpakt.",
            "This file is encrypted or packed in a way Kniewijs does not unpack.",
        )
    if info.file_size > cap:
        raise RejectedFile(TOO_LARGE.format(gb=round(cap / 1024**3, 1)))
    if info.file_size > RATIO_GRACE_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise zipcheck.rejected(
            "Dit bestand pakt uit tot meer dan {ratio} keer zijn eigen grootte (een 'zipbom').",
            "This file unpacks to more than {ratio} times its own size (a 'zip bomb').",
            ratio=MAX_RATIO,
        )


def _read_xml(
    name: str, source: IO[bytes], archive: zipfile.ZipFile | None, folder: str, cap: int
) -> Iterator[HealthWorkout | HealthSummary]:
    handler = _Handler()
    parser = create_parser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(handler)
    read = 0
    partial: Text | None = None
    try:
        while chunk := source.read(CHUNK_BYTES):
            read += len(chunk)
            if read > cap:  # a bare export.xml: nothing declared its size
                raise RejectedFile(TOO_LARGE.format(gb=round(cap / 1024**3, 1)))
            parser.feed(chunk)
            yield from _drain(handler, name, archive, folder)
        parser.close()  # the end of the document: an unclosed element fails here
    except DefusedXmlException:
        raise RejectedFile(UNSAFE) from None
    except (SAXParseException, SAXException, zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        if not handler.started:
            raise RejectedFile(BROKEN) from None
        # Only close() meets the end of the data; a break met while feeding is damage inside the file.
        at_end = isinstance(error, SAXParseException) and not source.read(1)
        partial = CUT_OFF if at_end else DAMAGED
    if not handler.started:
        raise RejectedFile(NOT_HEALTH)
    yield from _drain(handler, name, archive, folder)
    yield HealthSummary(name, handler.days(), partial)


def _drain(
    handler: _Handler, name: str, archive: zipfile.ZipFile | None, folder: str
) -> Iterator[HealthWorkout]:
    finished, handler.finished = handler.finished, []
    for workout in finished:
        read = _workout(workout, name, archive, folder)
        if read is not None:
            yield read


@dataclass(slots=True)
class _Workout:
    attributes: dict[str, str]
    statistics: dict[str, dict[str, str]] = field(default_factory=dict)
    routes: list[str] = field(default_factory=list)


class _Handler(ContentHandler):
    """Collects workouts as they end and the daily values, keeping no element once it is read."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.started = False
        self.workout: _Workout | None = None
        self.finished: list[_Workout] = []
        self.resting: dict[date, tuple[float, int]] = {}
        self.sleep: dict[date, array[float]] = {}  # start, end, start, end, ... in epoch seconds

    def startElement(self, name: str, attrs: AttributesImpl) -> None:  # noqa: N802 (SAX's name)
        self.depth += 1
        if self.depth == 1:
            if name != "HealthData":
                raise RejectedFile(NOT_HEALTH)
            self.started = True
        elif self.depth == 2:
            if name == "Record":
                self._record(attrs)
            elif name == "Workout":
                self.workout = _Workout(dict(attrs.items()))
        elif self.workout is not None:
            if name == "WorkoutStatistics":
                self.workout.statistics[attrs.get("type", "")] = dict(attrs.items())
            elif name == "FileReference" and (path := attrs.get("path")):
                self.workout.routes.append(path)

    def endElement(self, name: str) -> None:  # noqa: N802 (SAX's name)
        if self.depth == 2 and name == "Workout" and self.workout is not None:
            self.finished.append(self.workout)
            self.workout = None
        self.depth -= 1

    def _record(self, attrs: AttributesImpl) -> None:
        kind = attrs.get("type")
        if kind == RESTING_HR:
            start = _moment(attrs.get("startDate"))
            value = _number(attrs.get("value"))
            if start is None or value is None:
                return
            if attrs.get("unit") == "count/s":
                value *= 60
            total, count = self.resting.get(start.date(), (0.0, 0))
            self.resting[start.date()] = (total + value, count + 1)
        elif kind == SLEEP and attrs.get("value") in ASLEEP:
            start, end = _moment(attrs.get("startDate")), _moment(attrs.get("endDate"))
            if start is None or end is None or end <= start or end - start > timedelta(hours=24):
                return
            night = (start + timedelta(hours=12)).date()  # noon to noon, named after its morning
            self.sleep.setdefault(night, array("d")).extend((start.timestamp(), end.timestamp()))

    def days(self) -> list[HealthDay]:
        dates = sorted(set(self.resting) | set(self.sleep))
        out = []
        for day in dates:
            resting = self.resting.get(day)
            intervals = self.sleep.get(day)
            out.append(
                HealthDay(
                    day,
                    resting_heart_rate=resting[0] / resting[1] if resting else None,
                    sleep_hours=_covered_seconds(intervals) / 3600 if intervals else None,
                )
            )
        return out


def _covered_seconds(flat: array[float]) -> float:
    """The time covered by the intervals together: a stretch two sources both recorded counts once."""
    pairs = sorted(zip(flat[0::2], flat[1::2], strict=True))
    total = 0.0
    current_start, current_end = pairs[0]
    for start, end in pairs[1:]:
        if start > current_end:
            total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    return total + current_end - current_start


def _moment(text: str | None) -> datetime | None:
    """Apple's "2024-03-01 07:12:09 +0100", aware, in the phone's own offset."""
    if not text:
        return None
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S %z")
    except ValueError:
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            return None
        return moment if moment.tzinfo is not None else None


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 <= value < 1e9 else None


def _in_unit(value: str | None, unit: str | None, factors: dict[str, float]) -> float | None:
    number = _number(value)
    factor = factors.get((unit or "").strip())
    return None if number is None or factor is None else number * factor


def _workout(
    workout: _Workout, export_name: str, archive: zipfile.ZipFile | None, folder: str
) -> HealthWorkout | None:
    attrs = workout.attributes
    kind = attrs.get("workoutActivityType", "")
    start, end = _moment(attrs.get("startDate")), _moment(attrs.get("endDate"))
    if start is None:
        return None  # a workout without a start cannot be placed in the log
    elapsed = (end - start).total_seconds() if end is not None and end >= start else None
    duration = _in_unit(attrs.get("duration"), attrs.get("durationUnit") or "min", SECONDS)
    distance = _in_unit(attrs.get("totalDistance"), attrs.get("totalDistanceUnit"), METRES)
    energy = _in_unit(attrs.get("totalEnergyBurned"), attrs.get("totalEnergyBurnedUnit"), KILOCALORIES)
    heart_rate: float | None = None
    max_heart_rate: float | None = None
    for kind_of, stats in workout.statistics.items():
        unit = stats.get("unit")
        if kind_of.startswith(DISTANCES) and distance is None:
            distance = _in_unit(stats.get("sum"), unit, METRES)
        elif kind_of == ENERGY and energy is None:
            energy = _in_unit(stats.get("sum"), unit, KILOCALORIES)
        elif kind_of == HEART_RATE:
            per_minute = {"count/min": 1.0, "count/s": 60.0}
            heart_rate = _in_unit(stats.get("average"), unit, per_minute)
            max_heart_rate = _in_unit(stats.get("maximum"), unit, per_minute)
    sport = SPORTS.get(kind, "other")
    summary = Summary(
        distance_m=distance,
        duration_s=duration if duration is not None else elapsed,
        elapsed_s=elapsed,
        avg_heart_rate=heart_rate,
        max_heart_rate=max_heart_rate,
        calories=energy,
    )
    if distance is not None and summary.duration_s:
        summary.avg_speed_mps = distance / summary.duration_s
    # The workout's own attributes, in a fixed order: the same workout in a later export gives the same bytes.
    own = "".join(f' {key}="{_escape(value)}"' for key, value in sorted(attrs.items()))
    data = f"<Workout{own}/>\n".encode()
    name = f"{export_name}#{attrs.get('startDate', '')}"
    track, note = empty_track(), None
    if workout.routes and archive is not None:
        route_name, route = _route(archive, folder, workout.routes[0])
        if route is not None:
            track, data, name = route[0], route[1], f"{export_name.rsplit('!', 1)[0]}!{route_name}"
            if distance is None:
                summary.distance_m = _track_distance(track)
        else:
            note = ROUTE_MISSING
    activity = ActivityData(
        sport=sport,
        start=start.astimezone(UTC),
        summary=summary,
        track=track,
        source_format="apple_health",
        sub_sport=None if sport != "other" else kind.removeprefix("HKWorkoutActivityType") or None,
        device=attrs.get("sourceName") or None,
    )
    return HealthWorkout(name=name, data=data, activity=activity, note=note)


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _track_distance(track: Track) -> float | None:
    distance = track.get("distance_m")
    if distance is None or not len(distance):
        return None
    return float(distance[-1]) if distance[-1] == distance[-1] else None


def _route(archive: zipfile.ZipFile, folder: str, path: str) -> tuple[str, tuple[Track, bytes] | None]:
    """The route GPX a workout names ("/workout-routes/route_....gpx", from the export's folder) as a
    track, read with the GPX reader; None when it is missing or unreadable."""
    member = posixpath.normpath(posixpath.join(folder, path.lstrip("/")))
    try:
        info = archive.getinfo(member)
        _check_member(info, MAX_MEMBER_BYTES)
        with archive.open(info) as stream:
            data = stream.read(MAX_MEMBER_BYTES + 1)
        recordings = read_gpx(data)
    except (KeyError, FileProblem, zipfile.BadZipFile, zlib.error, EOFError, OSError):
        return member, None
    longest = max(recordings, key=lambda recording: len(recording.track))
    return member, (longest.track, data)
