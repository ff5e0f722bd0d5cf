"""The same file uploaded twice at the same moment is stored once: one import, one duplicate.

A round: a fresh runner, two threads (each with its own database connection) released together by a
barrier, both calling `import_bytes`. The per-runner lock in `store_file` (a row lock on PostgreSQL;
SQLite's write lock, taken at BEGIN IMMEDIATE) must serialise them, so the second sees the first's file.
100 rounds with the same bytes (the unique constraint on the file's sha256 would also catch these), and
100 rounds with two different files of the same runs, which only the lock keeps apart. Then a few rounds
with two real `kniewijs import` processes for a runner that does not exist yet, so that creating the
account races as well.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from kniewijs.training.importing import import_bytes
from kniewijs.training.models import Activity, ImportedFile, RunnerSettings

from .common import database_url, originals_on_disk, sample

ROUNDS = 100
PROCESS_ROUNDS = 3
FILE = ("fit", "fitdecode__2013-02-06-12-11-14.fit")  # one run, small: the race is the point, not the parse
# Two GPX files that differ in bytes but hold the same seven runs.
SAME_RUNS = (("gpx", "gpxpy__cerknicko-jezero.gpx"), ("gpx", "gpxpy__cerknicko-jezero-no-creator.gpx"))
KNIEWIJS = Path(sys.executable).with_name("kniewijs")


def _fresh_runner(number: int) -> Any:
    # No password: hashing one per round would take longer than the race itself.
    user = get_user_model().objects.create(username=f"tweemaal{number}@example.nl")
    RunnerSettings.objects.create(user=user)
    return user


def _race(user: Any, uploads: list[tuple[str, bytes]]) -> list[str]:
    barrier = threading.Barrier(2)
    outcomes: list[str] = []
    guard = threading.Lock()

    def upload(name: str, data: bytes) -> None:
        try:
            barrier.wait(timeout=30)
            outcome = ",".join(result.status for result in import_bytes(user, name, data))
        except Exception as exc:  # shown by the assertion below
            outcome = f"error: {type(exc).__name__}: {exc}"
        finally:
            connection.close()  # each thread opened its own connection
        with guard:
            outcomes.append(outcome)

    threads = [threading.Thread(target=upload, args=upload_args) for upload_args in uploads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_a_hundred_double_uploads_of_one_file_each_store_one_activity(media_root):
    path = sample(FILE)
    upload = (path.name, path.read_bytes())
    for number in range(ROUNDS):
        user = _fresh_runner(number)
        outcomes = _race(user, [upload, upload])
        assert outcomes == ["duplicate", "imported"], f"round {number}: {outcomes}"
        assert Activity.objects.filter(user=user).count() == 1
        assert ImportedFile.objects.filter(user=user).count() == 1
        assert len(originals_on_disk(user)) == 1  # the loser wrote no original, or removed it


@pytest.mark.django_db(transaction=True)
def test_a_hundred_parallel_uploads_of_two_files_with_the_same_runs_store_the_runs_once(media_root):
    uploads = [(sample(parts).name, sample(parts).read_bytes()) for parts in SAME_RUNS]
    for number in range(ROUNDS):
        user = _fresh_runner(number)
        outcomes = _race(user, uploads)
        assert outcomes == ["duplicate", "imported"], f"round {number}: {outcomes}"
        assert (
            Activity.objects.filter(user=user).count() == 1
        )  # one recording with its pauses is one activity
        assert ImportedFile.objects.filter(user=user).count() == 1
        assert len(originals_on_disk(user)) == 1


@pytest.mark.django_db(transaction=True)
def test_two_import_commands_at_once_for_a_new_runner_give_one_account_and_one_activity(tmp_path):
    path = sample(FILE)
    env = os.environ | {
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "KNIEWIJS_DATA_DIR": str(tmp_path),
    }
    User = get_user_model()
    for number in range(PROCESS_ROUNDS):
        email = f"nieuw{number}@example.nl"
        command = [str(KNIEWIJS), "import", "--runner", email, "--json", str(path)]
        processes = [
            subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        outputs = [process.communicate(timeout=120) for process in processes]
        for process, (_out, err) in zip(processes, outputs, strict=True):
            assert process.returncode == 0, err
        statuses = sorted(json.loads(out)[0]["status"] for out, _err in outputs)
        assert statuses == ["duplicate", "imported"], outputs
        user = User.objects.get(username=email)
        assert Activity.objects.filter(user=user).count() == 1
        assert RunnerSettings.objects.filter(user=user).count() == 1
