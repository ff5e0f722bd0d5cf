"""Import a Garmin-export-like zip of about 2,000 activities and time it (target: under 60 s on 2 cores).

The activities come from the public sample FIT files in shared/data, re-encoded with every time shifted by
a few days per copy (bench/_fitwriter.py), so each is a distinct activity and not a duplicate. The export has
Garmin's layout: a zip holding a nested zip of uploaded FIT files. The peer measured in the same run is
parsing the same members with our reader alone (no database, no storage): the ratio says what storing
costs on top of reading.

Run: .venv/bin/python bench/import_export.py [--count 2000]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "data" / "activities" / "fit"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def sample_activities() -> list:
    from kniewijs.formats.errors import FileProblem
    from kniewijs.formats.fit import read_fit

    found = []
    for path in sorted(SAMPLES.glob("*.fit")) + sorted(SAMPLES.glob("*.FIT")):
        try:
            activities = read_fit(path.read_bytes())
        except FileProblem:
            continue
        found += [a for a in activities if a.records >= 10 and a.duration_s]
    return found


def build_export(count: int) -> tuple[bytes, list[bytes]]:
    from _fitwriter import write_fit

    runs = sample_activities()
    files = []
    for i in range(count):
        source = runs[i % len(runs)]
        # Two days apart per copy: no two copies overlap in time, so none is a duplicate of another.
        files.append(write_fit(source, shift_s=(i + 1) * 2 * 86400.0))
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as part:
        for i, data in enumerate(files):
            part.writestr(f"activity_{100000 + i}.fit", data)
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_STORED) as export:
        export.writestr("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", inner.getvalue())
        export.writestr("DI_CONNECT/DI-Connect-User/user_profile.json", b"{}")
    return outer.getvalue(), files


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not SAMPLES.exists():
        print(f"sample files not found at {SAMPLES}", file=sys.stderr)
        return 1
    data_dir = tempfile.mkdtemp(prefix="kniewijs-bench-")
    os.environ["KNIEWIJS_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    # As deployed: DEBUG off, so Django does not keep every query's SQL (with its track blobs) in memory.
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kniewijs.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from kniewijs.formats.archive import iter_members
    from kniewijs.formats.detect import read_activity_file
    from kniewijs.formats.fit import read_fit
    from kniewijs.training.importing import import_bytes, runner_for_email
    from kniewijs.training.models import Activity

    export, members = build_export(args.count)
    print(f"export: {len(export) / 1e6:.1f} MB, {len(members)} FIT files")

    # Alternating rounds, the median of each side: a process's first pass over the files is quicker than
    # its later ones (seen here: 1.2 s, then 1.6 s for the same parse), which one pass of each would
    # credit to the side measured first.
    parse_times, read_times, import_times, ok = [], [], [], True
    for round_no in range(args.rounds):
        began = time.perf_counter()
        for member in members:
            read_fit(member)
        parse_times.append(time.perf_counter() - began)

        began = time.perf_counter()
        for member in iter_members("garmin-export.zip", export):
            if member.data is not None:
                read_activity_file(member.name, member.data)
        read_times.append(time.perf_counter() - began)

        user = runner_for_email(f"bench{round_no}@example.nl")
        began = time.perf_counter()
        statuses: dict[str, int] = {}
        for result in import_bytes(user, "garmin-export.zip", export):
            statuses[result.status] = statuses.get(result.status, 0) + 1
        import_times.append(time.perf_counter() - began)
        stored = Activity.objects.filter(user=user).count()
        ok = ok and stored == args.count
        print(
            f"round {round_no + 1}: parse only {parse_times[-1]:.2f} s, export read {read_times[-1]:.2f} s, "
            f"full import {import_times[-1]:.2f} s, "
            f"stored {stored}, statuses {dict(sorted(statuses.items()))}"
        )
    parse_s, import_s = statistics.median(parse_times), statistics.median(import_times)
    print(f"parse only (peer), median: {parse_s:.2f} s")
    print(
        f"full import, median: {import_s:.2f} s  ({args.count / import_s:.0f} activities/s; target under 60 s)"
    )
    read_s = statistics.median(read_times)
    print(f"export read (unpacked and parsed, no database), median: {read_s:.2f} s")
    print(f"ratio_vs_parse_only: {import_s / parse_s:.2f}  (target at most 2)")
    print(f"ratio_vs_export_read: {import_s / read_s:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
