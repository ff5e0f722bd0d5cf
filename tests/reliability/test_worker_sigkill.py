"""A Celery worker killed with SIGKILL in the middle of an import job: the job is delivered again, resumes,
and every file ends up stored exactly once.

A real worker (`kniewijs worker --no-beat`) on the local Redis imports a job of 24 sample files for the
test database. Once the job has finished at least one file, and before it has finished all, the test
sends SIGKILL (no clean-up of any kind runs). Tasks are acknowledged late, so the message is not lost:
- prefork pool (the default of `kniewijs worker`): the pool process running the import is killed, as the
  kernel's OOM killer would. The worker sees its child die and puts the message back at once
  (task_reject_on_worker_lost); a new child resumes the job.
- solo pool: the whole worker is killed, and a second worker is started. Redis hands the unacknowledged
  message out again once the broker's visibility timeout has passed. The product keeps Kombu's default of
  one hour; the workers here get 5 seconds through a test-only settings module, written to a temporary
  folder, that imports the product's settings and adds CELERY_BROKER_TRANSPORT_OPTIONS.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kniewijs.training.jobs import create_job, incoming_dir, start_job
from kniewijs.training.models import ImportJob

from ..conftest import make_runner
from .common import (
    DISTINCT_RUNS,
    assert_complete,
    database_url,
    expected_runs,
    forget_broker_connections,
    redis_or_skip,
    sample,
    stop_worker,
)

REDIS = "redis://127.0.0.1:6379/14"
KNIEWIJS = Path(sys.executable).with_name("kniewijs")
WORKER_SETTINGS = """from kniewijs.settings import *  # noqa: F403 - the product's settings, plus:

# Hand an unacknowledged message out again 5 s after a worker vanished (Kombu's default: one hour), and
# look for such messages every second.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 5,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
"""


@pytest.fixture
def start_worker(settings, tmp_path):
    redis_or_skip(REDIS)
    settings.REDIS_URL = settings.CELERY_BROKER_URL = REDIS
    settings.KNIEWIJS_JOBS_INLINE = False
    settings.MEDIA_ROOT = tmp_path / "media"
    forget_broker_connections()
    (tmp_path / "crash_worker_settings.py").write_text(WORKER_SETTINGS)
    env = os.environ | {
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "REDIS_URL": REDIS,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "KNIEWIJS_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "crash_worker_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
    }
    started: list[subprocess.Popen] = []

    def start(pool: str) -> subprocess.Popen:
        with (tmp_path / "worker.log").open("ab") as log:
            process = subprocess.Popen(
                [str(KNIEWIJS), "worker", "--pool", pool, "--concurrency", "1", "--no-beat"],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        started.append(process)
        return process

    yield start
    forget_broker_connections()
    for process in started:
        stop_worker(process)


def _wait_for(
    job: ImportJob, done: Callable[[ImportJob], bool], worker: subprocess.Popen, limit: float
) -> None:
    deadline = time.monotonic() + limit  # a bound against a hang, not a speed claim
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if done(job):
            return
        assert worker.poll() is None, f"the worker stopped (exit {worker.returncode})"
        time.sleep(0.02)
    pytest.fail(f"job still {job.status} with {job.done}/{job.total} after {limit:.0f} s")


def _pool_process(worker: subprocess.Popen) -> int:
    """The one child of a prefork worker started with --concurrency 1: the process running the task."""
    children = set()
    for task in Path(f"/proc/{worker.pid}/task").iterdir():
        children |= {int(pid) for pid in (task / "children").read_text().split()}
    assert len(children) == 1, children
    return children.pop()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("pool", ["prefork", "solo"])
def test_a_job_whose_worker_is_killed_halfway_is_resumed_and_every_file_is_stored_once(
    start_worker, pool, tmp_path
):
    if pool == "prefork" and not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists():
        pytest.skip("finding the pool process needs Linux's /proc/<pid>/task/<tid>/children")
    paths = [sample(parts) for parts in DISTINCT_RUNS]
    expected = expected_runs(paths)
    runner = make_runner("sigkill@example.nl")
    job = create_job(runner, [SimpleUploadedFile(p.name, p.read_bytes()) for p in paths])

    worker = start_worker(pool)
    start_job(job)
    _wait_for(job, lambda j: j.status == ImportJob.Status.RUNNING and j.done >= 1, worker, 120)
    if pool == "prefork":
        os.kill(_pool_process(worker), signal.SIGKILL)  # the worker itself lives on and redelivers
    else:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=20)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING and 1 <= job.done < job.total, (job.status, job.done)
    killed_at = job.done

    if pool == "solo":
        worker = start_worker(pool)
    _wait_for(job, lambda j: j.status != ImportJob.Status.RUNNING, worker, 180)
    assert job.status == ImportJob.Status.DONE
    assert job.done == job.total == len(paths)
    statuses = [entry.get("status", "pending") for entry in job.results]
    assert len(statuses) == len(paths) and set(statuses) <= {"imported", "duplicate"}, statuses
    # A file committed just before the kill, but not yet counted, comes back as "duplicate" on resume.
    assert statuses.count("duplicate") <= 1, statuses
    # The worker removes the uploads just after saving DONE.
    deadline = time.monotonic() + 30
    while incoming_dir(job).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not incoming_dir(job).exists()
    # A kill between writing an original and the commit leaves it without a row; the resumed run removes it.
    assert_complete(runner, expected)
    removed = re.findall(r"removed (\d+) original", (tmp_path / "worker.log").read_text(errors="replace"))
    assert sum(int(n) for n in removed) <= 1
    print(
        f"{pool}: killed after {killed_at}/{job.total} files; duplicates on resume: "
        f"{statuses.count('duplicate')}; stray originals removed on resume: {sum(int(n) for n in removed)}"
    )
