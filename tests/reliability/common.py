"""Shared by the crash-safety and concurrency tests: the sample files, what a clean import of them gives,
and the checks for orphans (rows without their partner, files on disk without a row, half activities)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from ..conftest import shared_file

# A multisport FIT with five sessions (so a fault can land between the rows of one file) and a GPX run.
MULTISPORT = ("fit", "fitparse__sample_mulitple_header.fit")
ONE_RUN = ("gpx", "goldencheetah__Move_2014_01_16_19_48_44.gpx")

# Files whose runs do not overlap one another: each must end up stored exactly once.
DISTINCT_RUNS = [
    ("fit", "fitdecode__2013-02-06-12-11-14.fit"),
    ("fit", "fitdecode__activity-small-fenix2-run.fit"),
    ("fit", "fitdecode__developer-types-sample.fit"),
    ("fit", "goldencheetah__HRV-Data.fit"),
    ("fit", "goldencheetah__IpBike-HRV-Data.fit"),
    ("fit", "goldencheetah__Garmin920_withFirstbeat.fit"),
    ("fit", "fitdecode__garmin-edge-500-activity.fit"),
    ("fit", "fitdecode__2019-02-17-062644-ELEMNT-297E-195-0.fit"),
    ("fit", "goldencheetah__Weather_XDATA_2016_02_06_13_01_22.fit"),
    ("fit", "fitparse__coros-pace-2-cycling-misaligned-fields.fit"),
    ("fit", "goldencheetah__20130717_143733.fit"),
    ("fit", "fitdecode__Edge810-Vector-2013-08-16-15-35-10.fit"),
    ("fit", "fitparse__sample_mulitple_header.fit"),
    ("fit", "fitdecode__activity-large-fenxi2-multisport.fit"),
    ("gpx", "goldencheetah__Move_2014_01_16_19_48_44.gpx"),
    ("gpx", "goldencheetah__Move_2014_01_17_09_33_11.gpx"),
    ("gpx", "goldencheetah__1292585194-20906.gpx"),
    ("gpx", "goldencheetah__UrbanBiker2019-04-18_16-12.gpx"),
    ("tcx", "goldencheetah__2009_09_19_09_22_42.tcx"),
    ("tcx", "tcxreader__mapmyride_biking.tcx"),
    ("tcx", "goldencheetah__2020-02-05_17-25-14_Training-with-Notes.tcx"),
    ("tcx", "goldencheetah__2009_08_30_21_17_25.tcx"),
    ("tcx", "goldencheetah__2008_12_28_08_13_27.tcx"),
    ("tcx", "goldencheetah__2010-04-05-21-45-04.tcx"),
]


def sample(parts: tuple[str, str]) -> Path:
    return shared_file(*parts)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def expected_runs(paths: list[Path]) -> dict[str, list[str]]:
    """sha256 -> the sorted start times a clean import stores for that file, read with the parsers alone."""
    from kniewijs.formats.detect import read_activity_file

    out = {}
    for path in paths:
        data = path.read_bytes()
        parsed = read_activity_file(path.name, data, default_sport="running")
        out[sha256(data)] = sorted(a.start.isoformat() for a in parsed)
    return out


def stored_runs(user: Any) -> dict[str, list[str]]:
    """sha256 -> the sorted start times stored for this runner's file."""
    from kniewijs.training.models import ImportedFile

    return {
        f.sha256: sorted(a.start.isoformat() for a in f.activities.all())
        for f in ImportedFile.objects.filter(user=user).prefetch_related("activities")
    }


def originals_on_disk(user: Any) -> set[str]:
    folder = Path(settings.MEDIA_ROOT) / "originals" / str(user.pk)
    if not folder.exists():
        return set()
    return {str(p.relative_to(settings.MEDIA_ROOT)) for p in folder.rglob("*") if p.is_file()}


def assert_nothing_orphaned(user: Any, expected: dict[str, list[str]], stray_files: int = 0) -> None:
    """Every stored file has all of its activities and its original on disk, byte for byte. At most
    `stray_files` originals on disk have no row (a process killed between writing one and committing)."""
    from kniewijs.training.models import Activity, ImportedFile

    assert not Activity.objects.filter(user=user, source__isnull=True).exists(), "activity without file"
    assert not ImportedFile.objects.filter(user=user, activities__isnull=True).exists(), "file without runs"
    for digest, starts in stored_runs(user).items():
        assert starts == expected[digest], f"half a file stored: {digest[:12]}"
    rows = {f.stored.name: f.sha256 for f in ImportedFile.objects.filter(user=user)}
    on_disk = originals_on_disk(user)
    assert set(rows) <= on_disk, "a stored file has no original on disk"
    assert len(on_disk - set(rows)) <= stray_files, f"originals without a row: {sorted(on_disk - set(rows))}"
    for name, digest in rows.items():
        assert sha256((Path(settings.MEDIA_ROOT) / name).read_bytes()) == digest, f"{name} is cut short"


def assert_complete(user: Any, expected: dict[str, list[str]], stray_files: int = 0) -> None:
    """Each file stored once with all its runs, and no run twice."""
    from kniewijs.training.models import Activity

    assert_nothing_orphaned(user, expected, stray_files)
    assert stored_runs(user) == expected
    assert Activity.objects.filter(user=user).count() == sum(len(starts) for starts in expected.values())


def database_url() -> str:
    """The test database as a DATABASE_URL, for a second process (a worker, a backup check)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def pg_host_args() -> list[str]:
    db = connection.settings_dict
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432)]
    return args + (["--username", db["USER"]] if db.get("USER") else [])


def pg_url(name: str) -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{name}"


def redis_or_skip(url: str) -> None:
    import redis

    try:
        redis.Redis.from_url(url, socket_timeout=1).flushdb()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail("Redis must answer on 127.0.0.1:6379 in CI")
        pytest.skip("no Redis on 127.0.0.1:6379 on this machine")


def forget_broker_connections() -> None:
    """Celery keeps its connection and producer pools for the broker it first met; a test that points the
    app at another broker must not leave them behind for the next test (kniewijs.celery is one app)."""
    from kombu import pools

    from kniewijs.celery import app

    pools.reset()  # closes and forgets every pool, whichever broker it was for
    app._pool = None
    if "amqp" in app.__dict__:
        app.__dict__["amqp"]._producer_pool = None


def stop_worker(process: Any) -> None:
    """Stop a worker started with start_new_session=True and everything it started: a prefork worker's pool
    processes outlive a killed master and would keep their database connections open. The session's
    process group has the worker's pid as its id, even once the worker itself is gone."""
    import contextlib
    import signal
    import subprocess

    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=20)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # whatever is left of the group
    process.wait(timeout=5)
