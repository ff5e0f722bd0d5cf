"""The lock a run of an import job holds while it works: the proof that the job is being worked on.

A broker may hand one job out twice (Redis does, when a run outlasts its visibility timeout); the second run
waits for this lock, then finds the job done or, when the first run's process died, resumes it. The queue
(training.queue) asks the same lock whether a RUNNING job still has a run, so a job whose process died
stops taking a slot.

On PostgreSQL the lock is an advisory lock of the database session, so it holds across machines and the
server drops it when the dead run's connection goes. On SQLite, which serves one machine, it is an
operating-system lock (flock) on a file under MEDIA_ROOT/locks, dropped when the process is gone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files import locks
from django.db import connection

from .models import ImportJob


def _key(job: ImportJob) -> int:
    return int(job.pk.int & 0x7FFF_FFFF_FFFF_FFFF)  # advisory locks take a signed 64-bit key


def _lock_file(job: ImportJob) -> Path:
    return Path(settings.MEDIA_ROOT) / "locks" / f"import-{job.pk}.lock"


@contextmanager
def run_lock(job: ImportJob, *, wait: bool = True) -> Iterator[bool]:
    """Hold the job's lock for the block; yields whether it is held (always, when `wait`)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            if wait:
                cursor.execute("SELECT pg_advisory_lock(%s)", [_key(job)])
                held = True
            else:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [_key(job)])
                held = bool(cursor.fetchone()[0])
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [_key(job)])
        return
    path = _lock_file(job)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        handle = path.open("ab")
        held = locks.lock(handle, locks.LOCK_EX if wait else locks.LOCK_EX | locks.LOCK_NB)
        # The run before may have removed the file while this one waited for it: a lock on a file that is
        # no longer at its path would not keep out a run that opens the path afresh. Then try again.
        if held and not _still_at(path, handle.fileno()):
            locks.unlock(handle)
            handle.close()
            continue
        break
    try:
        yield held
    finally:
        if held:
            # Safe to remove while another run waits on it: that run sees the file gone and opens the path
            # again (above), and every run reads the job's state after it has the lock.
            path.unlink(missing_ok=True)
            locks.unlock(handle)
        handle.close()


def _still_at(path: Path, descriptor: int) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(descriptor)
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


def is_held(job: ImportJob) -> bool:
    """Whether some run (in any process or thread) holds the job's lock now. Takes it for a moment when
    free; on SQLite it creates no file, so asking leaves nothing behind."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [_key(job)])
            free = bool(cursor.fetchone()[0])
            if free:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [_key(job)])
        return not free
    try:
        descriptor = os.open(_lock_file(job), os.O_RDONLY)
    except FileNotFoundError:
        return False  # a run makes the file before it locks it and removes it after
    try:
        with os.fdopen(descriptor, "rb") as handle:
            free = locks.lock(handle, locks.LOCK_SH | locks.LOCK_NB)
            if free:
                locks.unlock(handle)
            return not free
    except OSError:
        return False
