"""Write the malformed-file corpus under tests/fuzz_corpus/ and its MANIFEST.json.

    .venv/bin/python scripts/make_fuzz_corpus.py [--check]

Deterministic: the valid seeds are made by the project (fuzz/seeds.py, with bench/_fitwriter.py for
FIT), every cut and flip is placed by a fixed rule or seed, and zip dates and gzip times are fixed.
Each file's expectation is either a rule ("reject": a CRC that cannot match, a DTD, a bomb; "parse":
a valid file with an odd but legal twist) or, where both answers are acceptable, what the reader did
when the corpus was made ("observed"). The generator reads every file back through the readers and
lists any file whose rule the readers break; with --check it changes nothing and exits 1 if the
files on disk differ from what it would write.

Crash inputs the fuzzers found live in fuzz/found/<format>/ with a one-line note in
fuzz/found/NOTES.json; they join the corpus in the category "found".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from fuzz.cases import Case  # noqa: E402
from fuzz.checks import check_activities  # noqa: E402
from fuzz.craft_csv import csv_cases  # noqa: E402
from fuzz.craft_fit import fit_cases  # noqa: E402
from fuzz.craft_xml_values import gpx_cases, tcx_cases  # noqa: E402
from fuzz.craft_zip_paths import zip_cases  # noqa: E402

from kniewijs.formats.archive import iter_members  # noqa: E402
from kniewijs.formats.csv_log import read_csv_log  # noqa: E402
from kniewijs.formats.detect import read_activity_file  # noqa: E402
from kniewijs.formats.errors import FileProblem  # noqa: E402
from kniewijs.formats.fit import read_fit  # noqa: E402
from kniewijs.formats.gpx import read_gpx  # noqa: E402
from kniewijs.formats.tcx import read_tcx  # noqa: E402

CORPUS = ROOT / "tests" / "fuzz_corpus"
FOUND = ROOT / "fuzz" / "found"
FORMATS = {"fit": fit_cases, "gpx": gpx_cases, "tcx": tcx_cases, "csv": csv_cases, "zip": zip_cases}
READERS = {"fit": read_fit, "gpx": read_gpx, "tcx": read_tcx, "csv": read_csv_log}


def found_cases(fmt: str) -> Iterator[Case]:
    notes_file = FOUND / "NOTES.json"
    notes = json.loads(notes_file.read_text()) if notes_file.exists() else {}
    folder = FOUND / fmt
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        how = notes.get(f"{fmt}/{path.name}", "found by the fuzzer")
        yield Case(path.name, path.read_bytes(), "found", how, None)


def outcome(fmt: str, name: str, data: bytes) -> tuple[str, list[str], dict[str, str]]:
    """("parse" | "reject", every reason met, {member name: outcome}) as the test will see it."""
    try:
        return _outcome(fmt, name, data)
    except Exception as error:  # a crash or a broken answer: reported, and the file is kept
        return "crash", [f"{type(error).__name__}: {error}"], {}


def _outcome(fmt: str, name: str, data: bytes) -> tuple[str, list[str], dict[str, str]]:
    if fmt != "zip":
        try:
            check_activities(READERS[fmt](data))
        except FileProblem as problem:
            return "reject", [problem.reason.en], {}
        return "parse", [], {}
    reasons, members = [], {}
    for member in iter_members(name, data):
        short = member.name.split("!", 1)[-1]
        if member.problem is not None or member.data is None:
            reasons.append(member.problem.reason.en if member.problem else "")
            members[short] = "reject"
            continue
        try:
            check_activities(read_activity_file(member.name, member.data))
        except FileProblem as problem:
            reasons.append(problem.reason.en)
            members[short] = "reject"
        else:
            members[short] = "parse"
    return ("parse" if "parse" in members.values() else "reject"), reasons, members


def build() -> tuple[dict[str, bytes], list[dict[str, object]], list[str]]:
    files: dict[str, bytes] = {}
    manifest: list[dict[str, object]] = []
    broken: list[str] = []
    for fmt, make in FORMATS.items():
        for case in [*make(), *found_cases(fmt)]:
            path = f"{fmt}/{case.category}/{case.name}"
            if path in files:
                raise SystemExit(f"two cases write {path}")
            files[path] = case.data
            got, reasons, members = outcome(fmt, case.name, case.data)
            expect = case.expect or got
            if got == "crash":
                expect = "reject"
            if got != expect or (case.reason and not any(case.reason in r for r in reasons)):
                broken.append(
                    f"{path}: expected {expect} ({case.reason or 'any reason'}), got {got}: {reasons[:2]}"
                )
            for member, wanted in case.members.items():
                if members.get(member) != wanted:
                    broken.append(f"{path}: member {member} expected {wanted}, got {members.get(member)}")
            entry: dict[str, object] = {
                "path": path,
                "format": fmt,
                "category": case.category,
                "how": case.how,
                "expect": expect,
                "source": case.source,
                "size": len(case.data),
                "sha256": hashlib.sha256(case.data).hexdigest(),
            }
            optional = {
                "problem": case.problem,
                "reason": case.reason,
                "members": case.members,
                "forbidden": case.forbidden,
                "bomb": case.bomb,
                "import_expect": case.import_expect,
            }
            entry.update({key: value for key, value in optional.items() if value})
            manifest.append(entry)
    return files, manifest, broken


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    args = parser.parse_args()
    files, manifest, broken = build()
    document = {
        "about": "Malformed activity files and what the readers must do; made by scripts/make_fuzz_corpus.py.",
        "expect": "parse: activities come back; reject: the project's FileProblem with a reason (nothing stored)",
        "source": "rule: built to give that answer; observed: either answer is fine, this one was pinned",
        "files": manifest,
    }
    text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    if args.check:
        on_disk = {str(p.relative_to(CORPUS)): p.read_bytes() for p in CORPUS.rglob("*") if p.is_file()}
        on_disk.pop("MANIFEST.json", None)
        same = on_disk == files and (CORPUS / "MANIFEST.json").read_text() == text
        print("corpus is up to date" if same else "corpus differs from what the generator writes")
        return 0 if same else 1
    for fmt in FORMATS:
        shutil.rmtree(CORPUS / fmt, ignore_errors=True)
    for path, data in files.items():
        target = CORPUS / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (CORPUS / "MANIFEST.json").write_text(text)
    counts = Counter((entry["format"], entry["category"]) for entry in manifest)
    for (fmt, category), count in sorted(counts.items()):
        print(f"{fmt:4} {category:15} {count:4}")
    total = sum(len(data) for data in files.values())
    print(f"{len(files)} files, {total / 1024:.0f} KiB")
    for line in broken:
        print("BROKEN RULE:", line)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
