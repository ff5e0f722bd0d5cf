"""Importing a runner's files: each file once, each run once, nothing half stored.

A file met twice (same sha256) is a `duplicate`; a run recorded by two sources (a FIT and a GPX of the
same run, or a Strava and a Garmin export) is stored once, matched on time overlap plus distance. Files
are stored in batches, each one transaction under the runner's lock, and each file's activities go in
with it, so a crash or a parallel upload of the same file can never leave half an activity or two copies.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from kniewijs.core.activity import ActivityData
from kniewijs.core.text import T
from kniewijs.formats.apple_health import is_health_export
from kniewijs.formats.archive import Original, Source, iter_members, strava_index
from kniewijs.formats.csv_log import LogActivity
from kniewijs.formats.detect import apply_strava_row, read_activity_file, strava_row_for
from kniewijs.formats.errors import FileProblem

from . import bulk, cutoff, originals, quota, tracks
from .import_results import FileResult
from .models import Activity, ImportedFile, RunnerSettings, Shoe

log = logging.getLogger(__name__)

NEAR = timedelta(days=1)  # how far apart two recordings of one run can start, at most

MAX_FILE_BYTES = 1024 * 1024 * 1024  # a whole Garmin export can be large; members have their own caps
DUPLICATE_FILE = T("Dit bestand is al eerder ingelezen.", "This file was imported before.")
DUPLICATE_RUN = T(
    "Deze training staat al in uw log (uit een ander bestand).",
    "This activity is already in your log (from another file).",
)
TOO_LARGE = T("Het bestand is te groot om in te lezen.", "The file is too large to import.")
UNREADABLE = T("Het bestand kon niet worden gelezen.", "The file could not be read.")
INTERNAL = T(
    "Er ging iets mis bij het opslaan; er is niets van dit bestand bewaard. Probeer het nog eens.",
    "Something went wrong while saving; nothing of this file was kept. Please try again.",
)


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


def _is_known_run(nearby: list[Activity], data: ActivityData, cut_offs: list[Activity] | None = None) -> bool:
    """Whether the run is stored already, among the activities stored near it (`nearby`, loaded once per
    batch); the cut-off activities met within a day go into `cut_offs`, for training.cutoff to look at."""
    earliest, latest = data.start - NEAR, data.start + NEAR
    found = False
    for existing in nearby:
        if not earliest <= existing.start <= latest:
            continue
        found = found or _overlaps(existing, data)
        if cut_offs is not None and existing.is_partial:
            cut_offs.append(existing)
    return found


def _nearby(user: Any, runs: Iterable[ActivityData]) -> list[Activity]:
    """The runner's stored activities that start within a day of any of `runs`, for a whole batch: the
    start times of all between the first and the last (read from the index alone), then the rows of those
    near a run. An export's runs lie scattered over years, which hundreds of OR'ed ranges cost more."""
    starts = sorted(run.start for run in runs)
    if not starts:
        return []
    between = Activity.objects.filter(
        user=user, start__gte=starts[0] - NEAR, start__lte=starts[-1] + NEAR
    ).values_list("pk", "start")
    near = []
    for pk, start in between:
        at = bisect.bisect_left(starts, start)
        neighbours = starts[max(at - 1, 0) : at + 1]
        if any(abs(start - other) <= NEAR for other in neighbours):
            near.append(pk)
    if not near:
        return []
    # The compressed track is the bulk of a row and not needed here.
    return list(Activity.objects.filter(pk__in=near).order_by("start").defer("track"))


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
        origin="apple_health" if data.source_format == "apple_health" else "file",
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


@dataclass
class Pending:
    """A readable file on its way into the log: read, its tracks compressed and its original at hand (an
    archive member's original can only be read until the next member is unpacked)."""

    name: str
    data: bytes
    parsed: list[ActivityData]
    digest: str
    kept_name: str
    kept_size: int
    kept: bytes | None  # the original as kept when it is not `data` itself (it came compressed)
    packed: list[bytes | None]

    @property
    def weight(self) -> int:
        """About the bytes it holds in memory while it waits for its batch."""
        points = sum(len(a.track) * (1 + len(a.track.channels)) for a in self.parsed)
        return len(self.data) + len(self.kept or b"") + 8 * points


def prepare(
    name: str,
    data: bytes,
    parsed: list[ActivityData],
    original: Original | None = None,
) -> Pending:
    """`parsed` ready to store. `original` is what is kept as the runner's file (the upload as it came,
    compressed where it was); without it, `data` itself."""
    kept = None
    if original is not None and original.compressed:
        with original.open() as stream:
            kept = stream.read()
    # Compressed before any transaction: on SQLite the transaction holds the one write lock that sign-ins,
    # bookings and the access log wait for.
    packed = [tracks.pack(a.track) for a in parsed]
    return Pending(
        name=name,
        data=data,
        parsed=parsed,
        digest=hashlib.sha256(data).hexdigest(),
        kept_name=original.name if original is not None else name,
        kept_size=original.size if original is not None else len(data),
        kept=kept,
        packed=packed,
    )


def store_file(
    user: Any, name: str, data: bytes, parsed: list[ActivityData], original: Original | None = None
) -> FileResult:
    """Store one readable file and its new activities in a single transaction."""
    return store_batch(user, [prepare(name, data, parsed, original)])[0]


def store_batch(user: Any, batch: list[Pending]) -> list[FileResult]:
    """Store the files of `batch` in one transaction under the runner's lock, in order, each as if alone: a
    file met before (in the log or earlier in the batch) is a duplicate, a run stored before (idem) is
    not stored again. One transaction for many files of an export spares a commit, a lock and the lookups
    per file (docs/benchmarks.md). When anything fails, nothing of the batch is kept and each file is
    stored again on its own, so one file's trouble costs only that file."""
    if not batch:
        return []
    # An API upload may come before the runner ever opened /log/, where these settings are made.
    RunnerSettings.objects.get_or_create(user=user)
    written: list[str] = []
    try:
        with transaction.atomic():
            return _Batch(user, batch, written).store_all()
    except Exception as error:
        originals.remove(written)
        if len(batch) > 1:
            return [result for pending in batch for result in _store_alone(user, pending)]
        if isinstance(error, IntegrityError):
            # The same file committed by a parallel import between our check and our insert.
            return [FileResult(batch[0].name, "duplicate", DUPLICATE_FILE)]
        raise


def _store_alone(user: Any, pending: Pending) -> list[FileResult]:
    try:
        return store_batch(user, [pending])
    except Exception:
        log.exception("import of one file failed")  # no health data in the message: only that it failed
        return [FileResult(pending.name, "rejected", INTERNAL)]


class _Batch:
    """What storing a batch needs to know, looked up once under the runner's lock and kept up to date as
    each file is stored. The rows are inserted together at the end (a whole recording that takes over a
    cut-off row first inserts what waits, so that the row it takes over is in the database)."""

    def __init__(self, user: Any, batch: list[Pending], written: list[str]) -> None:
        self.user, self.batch, self.written = user, batch, written
        settings = RunnerSettings.objects.select_for_update().get(user=user)  # one import at a time
        self.zone = ZoneInfo(settings.time_zone)
        digests = {pending.digest for pending in batch}
        self.known_files = set(
            ImportedFile.objects.filter(user=user, sha256__in=digests).values_list("sha256", flat=True)
        )
        runs = (run for pending in batch if pending.digest not in self.known_files for run in pending.parsed)
        self.nearby = _nearby(user, runs)
        self.used = quota.originals_bytes(user)
        shoes = list(Shoe.objects.filter(user=user))
        self.default_shoe = next((s for s in shoes if s.is_default and s.retired_on is None), None)
        self.shoes_by_name: dict[str, Shoe] = {}
        for shoe in sorted(shoes, key=lambda s: (s.retired_on is not None, s.pk)):
            # A pair in use comes before a retired namesake.
            self.shoes_by_name.setdefault(shoe_key(shoe.name), shoe)
        self.sources: list[ImportedFile] = []
        self.rows: list[Activity] = []

    def store_all(self) -> list[FileResult]:
        results = [self.store(pending) for pending in self.batch]
        self.insert_waiting()
        return results

    def insert_waiting(self) -> None:
        ImportedFile.objects.bulk_create(self.sources)  # their ids, which insert_activities gives the rows
        bulk.insert_activities(self.rows)
        self.sources, self.rows = [], []

    def store(self, pending: Pending) -> FileResult:
        name = pending.name
        if pending.digest in self.known_files:
            return FileResult(name, "duplicate", DUPLICATE_FILE)
        cut_offs: list[Activity] = []
        fresh = [
            (run, packed)
            for run, packed in zip(pending.parsed, pending.packed, strict=True)
            if not _is_known_run(self.nearby, run, cut_offs)
        ]
        if not fresh:
            return FileResult(name, "duplicate", DUPLICATE_RUN)
        full = quota.refusal(self.used, pending.kept_size)
        if full is not None:
            return FileResult(name, "rejected", full)
        source = ImportedFile(
            user=self.user,
            sha256=pending.digest,
            original_name=pending.kept_name[-255:],  # the end: its extension says what it is
            size=len(pending.data),
            stored_size=pending.kept_size,
        )
        new_shoes = _named_shoes(self.user, (run for run, _packed in fresh), self.shoes_by_name)
        kept = pending.data if pending.kept is None else pending.kept
        filename = pending.kept_name.rsplit("!", 1)[-1].rsplit("/", 1)[-1]
        source.stored = originals.write_new(source, filename, kept, self.written)
        if cut_offs:
            self.insert_waiting()  # the cut-off rows to take over, and this file's own row, need their ids
            self.sources.append(source)
            self.insert_waiting()
        else:
            self.sources.append(source)
        rows = [
            _to_model(
                self.user,
                run,
                source,
                self.zone,
                _shoe_for(run, self.default_shoe, self.shoes_by_name),
                packed,
            )
            for run, packed in fresh
        ]
        # A whole recording of a run stored cut off takes over that row (training.cutoff).
        upgraded, rows = cutoff.take_over(rows, cut_offs)
        self.rows += rows
        self.known_files.add(pending.digest)
        self.used += pending.kept_size
        self.nearby.extend(rows)  # later files of the batch are checked against these runs too
        return FileResult(name, "imported", None, upgraded + rows, new_shoes)


def import_bytes(
    user: Any, name: str, data: Source, *, budget_bytes: int | None = None
) -> Iterator[FileResult]:
    """Every file met in `data` (bytes or a seekable binary file; archive members included), one result
    each; never raises for bad input. An upload is read member by member, and the members read wait in
    memory only until their batch is stored (_Waiting bounds it to 48 MB); at most `budget_bytes` are
    unpacked in all (formats.archive).
    In a Strava export, activities.csv supplies a file's sport and name where the file itself has none; an
    Apple Health export goes to training.health_import."""
    if isinstance(data, bytes | bytearray | memoryview):
        size = len(data)
    else:
        size = data.seek(0, 2)
        data.seek(0)
    if size > MAX_FILE_BYTES:
        yield FileResult(name, "rejected", TOO_LARGE)
        return
    if is_health_export(data):  # export.xml is far past a member's cap: it has a streaming reader of its own
        from .health_import import import_health_export

        yield from import_health_export(user, name, data, budget_bytes=budget_bytes)
        return
    index = strava_index(name, data)
    waiting = _Waiting()
    for member in iter_members(name, data, budget_bytes=budget_bytes):
        if member.name.endswith("/"):
            continue  # a folder inside a zip is not a file the runner gave us
        if member.problem is not None or member.data is None:
            problem = member.problem
            reason = problem.reason if problem else UNREADABLE
            waiting.add(FileResult(member.name, problem.status if problem else "rejected", reason))
        else:
            row = strava_row_for(index, name, member.name)
            waiting.add(read_member(member.name, member.data, row, member.original))
        del member  # its bytes go before the next member is unpacked (a Pending keeps what it needs)
        if waiting.full():
            yield from waiting.store(user)
    yield from waiting.store(user)


class _Waiting:
    """An export's files are stored in batches (store_batch), each at most this big: the memory it holds,
    and the time the runner's lock is held and progress stands still, stay small."""

    FILES = 300
    BYTES = 48 * 1024**2
    SECONDS = 3.0

    def __init__(self) -> None:
        self.entries: list[FileResult | Pending] = []
        self.weight = 0
        self.since: float | None = None

    def add(self, entry: FileResult | Pending) -> None:
        self.entries.append(entry)
        if isinstance(entry, Pending):
            self.weight += entry.weight
            self.since = self.since if self.since is not None else time.monotonic()

    def full(self) -> bool:
        if len(self.entries) >= self.FILES or self.weight >= self.BYTES:
            return True
        return self.since is not None and time.monotonic() - self.since >= self.SECONDS

    def store(self, user: Any) -> Iterator[FileResult]:
        """The results of the waiting files in their order: those known already, and the batch's once it
        is stored."""
        entries, self.entries, self.weight, self.since = self.entries, [], 0, None
        batch = [entry for entry in entries if isinstance(entry, Pending)]
        stored = iter(_store_alone(user, batch[0]) if len(batch) == 1 else store_batch(user, batch))
        for entry in entries:
            yield next(stored) if isinstance(entry, Pending) else entry


def read_member(
    name: str,
    data: bytes,
    strava_row: Any = None,
    original: Original | None = None,
) -> Pending | FileResult:
    """One file read and made ready to store (outside any transaction); its result when it cannot be."""
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
        return prepare(name, data, parsed, original)
    except Exception:
        log.exception("import of one file failed")
        return FileResult(name, "rejected", INTERNAL)


def import_member(
    user: Any, name: str, data: bytes, strava_row: Any = None, original: Original | None = None
) -> FileResult:
    """One file read and stored on its own."""
    ready = read_member(name, data, strava_row, original)
    return ready if isinstance(ready, FileResult) else _store_alone(user, ready)[0]


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
