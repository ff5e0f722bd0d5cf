"""An interrupted `kniewijs migrate` can be run again and ends in the fully migrated schema.

Each test works on a database of its own, never the test database: on SQLite a file in a temporary
KNIEWIJS_DATA_DIR, on PostgreSQL a database made with createdb (and dropped afterwards). `migrate` runs
in a separate process that dies by SIGKILL, either at a chosen point (a small script wraps Django's
migration executor, so the point is exact) or from outside at whatever moment the process has reached.
After the re-run, `migrate --check` must exit 0 and the schema (tables, columns, constraints, indexes,
triggers) must equal that of the test database, which pytest-django migrated in one go.

Django commits a migration and then records it in django_migrations; when the migration has deferred
statements (indexes, foreign keys) the record is written in its own statement after the commit. A process
killed in exactly that gap leaves a migration that is applied but not recorded. The last test shows what
the re-run then says and the recovery that finishes it (docs/reliability.md): fake that one migration.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from .common import pg_host_args, pg_url

KNIEWIJS = Path(sys.executable).with_name("kniewijs")

# Runs `migrate` and SIGKILLs itself at CRASH_AT: "inside:<app>.<migration>:<n>" (after the migration's
# n-th schema statement, before its commit) or "before-record:gap" (see the module docstring).
CRASHING_MIGRATE = """
import os, signal, sys
import django

django.setup()
from django.core.management import call_command
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

where, label, count = (os.environ["CRASH_AT"].split(":") + ["0"])[:3]
target = tuple(label.split("."))
running = {"migration": None, "statements": 0}
apply_migration = MigrationExecutor.apply_migration
execute = BaseDatabaseSchemaEditor.execute
record_applied = MigrationRecorder.record_applied


def die():
    os.kill(os.getpid(), signal.SIGKILL)


def applying(self, state, migration, *args, **kwargs):
    running["migration"] = (migration.app_label, migration.name)
    return apply_migration(self, state, migration, *args, **kwargs)


def executing(self, sql, params=()):
    execute(self, sql, params)
    if where == "inside" and running["migration"] == target:
        running["statements"] += 1
        if running["statements"] == int(count):
            die()


def recording(self, app, name):
    # "before-record:gap" stops at the first migration whose record is written after its commit.
    in_gap = target == ("gap",) and not self.connection.in_atomic_block
    if where == "before-record" and ((app, name) == target or in_gap):
        print(f"{app}.{name}", file=sys.stderr, flush=True)
        die()
    record_applied(self, app, name)


MigrationExecutor.apply_migration = applying
BaseDatabaseSchemaEditor.execute = executing
MigrationRecorder.record_applied = recording
call_command("migrate", verbosity=0)
"""


class Scratch:
    """A database of our own, of the same kind as the test database."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.pg_name = f"kniewijs_crash_migrate_{uuid.uuid4().hex[:8]}"
        self.env = os.environ | {"KNIEWIJS_DATA_DIR": str(tmp_path), "DB_CONN_MAX_AGE": "0"}
        if connection.vendor == "postgresql":
            self.env["DATABASE_URL"] = pg_url(self.pg_name)
        else:
            self.env.pop("DATABASE_URL", None)  # the default: KNIEWIJS_DATA_DIR/kniewijs.sqlite3

    @property
    def sqlite_file(self) -> Path:
        return self.tmp_path / "kniewijs.sqlite3"

    def kniewijs(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [str(KNIEWIJS), *args], env=self.env, capture_output=True, text=True, timeout=300
        )
        if check:
            assert result.returncode == 0, result.stderr[-3000:]
        return result

    def crashing_migrate(self, crash_at: str) -> str:
        """The migration it died in, for "before-record"."""
        env = self.env | {"CRASH_AT": crash_at, "DJANGO_SETTINGS_MODULE": "kniewijs.settings"}
        result = subprocess.run(
            [sys.executable, "-c", CRASHING_MIGRATE], env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == -signal.SIGKILL, (result.returncode, result.stderr[-3000:])
        return (result.stderr.strip().splitlines() or [""])[-1]

    def applied(self) -> int:
        """How many migrations django_migrations lists now (0 while it does not exist yet)."""
        try:
            if connection.vendor == "postgresql":
                import psycopg

                with psycopg.connect(pg_url(self.pg_name), connect_timeout=5) as db:
                    return db.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
            if not self.sqlite_file.exists():
                return 0
            with sqlite3.connect(f"file:{self.sqlite_file}?mode=ro", uri=True, timeout=5) as db:
                return db.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
        except Exception:  # the table is not there yet
            return 0

    def schema(self) -> set[tuple]:
        if connection.vendor == "postgresql":
            return postgres_schema(pg_url(self.pg_name))
        return sqlite_schema(self.sqlite_file)


def sqlite_schema(path: Path | str) -> set[tuple]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        )
        return set(rows.fetchall())


