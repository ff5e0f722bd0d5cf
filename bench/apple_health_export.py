"""An Apple Health export of a given size, and the import of it measured (target: under 300 MB peak).

The export follows the documented layout of the iPhone's "Export All Health Data": a zip with
apple_health_export/export.xml (Apple's DTD, then <HealthData> with <ExportDate>, <Me>, the <Record>s of each
day, <Workout>s with <WorkoutStatistics> and a <WorkoutRoute> pointing at a GPX file) and the routes in
apple_health_export/workout-routes/. A day holds what a phone with a watch writes: heart rate every two
minutes, active energy, steps and distance every few minutes, a resting heart rate, a few HRV readings and
a night of sleep stages from two sources; every other day a workout (runs with a route at one point per
second, walks, rides, some yoga). Values vary from sample to sample, so the file compresses as a real one
does (about 15-20 times), not as a repeated line would. `--size-mb` is export.xml's size unpacked: the
figure people mean by "my export is 1 GB"; the routes come on top.

Run: .venv/bin/python bench/apple_health_export.py [--size-mb 1024] [--keep PATH]
     (--write-only PATH writes the export and stops)
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

DTD = """<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate value CDATA #REQUIRED>
<!ELEMENT Me EMPTY>
<!ATTLIST Me HKCharacteristicTypeIdentifierDateOfBirth CDATA #REQUIRED>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record type CDATA #REQUIRED unit CDATA #IMPLIED sourceName CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED device CDATA #IMPLIED creationDate CDATA #IMPLIED
  startDate CDATA #REQUIRED endDate CDATA #REQUIRED value CDATA #IMPLIED>
<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute|WorkoutStatistics)*)>
<!ATTLIST Workout workoutActivityType CDATA #REQUIRED duration CDATA #IMPLIED durationUnit CDATA #IMPLIED
  sourceName CDATA #REQUIRED sourceVersion CDATA #IMPLIED device CDATA #IMPLIED
  creationDate CDATA #IMPLIED startDate CDATA #REQUIRED endDate CDATA #REQUIRED>
<!ELEMENT WorkoutStatistics EMPTY>
<!ATTLIST WorkoutStatistics type CDATA #REQUIRED startDate CDATA #REQUIRED endDate CDATA #REQUIRED
  average CDATA #IMPLIED minimum CDATA #IMPLIED maximum CDATA #IMPLIED sum CDATA #IMPLIED unit CDATA #IMPLIED>
