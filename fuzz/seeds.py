"""Valid activity files made by the project itself: the seeds that the fuzz corpus cuts and flips.

Nothing here is copied from shared/data: the FIT seed comes from the benchmark writer
(`bench/_fitwriter.py`) fed a synthetic run, and the GPX, TCX, CSV and archive seeds are written out
below. Everything is deterministic (fixed times, fixed zip dates, gzip mtime 0), so the generator
writes the same bytes on every run with the same zlib.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import math
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType

import numpy as np

from kniewijs.core.activity import ActivityData, Summary, Track

ROOT = Path(__file__).resolve().parents[1]
START = datetime(2024, 3, 15, 7, 0, tzinfo=UTC)
POINTS = 40
ZIP_DATE = (2024, 3, 15, 8, 0, 0)


def _fitwriter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_fitwriter", ROOT / "bench" / "_fitwriter.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def synthetic_run(points: int = POINTS, start: datetime = START) -> ActivityData:
    """An easy run along a canal near Utrecht: one sample per 5 s at about 3 m/s."""
    seconds = np.arange(points, dtype=np.float64) * 5.0
    time = start.timestamp() + seconds
    distance = seconds * 3.0
    lat = 52.09 + distance / 111_195.0
    lon = 5.12 + 0.0002 * np.sin(seconds / 60.0)
    heart = 130.0 + 20.0 * np.sin(seconds / 300.0)
    cadence = np.full(points, 166.0)
    speed = np.full(points, 3.0)
    track = Track(
        time=time,
        channels={
            "lat": lat,
            "lon": lon,
            "distance_m": distance,
            "heart_rate": np.round(heart),
            "cadence_spm": cadence,
            "speed_mps": speed,
        },
    )
    summary = Summary(distance_m=float(distance[-1]), duration_s=float(seconds[-1]))
    return ActivityData(sport="running", start=start, summary=summary, track=track, source_format="fit")


def fit_run(start: datetime = START, points: int = POINTS) -> bytes:
    """A FIT activity: file_id, records and one session, with header and file CRC (bench writer)."""
    data: bytes = _fitwriter().write_fit(synthetic_run(points, start), 0.0)
    return data


def fit_chain() -> bytes:
    """Two FIT files back to back (FIT Protocol allows chaining): a run and, an hour later, another."""
    return fit_run() + fit_run(START + timedelta(hours=3), points=12)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def gpx_run() -> bytes:
    """GPX 1.1 with Garmin's TrackPointExtension (heart rate, cadence per foot), in two segments."""
    run = synthetic_run()
    track = run.track
    points = []
    for i, t in enumerate(track.time):
        if i == POINTS // 2:
            points.append("</trkseg><trkseg>")
        when = _iso(datetime.fromtimestamp(float(t), UTC))
        points.append(
            f'<trkpt lat="{track.channels["lat"][i]:.6f}" lon="{track.channels["lon"][i]:.6f}">'
            f"<ele>{2.0 + math.sin(i / 5):.1f}</ele><time>{when}</time><extensions>"
            f"<gpxtpx:TrackPointExtension><gpxtpx:hr>{int(track.channels['heart_rate'][i])}</gpxtpx:hr>"
            "<gpxtpx:cad>83</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="Kniewijs fuzz seed" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        f"<metadata><time>{_iso(START)}</time></metadata>\n"
        "<trk><name>Rondje Vaartsche Rijn</name><type>running</type><trkseg>\n"
        + "".join(points)
        + "</trkseg></trk>\n</gpx>\n"
    ).encode()


