"""Running an upload's import. In the embedded default it runs in a thread of the web process; a clinic
deployment hands the same function to a Celery worker (issue 6)."""

from __future__ import annotations

import logging
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import locks
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import connection
from django.utils import timezone

from .access import runner_settings
from .importing import import_bytes, remove_stray_originals
from .models import ImportJob

log = logging.getLogger(__name__)


def incoming_dir(job: ImportJob) -> Path:
    """Where the job's uploads wait when the media store is the local file system (the default)."""
    return Path(settings.MEDIA_ROOT) / "incoming" / str(job.pk)


def incoming_prefix(job: ImportJob) -> str:
    """The storage folder of the job's uploads, on whichever storage holds the media."""
    return f"incoming/{job.pk}"


def _staged_name(job: ImportJob, path: str) -> str:
    # Jobs made before uploads were staged through the storage API kept only the file's own name.
    return path if "/" in path else f"{incoming_prefix(job)}/{path}"


def create_job(user: object, uploads: list[UploadedFile]) -> ImportJob:
    """Keep the uploads in the media store under generated names and register the job; nothing is parsed
    yet. A worker on another machine reads them from the same store."""
    job = ImportJob.objects.create(user=user, total=len(uploads))
    names = []
    try:
        for upload in uploads:
            stored = default_storage.save(f"{incoming_prefix(job)}/{uuid.uuid4().hex}", upload)
            names.append({"path": stored, "name": (upload.name or "bestand")[:200]})
    except BaseException:
        _remove_uploads(job, [n["path"] for n in names])
        raise
    job.results = [{"pending": n} for n in names]
    job.save(update_fields=["results"])
    return job


def _remove_uploads(job: ImportJob, names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(_staged_name(job, name))
        except OSError:
            log.exception("could not remove an upload after its import")
    folder = incoming_dir(job)
    if isinstance(default_storage, FileSystemStorage):
        shutil.rmtree(folder, ignore_errors=True)  # the folder the deleted uploads leave empty


@contextmanager
def _one_run_at_a_time(job: ImportJob, *, wait: bool = True) -> Iterator[bool]:
    """A broker may hand one job out twice (Redis does, when a run outlasts its visibility timeout). The
    second run waits here, then finds the job done, or, when the first run's process died, resumes it.
    Yields whether the lock is held (always, when `wait`).

    On PostgreSQL the lock is an advisory lock of the database session, so it holds across machines and
    the server drops it when the dead run's connection goes. On SQLite, which serves one machine, it is an
    operating-system lock on a file, dropped when the process is gone."""
    if connection.vendor == "postgresql":
        key = job.pk.int & 0x7FFF_FFFF_FFFF_FFFF  # advisory locks take a signed 64-bit key
        with connection.cursor() as cursor:
            if wait:
                cursor.execute("SELECT pg_advisory_lock(%s)", [key])
                held = True
            else:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
                held = bool(cursor.fetchone()[0])
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    folder = Path(settings.MEDIA_ROOT) / "locks"  # a folder every process of this machine shares
    folder.mkdir(parents=True, exist_ok=True)
    lock_file = folder / f"import-{job.pk}.lock"
    with lock_file.open("ab") as handle:
        held = locks.lock(handle, locks.LOCK_EX if wait else locks.LOCK_EX | locks.LOCK_NB)
        try:
            yield held
        finally:
            if held:
                # Safe to remove while another run waits on it: every run reads the job's state after it
                # has the lock, and a finished job is never run again.
                lock_file.unlink(missing_ok=True)
                locks.unlock(handle)


# A job of the embedded default that has waited this long without a run holding its lock lost its thread.
ABANDONED_AFTER = timedelta(seconds=30)


def resume_if_abandoned(job: ImportJob) -> bool:
    """Start again a job whose run died with its process: the embedded default runs imports in a thread of
    the web process, and nothing redelivers them when that process stops. Called when the runner looks at
    the job. A clinic deployment leaves this to the broker, which redelivers (a job may wait in its queue
    for a long time there). Returns whether the job was started again."""
    from kniewijs.tasks import uses_celery

    if uses_celery() or job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        return False
    if job.status == ImportJob.Status.WAITING and timezone.now() - job.created_at < ABANDONED_AFTER:
        return False  # its thread may be starting right now
    with _one_run_at_a_time(job, wait=False) as free:
        if not free:
            return False  # a run is going on
    log.warning("resuming import job %s, whose run stopped with its process", job.pk)
    start_job(job)
    return True


def run_job(job_id: uuid.UUID) -> None:
    """Import the job's files one by one. Safe to run again after a crash (a Celery worker killed halfway):
    files still marked pending are read again, and a file already stored comes back as a duplicate."""
    job = ImportJob.objects.get(pk=job_id)
    if job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        return
    with _one_run_at_a_time(job):
        job.refresh_from_db()  # as the run before this one left it
        # Still running: that run's process died halfway, perhaps between writing an original and its commit.
        if job.status == ImportJob.Status.RUNNING and (removed := remove_stray_originals(job.user)):
            log.warning("removed %d original(s) left by an import that was killed", removed)
        if job.status not in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
            _run(job)


def _run(job: ImportJob) -> None:
    lang = runner_settings(job.user).language
    finished = [entry for entry in job.results if "pending" not in entry]
    pending = [entry["pending"] for entry in job.results if "pending" in entry]
    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["status"])
    try:
        for index, item in enumerate(pending):
            with default_storage.open(_staged_name(job, item["path"]), "rb") as upload:
                data = upload.read()
            finished += [result.to_dict(lang) for result in import_bytes(job.user, item["name"], data)]
            job.done += 1
            job.results = finished + [{"pending": rest} for rest in pending[index + 1 :]]
            job.save(update_fields=["done", "results"])
        job.status = ImportJob.Status.DONE
    except Exception:
        log.exception("import job failed")
        job.status = ImportJob.Status.FAILED
    finally:
        # A worker killed halfway never gets here: the job stays running and its redelivery resumes it.
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "finished_at", "done", "results"])
        _remove_uploads(job, [item["path"] for item in pending])


def start_job(job: ImportJob) -> None:
    """On a Celery worker when REDIS_URL is set, else in a thread of this process (inline in tests)."""
    from kniewijs.tasks import dispatch, import_job

    dispatch(import_job, str(job.pk))