<!ELEMENT WorkoutRoute ((MetadataEntry|FileReference)*)>
<!ATTLIST WorkoutRoute sourceName CDATA #REQUIRED startDate CDATA #IMPLIED endDate CDATA #IMPLIED>
<!ELEMENT FileReference EMPTY>
<!ATTLIST FileReference path CDATA #REQUIRED>
]>
"""
WATCH = 'sourceName="Anna’s Apple Watch" sourceVersion="10.4"'
PHONE = 'sourceName="iPhone van Anna" sourceVersion="17.4"'
KINDS = ("Running", "Running", "Running", "Walking", "Cycling", "Yoga")


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S +0100")


def record(kind: str, source: str, unit: str, start: datetime, end: datetime, value: object) -> str:
    return (
        f' <Record type="HKQuantityTypeIdentifier{kind}" {source} unit="{unit}" creationDate="{stamp(end)}" '
        f'startDate="{stamp(start)}" endDate="{stamp(end)}" value="{value}"/>\n'
    )


def day_records(day: datetime, rng: random.Random) -> list[str]:
    out = []
    for minute in range(0, 24 * 60, 2):
        at = day + timedelta(minutes=minute, seconds=rng.randrange(60))
        out.append(record("HeartRate", WATCH, "count/min", at, at, rng.randint(52, 110)))
    for minute in range(7 * 60, 23 * 60, 3):
        at = day + timedelta(minutes=minute)
        end = at + timedelta(minutes=1)
        out.append(record("ActiveEnergyBurned", WATCH, "kcal", at, end, round(rng.uniform(0.1, 4), 3)))
        if minute % 9 == 0:
            out.append(record("StepCount", PHONE, "count", at, end, rng.randint(0, 140)))
            out.append(record("DistanceWalkingRunning", PHONE, "km", at, end, round(rng.uniform(0, 0.1), 5)))
    out.append(
        record("RestingHeartRate", WATCH, "count/min", day, day + timedelta(hours=23), rng.randint(46, 58))
    )
    for hour in (3, 9, 15):
        at = day + timedelta(hours=hour)
        out.append(record("HeartRateVariabilitySDNN", WATCH, "ms", at, at, round(rng.uniform(25, 80), 2)))
    night = day - timedelta(hours=1, minutes=rng.randrange(60))
    for source in (WATCH, PHONE):
        at = night
        for stage in ("AsleepCore", "AsleepDeep", "AsleepCore", "AsleepREM", "Awake") * 3:
            end = at + timedelta(minutes=rng.randint(15, 45))
            out.append(
                f' <Record type="HKCategoryTypeIdentifierSleepAnalysis" {source} creationDate="{stamp(end)}" '
                f'startDate="{stamp(at)}" endDate="{stamp(end)}" value="HKCategoryValueSleepAnalysis{stage}"/>\n'
            )
            at = end
    return out


def route(start: datetime, seconds: int, rng: random.Random) -> bytes:
    lat, lon = 52.0 + rng.uniform(-0.1, 0.1), 5.1 + rng.uniform(-0.1, 0.1)
    points = []
    for second in range(seconds):
        lat += 0.00003 * rng.uniform(0.8, 1.2)
        lon += 0.00001 * rng.uniform(-1, 1)
        when = (start + timedelta(seconds=second)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        points.append(
            f'<trkpt lon="{lon:.6f}" lat="{lat:.6f}"><ele>{rng.uniform(0, 12):.2f}</ele><time>{when}</time>'
            f"<extensions><speed>{rng.uniform(2.6, 3.3):.2f}</speed></extensions></trkpt>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Apple Health Export" '
        'xmlns="http://www.topografix.com/GPX/1/1">\n<trk><name>Route</name><trkseg>\n'
        + "".join(points)
        + "</trkseg></trk>\n</gpx>\n"
    ).encode()


def workout(day: datetime, kind: str, rng: random.Random, routes: dict[str, bytes]) -> str:
    start = day + timedelta(hours=7, minutes=rng.randrange(60))
    minutes = rng.randint(25, 55)
    end = start + timedelta(minutes=minutes)
    km = minutes / {"Running": 5.5, "Walking": 12.0, "Cycling": 2.2, "Yoga": 1e9}[kind]
    statistics = (
        f'  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="{stamp(start)}" '
        f'endDate="{stamp(end)}" sum="{minutes * 10.3:.3f}" unit="kcal"/>\n'
        f'  <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" startDate="{stamp(start)}" '
        f'endDate="{stamp(end)}" average="{rng.uniform(120, 160):.3f}" minimum="95" maximum="176" '
        'unit="count/min"/>\n'
    )
    if kind != "Yoga":
        distance = "DistanceCycling" if kind == "Cycling" else "DistanceWalkingRunning"
        statistics += (
            f'  <WorkoutStatistics type="HKQuantityTypeIdentifier{distance}" startDate="{stamp(start)}" '
            f'endDate="{stamp(end)}" sum="{km:.5f}" unit="km"/>\n'
        )
    link = ""
    if kind == "Running":
        name = f"route_{start:%Y-%m-%d_%H.%M}.gpx"
        routes[name] = route(start, minutes * 60, rng)
        link = (
            f'  <WorkoutRoute {WATCH} startDate="{stamp(start)}" endDate="{stamp(end)}">\n'
            f'   <FileReference path="/workout-routes/{name}"/>\n  </WorkoutRoute>\n'
        )
    return (
        f' <Workout workoutActivityType="HKWorkoutActivityType{kind}" duration="{minutes:.4f}" '
        f'durationUnit="min" {WATCH} creationDate="{stamp(end)}" startDate="{stamp(start)}" '
        f'endDate="{stamp(end)}">\n  <MetadataEntry key="HKIndoorWorkout" value="0"/>\n'
        f"{statistics}{link} </Workout>\n"
    )


def write_export(path: Path, size_bytes: int, seed: int = 17) -> dict[str, int]:
    """Write the export zip to `path`, streamed: the generator holds one day at a time. A zip takes one
    member at a time, so the routes wait in a temporary folder until export.xml is closed, then go in."""
    rng = random.Random(seed)
    day = datetime(2018, 1, 1)
    written = days = workouts = route_bytes = 0
    routes: dict[str, bytes] = {}
    with (
        tempfile.TemporaryDirectory(prefix="kniewijs-routes-") as folder,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive,
    ):
        with archive.open("apple_health_export/export.xml", "w", force_zip64=True) as xml:
            head = (
                f'<?xml version="1.0" encoding="UTF-8"?>\n{DTD}<HealthData locale="nl_NL">\n'
                ' <ExportDate value="2026-03-20 10:00:00 +0100"/>\n'
                ' <Me HKCharacteristicTypeIdentifierDateOfBirth="1988-05-04"/>\n'
            ).encode()
            xml.write(head)
            written += len(head)
            while written < size_bytes:
                lines = day_records(day, rng)
                if days % 2 == 0:
                    lines.append(workout(day, KINDS[(days // 2) % len(KINDS)], rng, routes))
                    workouts += 1
                chunk = "".join(lines).encode()
                xml.write(chunk)
                written += len(chunk)
                days += 1
                day += timedelta(days=1)
                for name, data in routes.items():
                    (Path(folder) / name).write_bytes(data)
                    route_bytes += len(data)
                routes.clear()
            xml.write(b"</HealthData>\n")
        for route_file in sorted(Path(folder).iterdir()):
            archive.write(route_file, f"apple_health_export/workout-routes/{route_file.name}")
    return {"xml_bytes": written, "days": days, "workouts": workouts, "route_bytes": route_bytes}


def import_export(path: Path) -> None:
    """Import the export as `kniewijs import` does (a file handle, never the whole zip in memory) into a
    fresh SQLite database, and print time, peak memory and what was stored."""
    data_dir = tempfile.mkdtemp(prefix="kniewijs-bench-")
    os.environ["KNIEWIJS_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ["DEBUG"] = "false"  # as deployed: Django keeps no SQL of every query
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kniewijs.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from kniewijs.training.importing import import_paths, runner_for_email
    from kniewijs.training.models import Activity, DailyEntry

    user = runner_for_email("bench@example.nl")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    began = time.perf_counter()
    statuses: dict[str, int] = {}
    for result in import_paths(user, [path]):
        statuses[result.status] = statuses.get(result.status, 0) + 1
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"import: {seconds:.1f} s, statuses {dict(sorted(statuses.items()))}")
    print(
        f"stored: {Activity.objects.filter(user=user).count()} activities, "
        f"{DailyEntry.objects.filter(user=user).count()} daily entries"
    )
    print(f"peak memory (maxrss): {peak:.0f} MB (before the import {before:.0f} MB; target under 300 MB)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=1024, help="export.xml unpacked")
    parser.add_argument("--keep", type=Path, help="write the export here and keep it")
    parser.add_argument("--write-only", action="store_true")
    parser.add_argument("--import-only", type=Path, help="import an export written before")
    args = parser.parse_args()
    if args.import_only:
        import_export(args.import_only)
        return 0
    path = args.keep or Path(tempfile.mkstemp(suffix=".zip", prefix="apple-health-")[1])
    began = time.perf_counter()
    made = write_export(path, args.size_mb * 1024**2)
    print(
        f"export: {path.stat().st_size / 1e6:.0f} MB zip, export.xml {made['xml_bytes'] / 1e6:.0f} MB, "
        f"{made['days']} days, {made['workouts']} workouts, routes {made['route_bytes'] / 1e6:.0f} MB "
        f"(written in {time.perf_counter() - began:.0f} s)"
    )
    if not args.write_only:
        # In a process of its own, so its peak memory is the import's and not the writer's.
        import subprocess

        subprocess.run([sys.executable, __file__, "--import-only", str(path)], check=True)
    if args.keep is None:
        path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
