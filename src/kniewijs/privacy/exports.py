"""The runner's data export as background work: asked for on the export page, built by `kniewijs.tasks.data_export`
(on a Celery worker when REDIS_URL is set, else in a thread of this process), downloaded from the same page.

Building is idempotent: a second run of the same export (a redelivered message, a retry) ends in the same
state. Each run takes the export over with a fresh `run_token` and beats a heartbeat (`heartbeat_at`) while it
writes; a run that finds its token gone has been taken over and stops without a trace, and only the run holding
the token may mark the export ready or failed, with an archive of its own name.

A run can die without a word (a worker killed, the web process's thread gone with a restart). An export busy
with no heartbeat for `STALE` is started again when its runner opens the export page (`latest_export`) and by
the daily clean-up task (`restart_stale`); after `MAX_ATTEMPTS` runs it is marked failed instead, and the page
offers to try again. Archives are kept for `KEEP` and then removed, with their row, the next time anyone asks
for an export or the clean-up task runs.
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.core.files import File
from django.db import transaction
from django.db.models import F, Q
from django.http import Http404
from django.utils import timezone

from .export import export_filename, write_export
from .models import DataExport

log = logging.getLogger(__name__)

KEEP = timedelta(days=7)
STALE = timedelta(minutes=10)  # busy without a heartbeat this long: its run has died
BEAT = timedelta(seconds=15)  # a running export writes its heartbeat at most this often
MAX_ATTEMPTS = 3  # runs of one export before a dead one is marked failed instead of started again
BUSY = (DataExport.Status.WAITING, DataExport.Status.RUNNING)


class TakenOver(Exception):
    """Another run holds the export now (or it was erased or replaced): this run stops and leaves no trace."""


def export_of(user: Any, export_id: uuid.UUID) -> DataExport:
    """The one access helper: an export belongs to exactly one runner; anyone else gets a 404."""
    try:
        return DataExport.objects.get(pk=export_id, user=user)
    except DataExport.DoesNotExist:
        raise Http404 from None


def latest_export(user: Any) -> DataExport | None:
    """The export the page shows: the runner's latest, started again first when its run has died."""
    export = DataExport.objects.filter(user=user, created_at__gte=timezone.now() - KEEP).first()
    if export is not None and is_stale(export):
        restart_if_stale(export)
        export.refresh_from_db()  # started again (perhaps made already), or marked failed
    return export


def is_stale(export: DataExport, now: datetime | None = None) -> bool:
    """Busy, and no sign of life (made, handed over, or a heartbeat) for STALE."""
    alive = export.heartbeat_at or export.created_at
    return export.status in BUSY and alive < (now or timezone.now()) - STALE


def _stale_rows(now: datetime) -> Any:
    cutoff = now - STALE
    dead = Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    return DataExport.objects.filter(dead, status__in=BUSY)


def restart_if_stale(export: DataExport, now: datetime | None = None) -> bool:
    """Hand a dead export to the background again (a fresh heartbeat marks the hand-over, so a second look a
    moment later starts nothing); after MAX_ATTEMPTS runs mark it failed. True when it was started again."""
    from kniewijs import tasks

    now = now or timezone.now()
    if not is_stale(export, now):
        return False
    with transaction.atomic():
        # The condition again in the UPDATE: of two page loads at once, only one starts it.
        mine = _stale_rows(now).filter(pk=export.pk)
        if export.attempts >= MAX_ATTEMPTS:
            if mine.update(status=DataExport.Status.FAILED, run_token=None):
                log.warning("data export %s died %d times; marked failed", export.pk, export.attempts)
            return False
        if not mine.update(status=DataExport.Status.WAITING, run_token=None, heartbeat_at=now):
            return False
        log.warning("data export %s had no heartbeat since %s; started again", export.pk, export.heartbeat_at)
        tasks.dispatch(tasks.data_export, str(export.pk))
    return True


def restart_stale(now: datetime | None = None) -> int:
    """Start every dead export again (the daily clean-up task); how many were started."""
    now = now or timezone.now()
    return sum(restart_if_stale(export, now) for export in _stale_rows(now))


