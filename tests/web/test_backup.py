"""A backup restores into a fresh database that Kniewijs can read."""

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from ..conftest import make_runner

KNIEWIJS = Path(sys.executable).with_name("kniewijs")


def _count_runs_with(database_url: str, tmp_path: Path) -> str:
    """Ask a fresh Kniewijs process, pointed at the restored database, how many activities it holds."""
    env = os.environ | {
        "DATABASE_URL": database_url,
        "KNIEWIJS_DATA_DIR": str(tmp_path),
        "DB_CONN_MAX_AGE": "0",
    }
    code = "from kniewijs.training.models import Activity; print(Activity.objects.count())"
    result = subprocess.run(
        [str(KNIEWIJS), "shell", "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]  # Django 5.2 first says how many names it imported


def _some_data():
    from datetime import timedelta

    from django.utils import timezone

    from kniewijs.training.models import Activity

    runner = make_runner(f"backup-{uuid.uuid4().hex[:6]}@example.nl")
    for day in range(3):
        Activity.objects.create(
            user=runner,
            start=timezone.now() - timedelta(days=day + 1),
            local_date=timezone.localdate() - timedelta(days=day + 1),
            duration_s=1800,
            distance_m=5000,
        )


@pytest.mark.django_db(transaction=True)
def test_a_sqlite_backup_is_a_database_kniewijs_reads(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL variant is the next test")
    _some_data()
    target = tmp_path / "kopie.sqlite3"
    call_command("backup", output=target)
    assert sqlite3.connect(target).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _count_runs_with(f"sqlite:///{target}", tmp_path) == "3"


@pytest.mark.django_db(transaction=True)
def test_a_postgresql_dump_restores_into_a_fresh_database_kniewijs_reads(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("runs in CI's PostgreSQL pass")
    if shutil.which("pg_restore") is None:
        pytest.fail("pg_restore is missing: .ci/run installs postgresql-client")
    _some_data()
    target = tmp_path / "kopie.dump"
    call_command("backup", output=target)
    db = connection.settings_dict
    fresh = f"kniewijs_restore_{uuid.uuid4().hex[:8]}"
    host = [
        "--host",
        db.get("HOST") or "127.0.0.1",
        "--port",
        str(db.get("PORT") or 5432),
        "--username",
        db["USER"],
    ]
    subprocess.run(["createdb", *host, fresh], check=True)
    try:
        subprocess.run(["pg_restore", "--no-owner", *host, "--dbname", fresh, str(target)], check=True)
        url = f"postgres://{db['USER']}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{fresh}"
        assert _count_runs_with(url, tmp_path) == "3"
    finally:
        subprocess.run(["dropdb", *host, "--if-exists", fresh], check=False)
