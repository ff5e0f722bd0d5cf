"""POST /api/v1/activities: the same import as the web and the CLI, with its answers as HTTP codes."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kniewijs.training.models import Activity, ImportedFile

from .conftest import bearer, gpx_run, issue

pytestmark = pytest.mark.django_db

MONDAY_RUN = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)


def push(client, secret, name, data, **headers):
    return client.post(
        "/api/v1/activities", {"file": SimpleUploadedFile(name, data)}, **bearer(secret, **headers)
    )


def stored_files(media_root) -> list:
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


def test_a_gpx_run_is_imported_and_its_activity_id_returned(client, runner, write_secret, media_root):
    response = push(client, write_secret, "ochtend.gpx", gpx_run(MONDAY_RUN, km=8))
    assert response.status_code == 201
    body = response.json()
    assert (body["imported"], body["duplicates"], body["rejected"]) == (1, 0, 0)
    [result] = body["files"]
    activity = Activity.objects.get(user=runner)
    assert result["status"] == "imported" and result["reason"] is None
    assert result["activity"]["id"] == activity.pk
    assert [a["id"] for a in result["activities"]] == [activity.pk]
    assert result["activity"]["sport"] == "running" and result["activity"]["start"] == "2026-03-02T07:00:00Z"
    assert 7900 < result["activity"]["distance_m"] < 8100
    assert ImportedFile.objects.get(user=runner).original_name == "ochtend.gpx"


def test_the_same_file_twice_is_a_duplicate_with_the_dutch_reason(client, runner, write_secret, media_root):
    data = gpx_run(MONDAY_RUN)
    push(client, write_secret, "run.gpx", data)
    again = push(client, write_secret, "kopie.gpx", data)
    assert again.status_code == 200
    [result] = again.json()["files"]
    assert result["status"] == "duplicate"
    assert result["reason"] == "Dit bestand is al eerder ingelezen."
    assert Activity.objects.filter(user=runner).count() == 1


def test_the_reason_follows_accept_language(client, runner, write_secret, media_root):
    data = gpx_run(MONDAY_RUN)
    push(client, write_secret, "run.gpx", data)
    again = push(client, write_secret, "run.gpx", data, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert again.json()["files"][0]["reason"] == "This file was imported before."
    assert again["Content-Language"] == "en"


def test_a_broken_file_is_422_with_the_readers_message_and_nothing_is_stored(
    client, runner, write_secret, media_root
):
    response = push(client, write_secret, "kapot.gpx", b"<gpx><trk>afgebroken")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "unreadable"
    assert "XML" in body["message"] and body["message"] == body["files"][0]["reason"]
    assert body["files"][0]["status"] == "rejected"
    assert not Activity.objects.exists() and not ImportedFile.objects.exists()
    assert stored_files(media_root) == []


def test_a_zip_with_one_good_and_one_bad_member_stores_the_good_one(client, runner, write_secret, media_root):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("goed.gpx", gpx_run(MONDAY_RUN))
        archive.writestr("kapot.gpx", b"niet eens xml")
    response = push(client, write_secret, "export.zip", buffer.getvalue())
    assert response.status_code == 201
    statuses = {f["file"].rsplit("!", 1)[-1]: f["status"] for f in response.json()["files"]}
    assert statuses == {"goed.gpx": "imported", "kapot.gpx": "rejected"}
    assert response.json()["rejected"] == 1


def test_one_byte_over_the_upload_cap_is_413_and_nothing_is_written(
    client, runner, write_secret, media_root, settings
):
    data = gpx_run(MONDAY_RUN)
    settings.KNIEWIJS_MAX_UPLOAD_BYTES = len(data) - 1
    response = push(client, write_secret, "run.gpx", data)
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert not Activity.objects.exists() and not ImportedFile.objects.exists()
    assert stored_files(media_root) == []


def test_a_file_exactly_at_the_cap_is_accepted(client, runner, write_secret, media_root, settings):
    data = gpx_run(MONDAY_RUN)
    settings.KNIEWIJS_MAX_UPLOAD_BYTES = len(data)
    assert push(client, write_secret, "run.gpx", data).status_code == 201


def test_a_request_without_a_file_is_422_naming_the_field(client, runner, write_secret, media_root):
    response = client.post("/api/v1/activities", {}, **bearer(write_secret))
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["file"]


def test_a_pushed_run_goes_to_the_token_owner_only(client, runner, second_runner, media_root):
    brams = issue(second_runner)
    push(client, brams, "run.gpx", gpx_run(MONDAY_RUN))
    assert Activity.objects.filter(user=second_runner).count() == 1
    assert not Activity.objects.filter(user=runner).exists()
    # The same file from Anna is new for her: duplicates are per runner, and nothing of Bram's is shown.
    annas = issue(runner)
    response = push(client, annas, "run.gpx", gpx_run(MONDAY_RUN))
    assert response.status_code == 201
    assert Activity.objects.filter(user=runner).count() == 1
