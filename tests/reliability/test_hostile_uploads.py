"""Hostile uploads (issue 13, H1): each built here in tmp_path, pushed through the API like an attacker's,
and imported by a worker in a process of its own (`hostile_child.py`, the task a Celery worker runs), so
that its memory is the import's alone.

For each file:
- the upload is answered at once (202) and nothing is read while the request waits;
- the import's peak memory (the worker's peak RSS minus its RSS before the import) stays under 300 MB;
- another runner's /log/ is served while the import is under way (the worker waits at its first file
  until that page has come back);
- the job ends DONE with nothing imported, and the media storage and the temporary folder hold 0 bytes.

The peaks are written to test-artifacts/hostile-uploads.json (docs/reliability.md has a run's numbers).
Nothing here measures time; the deadlines only stop a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files import File
from django.test import Client
from django.urls import reverse

from kniewijs.training.models import ImportedFile, ImportJob

from ..api.conftest import bearer, issue
from ..conftest import make_runner
from .common import database_url
from .hostile_files import BUILDERS

PEAK_LIMIT = 300 * 1024**2
HANG = 900  # seconds: a bound against a hang on a busy 2-core machine, not a speed claim
CHILD = Path(__file__).with_name("hostile_child.py")
# What each file's results must show besides "nothing imported".
EXPECTED_REASON = {
    "h1": "This is not a FIT file",
    "nested_steep": "not valid XML",
    "gzip_in_zip": "This is not a FIT file",
    "many_members": "is cut off",  # each member stops inside its first element
    "over_budget": "Stopped here: unpacked, this upload grew beyond 4 GB",
}


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def bytes_under(folder: Path) -> int:
    return sum(p.stat().st_size for p in files_under(folder))


def wait_for(condition, what: str, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + HANG
    while not condition():
        assert child.poll() is None or condition(), f"the worker stopped before {what}"
        assert time.monotonic() < deadline, f"still waiting for {what}"
        time.sleep(0.05)


def record(artifacts: Path, name: str, measured: dict[str, object]) -> None:
    path = artifacts / "hostile-uploads.json"
    found = json.loads(path.read_text()) if path.exists() else {}
    found[name] = measured
    path.write_text(json.dumps(found, indent=2, sort_keys=True) + "\n")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", list(BUILDERS))
def test_a_hostile_upload_is_refused_in_bounded_memory_leaving_nothing_while_others_are_served(
    name, tmp_path, media_root, settings, monkeypatch, artifacts_dir
):
    from kniewijs import tasks

    settings.KNIEWIJS_JOBS_INLINE = False
    handed_over: list[str] = []
    monkeypatch.setattr(tasks, "dispatch", lambda task, *args: handed_over.append(args[0]))  # the broker
    upload = BUILDERS[name](tmp_path / f"{name}.zip")
    attacker, other = make_runner("aanvaller@example.nl"), make_runner("ander@example.nl")
    with upload.open("rb") as data:
        response = Client().post(
            "/api/v1/activities", {"file": File(data, name=upload.name)}, **bearer(issue(attacker))
        )
    assert response.status_code == 202, response.content
    job = ImportJob.objects.get(pk=response.json()["id"])
    assert job.status == ImportJob.Status.WAITING and handed_over == [str(job.pk)]

    scratch, gate = tmp_path / "tmp", tmp_path / "gate"
    scratch.mkdir()
    gate.mkdir()
    env = os.environ | {
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "MEDIA_ROOT": str(media_root),
        "TMPDIR": str(scratch),
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
    }
    out, err = tmp_path / "child.out", tmp_path / "child.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(job.pk), str(gate)], env=env, stdout=stdout, stderr=stderr
        )
        try:
            wait_for(lambda: (gate / "entered").exists(), "the import to reach its first file", child)
            client = Client()
            client.force_login(other)
            assert client.get(reverse("training:dashboard")).status_code == 200  # while the import waits
            (gate / "go").touch()
            assert child.wait(timeout=HANG) == 0, err.read_text()[-3000:]
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    measured = json.loads(out.read_text().strip().splitlines()[-1])
    assert measured["waited"], "no file reached a reader, so nothing was shown to be served meanwhile"
    growth = measured["rss_peak"] - measured["rss_before"]
    record(artifacts_dir, name, {"upload_bytes": upload.stat().st_size, **measured, "import_peak": growth})

    job.refresh_from_db()
    statuses = [entry.get("status", "pending") for entry in job.results]
    reasons = [entry.get("reasons", {}).get("en", "") for entry in job.results]
    assert job.status == ImportJob.Status.DONE and "imported" not in statuses and "pending" not in statuses
    assert any(EXPECTED_REASON[name] in reason for reason in reasons), reasons[:5]
    assert not ImportedFile.objects.filter(user=attacker).exists()
    assert bytes_under(media_root) == 0 and files_under(media_root) == []
    assert files_under(scratch) == []
    assert growth < PEAK_LIMIT, f"{name}: the import took {growth / 1024**2:.0f} MB"
