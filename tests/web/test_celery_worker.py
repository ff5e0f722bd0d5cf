"""With REDIS_URL set, an upload's import runs on a real Celery worker (a separate process on the local
Redis) and lands complete in the same database."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from ..conftest import make_runner, shared_file
from ..reliability.common import redis_or_skip, stop_worker

REDIS = "redis://127.0.0.1:6379/15"
KNIEWIJS = Path(sys.executable).with_name("kniewijs")


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(settings, tmp_path):
    redis_or_skip(REDIS)
    settings.REDIS_URL = REDIS
    settings.CELERY_BROKER_URL = REDIS
    settings.KNIEWIJS_JOBS_INLINE = False
    settings.MEDIA_ROOT = tmp_path / "media"
    env = os.environ | {
        "DATABASE_URL": _database_url(),
        "DB_CONN_MAX_AGE": "0",
        "REDIS_URL": REDIS,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "KNIEWIJS_DATA_DIR": str(tmp_path),
    }
    process = subprocess.Popen(
        [str(KNIEWIJS), "worker", "--pool", "solo", "--concurrency", "1", "--no-beat"],
        env=env,
        stdout=(tmp_path / "worker.log").open("w"),
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    yield process
    stop_worker(process)


@pytest.mark.django_db(transaction=True)
def test_an_upload_is_imported_by_a_celery_worker(worker, tmp_path):
    from kniewijs.training.jobs import create_job, start_job
    from kniewijs.training.models import Activity, ImportJob

    runner = make_runner("worker@example.nl")
    path = shared_file("gpx", "goldencheetah__Move_2014_01_16_19_48_44.gpx")
    job = create_job(runner, [SimpleUploadedFile(path.name, path.read_bytes())])
    start_job(job)
    # A bound against a hang, not a speed claim: on a busy machine the worker needs a while to start.
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
            break
        assert worker.poll() is None, "the worker stopped"
        time.sleep(0.5)
    assert job.status == ImportJob.Status.DONE, (job.status, (tmp_path / "worker.log").read_text()[-3000:])
    assert job.results and "pending" not in job.results[0]
    assert Activity.objects.filter(user=runner).count() >= 1, job.results
