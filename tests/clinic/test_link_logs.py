"""No booking link key in any log line: not in gunicorn's access log (the format `kniewijs serve` gives it, see
docs/deploy.md), not in Django's request logs, not in our JSON lines."""

from __future__ import annotations

import logging
import sys
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.urls import reverse
from gunicorn.config import Config
from gunicorn.glogging import Logger

from kniewijs import logs
from kniewijs.clinic import booking as service
from kniewijs.clinic import links
from kniewijs.clinic.models import Booking

from .test_booking_helpers import at, booker, knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("monday_morning")


@pytest.fixture
def booking(clinic, physio):
    return service.book(
        clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker()
    )


def serve_access_format(monkeypatch) -> str:
    """The access-log format `kniewijs serve` hands gunicorn, read from the command line it builds."""
    import gunicorn.app.wsgiapp

    seen: list[str] = []
    monkeypatch.setattr(gunicorn.app.wsgiapp, "run", lambda: seen.extend(sys.argv))
    call_command("serve", "--workers", "1")
    return seen[seen.index("--access-logformat") + 1]


@pytest.fixture
def gunicorn_log(monkeypatch, caplog):
    """gunicorn's own logger with our format, its lines captured by caplog."""
    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", serve_access_format(monkeypatch))
    logger = Logger(config)
    access = logging.getLogger("gunicorn.access")
    access.addHandler(caplog.handler)
    yield logger
    access.removeHandler(caplog.handler)


def access_line(logger: Logger, response) -> None:
    """What gunicorn writes for one request the test client made."""
    environ = dict(response.wsgi_request.environ)
    environ.setdefault(
        "RAW_URI",
        environ["PATH_INFO"] + ("?" + environ["QUERY_STRING"] if environ.get("QUERY_STRING") else ""),
    )
    environ.setdefault("SERVER_PROTOCOL", "HTTP/1.1")
    answer = SimpleNamespace(status=f"{response.status_code} X", sent=len(response.content), headers=[])
    logger.access(answer, SimpleNamespace(headers=[]), environ, timedelta(milliseconds=4))


def test_the_whole_link_flow_leaves_no_key_in_any_log_line(client, booking, gunicorn_log, caplog):
    caplog.set_level(logging.DEBUG)
    first_key = links.make_token(booking)
    mailed = links.manage_link(booking)
    assert mailed.endswith("#" + first_key)
    responses = [
        client.get(mailed.split("#")[0]),  # the browser never sends what follows the #
        client.post(reverse("booking:link"), {"token": first_key}),
        client.get(reverse("booking:manage", args=[booking.public_id])),
        client.get(reverse("booking:ics", args=[booking.public_id])),
        client.get(reverse("booking:reschedule", args=[booking.public_id])),
        client.post(reverse("booking:reschedule", args=[booking.public_id]), {"slot": at(5, 11).isoformat()}),
        client.get(reverse("booking:done", args=[booking.public_id])),
        client.post(reverse("booking:link"), {"token": first_key}),  # the old key now: 410, logged by Django
        client.post(reverse("booking:link"), {"token": first_key + "x"}),  # damaged: 404, logged by Django
        client.get(reverse("booking:cancel", args=[booking.public_id])),
        client.post(reverse("booking:cancel", args=[booking.public_id])),
        # A link from a mail sent before the key moved behind the #: the request line does hold it.
        client.get(reverse("booking:legacy_link", args=[first_key])),
    ]
    for response in responses:
        access_line(gunicorn_log, response)
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CANCELLED
    # Every key this booking ever had: version 1, after the move 2, after the cancel 3.
    keys = [links.make_token(Booking(public_id=booking.public_id, link_version=v)) for v in (1, 2, 3)]

    records = caplog.records
    access = [r for r in records if r.name == "gunicorn.access"]
    assert len(access) == len(responses)
    assert any(r.name == "django.request" and "Gone" in r.getMessage() for r in records)
    assert any(f"/afspraak/beheer/{booking.public_id}/verzetten/" in r.getMessage() for r in access)
    assert f"/afspraak/beheer/{logs.HIDDEN}/" in access[-1].getMessage()
    json_lines = [logs.JsonFormatter().format(r) for r in records]
    plain = logs.RedactingFormatter("%(levelname)s %(name)s %(message)s")
    for key in keys:
        for record, line in zip(records, json_lines, strict=True):
            assert key not in record.getMessage(), record.getMessage()
            assert key not in line and key not in plain.format(record)


def test_without_the_filter_the_old_style_line_would_hold_the_key(client, booking, gunicorn_log, caplog):
    """The check above can fail: gunicorn's format does write the path, key and all."""
    key = links.make_token(booking)
    access = logging.getLogger("gunicorn.access")
    filters = list(access.filters)
    for found in filters:
        access.removeFilter(found)
    try:
        access_line(gunicorn_log, client.get(reverse("booking:legacy_link", args=[key])))
    finally:
        for found in filters:
            access.addFilter(found)
    assert key in caplog.records[-1].getMessage()


def test_redact_hides_signed_values_and_nothing_else():
    from django.core import signing

    signed = signing.dumps({"b": "00000000-0000-0000-0000-000000000000", "v": 3}, salt="x")
    assert logs.redact(f'127.0.0.1 "GET /en/afspraak/beheer/{signed}/ HTTP/1.1" 302') == (
        f'127.0.0.1 "GET /en/afspraak/beheer/{logs.HIDDEN}/ HTTP/1.1" 302'
    )
    assert logs.redact(signed.replace(":", "%3A")) == logs.HIDDEN
    untouched = (
        "GET /afspraak/beheer/0f3a8f1e-9a47-4d1c-8b4f-2f4a1c3d5e6f/ 10:00:00 2025-06-04T10:00:00+02:00 ::1"
    )
    assert logs.redact(untouched) == untouched


def test_the_request_loggers_carry_the_filter():
    for name in logs.REQUEST_LOGGERS:
        assert any(isinstance(f, logs.RedactSecrets) for f in logging.getLogger(name).filters), name
