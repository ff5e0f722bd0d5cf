"""A runner's own training log kept in a spreadsheet (docs/csv-format.md), and Strava's activities.csv.

The log: one header row, then one activity per row. Choices (all in docs/csv-format.md):
- One bad row rejects the whole file, naming the row and the problem, so nothing is half imported and
  the runner fixes the sheet once instead of hunting for rows that silently went missing.
- Separator , ; or tab (Dutch Excel writes ;), decimal comma or point, UTF-8 with or without BOM, and
  Excel's own Windows-1252 when the bytes are not UTF-8.
- Local time, in the row's `timezone` (default Europe/Amsterdam), stored as UTC. A date without a time
  is placed at 12:00 local, so it stays on that calendar day in any nearby time zone.
Strava's activities.csv is the index of a bulk export, not a log: read on its own it is skipped (the
activities are in the export's files, which carry the track); `parse_strava_index` gives the archive
reader each file's sport and name.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kniewijs.core.activity import ActivityData, Sport, Summary, empty_track
from kniewijs.core.text import T, Text
from kniewijs.formats.errors import RejectedFile, SkippedFile
from kniewijs.formats.xmlsafe import sport_from_label, too_large

MAX_CSV_BYTES = 20 * 1024 * 1024  # ten years of daily runs is well under 1 MB
MAX_ROWS = 100_000
DEFAULT_TIMEZONE = "Europe/Amsterdam"
# Years a log row may name. Outside them a typo is likelier than a run, and a start in year 1 or 9999
# leaves no day's margin within what datetime can hold (the import compares runs a day apart).
FIRST_YEAR, LAST_YEAR = 1900, 2099
CsvKind = Literal["log", "strava"]

# Accepted header names per column, after `_header_key` (lower case, runs of other characters as _).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "date": ("date", "datum"),
    "timezone": ("timezone", "time_zone", "tijdzone"),
    "sport": ("sport", "activiteit", "activity"),
    "distance_km": ("distance_km", "distance", "afstand_km", "afstand", "km"),
    "duration": ("duration", "duur"),
    "avg_hr": ("avg_hr", "hartslag", "gem_hartslag", "gemiddelde_hartslag"),
    "cadence_spm": ("cadence_spm", "cadence", "cadans", "cadans_spm"),
    "rpe": ("rpe",),
    "shoe": ("shoe", "schoen"),
    "notes": ("notes", "notities", "opmerkingen"),
}
_COLUMN_BY_NAME = {name: column for column, names in COLUMN_NAMES.items() for name in names}
_STRAVA_HEADER = ("activity_id", "activity_date", "activity_type")

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_DUTCH_DATE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_CLOCK = re.compile(r"(\d+):(\d{2}):(\d{2}(?:[.,]\d+)?)")
_MONTHS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}
_STRAVA_DATE = re.compile(
    r"([A-Za-z]{3})[a-z]* (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2})(?: ?([AaPp][Mm]))?"
)

NOT_A_LOG = T(
    "Dit CSV-bestand is geen trainingslog: de eerste regel moet kolomnamen bevatten, met ten minste "
    "'date' en 'distance_km' of 'duration' (zie de uitleg over het CSV-formaat).",
    "This CSV file is not a training log: its first row must hold column names, with at least 'date' "
    "and 'distance_km' or 'duration' (see the description of the CSV format).",
)
STRAVA_INDEX = T(
    "Dit is de inhoudsopgave (activities.csv) van een Strava-export. Lees de hele zip in; de trainingen "
    "zelf staan in de map activities.",
    "This is the index (activities.csv) of a Strava export. Import the whole zip; the activities "
    "themselves are in its activities folder.",
)
NOT_TEXT = T(
    "Dit bestand is geen tekst en dus geen CSV-bestand.", "This file is not text and so not a CSV file."
)


@dataclass(slots=True)
class LogActivity(ActivityData):
    """A row of the runner's log: an activity without a track, plus what only a log holds."""

    rpe: float | None = None  # rate of perceived exertion, Borg CR10 (0-10)
    shoe: str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class StravaRow:
    """One line of Strava's activities.csv, keyed by the file it describes."""

    activity_id: str
    filename: str
    sport: Sport
    activity_type: str
    name: str | None
    start: datetime | None
    distance_m: float | None
    elapsed_s: float | None
    moving_s: float | None