POSTGRES_SCHEMA = [
    "SELECT 'column', table_name, column_name, data_type, is_nullable, coalesce(column_default, '')"
    " FROM information_schema.columns WHERE table_schema = 'public'",
    "SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid), '', ''"
    " FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
    "SELECT 'index', tablename, indexname, indexdef, '', '' FROM pg_indexes WHERE schemaname = 'public'",
    "SELECT 'trigger', tgrelid::regclass::text, tgname, '', '', '' FROM pg_trigger WHERE NOT tgisinternal",
    "SELECT 'function', proname, '', '', '', '' FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
]


def postgres_schema(url: str) -> set[tuple]:
    import psycopg

    with psycopg.connect(url) as db:
        return {row for sql in POSTGRES_SCHEMA for row in db.execute(sql).fetchall()}


@pytest.fixture
def reference_schema(db) -> set[tuple]:
    if connection.vendor == "postgresql":
        return postgres_schema(pg_url(connection.settings_dict["NAME"]))
    return sqlite_schema(connection.settings_dict["NAME"])


@pytest.fixture
def scratch(tmp_path) -> Iterator[Scratch]:
    if connection.vendor not in ("sqlite", "postgresql"):
        pytest.skip(f"no scratch database for {connection.vendor}")
    scratch = Scratch(tmp_path)
    if connection.vendor == "postgresql":
        subprocess.run(["createdb", *pg_host_args(), scratch.pg_name], check=True)
    yield scratch
    if connection.vendor == "postgresql":
        subprocess.run(["dropdb", *pg_host_args(), "--force", "--if-exists", scratch.pg_name], check=False)


def assert_fully_migrated(scratch: Scratch, reference: set[tuple]) -> None:
    assert scratch.kniewijs("migrate", "--check", check=False).returncode == 0
    assert scratch.schema() == reference


def finish_after_the_gap(scratch: Scratch, rerun: subprocess.CompletedProcess) -> tuple[str, str]:
    """The recovery in docs/reliability.md: the re-run stops at the migration that was committed but not
    recorded ("already exists"); mark that one as applied with --fake, then migrate on."""
    assert "already exists" in rerun.stderr, rerun.stderr[-3000:]
    app, name = re.findall(r"Applying (\w+)\.(\w+)\.\.\.", rerun.stdout)[-1]
    scratch.kniewijs("migrate", "--fake", app, name)
    scratch.kniewijs("migrate")
    return app, name


@pytest.mark.parametrize(
    "crash_at",
    [
        "inside:training.0001_initial:3",  # three tables of the training log created, not committed
        "inside:audit.0002_append_only_triggers:1",  # the append-only trigger made, not committed
    ],
)
def test_a_migrate_killed_inside_a_migration_runs_again_to_the_full_schema(
    scratch, reference_schema, crash_at
):
    scratch.crashing_migrate(crash_at)
    assert scratch.applied() > 0
    scratch.kniewijs("migrate")
    assert_fully_migrated(scratch, reference_schema)


def test_a_migrate_killed_from_outside_at_some_moment_runs_again_to_the_full_schema(
    scratch, reference_schema
):
    process = subprocess.Popen(
        [str(KNIEWIJS), "migrate"], env=scratch.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    while scratch.applied() < 10 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    applied_at_kill = scratch.applied()
    rerun = scratch.kniewijs("migrate", check=False)
    gap = None
    if rerun.returncode != 0:  # killed in the gap between a migration's commit and its record
        gap = finish_after_the_gap(scratch, rerun)
    assert_fully_migrated(scratch, reference_schema)
    print(f"killed from outside after {applied_at_kill} recorded migrations; in the gap: {gap}")


def test_migrating_an_app_to_zero_and_back_gives_the_full_schema_again(scratch, reference_schema):
    scratch.kniewijs("migrate")
    scratch.kniewijs("migrate", "recovery", "zero")
    assert not any(table.startswith("recovery_") for _kind, table, *_rest in scratch.schema())
    scratch.kniewijs("migrate")
    assert_fully_migrated(scratch, reference_schema)


def test_a_migrate_killed_between_commit_and_record_is_finished_by_faking_that_one_migration(
    scratch, reference_schema
):
    killed_in = scratch.crashing_migrate("before-record:gap")
    rerun = scratch.kniewijs("migrate", check=False)
    assert rerun.returncode != 0
    assert ".".join(finish_after_the_gap(scratch, rerun)) == killed_in
    assert_fully_migrated(scratch, reference_schema)
