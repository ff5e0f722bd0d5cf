"""A worker for one import job, in a process of its own, that reports how much memory the import took.

    python tests/reliability/hostile_child.py JOB_ID GATE_FOLDER

Runs the import job as a Celery worker runs it (`kniewijs.tasks.import_job`), against the database, media
folder and temporary folder the environment names. Before the first file is read it writes
GATE_FOLDER/entered and waits for GATE_FOLDER/go, so that the test can ask for another runner's page while
this import is under way. Prints one JSON line: the process's resident memory just before the import and
its peak during it (Linux: the peak is reset through /proc/self/clear_refs once Django is set up, so that
start-up does not count, then read as VmHWM).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024  # in kB
    raise LookupError(field)


def start_measuring() -> int:
    """The resident memory now, with the peak reset to it (proc(5), clear_refs value 5)."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status("VmRSS")


def peak_since_start() -> int:
    return _status("VmHWM")


def main() -> None:
    job_id, gate = sys.argv[1], Path(sys.argv[2])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kniewijs.settings")
    import django

    django.setup()
    from kniewijs import tasks
    from kniewijs.training import importing

    real_read_member = importing.read_member
    waited: list[bool] = []

    def read_member(*args: object, **kwargs: object) -> object:
        if not waited:
            waited.append(True)
            (gate / "entered").touch()
            deadline = time.monotonic() + 300  # a bound against a test that never says go
            while not (gate / "go").exists() and time.monotonic() < deadline:
                time.sleep(0.02)
        return real_read_member(*args, **kwargs)  # type: ignore[arg-type]

    importing.read_member = read_member  # type: ignore[assignment]
    before = start_measuring()
    tasks.import_job(job_id)  # what the worker runs for the message
    after = peak_since_start()
    if not waited:
        (gate / "entered").touch()  # nothing reached a reader: there was nothing to wait in
    print(json.dumps({"rss_before": before, "rss_peak": after, "waited": bool(waited)}))


if __name__ == "__main__":
    main()
