"""Running an upload's import. In the embedded default it runs in a thread of the web process; a clinic
deployment hands the same function to a Celery worker (issue 6)."""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import close_old_connections
from django.utils import timezone

from .access import runner_settings
from .importing import import_bytes
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


def run_job(job_id: uuid.UUID) -> None:
    job = ImportJob.objects.get(pk=job_id)
    lang = runner_settings(job.user).language
    folder = incoming_dir(job)
    pending = [entry["pending"] for entry in job.results if "pending" in entry]
    job.status = ImportJob.Status.RUNNING
    job.results = []
    job.save(update_fields=["status", "results"])
    try:
        for item in pending:
            data = (folder / item["path"]).read_bytes()
            for result in import_bytes(job.user, item["name"], data):
                job.results.append(result.to_dict(lang))
            job.done += 1
            job.save(update_fields=["done", "results"])
        job.status = ImportJob.Status.DONE
    except Exception:
        log.exception("import job failed")
        job.status = ImportJob.Status.FAILED
    finally:
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "finished_at", "done", "results"])
        shutil.rmtree(folder, ignore_errors=True)


def start_job(job: ImportJob) -> None:
    if getattr(settings, "KNIEWIJS_JOBS_INLINE", False):
        run_job(job.pk)
        return

    def work() -> None:
        try:
            run_job(job.pk)
        finally:
            close_old_connections()

    threading.Thread(target=work, name=f"import-{job.pk}", daemon=True).start()
