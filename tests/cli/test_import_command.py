"""`kniewijs import` exactly as shared/contracts/import-result.md describes it, in a real subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

from ..conftest import shared_file

ROOT = Path(__file__).resolve().parents[2]


def kniewijs(tmp_path, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env["KNIEWIJS_DATA_DIR"] = str(tmp_path / "data")
    subprocess.run(
        [sys.executable, "-m", "kniewijs", "migrate", "--noinput"], env=env, capture_output=True, check=True
    )
    return subprocess.run(
        [sys.executable, "-m", "kniewijs", *args], env=env, capture_output=True, text=True, cwd=ROOT
    )


def test_import_prints_one_json_object_per_file_and_exits_0_even_with_rejections(tmp_path):
    good = shared_file("fit", "fitdecode__garmin-fenix-5-run.fit")
    bad = shared_file("fit-invalid", "fitdecode__activity-settings-corruptheader.fit")
    proc = kniewijs(tmp_path, "import", "--runner", "loper@example.nl", str(good), str(bad), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [r["status"] for r in out] == ["imported", "rejected"]
    imported, rejected = out
    assert set(imported) >= {"file", "status", "reason", "activity"} and imported["reason"] is None
    activity = imported["activity"]
    assert activity["sport"] == "running" and activity["start"].endswith("Z")
    assert isinstance(activity["records"], int) and activity["distance_m"] > 0 and activity["duration_s"] > 0
    assert rejected["activity"] is None and rejected["reason"]


def test_importing_again_reports_duplicates(tmp_path):
    good = shared_file("fit", "fitdecode__garmin-fenix-5-run.fit")
    kniewijs(tmp_path, "import", "--runner", "loper@example.nl", str(good), "--json")
    again = json.loads(
        kniewijs(tmp_path, "import", "--runner", "loper@example.nl", str(good), "--json").stdout
    )
    assert again[0]["status"] == "duplicate"


def test_bad_arguments_exit_2(tmp_path):
    assert kniewijs(tmp_path, "import", "--runner", "not-an-email", str(tmp_path), "--json").returncode == 2
    assert kniewijs(tmp_path, "import", "--runner", "a@b.nl", str(tmp_path / "missing.fit")).returncode == 2