def request_export(user: Any) -> tuple[DataExport, bool]:
    """A new export for `user`, handed to the background; or the one already under way (a double click or a
    second tab must not build two). Returns the export and whether it is new."""
    from kniewijs import tasks

    with transaction.atomic():
        busy = DataExport.objects.select_for_update().filter(user=user, status__in=BUSY)
        current = busy.first()
        if current is not None and not is_stale(current):
            return current, False
        older = list(DataExport.objects.filter(user=user))
        export = DataExport.objects.create(user=user)
        _forget(older)
        tasks.dispatch(tasks.data_export, str(export.pk))
    return export, True


def run_export(export_id: uuid.UUID) -> None:
    """Write the zip into storage and mark the export ready. A failure marks it failed and is raised again, so
    that Celery retries it; a later success turns it ready after all."""
    token = uuid.uuid4()
    claimed = (
        DataExport.objects.filter(pk=export_id)
        .exclude(status=DataExport.Status.READY)
        .update(
            status=DataExport.Status.RUNNING,
            run_token=token,
            heartbeat_at=timezone.now(),
            attempts=F("attempts") + 1,
        )
    )
    export = DataExport.objects.select_related("user").filter(pk=export_id, run_token=token).first()
    if not claimed or export is None:
        return  # erased, replaced by a newer one, or done by an earlier delivery of the same message
    beat = _Heartbeat(export)
    mine = DataExport.objects.filter(pk=export.pk, run_token=token)
    try:
        with tempfile.TemporaryFile(suffix=".zip") as target:
            write_export(export.user, target, progress=beat)
            size = target.tell()
            target.seek(0)
            beat(force=True)  # not a large upload for an export another run has taken over
            field = export.archive.field
            name = field.generate_filename(export, "export.zip")
            stored = field.storage.save(name, File(target), max_length=field.max_length)
    except TakenOver:
        log.info("data export %s was taken over by another run; this one stops", export.pk)
        return
    except Exception:
        log.exception("data export failed")
        mine.update(status=DataExport.Status.FAILED)
        raise
    updated = mine.update(
        status=DataExport.Status.READY,
        archive=stored,
        size=size,
        filename=export_filename(),
        finished_at=timezone.now(),
    )
    if not updated:  # the runner erased the account or asked again, or another run took over meanwhile
        field.storage.delete(stored)
        return
    for leftover in set(_archives_of(export)) - {stored}:  # of an earlier run that died after saving
        field.storage.delete(leftover)


class _Heartbeat:
    """The progress callback of one run: writes `heartbeat_at` at most every BEAT, and raises TakenOver once
    the export's token is no longer this run's."""

    def __init__(self, export: DataExport) -> None:
        self.rows = DataExport.objects.filter(pk=export.pk, run_token=export.run_token)
        self.last = timezone.now()

    def __call__(self, force: bool = False) -> None:
        now = timezone.now()
        if not force and now - self.last < BEAT:
            return
        if not self.rows.update(heartbeat_at=now):
            raise TakenOver
        self.last = now


def _archives_of(export: DataExport) -> list[str]:
    """Every archive any run of this export left in storage (one name per run, see export_archive_path)."""
    storage = DataExport._meta.get_field("archive").storage
    folder = f"exports/{export.user_id}"
    try:
        _folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [f"{folder}/{n}" for n in files if n.startswith(str(export.pk)) and n.endswith(".zip")]


def purge_expired(now: datetime | None = None) -> int:
    """Remove exports older than KEEP, their archives after the rows."""
    cutoff = (now or timezone.now()) - KEEP
    with transaction.atomic():
        expired = list(DataExport.objects.filter(created_at__lt=cutoff))
        _forget(expired)
    return len(expired)


def _forget(exports: list[DataExport]) -> None:
    """Delete the rows now and their archives once that has committed."""
    if not exports:
        return
    names = sorted({name for e in exports for name in [e.archive.name, *_archives_of(e)] if name})
    DataExport.objects.filter(pk__in=[e.pk for e in exports]).delete()
    storage = DataExport._meta.get_field("archive").storage

    def remove() -> None:
        for name in names:
            try:
                storage.delete(name)
            except OSError:
                log.exception("could not remove an old export archive")

    transaction.on_commit(remove)
