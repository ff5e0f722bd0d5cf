"""The guard for privacy zones: no coordinate inside a runner's zone reaches anyone else, on any page.

Anna has a zone around her home and runs that start and end inside it. Every URL pattern the resolver knows is
asked with GET as another runner, as the physio she consented to, as a physio of another clinic and as nobody;
the physio's PDF is read as text; the API is asked with another runner's token. No answer may contain a
coordinate from inside the zone, written with 4, 5 or 6 decimals, with a dot or a comma.

Today no page shows coordinates to anyone but the owner, so this passes without masking anything: it is here
for the day a map or a route export for others is added.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from kniewijs.api.models import ApiToken
from kniewijs.clinic.links import make_token
from kniewijs.core.activity import Track
from kniewijs.core.privacy_zones import EARTH_RADIUS_M, Zone, inside_any
from kniewijs.privacy.models import DataExport, PrivacyZone
from kniewijs.privacy.zones import track_for_others, zones_for
from kniewijs.recovery.models import Programme
from kniewijs.recovery.views import calendar_token
from kniewijs.training.importing import import_bytes
from kniewijs.training.models import Activity, DailyEntry, ImportJob, Shoe
from kniewijs.training.tracks import pack, unpack
from tests.clinic.test_authorization_matrix import World, _path, _patterns, _ready_export
from tests.conftest import make_booking, verified_client

pytestmark = pytest.mark.django_db

HOME_LAT, HOME_LON, RADIUS_M = 52.093718, 5.127463, 400
HOME = Zone(lat=HOME_LAT, lon=HOME_LON, radius_m=RADIUS_M)
DEGREES_PER_METRE = 180 / (np.pi * EARTH_RADIUS_M)
DECIMALS = (4, 5, 6)


def run_from_home(start: datetime) -> Track:
    """Out of the front door, 2 km north-east and back, a point every 5 seconds (about 15 m)."""
    out = np.linspace(20.0, 2000.0, 133)
    metres = np.concatenate([out, out[::-1]])
    n = metres.shape[0]
    lat = HOME_LAT + 0.00003 + metres * 0.8 * DEGREES_PER_METRE
    lon = HOME_LON - 0.00002 + metres * 0.6 * DEGREES_PER_METRE / np.cos(np.radians(HOME_LAT))
    return Track(
        time=start.timestamp() + 5.0 * np.arange(n),
        channels={
            "lat": lat,
            "lon": lon,
            "heart_rate": np.linspace(110, 165, n),
            "distance_m": np.cumsum(np.full(n, 15.0)),
        },
    )


def gpx_of(track: Track) -> bytes:
    points = "".join(
        f'<trkpt lat="{la:.7f}" lon="{lo:.7f}"><time>{datetime.fromtimestamp(t, UTC):%Y-%m-%dT%H:%M:%SZ}</time></trkpt>'
        for t, la, lo in zip(track.time, track.channels["lat"], track.channels["lon"], strict=True)
    )
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>Rondje vanaf huis</name><type>running</type><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def _written(value: float, decimals_wanted: tuple[int, ...] = DECIMALS) -> set[str]:
    """`value` as a page might print it: rounded or cut off at 4, 5 or 6 decimals, with a dot or a comma."""
    whole, fraction = f"{value:.12f}".split(".")
    forms = set()
    for decimals in decimals_wanted:
        forms |= {f"{value:.{decimals}f}", f"{whole}.{fraction[:decimals]}"}
    return forms | {f.replace(".", ",") for f in forms}


def secret_pattern(track: Track, decimals: tuple[int, ...] = DECIMALS) -> re.Pattern[str]:
    """Every coordinate inside the zone (as built and as stored in float32) and the zone's own centre."""
    values = {HOME_LAT, HOME_LON}
    for version in (track, unpack(pack(track))):
        lat, lon = version.channels["lat"], version.channels["lon"]
        inside = inside_any(lat, lon, [HOME])
        values |= set(lat[inside].tolist()) | set(lon[inside].tolist())
    needles = set().union(*(_written(v, decimals) for v in values))
    # Not after a digit: 5.1274 must not match inside 15.1274.
    return re.compile(r"(?<![0-9])(?:" + "|".join(re.escape(n) for n in sorted(needles)) + ")")


def body_of(response) -> str:
    if response.get("Content-Type", "").startswith("application/pdf"):
        from pypdf import PdfReader

        data = b"".join(response.streaming_content) if response.streaming else response.content
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.fixture
def anna_at_home(consenting_runner, clinic, physio, media_root):
    """Anna, consenting to `clinic`, with a zone round her home, a run from home (packed by hand) and the same
    run imported from a GPX file, plus enough of everything else that the clinic's pages have content."""
    anna = consenting_runner
    PrivacyZone.objects.create(user=anna, name="Thuis", lat=HOME_LAT, lon=HOME_LON, radius_m=RADIUS_M)
    start = (timezone.now() - timedelta(days=2)).replace(microsecond=0)
    track = run_from_home(start)
    activity = Activity.objects.create(
        user=anna,
        start=start,
        local_date=timezone.localtime(start).date(),
        duration_s=float(track.time[-1] - track.time[0]),
        distance_m=4000,
        records=len(track),
        track=pack(track),
    )
    gpx_track = Track(time=track.time + 86_400, channels=dict(track.channels))
    [imported] = list(import_bytes(anna, "vanaf-huis.gpx", gpx_of(gpx_track)))
    assert imported.status == "imported", imported
    booking = make_booking(clinic, physio, anna, {"injury": False}, hours=30)
    world = World(
        owner=anna,
        activity=activity,
        shoe=Shoe.objects.create(user=anna, name="Pegasus"),
        job=ImportJob.objects.create(user=anna),
        booking=booking,
        calendar_token=calendar_token(anna.pk),
        booking_token=make_token(booking),
        api_token=ApiToken.issue(anna, "zones", "write")[0],
        reset=(urlsafe_base64_encode(force_bytes(anna.pk)), default_token_generator.make_token(anna)),
        export=_ready_export(anna),  # her own download, with the zone and the track in it
    )
    DailyEntry.objects.create(user=anna, date=timezone.localdate(), pain_during=2)
    Programme.objects.create(
        user=anna,
        started_on=timezone.localdate() - timedelta(days=7),
        severity="light",
        exercises=["single_leg_squat"],
    )
    return world, track