class _RowProblem(Exception):
    def __init__(self, message: Text):
        super().__init__(message.en)
        self.message = message


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM or not), else Windows-1252 as Excel writes it; RejectedFile for binary data.

    Every byte is checked for NUL, not only the head: text never holds one, and PostgreSQL refuses
    a NUL in a text column, so one deep in a notes cell made storing the whole file fail."""
    if b"\x00" in data:
        raise RejectedFile(NOT_TEXT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise RejectedFile(NOT_TEXT) from None


def _header_key(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.strip().lower()).strip("_")


def _separator(line: str) -> str:
    counts = {sep: line.count(sep) for sep in (";", ",", "\t")}
    return max(counts, key=lambda sep: counts[sep])


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def _header_cells(line: str) -> list[str]:
    return next(csv.reader([line], delimiter=_separator(line)), [])


def classify_csv(data: bytes) -> CsvKind | None:
    """'log' for our log format, 'strava' for Strava's activities.csv, None otherwise (from the header)."""
    head = data[:65536]
    if b"\x00" in head:
        return None
    text = head.decode("utf-8-sig", errors="replace")
    try:
        keys = {_header_key(cell) for cell in _header_cells(_first_line(text))}
    except csv.Error:
        return None
    if all(key in keys for key in _STRAVA_HEADER):
        return "strava"
    columns = {_COLUMN_BY_NAME[key] for key in keys if key in _COLUMN_BY_NAME}
    if "date" in columns and ("distance_km" in columns or "duration" in columns):
        return "log"
    return None


def _records(data: bytes, limit: int) -> list[list[str]]:
    if len(data) > limit:
        raise too_large(limit)
    text = decode_text(data)
    separator = _separator(_first_line(text))
    try:
        records = []
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
            records.append(record)
            if len(records) > MAX_ROWS + 1:
                raise RejectedFile(
                    T(
                        "Het bestand heeft meer dan {n} regels; splits het in kleinere bestanden.",
                        "The file has more than {n} rows; split it into smaller files.",
                    ).format(n=MAX_ROWS)
                )
    except csv.Error as error:
        raise RejectedFile(
            T(
                "Het CSV-bestand is niet goed opgebouwd (bijvoorbeeld een aanhalingsteken dat niet wordt "
                "gesloten): {detail}.",
                "The CSV file is not well formed (for example a quotation mark that is never closed): {detail}.",
            ).format(detail=str(error))
        ) from None
    return records


def read_csv_log(data: bytes, *, default_sport: Sport = "running") -> list[ActivityData]:
    """Every row of a training log. One bad row rejects the file (RejectedFile naming the row)."""
    records = _records(data, MAX_CSV_BYTES)
    header_index = next((i for i, record in enumerate(records) if any(cell.strip() for cell in record)), None)
    if header_index is None:
        raise RejectedFile(T("Het bestand is leeg.", "The file is empty."))
    header = [_header_key(cell) for cell in records[header_index]]
    if all(key in header for key in _STRAVA_HEADER):
        raise SkippedFile(STRAVA_INDEX)
    positions: dict[str, int] = {}
    for position, key in enumerate(header):
        column = _COLUMN_BY_NAME.get(key)
        if column is None:
            continue  # a column of the runner's own, kept out of the import
        if column in positions:
            raise RejectedFile(
                T(
                    "De kolom '{name}' staat twee keer in de kopregel.",
                    "The column '{name}' appears twice in the header row.",
                ).format(name=records[header_index][position].strip())
            )
        positions[column] = position
    if "date" not in positions or not ({"distance_km", "duration"} & positions.keys()):
        raise RejectedFile(NOT_A_LOG)
    activities: list[ActivityData] = []
    for index in range(header_index + 1, len(records)):
        record = records[index]
        if not any(cell.strip() for cell in record):
            continue
        cells = {column: _cell(record, position) for column, position in positions.items()}
        try:
            activities.append(_row(cells, default_sport))
        except _RowProblem as problem:
            raise RejectedFile(
                T("Regel {row}: {problem}", "Row {row}: {problem}").format(
                    row=index + 1, problem=problem.message
                )
            ) from None
    if not activities:
        raise SkippedFile(
            T(
                "Het logbestand heeft alleen een kopregel, geen trainingen.",
                "The log has only a header row, no activities.",
            )
        )
    return activities