def tcx_run() -> bytes:
    """Garmin TCX v2: one running activity, one lap with totals, trackpoints with extensions."""
    track = synthetic_run().track
    points = []
    for i, t in enumerate(track.time):
        when = _iso(datetime.fromtimestamp(float(t), UTC))
        points.append(
            f"<Trackpoint><Time>{when}</Time><Position>"
            f"<LatitudeDegrees>{track.channels['lat'][i]:.6f}</LatitudeDegrees>"
            f"<LongitudeDegrees>{track.channels['lon'][i]:.6f}</LongitudeDegrees></Position>"
            f"<AltitudeMeters>2.0</AltitudeMeters><DistanceMeters>{track.channels['distance_m'][i]:.1f}"
            f"</DistanceMeters><HeartRateBpm><Value>{int(track.channels['heart_rate'][i])}</Value>"
            '</HeartRateBpm><Extensions><TPX xmlns="http://www.garmin.com/xmlschemas/ActivityExtension/v2">'
            "<Speed>3.0</Speed><RunCadence>83</RunCadence></TPX></Extensions></Trackpoint>\n"
        )
    duration = float(track.time[-1] - track.time[0])
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">\n'
        f'<Activities><Activity Sport="Running"><Id>{_iso(START)}</Id>\n'
        f'<Lap StartTime="{_iso(START)}"><TotalTimeSeconds>{duration:.1f}</TotalTimeSeconds>'
        f"<DistanceMeters>{track.channels['distance_m'][-1]:.1f}</DistanceMeters><Calories>40</Calories>"
        "<AverageHeartRateBpm><Value>135</Value></AverageHeartRateBpm>"
        "<MaximumHeartRateBpm><Value>150</Value></MaximumHeartRateBpm><Intensity>Active</Intensity>"
        "<TriggerMethod>Manual</TriggerMethod><Track>\n"
        + "".join(points)
        + "</Track></Lap>\n<Creator><Name>Kniewijs fuzz seed</Name></Creator></Activity></Activities>\n"
        "</TrainingCenterDatabase>\n"
    ).encode()


def csv_log() -> bytes:
    """A Dutch spreadsheet log: semicolons, decimal commas, twenty weeks of Sunday runs."""
    rows = ["datum;sport;afstand_km;duur;hartslag;cadans;rpe;schoen;notities"]
    for week in range(20):
        day = (START + timedelta(days=7 * week)).date()
        km = 5 + week % 4
        minutes = km * 6
        rows.append(
            f"{day.isoformat()} 07:30;hardlopen;{km},{week % 10};0:{minutes:02d}:1{week % 10};"
            f"{140 + week % 9};{164 + week % 5};{3 + week % 5};Grijze schoen;week {week + 1}"
        )
    return ("\r\n".join(rows) + "\r\n").encode()


def strava_index_csv() -> bytes:
    return (
        b"Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename\n"
        b'1,"Mar 15, 2024, 7:00:00 AM",Ochtendloop,Run,195,0.59,activities/1.gpx.gz\n'
        b'2,"Mar 16, 2024, 7:00:00 AM",Baan,Run,195,0.59,activities/2.tcx\n'
        b'3,"Mar 17, 2024, 7:00:00 AM",Rustig,Run,195,0.59,activities/3.fit.gz\n'
    )


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def make_zip(members: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip with fixed dates, so the same members always give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = compression
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def strava_export() -> bytes:
    """A Strava bulk export: the index plus a gzipped GPX, a plain TCX and a gzipped FIT."""
    shifted = fit_run(START + timedelta(days=2))
    return make_zip(
        [
            ("activities.csv", strava_index_csv()),
            ("activities/1.gpx.gz", gz(gpx_run())),
            ("activities/2.tcx", tcx_run().replace(b"2024-03-15", b"2024-03-16")),
            ("activities/3.fit.gz", gz(shifted)),
        ]
    )


def garmin_export() -> bytes:
    """A Garmin Connect export: the outer zip holds a part zip, which holds the FIT files."""
    part = make_zip([("a@b.nl_1001.fit", fit_run()), ("a@b.nl_1002.fit", fit_run(START + timedelta(days=1)))])
    return make_zip(
        [
            (
                "DI_CONNECT/DI-Connect-Fitness/a@b.nl_0_summarizedActivities.json",
                b'{"summarizedActivities": []}',
            ),
            ("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", part),
        ]
    )


def all_seeds() -> dict[str, dict[str, bytes]]:
    """format -> {file name: bytes} of every valid seed."""
    return {
        "fit": {"run.fit": fit_run(), "chain.fit": fit_chain()},
        "gpx": {"run.gpx": gpx_run()},
        "tcx": {"run.tcx": tcx_run()},
        "csv": {"log.csv": csv_log()},
        "zip": {
            "strava_export.zip": strava_export(),
            "garmin_export.zip": garmin_export(),
            "run.gpx.gz": gz(gpx_run()),
        },
    }
