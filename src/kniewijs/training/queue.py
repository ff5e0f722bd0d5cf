"""The import queue: at most KNIEWIJS_IMPORTS_AT_ONCE imports run on the installation and at most
KNIEWIJS_IMPORTS_PER_ACCOUNT per account; the others wait, oldest first.

The job rows are the queue, so it survives any crash: WAITING jobs wait for a slot; a RUNNING job takes
one only while a run holds its lock (runlock), so a job whose process died frees its slot by itself.
Who may start is decided under one lock for the whole installation (a session advisory lock on PostgreSQL,
so across machines; on SQLite, which serves one machine, a file lock beside the database file), once by
`kick` to send the jobs whose turn it is to a worker, and again by the run itself in `claim` before it
starts, so two runs can never take the same slot. The lock is not a transaction: each decision is one
UPDATE, committed before the lock is let go, and no import's own transaction waits behind it.

`kick` is called when an upload is made, when an import ends (its slot is free), and when a runner looks
at a waiting job (page or API), so a lost hand-over (a web process that died before its thread started)
is made good by the next of those, with the job rows alone.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files import locks
from django.db import connection
from django.db.models import DateTimeField, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import ImportJob
from .runlock import is_held

QUEUE_LOCK = 0x4B6E_6965_7769_6A73  # "Kniewijs": the key of the installation's queue lock on PostgreSQL
# A job handed to a thread of this process that has not started in this time lost its thread.
THREAD_START_GRACE = timedelta(seconds=30)


_held = threading.local()  # how deep this thread is inside the queue lock (it may be taken again inside)


@contextmanager
def _queue_lock() -> Iterator[None]:
    """One decision about the queue at a time, on the whole installation."""
    depth = getattr(_held, "depth", 0)
    if depth:
        _held.depth = depth + 1
        try:
            yield
        finally:
            _held.depth = depth
        return
    _held.depth = 1
    try:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_lock(%s)", [QUEUE_LOCK])
            try:
                yield
            finally:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [QUEUE_LOCK])
            return
        with _sqlite_lock_path().open("ab") as handle:
            locks.lock(handle, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(handle)
    finally:
        _held.depth = 0


def _sqlite_lock_path() -> Path:
    """Beside the database file: every process that shares the database shares the file, and it is no
    media file (nothing of it shows up among the runners' files)."""
    name = str(connection.settings_dict["NAME"])
    if name.startswith("file:") or name == ":memory:":
        import tempfile

        return Path(tempfile.gettempdir()) / "kniewijs-import-queue.lock"
    return Path(f"{name}.import-queue.lock")


def _redispatch_after() -> timedelta:
    """How long a job handed out may take to start before it is handed out again. With a broker that is
    its visibility timeout (the broker redelivers a message a dead worker took); in-process, a thread."""
    from kniewijs.tasks import uses_celery

    if uses_celery():
        return timedelta(seconds=int(settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]))
    return THREAD_START_GRACE


@dataclass(frozen=True)
class Line:
    """The queue as it stands: the runs going on and the jobs in line, oldest first."""

    running: list[ImportJob]
    waiting: list[ImportJob]

    def turn(self) -> list[ImportJob]:
        """The jobs in line that may start now: oldest first, within both caps."""
        per_account = Counter(job.user_id for job in self.running)
        slots = settings.KNIEWIJS_IMPORTS_AT_ONCE - len(self.running)
        chosen = []
        for job in self.waiting:
            if slots <= 0:
                break
            if per_account[job.user_id] >= settings.KNIEWIJS_IMPORTS_PER_ACCOUNT:
                continue  # this account's earlier import goes first; others may pass it
            chosen.append(job)
            per_account[job.user_id] += 1
            slots -= 1
        return chosen


