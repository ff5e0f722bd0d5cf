"""POST /api/v1/activities and GET /api/v1/imports?job=: the same import as the web and the CLI, as a job.

The upload is answered at once (202) with the job to poll; the import runs in the background (inline in
these tests, so the job is usually finished by the time it is polled; one test holds it back to show the
answer does not wait for it)."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kniewijs.training.models import Activity, ImportedFile, ImportJob, RunnerSettings

from .conftest import bearer, gpx_run, issue

pytestmark = pytest.mark.django_db

MONDAY_RUN = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)


def push(client, secret, name, data, **headers):
    return client.post(
        "/api/v1/activities", {"file": SimpleUploadedFile(name, data)}, **bearer(secret, **headers)
    )


def poll(client, secret, response, **headers):
    """The job behind a 202, fetched from the address the answer gives."""
    assert response.status_code == 202, response.content
    url = response["Location"]
    assert url == response.json()["url"] and url.endswith(f"/api/v1/imports?job={response.json()['id']}")
    answer = client.get(url, **bearer(secret, **headers))
    assert answer.status_code == 200, answer.content
    return answer.json()


def stored_files(media_root) -> list:
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


def test_a_gpx_run_is_answered_with_a_job_whose_result_names_the_activity_id(
    client, runner, write_secret, media_root
):
    response = push(client, write_secret, "ochtend.gpx", gpx_run(MONDAY_RUN, km=8))
    job = poll(client, write_secret, response)
    assert job["status"] == "done" and job["position"] is None and job["message"] is None
    assert (job["imported"], job["duplicates"], job["rejected"], job["done"], job["total"]) == (1, 0, 0, 1, 1)
    [result] = job["files"]
    activity = Activity.objects.get(user=runner)
    assert result["status"] == "imported" and result["reason"] is None
    assert result["activity"]["id"] == activity.pk
    assert [a["id"] for a in result["activities"]] == [activity.pk]
    assert result["activity"]["sport"] == "running" and result["activity"]["start"] == "2026-03-02T07:00:00Z"
    assert 7900 < result["activity"]["distance_m"] < 8100
    assert ImportedFile.objects.get(user=runner).original_name == "ochtend.gpx"
    assert job["page"].endswith(f"/log/importeren/{job['id']}/")


def test_the_answer_comes_before_the_import_and_the_job_is_polled_until_done(
    client, runner, write_secret, media_root, monkeypatch
):
    from kniewijs import tasks
    from kniewijs.training.jobs import run_job

    handed_over: list[str] = []
    monkeypatch.setattr(tasks, "dispatch", lambda task, *args: handed_over.append(args[0]))
    response = push(client, write_secret, "ochtend.gpx", gpx_run(MONDAY_RUN))
    assert response.status_code == 202
    waiting = response.json()
    assert waiting["status"] == "waiting" and waiting["files"] == [] and handed_over == [waiting["id"]]
    assert not Activity.objects.exists()  # nothing was read while the request waited
    run_job(ImportJob.objects.get(pk=waiting["id"]).pk)  # what the worker does with the message
    finished = client.get(response["Location"], **bearer(write_secret)).json()
    assert finished["status"] == "done" and finished["imported"] == 1


def test_the_same_file_twice_is_a_duplicate_with_the_dutch_reason(client, runner, write_secret, media_root):
    data = gpx_run(MONDAY_RUN)
    push(client, write_secret, "run.gpx", data)
    job = poll(client, write_secret, push(client, write_secret, "kopie.gpx", data))
    assert (job["imported"], job["duplicates"]) == (0, 1) and job["message"] is None
    [result] = job["files"]
    assert result["status"] == "duplicate"
    assert result["reason"] == "Dit bestand is al eerder ingelezen."
    assert Activity.objects.filter(user=runner).count() == 1


def test_the_reason_follows_the_accept_language_of_the_poll(client, runner, write_secret, media_root):
    data = gpx_run(MONDAY_RUN)
    push(client, write_secret, "run.gpx", data)
    again = push(client, write_secret, "run.gpx", data)
    english = client.get(again["Location"], **bearer(write_secret, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9"))
    assert english.json()["files"][0]["reason"] == "This file was imported before."
    assert english["Content-Language"] == "en"
    assert poll(client, write_secret, again)["files"][0]["reason"] == "Dit bestand is al eerder ingelezen."


def test_a_broken_file_ends_with_the_readers_message_and_nothing_is_stored(
    client, runner, write_secret, media_root
):
    job = poll(client, write_secret, push(client, write_secret, "kapot.gpx", b"<gpx><trk>afgebroken"))
    assert job["status"] == "done" and job["imported"] == 0 and job["rejected"] == 1
    assert "XML" in job["message"] and job["message"] == job["files"][0]["reason"]
    assert job["files"][0]["status"] == "rejected"
    assert not Activity.objects.exists() and not ImportedFile.objects.exists()
    assert stored_files(media_root) == []  # the staged upload is gone too


def test_a_zip_with_one_good_and_one_bad_member_stores_the_good_one(client, runner, write_secret, media_root):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("goed.gpx", gpx_run(MONDAY_RUN))
        archive.writestr("kapot.gpx", b"niet eens xml")
    job = poll(client, write_secret, push(client, write_secret, "export.zip", buffer.getvalue()))
    statuses = {f["file"].rsplit("!", 1)[-1]: f["status"] for f in job["files"]}
    assert statuses == {"goed.gpx": "imported", "kapot.gpx": "rejected"}
    assert (job["imported"], job["rejected"]) == (1, 1)


def test_one_byte_over_the_upload_cap_is_413_and_nothing_is_written(
    client, runner, write_secret, media_root, settings
):
    data = gpx_run(MONDAY_RUN)
    settings.KNIEWIJS_MAX_UPLOAD_BYTES = len(data) - 1
    response = push(client, write_secret, "run.gpx", data)
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert not ImportJob.objects.exists() and not ImportedFile.objects.exists()
    assert stored_files(media_root) == []


def test_a_file_exactly_at_the_cap_is_accepted(client, runner, write_secret, media_root, settings):
    data = gpx_run(MONDAY_RUN)
    settings.KNIEWIJS_MAX_UPLOAD_BYTES = len(data)
    assert poll(client, write_secret, push(client, write_secret, "run.gpx", data))["imported"] == 1


def test_a_request_without_a_file_is_422_naming_the_field_and_makes_no_job(
    client, runner, write_secret, media_root
):
    response = client.post("/api/v1/activities", {}, **bearer(write_secret))
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["file"]
    assert not ImportJob.objects.exists()


def test_an_empty_file_is_422_in_dutch_and_makes_no_job(client, runner, write_secret, media_root):
    response = push(client, write_secret, "leeg.fit", b"")
    assert response.status_code == 422
    assert response.json()["code"] == "empty"
    assert response.json()["message"].startswith("Er is niets om in te lezen")
    assert not ImportJob.objects.exists() and stored_files(media_root) == []


def test_a_runner_who_never_opened_the_log_can_upload_through_the_api(client, media_root, django_user_model):
    newcomer = django_user_model.objects.create_user(username="nieuw@example.nl", password="x" * 12)
    assert not RunnerSettings.objects.filter(user=newcomer).exists()
    job = poll(client, (secret := issue(newcomer)), push(client, secret, "run.gpx", gpx_run(MONDAY_RUN)))
    assert job["status"] == "done" and job["imported"] == 1, job
    assert Activity.objects.filter(user=newcomer).count() == 1
    assert RunnerSettings.objects.filter(user=newcomer).exists()


def test_an_upload_beyond_the_storage_quota_is_413_in_dutch_and_nothing_is_kept(
    client, runner, write_secret, media_root, settings
):
    data = gpx_run(MONDAY_RUN)
    settings.KNIEWIJS_STORAGE_QUOTA_BYTES = len(data) - 1
    response = push(client, write_secret, "run.gpx", data)
    assert response.status_code == 413 and response.json()["code"] == "over_quota"
    assert "past niet in uw opslag" in response.json()["message"]
    assert not ImportJob.objects.exists() and stored_files(media_root) == []


def test_an_account_with_a_full_queue_is_told_to_wait_with_429(
    client, runner, write_secret, media_root, settings, monkeypatch
):
    from kniewijs import tasks

    settings.KNIEWIJS_QUEUED_IMPORTS_PER_ACCOUNT = 2
    monkeypatch.setattr(tasks, "dispatch", lambda *args: None)  # no worker takes them
    for minutes in (0, 60):
        assert push(client, write_secret, f"{minutes}.gpx", gpx_run(MONDAY_RUN)).status_code == 202
    third = push(client, write_secret, "derde.gpx", gpx_run(MONDAY_RUN))
    assert third.status_code == 429 and third.json()["code"] == "too_many_imports"
    assert ImportJob.objects.filter(user=runner).count() == 2


def test_a_pushed_run_goes_to_the_token_owner_only_and_so_does_its_job(
    client, runner, second_runner, media_root
):
    brams = issue(second_runner)
    brams_upload = push(client, brams, "run.gpx", gpx_run(MONDAY_RUN))
    assert Activity.objects.filter(user=second_runner).count() == 1
    assert not Activity.objects.filter(user=runner).exists()
    # The same file from Anna is new for her: duplicates are per runner, and nothing of Bram's is shown.
    annas = issue(runner)
    assert poll(client, annas, push(client, annas, "run.gpx", gpx_run(MONDAY_RUN)))["imported"] == 1
    assert Activity.objects.filter(user=runner).count() == 1
    assert client.get(brams_upload["Location"], **bearer(annas)).status_code == 404


def test_a_read_token_may_poll_a_job_but_not_upload(client, runner, write_secret, read_secret, media_root):
    response = push(client, write_secret, "run.gpx", gpx_run(MONDAY_RUN))
    assert poll(client, read_secret, response)["imported"] == 1
    assert push(client, read_secret, "run.gpx", gpx_run(MONDAY_RUN)).status_code == 403