def _cell(record: list[str], position: int) -> str:
    return record[position].strip() if position < len(record) else ""


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def _row(cells: dict[str, str], default_sport: Sport) -> LogActivity:
    zone = _zone(cells.get("timezone", ""))
    start = _start(cells.get("date", ""), zone)
    distance_km = _number(cells.get("distance_km", ""), "distance", 0.0, 1000.0)
    duration_s = _duration(cells.get("duration", ""))
    if distance_km is None and duration_s is None:
        raise _RowProblem(
            T("er staat geen afstand en geen duur in.", "it has neither a distance nor a duration.")
        )
    avg_hr = _number(cells.get("avg_hr", ""), "heart rate", 25.0, 250.0)
    cadence = _number(cells.get("cadence_spm", ""), "cadence", 20.0, 300.0)
    rpe = _number(cells.get("rpe", ""), "rpe", 0.0, 10.0)
    label = cells.get("sport", "")
    sport = sport_from_label(label, default_sport)
    distance_m = None if distance_km is None else distance_km * 1000.0
    summary = Summary(
        distance_m=distance_m,
        duration_s=duration_s,
        elapsed_s=duration_s,
        avg_heart_rate=avg_hr,
        avg_cadence_spm=cadence,
        avg_speed_mps=distance_m / duration_s if distance_m is not None and duration_s else None,
    )
    return LogActivity(
        sport=sport,
        start=start,
        summary=summary,
        track=empty_track(),
        source_format="csv",
        sub_sport=label if sport == "other" else None,
        rpe=rpe,
        shoe=cells.get("shoe") or None,
        notes=cells.get("notes") or None,
    )


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    # zoneinfo opens the name as a file: a folder ("Europe") or a name too long for the file system
    # raises OSError rather than ZoneInfoNotFoundError.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise _RowProblem(
            T(
                "de tijdzone '{value}' bestaat niet; schrijf bijvoorbeeld Europe/Amsterdam.",
                "the time zone '{value}' does not exist; write for example Europe/Amsterdam.",
            ).format(value=_shown(name))
        ) from None


def _start(text: str, zone: ZoneInfo) -> datetime:
    """Local date (and time) in `zone` as UTC. ISO 2024-03-15[ 07:30[:00]] or Dutch 15-03-2024[ 07:30]."""
    iso, dutch = _ISO_DATE.fullmatch(text), _DUTCH_DATE.fullmatch(text)
    parts: tuple[str | None, ...] | None = None
    if iso:
        parts = iso.groups()
    elif dutch:
        day, month, year, *clock = dutch.groups()
        parts = (year, month, day, *clock)
    if parts is not None:
        year, month, day, hour, minute, second = parts
        if not FIRST_YEAR <= int(year or 0) <= LAST_YEAR:
            raise _RowProblem(
                T(
                    "de datum '{value}' ligt niet tussen {first} en {last}; klopt het jaartal?",
                    "the date '{value}' is not between {first} and {last}; is the year right?",
                ).format(value=_shown(text), first=FIRST_YEAR, last=LAST_YEAR)
            )
        try:
            local = datetime(
                int(year or 0),
                int(month or 0),
                int(day or 0),
                int(hour) if hour is not None else 12,
                int(minute or 0),
                int(second or 0),
                tzinfo=zone,
            )
            return local.astimezone(UTC)
        except (ValueError, OverflowError):
            pass
    if not text:
        raise _RowProblem(T("de datum ontbreekt.", "the date is missing."))
    raise _RowProblem(
        T(
            "de datum '{value}' is niet te lezen; schrijf bijvoorbeeld 2024-03-15 of 2024-03-15 07:30.",
            "the date '{value}' cannot be read; write for example 2024-03-15 or 2024-03-15 07:30.",
        ).format(value=_shown(text))
    )


_WHAT = {
    "distance": T("de afstand", "the distance"),
    "heart rate": T("de hartslag", "the heart rate"),
    "cadence": T("de cadans", "the cadence"),
    "rpe": T("de RPE", "the RPE"),
}


