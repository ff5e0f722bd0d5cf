"""Every file of the malformed corpus (tests/fuzz_corpus/, made by scripts/make_fuzz_corpus.py) gets the
answer its manifest names, from its reader and through the import: a clean parse or the project's own
rejection with a reason, never an uncaught exception, never half an activity stored, in bounded memory.

Time is bounded only against hangs (SIGALRM after HANG_SECONDS); nothing here measures speed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import signal
import tempfile
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest
from fuzz.checks import check_activities, check_problem

from kniewijs.formats.archive import iter_members
from kniewijs.formats.csv_log import read_csv_log
from kniewijs.formats.detect import read_activity_file
from kniewijs.formats.errors import FileProblem, RejectedFile, SkippedFile
from kniewijs.formats.fit import read_fit
from kniewijs.formats.gpx import read_gpx
from kniewijs.formats.tcx import read_tcx

CORPUS = Path(__file__).resolve().parents[1] / "fuzz_corpus"
ENTRIES = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))["files"]
READERS = {"fit": read_fit, "gpx": read_gpx, "tcx": read_tcx, "csv": read_csv_log}
PROBLEMS = {"rejected": RejectedFile, "skipped": SkippedFile}
# Every corpus file is under 200 kB; 64 MiB is room for the readers' numpy arrays and nowhere near
# what one bomb would take if it were unpacked (10 GiB declared, 20 MiB of zeros at the least).
MEMORY_LIMIT = 64 * 1024**2
HANG_SECONDS = 30


class Hang(Exception):
    pass


@pytest.fixture
def hang_guard():
    """Fail a file that takes HANG_SECONDS: a hang or a bomb being unpacked, never mere slowness."""

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"still running after {HANG_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(HANG_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def entry_id(entry: dict[str, object]) -> str:
    return str(entry["path"])


def read_entry(entry: dict[str, object]) -> tuple[str, list[FileProblem], dict[str, str], list[object]]:
    """(outcome, problems, {member: outcome}, activities) for one corpus file, through its reader."""
    path = str(entry["path"])
    name, data = Path(path).name, (CORPUS / path).read_bytes()
    problems: list[FileProblem] = []
    activities: list[object] = []
    members: dict[str, str] = {}
    sources = [(name, data)]
    if entry["format"] == "zip":
        sources = []
        for member in iter_members(name, data):
            short = member.name.split("!", 1)[-1]
            if member.problem is not None or member.data is None:
                assert member.problem is not None, f"{member.name} has neither data nor a problem"
                problems.append(member.problem)
                members[short] = "reject"
            else:
                sources.append((member.name, member.data))
    for source_name, content in sources:
        short = source_name.split("!", 1)[-1]
        try:
            if entry["format"] == "zip":
                parsed = read_activity_file(source_name, content)
            else:
                parsed = READERS[str(entry["format"])](content)
        except FileProblem as problem:
            problems.append(problem)
            members[short] = "reject"
            continue
        check_activities(parsed)
        activities += parsed
        members[short] = "parse"
    outcome = "parse" if activities else "reject"
    return outcome, problems, members, activities


def recovered(entry: dict[str, object], outcome: str, activities: list[object]) -> bool:
    """A FIT, GPX or TCX file the manifest expects rejected (cut off, bit flips, a wrong checksum) that its
    reader now reads up to its last whole record (issue 15): allowed when an activity it gives says what
    was lost or that its checksum is wrong. The manifest predates that and is regenerated elsewhere."""
    return (
        entry["format"] in RECOVERING
        and entry["expect"] == "reject"
        and outcome == "parse"
        and bool(activities)
        and any(getattr(a, "partial", None) is not None for a in activities)
    )


RECOVERING = ("fit", "gpx", "tcx")


def reader_recovers(entry: dict[str, object]) -> bool:
    if entry["format"] not in RECOVERING or entry["expect"] != "reject":
        return False
    try:
        activities = READERS[str(entry["format"])]((CORPUS / str(entry["path"])).read_bytes())
    except FileProblem:
        return False
    return recovered(entry, "parse", list(activities))


def test_the_manifest_lists_every_corpus_file_with_its_bytes_and_at_least_200_files() -> None:
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file()} - {"MANIFEST.json"}
    assert on_disk == {entry["path"] for entry in ENTRIES}
    for entry in ENTRIES:
        data = (CORPUS / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["path"]
        assert entry["expect"] in ("parse", "reject") and entry["source"] in ("rule", "observed")
    assert len(ENTRIES) >= 200
    rejected = Counter(entry["category"] for entry in ENTRIES if entry["expect"] == "reject")
    for category in (
        "truncation",
        "bitflip",
        "header",
        "xml_bomb",
        "xxe",
        "external_dtd",
        "zip_bomb",
        "gz_bomb",
    ):
        assert rejected[category] >= 3, category
    for category in ("path_traversal", "absolute_path", "symlink"):
        assert rejected[category] >= 1, category


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_each_file_gets_the_answer_its_manifest_names_in_bounded_memory(entry, hang_guard) -> None:
    tracemalloc.start()
    try:
        outcome, problems, members, activities = read_entry(entry)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT, f"peak {peak / 1024**2:.0f} MiB"
    if recovered(entry, outcome, activities):
        return
    assert outcome == entry["expect"], [p.reason.en for p in problems]
    for problem in problems:
        check_problem(problem)
    if "problem" in entry:
        assert any(isinstance(p, PROBLEMS[entry["problem"]]) for p in problems)
    if "reason" in entry:
        assert any(entry["reason"] in p.reason.en for p in problems), [p.reason.en for p in problems]
    for member, wanted in entry.get("members", {}).items():
        assert members.get(member) == wanted, member
    for text in entry.get("forbidden", []):
        for activity in activities:
            assert text not in f"{activity.name} {activity.device} {activity.sub_sport}"


@pytest.fixture
def quiet_runner(db, django_user_model):
    """A runner without a hashed password: the import test runs once per corpus file."""
    from kniewijs.training.models import RunnerSettings

    user = django_user_model.objects.create(username="fuzz@example.nl", email="fuzz@example.nl")
    RunnerSettings.objects.create(user=user)
    return user


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_each_file_through_the_import_stores_whole_activities_or_nothing(
    entry, quiet_runner, media_root, tmp_path, monkeypatch, caplog, hang_guard
) -> None:
    from kniewijs.training.importing import INTERNAL, UNREADABLE, import_bytes
    from kniewijs.training.models import Activity, ImportedFile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # anything spooled to disk would land here
    caplog.set_level(logging.ERROR)
    name = Path(entry["path"]).name
    results = list(import_bytes(quiet_runner, name, (CORPUS / entry["path"]).read_bytes()))

    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "a reader or the store failed"
    imported = [r for r in results if r.status == "imported"]
    for result in results:
        assert result.status in ("imported", "duplicate", "rejected", "skipped")
        assert result.reason not in (UNREADABLE, INTERNAL)
        if result.status in ("rejected", "skipped"):
            assert result.reason is not None and result.reason.nl and result.reason.en
        json.dumps(result.to_dict("nl"), allow_nan=False)  # the job page stores this as JSON
    stored = Activity.objects.filter(user=quiet_runner)
    assert stored.count() == sum(len(r.activities) for r in imported)
    assert ImportedFile.objects.filter(user=quiet_runner).count() == len(imported)
    assert all(a.source_id is not None for a in stored)
    if entry.get("import_expect", entry["expect"]) == "reject" and not reader_recovers(entry):
        assert not imported and not stored.exists()
        assert not files_under(Path(media_root)), "a rejected file left something on disk"
    else:
        assert imported or any(r.status == "duplicate" for r in results)
    if entry.get("bomb"):
        assert not files_under(Path(media_root)) and not files_under(scratch)
