"""Importing a runner's files: each file once, each run once, nothing half stored.

A file met twice (same sha256) is a `duplicate`; a run recorded by two sources (a FIT and a GPX of the
same run, or a Strava and a Garmin export) is stored once, matched on time overlap plus distance. Each
file is stored in one transaction together with its activities, under a per-runner lock, so a crash or a
parallel upload of the same file can never leave half an activity or two copies.
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, transaction

from kniewijs.core.activity import ActivityData
from kniewijs.core.text import T, Text
from kniewijs.formats.archive import Original, Source, iter_members, strava_index
from kniewijs.formats.csv_log import LogActivity
from kniewijs.formats.detect import apply_strava_row, read_activity_file, strava_row_for
from kniewijs.formats.errors import FileProblem

from . import cutoff, quota, tracks
from .models import Activity, ImportedFile, RunnerSettings, Shoe, original_file_path

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 1024 * 1024 * 1024  # a whole Garmin export can be large; members have their own caps
DUPLICATE_FILE = T("Dit bestand is al eerder ingelezen.", "This file was imported before.")
DUPLICATE_RUN = T(
    "Deze training staat al in uw log (uit een ander bestand).",
    "This activity is already in your log (from another file).",
)
TOO_LARGE = T("Het bestand is te groot om in te lezen.", "The file is too large to import.")
UNREADABLE = T("Het bestand kon niet worden gelezen.", "The file could not be read.")
NEW_SHOES = T("Nieuwe schoenen aangemaakt: {names}", "New shoes added: {names}")
INTERNAL = T(
    "Er ging iets mis bij het opslaan; er is niets van dit bestand bewaard. Probeer het nog eens.",
    "Something went wrong while saving; nothing of this file was kept. Please try again.",
)


@dataclass
class FileResult:
    file: str
    status: str  # imported | duplicate | rejected | skipped
    reason: Text | None = None
    activities: list[Activity] = field(default_factory=list)
    # Shoes a spreadsheet named that the runner did not have yet, created by this import.
    new_shoes: list[str] = field(default_factory=list)

    @property
    def note(self) -> Text | None:
        """What the import did besides storing the activities, for the runner to check."""
        if not self.new_shoes:
            return None
        return NEW_SHOES.format(names=", ".join(self.new_shoes))

    def to_dict(self, lang: str) -> dict[str, Any]:
        described = [describe(a, lang) for a in self.activities]
        note = self.note
        out: dict[str, Any] = {
            "file": self.file,
            "status": self.status,
            "reason": self.reason.get(lang) if self.reason else None,
            "activity": described[0] if described else None,
            "new_shoes": list(self.new_shoes),
            "note": note.get(lang) if note else None,
        }
        if len(described) > 1:
            out["activities"] = described
        return out

    def to_job_dict(self, lang: str) -> dict[str, Any]:
        """What an import job keeps of the result: `to_dict`, with the reason in both languages (the API
        answers in the client's) and the stored activities with their ids."""
        out = self.to_dict(lang)
        if self.reason is not None:
            out["reasons"] = {"nl": self.reason.nl, "en": self.reason.en}
        if self.note is not None:
            out["notes"] = {"nl": self.note.nl, "en": self.note.en}
        out["activities"] = [
            {"id": a.pk, **describe(a, lang), "texts": {code: _texts(a, code) for code in ("nl", "en")}}
            for a in self.activities
        ]
        return out


def _texts(activity: Activity, lang: str) -> dict[str, str | None]:
    """Why the sport was guessed and what a cut-off file lost, in `lang`; None where there is nothing."""
    return {
        "sport_guess": activity.sport_evidence(lang) or None if activity.sport_source == "guessed" else None,
        "partial": activity.partial_note(lang) or None if activity.is_partial else None,
    }


def describe(activity: Activity, lang: str = "nl") -> dict[str, Any]:
    return {
        "sport": activity.sport,
        "start": activity.start.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "distance_m": None if activity.distance_m is None else round(activity.distance_m, 1),
        "duration_s": None if activity.duration_s is None else round(activity.duration_s, 1),
        "moving_s": None if activity.moving_s is None else round(activity.moving_s, 1),
        "elapsed_s": None if activity.elapsed_s is None else round(activity.elapsed_s, 1),
        "pauses": activity.pauses,
        "sport_source": activity.sport_source,
        "records": activity.records,
        **_texts(activity, lang),
    }


def runner_for_email(email: str) -> Any:
    """The runner with this e-mail, created (without a usable password) when absent."""
    User = get_user_model()
    email = email.strip().lower()
    user, created = User.objects.get_or_create(username=email, defaults={"email": email})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    RunnerSettings.objects.get_or_create(user=user)
    return user


def _overlaps(existing: Activity, new: ActivityData) -> bool:
    """Same run: at least half of the shorter one overlaps in time, and distances within 10% (or 200 m)."""
    start_a, end_a = existing.start.timestamp(), existing.end_epoch
    start_b = new.start.timestamp()
    end_b = start_b + (_elapsed(new) or new.duration_s or 0.0)
    if new.partial is not None and cutoff.covered(existing, (start_b, end_b), new.distance_m):
        return True  # a recording that stops early, of a run already stored
    overlap = min(end_a, end_b) - max(start_a, start_b)
    shorter = max(min(end_a - start_a, end_b - start_b), 1.0)
    if overlap < 0.5 * shorter and abs(start_a - start_b) > 60:
        return False
    da, db = existing.distance_m, new.distance_m
    if da is None or db is None:
        return da is None and db is None
    return abs(da - db) <= max(200.0, 0.10 * max(da, db))


def _is_known_run(user: Any, data: ActivityData, cut_offs: list[Activity] | None = None) -> bool:
    """Whether the run is stored already; the cut-off activities met nearby go into `cut_offs`, for
    training.cutoff to look at without a second query."""
    window = timedelta(days=1)
    nearby = Activity.objects.filter(
        user=user, start__gte=data.start - window, start__lte=data.start + window
    ).defer("track")  # the compressed track is the bulk of a row and not needed here
    found = False
    for existing in nearby:
        found = found or _overlaps(existing, data)
        if cut_offs is not None and existing.is_partial:
            cut_offs.append(existing)
    return found


def shoe_key(name: str) -> str:
    """How shoe names are compared: "  pegasus  40 " is the runner's "Pegasus 40"."""
    return " ".join(name.split()).casefold()


def _shoe_for(data: ActivityData, default: Shoe | None, shoes_by_name: dict[str, Shoe]) -> Shoe | None:
    """A spreadsheet row may name its shoe (made by _named_shoes when new); other runs get the default
    shoe; other sports none."""
    if data.sport != "running":
        return None
    if isinstance(data, LogActivity) and data.shoe and shoe_key(data.shoe):
        return shoes_by_name.get(shoe_key(data.shoe), default)
    return default


def _named_shoes(user: Any, rows: Iterable[ActivityData], shoes_by_name: dict[str, Shoe]) -> list[str]:
    """Create the shoes the spreadsheet's runs name and the runner does not have yet (inside the import's
    transaction, so a failed import leaves none), spelled as first met; their names. A column the runner
    calls free text should not lose its kilometres because a pair was never entered by hand."""
    made: list[str] = []
    for row in rows:
        if row.sport != "running" or not isinstance(row, LogActivity) or not row.shoe:
            continue
        key = shoe_key(row.shoe)
        if not key or key in shoes_by_name:
            continue
        name = " ".join(row.shoe.split())[: Shoe._meta.get_field("name").max_length]
        shoes_by_name[key] = Shoe.objects.create(user=user, name=name)
        made.append(name)
    return made


def _elapsed(data: ActivityData) -> float | None:
    """First to last moment: the file's own figure, else the span of the track (pauses included)."""
    if data.summary.elapsed_s is not None:
        return data.summary.elapsed_s
    if len(data.track) >= 2:
        return float(data.track.time[-1] - data.track.time[0])
    return None


def _to_model(
    user: Any,
    data: ActivityData,
    source: ImportedFile | None,
    zone: ZoneInfo,
    shoe: Shoe | None,
    packed: bytes | None,
) -> Activity:
    summary = data.summary
    log_row = data if isinstance(data, LogActivity) else None
    name = data.name or (log_row.notes if log_row and log_row.notes else "")
    rpe = None if log_row is None or log_row.rpe is None else round(log_row.rpe)
    return Activity(
        user=user,
        source=source,
        sport=data.sport,
        sub_sport=(data.sub_sport or "")[:40],
        name=name[:120],
        rpe=rpe,
        start=data.start,
        local_date=data.start.astimezone(zone).date(),
        duration_s=summary.moving_s if summary.moving_s is not None else data.duration_s,
        moving_s=summary.moving_s,
        elapsed_s=_elapsed(data),
        pauses=min(max(data.pauses, 0), 32767),
        sport_source="guessed" if data.sport_guess is not None else "file",
        sport_evidence_nl=data.sport_guess.nl[:200] if data.sport_guess else "",
        sport_evidence_en=data.sport_guess.en[:200] if data.sport_guess else "",
        partial_nl=data.partial.nl[:300] if data.partial else "",
        partial_en=data.partial.en[:300] if data.partial else "",
        distance_m=data.distance_m,
        records=data.records,
        avg_heart_rate=summary.avg_heart_rate,
        max_heart_rate=summary.max_heart_rate,
        avg_cadence_spm=summary.avg_cadence_spm,
        avg_vertical_oscillation_mm=summary.avg_vertical_oscillation_mm,
        avg_ground_contact_ms=summary.avg_ground_contact_ms,
        avg_stride_length_m=summary.avg_stride_length_m,
        ascent_m=summary.ascent_m,
        shoe=shoe,
        device=(data.device or "")[:120],
        track=packed,  # the track as tracks.pack() compressed it
    )


def store_file(
    user: Any, name: str, data: bytes, parsed: list[ActivityData], original: Original | None = None
) -> FileResult:
    """Store one readable file and its new activities in a single transaction. `original` is what is kept
    as the runner's file (the upload as it came, compressed where it was); without it, `data` itself."""
    digest = hashlib.sha256(data).hexdigest()
    kept_name = original.name if original is not None else name
    kept_size = original.size if original is not None else len(data)
    stored_name: str | None = None
    # An API upload may come before the runner ever opened /log/, where these settings are made.
    RunnerSettings.objects.get_or_create(user=user)
    try:
        # Compressed before the transaction: half a million points take most of a second, and on SQLite the
        # transaction holds the one write lock that sign-ins, bookings and the access log wait for.
        packed = [tracks.pack(a.track) for a in parsed]
        with transaction.atomic():
            settings = RunnerSettings.objects.select_for_update().get(
                user=user
            )  # one import at a time per runner
            if ImportedFile.objects.filter(user=user, sha256=digest).exists():
                return FileResult(name, "duplicate", DUPLICATE_FILE)
            cut_offs: list[Activity] = []
            fresh = [
                (a, p) for a, p in zip(parsed, packed, strict=True) if not _is_known_run(user, a, cut_offs)
            ]
            if not fresh:
                return FileResult(name, "duplicate", DUPLICATE_RUN)
            full = quota.file_refusal(user, kept_size)
            if full is not None:
                return FileResult(name, "rejected", full)
            source = ImportedFile(
                user=user,
                sha256=digest,
                original_name=kept_name[-255:],  # the end: its extension says what it is
                size=len(data),
                stored_size=kept_size,
            )
            zone = ZoneInfo(settings.time_zone)
            shoes = list(Shoe.objects.filter(user=user))
            default = next((s for s in shoes if s.is_default and s.retired_on is None), None)
            by_name: dict[str, Shoe] = {}
            for shoe in sorted(shoes, key=lambda s: (s.retired_on is not None, s.pk)):
                by_name.setdefault(shoe_key(shoe.name), shoe)  # a pair in use before a retired namesake
            new_shoes = _named_shoes(user, (a for a, _p in fresh), by_name)
            # The original is written last, just before the commit: a process killed before the write
            # leaves nothing at all, and only one killed between the write and the commit leaves a stray
            # file (never a row without its file). Its name is chosen first and known to be free, so that a
            # write which breaks off halfway (a full disk) is removed below as well.
            stored_name = _free_name(source, kept_name.rsplit("!", 1)[-1].rsplit("/", 1)[-1])
            source.stored = stored_name
            source.save()
            rows = [_to_model(user, a, source, zone, _shoe_for(a, default, by_name), p) for a, p in fresh]
            # A whole recording of a run stored cut off takes over that row (training.cutoff).
            upgraded, rows = cutoff.take_over(rows, cut_offs)
            created = upgraded + Activity.objects.bulk_create(rows)
            field = source.stored.field
            written = _write_original(field, stored_name, data, original)
            if written != stored_name:  # only if another process took the name since it was chosen
                stored_name = written
                ImportedFile.objects.filter(pk=source.pk).update(stored=written)
            return FileResult(name, "imported", None, created, new_shoes)
    except IntegrityError:
        # The same file committed by a parallel import between our check and our insert.
        _remove_stored(stored_name)
        return FileResult(name, "duplicate", DUPLICATE_FILE)
    except Exception:
        _remove_stored(stored_name)
        raise


def _write_original(field: Any, stored_name: str, data: bytes, original: Original | None) -> str:
    """Write the kept original: the member's own bytes when it came uncompressed (they are in memory
    already), else the compressed form, streamed from the upload and its temporary files."""
    if original is None or not original.compressed:
        return str(field.storage.save(stored_name, ContentFile(data), max_length=field.max_length))
    with original.open() as stream:
        return str(
            field.storage.save(stored_name, File(stream, name=stored_name), max_length=field.max_length)
        )


def _free_name(source: ImportedFile, filename: str) -> str:
    """A generated name for the original that no file has yet, chosen before the first byte is written: a
    write that breaks off halfway (a full disk) is then removed by name, and only our own file is."""
    storage = source.stored.storage
    while True:
        candidate = source.stored.field.generate_filename(source, filename)
        if not storage.exists(candidate):  # random names: taken in theory only
            return candidate


def remove_stray_originals(user: Any) -> int:
    """Remove the runner's originals that no stored file names: left by a process killed between writing
    an original and committing its rows. Under the runner's lock none of their imports is in that gap."""
    field = ImportedFile._meta.get_field("stored")
    folder = posixpath.dirname(original_file_path(ImportedFile(user=user), "x.bin"))
    RunnerSettings.objects.get_or_create(user=user)
    with transaction.atomic():
        RunnerSettings.objects.select_for_update().get(user=user)
        try:
            _folders, names = field.storage.listdir(folder)
        except FileNotFoundError:
            return 0
        known = set(ImportedFile.objects.filter(user=user).values_list("stored", flat=True))
        strays = [f"{folder}/{name}" for name in names if f"{folder}/{name}" not in known]
        for stray in strays:
            field.storage.delete(stray)
    return len(strays)


def _remove_stored(stored_name: str | None) -> None:
    if stored_name:
        from django.core.files.storage import default_storage

        default_storage.delete(stored_name)


def import_bytes(
    user: Any, name: str, data: Source, *, budget_bytes: int | None = None
) -> Iterator[FileResult]:
    """Every file met in `data` (bytes or a seekable binary file; archive members included), one result
    each; never raises for bad input. An upload is read member by member: only one member's bytes are in
    memory at a time, and at most `budget_bytes` are unpacked in all (formats.archive).
    In a Strava export, activities.csv supplies a file's sport and name where the file itself has none."""
    if isinstance(data, bytes | bytearray | memoryview):
        size = len(data)
    else:
        size = data.seek(0, 2)
        data.seek(0)
    if size > MAX_FILE_BYTES:
        yield FileResult(name, "rejected", TOO_LARGE)
        return
    index = strava_index(name, data)
    for member in iter_members(name, data, budget_bytes=budget_bytes):
        if member.name.endswith("/"):
            continue  # a folder inside a zip is not a file the runner gave us
        if member.problem is not None or member.data is None:
            problem = member.problem
            yield FileResult(
                member.name,
                problem.status if problem else "rejected",
                problem.reason if problem else UNREADABLE,
            )
            continue
        row = strava_row_for(index, name, member.name)
        result = import_member(user, member.name, member.data, strava_row=row, original=member.original)
        del member  # its bytes go before the next member is unpacked
        yield result


def import_member(
    user: Any, name: str, data: bytes, strava_row: Any = None, original: Original | None = None
) -> FileResult:
    default = strava_row.sport if strava_row is not None and strava_row.sport != "other" else "running"
    try:
        parsed = read_activity_file(name, data, default_sport=default)
    except FileProblem as problem:
        return FileResult(name, problem.status, problem.reason)
    except Exception:
        log.exception("a reader failed on one file")  # a reader's bug must not stop the rest of an export
        return FileResult(name, "rejected", UNREADABLE)
    if strava_row is not None:
        apply_strava_row(parsed, strava_row)
        strava_beats_a_guess(parsed, strava_row)
    try:
        return store_file(user, name, data, parsed, original)
    except Exception:
        log.exception("import of one file failed")  # no health data in the message: only that it failed
        return FileResult(name, "rejected", INTERNAL)


def strava_beats_a_guess(parsed: list[ActivityData], row: Any) -> None:
    """Strava's activities.csv names the sport the runner saved: it beats a guess from the data."""
    if row.sport == "other":
        return
    for activity in parsed:
        if activity.sport_guess is not None:
            activity.sport = row.sport
            activity.sub_sport = row.activity_type or activity.sub_sport
            activity.sport_guess = None


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
        else:
            yield path


def import_paths(
    user: Any, paths: Iterable[Path], progress: Callable[[Path, int], None] | None = None
) -> Iterator[FileResult]:
    for path in iter_paths(paths):
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                yield FileResult(str(path), "rejected", TOO_LARGE)
                continue
            handle: IO[bytes] = path.open("rb")
        except OSError:
            yield FileResult(str(path), "rejected", UNREADABLE)
            continue
        with handle:  # read as a stream, like an upload: an export is never read into memory whole
            yield from import_bytes(user, str(path), handle)
        if progress:
            progress(path, size)
