"""The API's fixtures: tokens for the named runners, a GPX run to push, and a fresh rate-limit count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache

from kniewijs.api.models import ApiToken


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The rate limit counts in the cache; every test starts with none used."""
    cache.clear()
    yield
    cache.clear()


def issue(user, scope: str = "write", name: str = "test") -> str:
    _token, secret = ApiToken.issue(user, name, scope)
    return secret


def bearer(secret: str, **headers: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}", **headers}


@pytest.fixture
def write_secret(runner) -> str:
    return issue(runner, "write")


@pytest.fixture
def read_secret(runner) -> str:
    return issue(runner, "read")


def gpx_run(start: datetime, km: float = 5.0, minutes: int = 30) -> bytes:
    """A straight run heading north at an even pace: enough for the GPX reader to make an activity of it."""
    points = []
    steps = minutes * 6  # a point every 10 seconds
    degrees = km / 111.2  # about 111.2 km per degree of latitude
    for i in range(steps + 1):
        when = (start + timedelta(seconds=10 * i)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        lat = 52.0 + degrees * i / steps
        points.append(f'<trkpt lat="{lat:.7f}" lon="5.1000000"><time>{when}</time></trkpt>')
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><type>running</type><trkseg>{''.join(points)}</trkseg></trk></gpx>"
    ).encode()
