"""Which reader a file needs: by its content first, by its name only when the content does not say.

Content: a FIT file has ".FIT" at bytes 8-12 (FIT protocol, file header); XML is read up to its root
element (gpx or TrainingCenterDatabase); a CSV is known by its header row. The extension (.fit, .gpx,
.tcx, .csv) decides only for a file whose content names no format, so that reader can say what is wrong
with it. A runner's whole export goes through `iter_activity_files`, which unpacks archives and never
raises for one bad file.
"""

from __future__ import annotations

import importlib
import posixpath
from collections.abc import Callable, Iterator
from typing import cast

from kniewijs.core.activity import ActivityData, Sport
from kniewijs.core.text import T
from kniewijs.formats.archive import container_kind, iter_members, strava_index
from kniewijs.formats.csv_log import StravaRow, classify_csv, read_csv_log
from kniewijs.formats.errors import FileProblem, RejectedFile
from kniewijs.formats.gpx import read_gpx
from kniewijs.formats.tcx import read_tcx
from kniewijs.formats.xmlsafe import root_local_name

UNKNOWN_TYPE = T(
    "Dit bestandstype kent Kniewijs niet. Kniewijs leest FIT-, GPX-, TCX- en CSV-bestanden en zip-exports "
    "van Garmin, Strava en Apple Gezondheid.",
    "Kniewijs does not know this file type. Kniewijs reads FIT, GPX, TCX and CSV files and zip exports "
    "from Garmin, Strava and Apple Health.",
)
UNKNOWN_XML = T(
    "Dit XML-bestand is geen GPX- of TCX-bestand; andere XML-bestanden kent Kniewijs niet.",
    "This XML file is not a GPX or TCX file; Kniewijs does not know other XML files.",
)
EMPTY = T("Het bestand is leeg.", "The file is empty.")
ARCHIVE = T(
    "Dit is een archief (zip of gz); lees het in als export, dan pakt Kniewijs het uit.",
    "This is an archive (zip or gz); import it as an export and Kniewijs unpacks it.",
)
UNEXPECTED = T(
    "Dit bestand kon niet worden gelezen door een onverwachte fout in Kniewijs. De andere bestanden "
    "zijn wel gelezen.",
    "This file could not be read because of an unexpected error in Kniewijs. The other files were read.",
)
FIT_READER_MISSING = T(
    "FIT-bestanden kan deze versie van Kniewijs nog niet lezen.",
    "This version of Kniewijs cannot read FIT files yet.",
)

_XML_START = (b"<", b"\xff\xfe", b"\xfe\xff")  # UTF-16 XML starts with its byte order mark


def read_fit(data: bytes) -> list[ActivityData]:
    """The FIT reader, imported when first needed so this module works while it is being built."""
    try:
        module = importlib.import_module("kniewijs.formats.fit")
    except ImportError:
        raise RejectedFile(FIT_READER_MISSING) from None
    reader = cast(Callable[[bytes], list[ActivityData]], module.read_fit)
    return reader(data)


def file_kind(name: str, data: bytes) -> str | None:
    """'fit', 'gpx', 'tcx', 'csv', 'archive', 'xml' (another XML) or None (unknown).

    Raises RejectedFile for an empty file, and for XML that is unsafe or broken before its root element.
    """
    if not data or data.isspace():  # not data.strip(): that copies a 100 MB member with a leading blank
        raise RejectedFile(EMPTY)
    if len(data) >= 12 and data[8:12] == b".FIT":
        return "fit"
    if container_kind(data) is not None:
        return "archive"
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.lower().startswith((b"<!doctype html", b"<html")):
        return None  # a web page saved by mistake: unknown, not "unsafe XML"
    if head.startswith(_XML_START):
        root = root_local_name(data)
        return {"gpx": "gpx", "TrainingCenterDatabase": "tcx"}.get(root, "xml")
    if classify_csv(data) is not None:
        return "csv"
    extension = posixpath.splitext(name.lower())[1]
    return {".fit": "fit", ".gpx": "gpx", ".tcx": "tcx", ".csv": "csv"}.get(extension)


def read_activity_file(name: str, data: bytes, *, default_sport: Sport = "running") -> list[ActivityData]:
    """The activities in one (unpacked) file. Raises FileProblem (RejectedFile, SkippedFile) only.

    `default_sport` is the sport of an activity whose file names none (a GPX without <type>, a log
    row without a sport); the Strava index passes its own. "running" is the app's assumption: the GPX
    and TCX readers then guess the sport from the data (`kniewijs.core.sport_guess`) instead.
    """
    kind = file_kind(name, data)
    if kind == "fit":
        return read_fit(data)
    if kind == "gpx":
        return read_gpx(data, default_sport=default_sport)
    if kind == "tcx":
        return read_tcx(data, default_sport=default_sport)
    if kind == "csv":
        return read_csv_log(data, default_sport=default_sport)
    if kind == "archive":
        raise RejectedFile(ARCHIVE)
    raise RejectedFile(UNKNOWN_XML if kind == "xml" else UNKNOWN_TYPE)


def iter_activity_files(name: str, data: bytes) -> Iterator[tuple[str, list[ActivityData] | FileProblem]]:
    """(file name, its activities or why it gave none) for the upload and every file inside it.

    Never raises for a bad file. In a Strava export, activities.csv gives a file's sport (when the
    file names none or says "other") and its name (when the file has none).
    """
    index = strava_index(name, data)
    for member in iter_members(name, data):
        if member.problem is not None or member.data is None:
            yield member.name, member.problem or RejectedFile(UNEXPECTED)
            continue
        row = strava_row_for(index, name, member.name)
        default: Sport = row.sport if row is not None and row.sport != "other" else "running"
        try:
            activities = read_activity_file(member.name, member.data, default_sport=default)
        except FileProblem as problem:
            yield member.name, problem
            continue
        except Exception:  # a reader's bug must not stop the rest of a runner's export
            yield member.name, RejectedFile(UNEXPECTED)
            continue
        if row is not None:
            apply_strava_row(activities, row)
        yield member.name, activities


def strava_row_for(index: dict[str, StravaRow], archive_name: str, member_name: str) -> StravaRow | None:
    """The activities.csv row (from `archive.strava_index`) of a member of the export `archive_name`."""
    if not index or not member_name.startswith(archive_name + "!"):
        return None
    return index.get(member_name[len(archive_name) + 1 :])


def apply_strava_row(activities: list[ActivityData], row: StravaRow) -> None:
    """Strava's sport where the file says "other" or names none (a sport guessed from the data gives way
    to it), Strava's name where the file has none."""
    for activity in activities:
        if (activity.sport == "other" or activity.sport_guess is not None) and row.sport != "other":
            activity.sport = row.sport
            activity.sub_sport = row.activity_type or activity.sub_sport
            activity.sport_guess = None
        if not activity.name and row.name:
            activity.name = row.name
