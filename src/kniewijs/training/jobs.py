"""Running an upload's import. In the embedded default it runs in a thread of the web process; a clinic
deployment hands the same function to a Celery worker (issue 6). Jobs wait their turn in the import queue
(training.queue); every upload, from the web page and from the API, becomes one."""

from __future__ import annotations

import logging
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import queue, quota
from .access import runner_settings
from .importing import import_bytes
from .models import ImportJob, RunnerSettings
from .originals import remove_stray_originals
from .runlock import run_lock

log = logging.getLogger(__name__)

# A job of the embedded default that has waited this long without a run lost its thread (queue.kick).
ABANDONED_AFTER = queue.THREAD_START_GRACE


class UploadRefused(Exception):
    """An upload that does not become a job; `message` says why in the runner's language."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def incoming_dir(job: ImportJob) -> Path:
    """Where the job's uploads wait when the media store is the local file system (the default)."""
    return Path(settings.MEDIA_ROOT) / "incoming" / str(job.pk)


def incoming_prefix(job: ImportJob) -> str:
    """The storage folder of the job's uploads, on whichever storage holds the media."""
    return f"incoming/{job.pk}"


def _staged_name(job: ImportJob, path: str) -> str:
    # Jobs made before uploads were staged through the storage API kept only the file's own name.
    return path if "/" in path else f"{incoming_prefix(job)}/{path}"


def _refusal(user: Any, uploads: list[UploadedFile]) -> UploadRefused | None:
    if not any(upload.size for upload in uploads):
        return UploadRefused(
            "empty", _("There is nothing to import: choose at least one file that is not empty.")
        )
    if queue.queue_full(user):
        return UploadRefused(
            "too_many_imports",
            _("You already have %(n)d imports waiting. Wait until they have finished, then upload the rest.")
            % {"n": settings.KNIEWIJS_QUEUED_IMPORTS_PER_ACCOUNT},
        )
    refusal = quota.upload_refusal(user, sum(upload.size or 0 for upload in uploads))
    return UploadRefused("over_quota", refusal) if refusal else None


def create_job(user: Any, uploads: list[UploadedFile]) -> ImportJob:
    """Keep the uploads in the media store under generated names and register the job; nothing is parsed
    yet. A worker on another machine reads them from the same store. Raises UploadRefused, with nothing
    kept, for an empty upload, a full queue or an upload that does not fit in the runner's storage."""
    RunnerSettings.objects.get_or_create(user=user)  # an API upload may come before the first /log/
    refused = _refusal(user, uploads)
    if refused is not None:  # before a byte is written: nothing to remove
        raise refused
    job_id = uuid.uuid4()
    names: list[dict[str, Any]] = []
    try:
        for upload in uploads:
            stored = default_storage.save(f"incoming/{job_id}/{uuid.uuid4().hex}", upload)
            names.append({"path": stored, "name": (upload.name or "bestand")[:200], "size": upload.size or 0})
        with transaction.atomic():
            # Again under the runner's lock: two uploads at once must not both take the last room.
            RunnerSettings.objects.select_for_update().get(user=user)
            refused = _refusal(user, uploads)
            if refused is not None:
                raise refused
            return ImportJob.objects.create(
                id=job_id, user=user, total=len(uploads), results=[{"pending": n} for n in names]
            )
    except BaseException:
        # A process killed between the writes and the commit leaves incoming/<id>/ without a row; nothing
        # counts it, and the next upload's folder is another one (docs/reliability.md).
        for name in names:
            default_storage.delete(name["path"])
        _remove_folder(Path(settings.MEDIA_ROOT) / "incoming" / str(job_id))
        raise


def _remove_folder(folder: Path) -> None:
    if isinstance(default_storage, FileSystemStorage):
        shutil.rmtree(folder, ignore_errors=True)  # the folder the deleted uploads leave empty


def _remove_uploads(job: ImportJob, names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(_staged_name(job, name))
        except OSError:
            log.exception("could not remove an upload after its import")
    _remove_folder(incoming_dir(job))


def resume_if_abandoned(job: ImportJob) -> bool:
    """Called when the runner looks at a job (page or API): start whatever the queue has lost track of,
    this job or another whose turn it is. A clinic deployment leaves a dead run to the broker, which
    redelivers it. Returns whether this job was started again."""
    if job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        return False
    started = queue.kick(looking=True)
    if str(job.pk) in started:
        log.warning("started import job %s, which no run was working on", job.pk)
    return str(job.pk) in started


def run_job(job_id: uuid.UUID) -> None:
    """Import the job's files one by one, when the queue gives it a slot. Safe to run again after a crash
    (a Celery worker killed halfway): files still marked pending are read again, and a file already stored
    comes back as a duplicate."""
    job = ImportJob.objects.get(pk=job_id)
    if job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        return
    ran = False
    with run_lock(job):
        was_running = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.RUNNING).exists()
        if queue.claim(job):
            # It was running before: that run's process died halfway, perhaps between writing an original
            # and its commit.
            if was_running and (removed := remove_stray_originals(job.user)):
                log.warning("removed %d original(s) left by an import that was killed", removed)
            _run(job)
            ran = True
    if ran:
        queue.kick()  # its slot is free: the next in line may start


@contextmanager
def _opened(name: str) -> Iterator[IO[bytes]]:
    """A staged upload as a seekable file, read as a stream: a storage whose files cannot seek (an object
    store may not) is copied into a temporary file first, never into memory."""
    with default_storage.open(name, "rb") as upload:
        stream: Any = getattr(upload, "file", upload)
        try:
            seekable = bool(stream.seekable())
        except (AttributeError, ValueError):
            seekable = False
        if seekable:
            yield stream
            return
        with tempfile.TemporaryFile() as copy:
            shutil.copyfileobj(upload, copy, 1024 * 1024)
            copy.seek(0)
            yield copy


def _run(job: ImportJob) -> None:
    lang = runner_settings(job.user).language
    finished = [entry for entry in job.results if "pending" not in entry]
    pending = [entry["pending"] for entry in job.results if "pending" in entry]
    try:
        for index, item in enumerate(pending):
            with _opened(_staged_name(job, item["path"])) as upload:
                results = import_bytes(
                    job.user, item["name"], upload, budget_bytes=settings.KNIEWIJS_UNPACKED_BYTES_PER_UPLOAD
                )
                finished += [result.to_job_dict(lang) for result in results]
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
    """Put the job in line: on a Celery worker when REDIS_URL is set, else in a thread of this process
    (inline in tests), as soon as the queue has a slot for it."""
    queue.kick()
