"""`kniewijs check` as an outside check calls it: a real subprocess, JSON out, exit 2 on bad answers."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def kniewijs(*args, stdin=None, tmp_path=None):
    env = {**os.environ, "KNIEWIJS_DATA_DIR": str(tmp_path)} if tmp_path else dict(os.environ)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "kniewijs", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture
def answers_file(tmp_path):
    def write(data):
        path = tmp_path / "answers.json"
        path.write_text(json.dumps(data))
        return str(path)

    return write


def test_vector_1_gives_emergency_json_with_every_reason_and_its_source(answers_file, tmp_path):
    path = answers_file(
        {"age": 30, "injury": True, "pop": True, "swelling": "fast", "can_take_4_steps": False}
    )
    proc = kniewijs("check", "--answers", path, "--json", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["level"] == "emergency" and result["language"] == "nl"
    codes = [r["code"] for r in result["reasons"]]
    assert codes[0] == "pop_with_loss_of_function" and "ottawa_knee_rule" in codes
    assert all(r["text"] and r["source"] for r in result["reasons"])
    assert len(result["causes"]) == 6 and result["condition_hint"] is None
    assert set(result) >= {"level", "reasons", "causes", "condition_hint", "plan", "language"}


def test_vector_3_in_english_gives_a_physio_level_and_a_patellofemoral_hint(answers_file, tmp_path):
    path = answers_file(
        {
            "injury": False,
            "weeks": 3,
            "location": "front",
            "worse_with": ["stairs"],
            "swelling": "none",
            "locking": False,
            "pain_running": 3,
            "pain_next_morning": 0,
        }
    )
    result = json.loads(
        kniewijs("check", "--answers", path, "--json", "--lang", "en", tmp_path=tmp_path).stdout
    )
    assert result["level"] in ("physio", "self_care")
    assert result["condition_hint"] == "patellofemoral_pain"
    assert result["language"] == "en" and "Have a physiotherapist" in result["level_title"]
    assert {s["key"] for s in result["plan"]["sections"]} >= {"rest", "strength", "shoes"}


def test_answers_can_come_from_stdin(tmp_path):
    proc = kniewijs("check", "--answers", "-", "--json", stdin='{"calf_swelling": true}', tmp_path=tmp_path)
    assert json.loads(proc.stdout)["level"] == "urgent"


def test_invalid_answers_name_each_bad_field_and_exit_2(answers_file, tmp_path):
    path = answers_file({"age": 2, "pain_now": 12, "location": "elbow"})
    proc = kniewijs("check", "--answers", path, "--json", tmp_path=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    for field in ("age", "pain_now", "location"):
        assert field in proc.stderr
    assert "Ongeldige antwoorden" in proc.stderr


def test_a_file_that_is_not_json_or_missing_exits_2(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{nope")
    assert kniewijs("check", "--answers", str(broken), "--json", tmp_path=tmp_path).returncode == 2
    assert kniewijs("check", "--answers", str(tmp_path / "missing.json"), tmp_path=tmp_path).returncode == 2


def test_the_questions_can_be_answered_in_the_terminal(tmp_path):
    typed = (
        "\n".join(
            [
                "34",
                "n",
                "3",  # about: age, no injury, three weeks
                "j",
                "j",
                "1",  # signs: four steps, bending, no swelling
                *["n"] * 9,  # then the nine tick-what-applies signs of knee and leg
                *["n"] * 5,  # body: fever, feeling ill, night pain, pain at rest, breathless
                "1",
                "7",
                "2",
                "j",  # pain: now, running, next morning, improving
                "1",
                "1,4",  # where: front; stairs and squatting
                "",
                "",
                "",
                "",
                "",  # training: all skipped
                "7,5",
                "650",
                "",
                "",
                "",  # recovery
            ]
        )
        + "\n"
    )
    proc = kniewijs("check", stdin=typed, tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "FYSIOTHERAPEUT" in proc.stdout and "Krachtoefeningen" in proc.stdout


def test_input_that_ends_early_exits_2(tmp_path):
    assert kniewijs("check", stdin="34\n", tmp_path=tmp_path).returncode == 2


def test_djangos_system_check_is_still_reachable(tmp_path):
    proc = kniewijs("check", "--system", tmp_path=tmp_path)
    assert proc.returncode == 0 and "no issues" in proc.stdout