def _decimal(text: str) -> float | None:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _number(text: str, what: str, low: float, high: float) -> float | None:
    if not text:
        return None
    value = _decimal(text)
    if value is None:
        raise _RowProblem(
            T("{what} '{value}' is geen getal.", "{what} '{value}' is not a number.").format(
                what=_WHAT[what], value=_shown(text)
            )
        )
    if not low <= value <= high:
        raise _RowProblem(
            T(
                "{what} {value} ligt niet tussen {low} en {high}.",
                "{what} {value} is not between {low} and {high}.",
            ).format(what=_WHAT[what], value=value, low=low, high=high)
        )
    return value


def _duration(text: str) -> float | None:
    """H:MM:SS (hours may pass 24) or a number of minutes, as seconds."""
    if not text:
        return None
    clock = _CLOCK.fullmatch(text)
    if clock:
        hours, minutes, seconds = int(clock[1]), int(clock[2]), float(clock[3].replace(",", "."))
        if minutes < 60 and seconds < 60:
            total = hours * 3600 + minutes * 60 + seconds
            if 0 < total <= 7 * 24 * 3600:
                return total
    elif (minutes_value := _decimal(text)) is not None and 0 < minutes_value <= 7 * 24 * 60:
        return minutes_value * 60.0
    raise _RowProblem(
        T(
            "de duur '{value}' is niet te lezen; schrijf uren:minuten:seconden (0:45:30) of een aantal "
            "minuten (45,5).",
            "the duration '{value}' cannot be read; write hours:minutes:seconds (0:45:30) or a number of "
            "minutes (45.5).",
        ).format(value=_shown(text))
    )


def parse_strava_index(data: bytes) -> dict[str, StravaRow]:
    """Strava's activities.csv as {file path in the export: row}. Rows without a file are left out,
    and a field that does not parse is None: the index only adds to what the files say."""
    records = _records(data, MAX_CSV_BYTES)
    if not records:
        return {}
    header = [_header_key(cell) for cell in records[0]]
    if not all(key in header for key in _STRAVA_HEADER):
        raise RejectedFile(
            T("Dit is geen activities.csv van Strava.", "This is not a Strava activities.csv.")
        )

    def first(key: str) -> int | None:
        return header.index(key) if key in header else None

    def last(key: str) -> int | None:
        return len(header) - 1 - header[::-1].index(key) if key in header else None

    # Strava writes Distance twice: first in the athlete's unit (km or miles), later in metres.
    metres = last("distance") if header.count("distance") > 1 else None
    columns = {
        "id": first("activity_id"),
        "date": first("activity_date"),
        "name": first("activity_name"),
        "type": first("activity_type"),
        "elapsed": first("elapsed_time"),
        "moving": first("moving_time"),
        "file": first("filename"),
    }
    index: dict[str, StravaRow] = {}
    for record in records[1:]:

        def cell(column: str, record: list[str] = record) -> str:
            position = columns[column]
            return _cell(record, position) if position is not None else ""

        filename = cell("file").replace("\\", "/")
        if not filename:
            continue
        activity_type = cell("type")
        row = StravaRow(
            activity_id=cell("id"),
            filename=filename,
            sport=sport_from_label(activity_type, "other"),
            activity_type=activity_type,
            name=cell("name") or None,
            start=_strava_date(cell("date")),
            distance_m=_decimal(_cell(record, metres)) if metres is not None else None,
            elapsed_s=_decimal(cell("elapsed")),
            moving_s=_decimal(cell("moving")),
        )
        index[filename] = row
    return index


def _strava_date(text: str) -> datetime | None:
    """'Jan 3, 2020, 6:31:56 PM' (UTC, as Strava writes it in English exports) or ISO 8601."""
    match = _STRAVA_DATE.fullmatch(text.strip())
    try:
        if match:
            month = _MONTHS.get(match[1].lower())
            if month is None:
                return None
            hour = int(match[4]) % 12 if match[7] else int(match[4])
            if match[7] and match[7].lower() == "pm":
                hour += 12
            return datetime(int(match[3]), month, int(match[2]), tzinfo=UTC) + timedelta(
                hours=hour, minutes=int(match[5]), seconds=int(match[6])
            )
        moment = datetime.fromisoformat(text.strip())
    except (ValueError, OverflowError):
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
