"""Running an upload's import. In the embedded default it runs in a thread of the web process; a clinic
deployment hands the same function to a Celery worker (issue 6)."""

from __future__ import annotations

import logging
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files import locks
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from .access import runner_settings
from .importing import import_bytes, remove_stray_originals
from .models import ImportJob

log = logging.getLogger(__name__)


def incoming_dir(job: ImportJob) -> Path:
    return Path(settings.MEDIA_ROOT) / "incoming" / str(job.pk)


def create_job(user: object, uploads: list[UploadedFile]) -> ImportJob:
    """Keep the uploads on disk under generated names and register the job; nothing is parsed yet."""
    job = ImportJob.objects.create(user=user, total=len(uploads))
    folder = incoming_dir(job)
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for upload in uploads:
        target = folder / uuid.uuid4().hex
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        names.append({"path": target.name, "name": (upload.name or "bestand")[:200]})
    job.results = [{"pending": n} for n in names]
    job.save(update_fields=["results"])
    return job


@contextmanager
def _one_run_at_a_time(folder: Path) -> Iterator[None]:
    """A broker may hand one job out twice (Redis does, when a run outlasts its visibility timeout). The
    second run waits here, then finds the job done, or, when the first run's process died, resumes it:
    the operating system drops the lock of a process that is gone."""
    try:
        handle = (folder / ".running").open("ab")
    except FileNotFoundError:  # the uploads are gone, so there is nothing left to run twice
        yield
        return
    with handle:
        locks.lock(handle, locks.LOCK_EX)
        try:
            yield
        finally:
            locks.unlock(handle)


def run_job(job_id: uuid.UUID) -> None:
    """Import the job's files one by one. Safe to run again after a crash (a Celery worker killed halfway):
    files still marked pending are read again, and a file already stored comes back as a duplicate."""
    job = ImportJob.objects.get(pk=job_id)
    if job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        return
    with _one_run_at_a_time(incoming_dir(job)):
        job.refresh_from_db()  # as the run before this one left it
        # Still running: that run's process died halfway, perhaps between writing an original and its commit.
        if job.status == ImportJob.Status.RUNNING and (removed := remove_stray_originals(job.user)):
            log.warning("removed %d original(s) left by an import that was killed", removed)
        if job.status not in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
            _run(job)


def _run(job: ImportJob) -> None:
    lang = runner_settings(job.user).language
    folder = incoming_dir(job)
    finished = [entry for entry in job.results if "pending" not in entry]
    pending = [entry["pending"] for entry in job.results if "pending" in entry]
    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["status"])
    try:
        for index, item in enumerate(pending):
            data = (folder / item["path"]).read_bytes()
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
        shutil.rmtree(folder, ignore_errors=True)


def start_job(job: ImportJob) -> None:
    """On a Celery worker when REDIS_URL is set, else in a thread of this process (inline in tests)."""
    from kniewijs.tasks import dispatch, import_job

    dispatch(import_job, str(job.pk))
