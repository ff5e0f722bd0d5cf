"""`kniewijs watch`: files already in the folder are imported, and so are files that appear later."""

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from ..conftest import shared_file

ROOT = Path(__file__).resolve().parents[2]


def test_the_watcher_imports_existing_and_new_files_once(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env["KNIEWIJS_DATA_DIR"] = str(tmp_path / "data")
    subprocess.run(
        [sys.executable, "-m", "kniewijs", "migrate", "--noinput"], env=env, check=True, capture_output=True
    )
    folder = tmp_path / "Activity"
    folder.mkdir()
    shutil.copy(shared_file("fit", "fitdecode__garmin-fenix-5-run.fit"), folder / "first.fit")
    watcher = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kniewijs",
            "watch",
            "--runner",
            "kijker@example.nl",
            str(folder),
            "--interval",
            "0.2",
            "--max-seconds",
            "12",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(4)
        shutil.copy(shared_file("fit", "fitdecode__activity-small-fenix2-run.fit"), folder / "second.fit")
        shutil.copy(folder / "first.fit", folder / "first-again.fit")
        out, err = watcher.communicate(timeout=60)
    finally:
        watcher.kill()
    assert watcher.returncode == 0, err
    assert "imported: " in out and out.count("imported: ") == 2, out
    assert "duplicate: " in out and "first-again.fit" in out
    with sqlite3.connect(tmp_path / "data" / "kniewijs.sqlite3") as db:
        assert db.execute("select count(*) from training_activity").fetchone()[0] == 2
