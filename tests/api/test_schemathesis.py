"""Schemathesis against our own OpenAPI schema: every operation, valid and invalid input, never a 5xx.

The schema is fetched from the app itself (/api/v1/openapi.json) and every generated request goes to the
app in-process, through Django's test handler so the test's database transaction stays intact. The token
belongs to a runner with runs, daily entries and a shoe, so the reports have something to compute.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import schemathesis
from django.test.client import ClientHandler
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kniewijs.api.models import ApiToken, hash_secret
from kniewijs.training.models import Activity, DailyEntry, Shoe

_handler = ClientHandler(enforce_csrf_checks=True)


def django_app(environ, start_response):
    """A WSGI app over Django's test handler: like the real WSGI handler, minus closing the connection."""
    response = _handler(environ)
    headers = [
        *response.items(),
        *(("Set-Cookie", c.output(header="").strip()) for c in response.cookies.values()),
    ]
    start_response(f"{response.status_code} {response.reason_phrase}", headers)
    return response.streaming_content if response.streaming else [response.content]


# A fixed secret, so Schemathesis knows the token and leaves it out only when it tests a missing one.
SECRET = "kw_schemathesis-runs-with-this-write-token-0000"
CONFIG = SchemathesisConfig.from_dict({"auth": {"openapi": {"TokenAuth": {"bearer": SECRET}}}})
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", django_app, config=CONFIG)


@pytest.fixture
def runner_with_a_log(runner, media_root, settings):
    settings.KNIEWIJS_API_RATE_PER_MINUTE = (
        1_000_000  # the limit has its own tests; here it would only hide bugs
    )
    settings.KNIEWIJS_MAX_UPLOAD_BYTES = 64 * 1024
    shoe = Shoe.objects.create(user=runner, name="Pegasus", is_default=True)
    today = date.today()
    for days_ago in range(0, 60, 2):
        day = today - timedelta(days=days_ago)
        Activity.objects.create(
            user=runner,
            start=datetime(day.year, day.month, day.day, 7, tzinfo=UTC),
            local_date=day,
            duration_s=1800 + 20 * days_ago,
            distance_m=5000 + 100 * (days_ago % 7),
            avg_cadence_spm=170,
            shoe=shoe,
        )
        DailyEntry.objects.create(user=runner, date=day, pain_during=days_ago % 4, sleep_hours=7)
    ApiToken.objects.create(
        owner=runner,
        name="schemathesis",
        scope="write",
        token_hash=hash_secret(SECRET),
        shown_prefix=SECRET[:9],
    )
    return runner


@schema.parametrize()
@settings(
    max_examples=60,  # per operation: 5 operations, a few hundred requests, well under a minute
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_no_generated_request_gets_a_server_error(case, runner_with_a_log):
    # Any bytes are a schema-valid file, but only real activity files can be imported: the reader's 422
    # for random bytes is right, so "valid data is accepted" cannot hold for the upload.
    excluded = [positive_data_acceptance] if case.operation.path == "/api/v1/activities" else []
    case.call_and_validate(excluded_checks=excluded)