def _line(exclude: Any = None) -> Line:
    """RUNNING jobs whose lock a run holds are running; WAITING jobs, and RUNNING jobs whose run died,
    are in line. `exclude` is the job whose run is asking: it holds that job's lock itself."""
    unfinished = ImportJob.objects.filter(
        status__in=[ImportJob.Status.WAITING, ImportJob.Status.RUNNING]
    ).order_by("created_at", "pk")
    running: list[ImportJob] = []
    waiting: list[ImportJob] = []
    for job in unfinished.only("id", "user_id", "status", "created_at", "dispatched_at"):
        if job.status == ImportJob.Status.RUNNING and job.pk != exclude and is_held(job):
            running.append(job)
        else:
            waiting.append(job)
    return Line(running, waiting)


def claim(job: ImportJob) -> bool:
    """Called by a run that holds the job's lock: True when the job may run now (it is then RUNNING).
    Otherwise the job waits (WAITING, not handed out) and the run ends; `kick` sends it again later."""
    with _queue_lock():
        job.refresh_from_db()
        if job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
            return False
        rows = ImportJob.objects.filter(pk=job.pk)
        if any(chosen.pk == job.pk for chosen in _line(exclude=job.pk).turn()):
            rows.update(
                status=ImportJob.Status.RUNNING,
                started_at=Coalesce("started_at", Value(timezone.now(), output_field=DateTimeField())),
            )
            job.refresh_from_db()
            return True
        rows.update(status=ImportJob.Status.WAITING, dispatched_at=None)  # no run is on its way any more
        job.refresh_from_db()
        return False


def kick(*, looking: bool = False) -> list[str]:
    """Hand the jobs whose turn it is to a worker (or a thread); returns their ids.

    A job already handed out is handed out again only when it had time to start and did not (its thread
    died with its process; with a broker, after the visibility timeout). `looking` is a runner at the job
    page: a job that nobody handed out yet may still be on its way from the request that made it, so it
    is left THREAD_START_GRACE first. A RUNNING job whose run died is started again at once in-process
    (nothing else would), and left to the broker's redelivery with one."""
    from kniewijs.tasks import dispatch, import_job, uses_celery

    now = timezone.now()
    again = _redispatch_after()
    sent: list[str] = []
    with _queue_lock():
        for job in _line().turn():
            if job.status == ImportJob.Status.RUNNING and not uses_celery():
                due = True  # its lock is free: no run is going on, and no broker will redeliver it
            elif job.dispatched_at is not None:
                due = now - job.dispatched_at >= again
            else:
                due = not looking or now - job.created_at >= THREAD_START_GRACE
            if due:
                ImportJob.objects.filter(pk=job.pk).update(dispatched_at=now)
                sent.append(str(job.pk))
    # Outside the queue's lock: inline (in tests) the import itself runs here, and its own run asks for the
    # lock again in `claim`. A crash between the commit and the hand-over leaves the job handed out on
    # paper only; it is handed out again once `_redispatch_after` has passed.
    for job_id in sent:
        dispatch(import_job, job_id)
    return sent


@dataclass(frozen=True)
class Place:
    """Where a waiting job stands: `position` 1 is next; `own_running` when the account's earlier import
    is what it waits for."""

    position: int
    own_running: bool


def place_of(job: ImportJob) -> Place | None:
    """The job's place in the queue, or None when it does not wait for a slot (its turn has come, or it
    is running, done or failed)."""
    if job.status != ImportJob.Status.WAITING:
        return None
    line = _line()
    if any(chosen.pk == job.pk for chosen in line.turn()):
        return None  # about to start: its run is on its way
    ahead = 0
    for other in line.waiting:
        if other.pk == job.pk:
            break
        ahead += 1
    own = any(other.user_id == job.user_id for other in line.running)
    return Place(position=ahead + 1, own_running=own)


def queue_full(user: Any) -> bool:
    """Whether the account has as many imports waiting as it may (KNIEWIJS_QUEUED_IMPORTS_PER_ACCOUNT)."""
    waiting = ImportJob.objects.filter(user=user, status=ImportJob.Status.WAITING).count()
    return waiting >= settings.KNIEWIJS_QUEUED_IMPORTS_PER_ACCOUNT
