"""`kniewijs backup --output FILE`: a consistent copy of the database while Kniewijs keeps running.

PostgreSQL: `pg_dump --format=custom` (one snapshot transaction, so imports running meanwhile are either in
the copy whole or not at all); restore with `pg_restore --clean --if-exists -d DATABASE FILE`.
SQLite: the SQLite online backup API, page by page under the database's own locking; restore by putting the
file in place of `var/kniewijs.sqlite3` while Kniewijs is stopped. The media folder (original activity files)
is copied separately (docs/deploy.md).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection


class Command(BaseCommand):
    help = "Write a consistent backup of the database to a file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", required=True, type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path = options["output"]
        target.parent.mkdir(parents=True, exist_ok=True)
        if connection.vendor == "postgresql":
            self._pg_dump(target)
        elif connection.vendor == "sqlite":
            self._sqlite(target)
        else:
            raise CommandError(f"No backup method for {connection.vendor}.")
        self.stdout.write(f"backup written to {target} ({target.stat().st_size} bytes)")

    def _pg_dump(self, target: Path) -> None:
        db = connection.settings_dict
        env = os.environ | ({"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {})
        command = ["pg_dump", "--format=custom", "--no-owner", "--file", str(target), "--dbname", db["NAME"]]
        command += ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432)]
        if db.get("USER"):
            command += ["--username", db["USER"]]
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")

    def _sqlite(self, target: Path) -> None:
        connection.ensure_connection()
        source = connection.connection
        with sqlite3.connect(target) as copy:
            source.backup(copy)
