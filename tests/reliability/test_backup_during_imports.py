"""A backup taken while imports run restores to a consistent state.

One thread imports 16 sample files, one transaction each. Meanwhile the test takes `kniewijs backup`
three times. Each copy is opened (SQLite: the file itself; PostgreSQL: restored with pg_restore into a
fresh database) and must hold whole files only: every activity with its file, every file with all its
activities, and the files a prefix of the order in which they were imported.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from kniewijs.training.importing import import_bytes

from ..conftest import make_runner
from .common import DISTINCT_RUNS, expected_runs, pg_host_args, pg_url, sample, sha256

FILES = DISTINCT_RUNS[:16]
BACKUP_AFTER = (1, 5, 10)  # take a copy once this many files are in


class Importer(threading.Thread):
    def __init__(self, user: Any, paths: list[Path]) -> None:
        super().__init__(name="importer")
        self.user, self.paths = user, paths
        self.committed: list[str] = []  # sha256 of each file, in the order its transaction committed
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            for path in self.paths:
                data = path.read_bytes()
                statuses = [r.status for r in import_bytes(self.user, path.name, data)]
                assert statuses == ["imported"], (path.name, statuses)
                self.committed.append(sha256(data))
        except Exception as exc:  # reported by the test
            self.error = exc
        finally:
            connection.close()


QUERIES = {
    "files": "SELECT id, sha256 FROM training_importedfile WHERE user_id = {user}",
    "runs": "SELECT source_id, start FROM training_activity WHERE user_id = {user}",
}


def _read_sqlite(path: Path, user_id: int) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {key: copy.execute(sql.format(user=user_id)).fetchall() for key, sql in QUERIES.items()}


@contextmanager
def _restored_postgres(dump: Path) -> Iterator[str]:
    if shutil.which("pg_restore") is None:
        pytest.fail("pg_restore is missing: .ci/run installs postgresql-client")
    fresh = f"kniewijs_crash_restore_{uuid.uuid4().hex[:8]}"
    subprocess.run(["createdb", *pg_host_args(), fresh], check=True)
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", *pg_host_args(), "--dbname", fresh, str(dump)],
            check=True,
            capture_output=True,
        )
        yield pg_url(fresh)
    finally:
        subprocess.run(["dropdb", *pg_host_args(), "--if-exists", fresh], check=False)


def _read_postgres(dump: Path, user_id: int) -> dict[str, list[tuple]]:
    import psycopg

    with _restored_postgres(dump) as url, psycopg.connect(url) as copy:
        return {key: copy.execute(sql.format(user=user_id)).fetchall() for key, sql in QUERIES.items()}


def _wait_until(importer: Importer, count: int) -> None:
    while len(importer.committed) < count and importer.is_alive():
        importer.join(timeout=0.01)


@pytest.mark.django_db(transaction=True)
def test_backups_taken_while_files_are_imported_restore_whole_files_in_import_order(media_root, tmp_path):
    if connection.vendor not in ("sqlite", "postgresql"):
        pytest.skip(f"no backup method for {connection.vendor}")
    paths = [sample(parts) for parts in FILES]
    expected = expected_runs(paths)
    runner = make_runner("kopie@example.nl")
    importer = Importer(runner, paths)
    backups: list[tuple[Path, int, int]] = []

    importer.start()
    for number, count in enumerate(BACKUP_AFTER):
        _wait_until(importer, count)
        target = tmp_path / f"kopie-{number}.backup"
        before = len(importer.committed)
        call_command("backup", output=target)
        # A file that committed while the backup ran may be in the copy before the thread counted it.
        backups.append((target, before, len(importer.committed) + 1))
    importer.join(timeout=300)
    assert importer.error is None, importer.error
    assert len(importer.committed) == len(paths)

    read = _read_sqlite if connection.vendor == "sqlite" else _read_postgres
    in_copies = []
    for target, at_least, at_most in backups:
        copy = read(target, runner.pk)
        by_id = dict(copy["files"])
        per_file: dict[str, list[str]] = {digest: [] for digest in by_id.values()}
        for source_id, start in copy["runs"]:
            assert source_id in by_id, "an activity without its file"
            per_file[by_id[source_id]].append(start)
        assert all(per_file.values()), "a file without its activities"
        for digest, starts in per_file.items():
            assert len(starts) == len(expected[digest]), f"half of a file: {digest[:12]}"
        count = len(per_file)
        assert set(per_file) == set(importer.committed[:count]), "not a prefix of the import order"
        assert at_least <= count <= at_most, "the copy is older or newer than the backup's run"
        in_copies.append(count)
    print(f"files in the {len(backups)} copies: {in_copies} of {len(paths)}")
    assert in_copies == sorted(in_copies) and in_copies[0] >= 1