def test_the_search_finds_a_home_coordinate_however_it_is_written(anna_at_home):
    """The guard can fail: the owner's own, unmasked track gives itself away in every usual notation."""
    world, track = anna_at_home
    secret = secret_pattern(track)
    stored = unpack(Activity.objects.get(pk=world.activity.pk).track)
    first = (float(stored.channels["lat"][0]), float(stored.channels["lon"][0]))
    assert secret.search(json.dumps(stored.channels["lat"].tolist()))
    assert secret.search(f"{first[0]:.4f}".replace(".", ","))
    assert secret.search(f"positie {first[1]:.5f}")
    assert secret.search(f'"center": [{HOME_LAT}, {HOME_LON}]')
    assert not secret.search(f"{first[0] + 1:.6f} 15.1274 {HOME_LON + 0.1:.4f}")


def test_track_for_others_hides_every_point_inside_the_zone_and_keeps_the_rest(anna_at_home):
    world, track = anna_at_home
    masked = track_for_others(Activity.objects.get(pk=world.activity.pk))
    stored = unpack(Activity.objects.get(pk=world.activity.pk).track)
    inside = inside_any(stored.channels["lat"], stored.channels["lon"], zones_for(world.owner))
    assert inside[:5].all() and inside[-5:].all() and not inside.all()  # starts and ends at home
    assert np.isnan(masked.channels["lat"][inside]).all() and np.isnan(masked.channels["lon"][inside]).all()
    assert np.array_equal(masked.channels["lat"][~inside], stored.channels["lat"][~inside])
    assert np.array_equal(masked.channels["heart_rate"], stored.channels["heart_rate"])
    # Six decimals only: at four (about 11 m) a point just outside the edge reads like one just inside.
    secret = secret_pattern(track, decimals=(6,))
    assert not secret.search(json.dumps([masked.channels["lat"].tolist(), masked.channels["lon"].tolist()]))
    assert secret.search(json.dumps([stored.channels["lat"].tolist(), stored.channels["lon"].tolist()]))


def test_track_for_others_of_a_runner_without_zones_is_the_whole_track(anna_at_home):
    world, _track = anna_at_home
    PrivacyZone.objects.filter(user=world.owner).delete()
    masked = track_for_others(world.activity)
    assert np.array_equal(masked.channels["lat"], unpack(world.activity.track).channels["lat"])


def test_no_page_gives_anyone_else_a_coordinate_from_inside_the_zone(
    anna_at_home, physio_client, other_physio, second_runner
):
    world, track = anna_at_home
    secret = secret_pattern(track)
    bram = Client()
    bram.force_login(second_runner)
    visitors = {
        "another runner": bram,
        "the consented physio": physio_client,
        "a physio of another clinic": verified_client(other_physio),
        "anonymous": Client(),
    }
    patterns = list(_patterns())
    assert len(patterns) > 60, "the resolver walk found too few patterns"
    leaks: list[str] = []
    for who, client in visitors.items():
        for route, name in patterns:
            path = _path(route, name, world)
            response = client.get(path)
            found = secret.search(body_of(response))
            if found:
                leaks.append(f"GET {path} ({name}) as {who} ({response.status_code}) shows {found.group()!r}")
    # The physio's pages have real content about Anna, or this walk proved little.
    for name in ("physio:patient", "physio:patient_pdf"):
        response = physio_client.get(reverse(name, kwargs={"runner_id": world.owner.pk}))
        assert response.status_code == 200, name
    assert not leaks, "\n".join(leaks)


def test_the_api_gives_another_runners_token_no_coordinate_from_inside_the_zone(anna_at_home, second_runner):
    api_models = pytest.importorskip("kniewijs.api.models")
    world, track = anna_at_home
    secret = secret_pattern(track)
    _token, key = api_models.ApiToken.issue(second_runner, "bram", "write")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    routes = [(route, name) for route, name in _patterns() if _path(route, name, world).startswith("/api/")]
    assert routes, "no API pattern found under /api/"
    leaks = []
    for route, name in routes:
        path = _path(route, name, world)
        for query in ("", "?weeks=520"):
            response = client.get(path + query)
            found = secret.search(body_of(response))
            if found:
                leaks.append(f"GET {path}{query} ({name}) with Bram's token shows {found.group()!r}")
    assert not leaks, "\n".join(leaks)


def test_the_owners_own_export_keeps_the_full_route_and_the_zone(anna_at_home, client):
    """The zones are about others; what Anna downloads for herself is all hers."""
    world, track = anna_at_home
    client.force_login(world.owner)
    client.post(reverse("privacy:export"))
    (export,) = DataExport.objects.filter(user=world.owner)
    response = client.get(reverse("privacy:export_download", args=[export.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    texts = {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}
    secret = secret_pattern(track)
    assert secret.search(texts["data/privacy/privacyzone.json"])
    assert any(secret.search(text) for name, text in texts.items() if name.startswith("originals/"))
    readme = texts["README.txt"]
    assert "privacyzones" in readme and "privacy zones" in readme
