"""The export page's status, as JSON for the page's script: the job's state for its owner, a 404 for anyone
else; and the README in the zip, which speaks to the runner as "u" and names the files the zip really holds."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from kniewijs.core.activity import Track
from kniewijs.privacy.export import write_export
from kniewijs.privacy.models import DataExport
from kniewijs.training.models import Activity
from kniewijs.training.tracks import pack

pytestmark = pytest.mark.django_db

EXPORT = reverse("privacy:export")


@pytest.fixture
def in_background(settings, media_root):
    """The export stays waiting, as while a worker is busy (see test_export_job)."""
    settings.KNIEWIJS_JOBS_INLINE = False
    settings.REDIS_URL = ""


def status_of(client, export):
    return client.get(reverse("privacy:export_status", args=[export.pk]))


def test_the_status_url_gives_the_owner_the_state_of_an_export_being_made(
    runner_client, runner, in_background
):
    runner_client.post(EXPORT)
    (export,) = DataExport.objects.filter(user=runner)
    response = status_of(runner_client, export)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    data = response.json()
    assert data["status"] == "waiting" and data["in_progress"] is True and data["download_url"] == ""
    assert data["text"] == "Uw download wordt gemaakt."


def test_the_status_url_offers_the_download_once_it_is_ready(runner_client, runner, media_root):
    runner_client.post(EXPORT)  # made at once: background work runs inline here
    (export,) = DataExport.objects.filter(user=runner)
    data = status_of(runner_client, export).json()
    assert data["status"] == "ready" and data["in_progress"] is False
    assert data["download_url"] == reverse("privacy:export_download", args=[export.pk])
    assert runner_client.get(data["download_url"]).status_code == 200


def test_someone_elses_status_is_not_found(runner_client, runner, second_runner, in_background):
    runner_client.post(EXPORT)
    (export,) = DataExport.objects.filter(user=runner)
    bram = Client()
    bram.force_login(second_runner)
    assert status_of(bram, export).status_code == 404
    assert status_of(Client(), export).status_code == 302  # to the login page


def test_the_page_loads_no_refresh_and_no_script_when_nothing_is_being_made(runner_client):
    page = runner_client.get(EXPORT).content.decode()
    assert "http-equiv" not in page and "export-status.js" not in page


def test_the_status_script_is_served_from_our_own_static_files(client):
    from django.contrib.staticfiles import finders

    found = finders.find("kniewijs/js/export-status.js")
    assert found and "data-status-url" in Path(found).read_text()


# --- the README -------------------------------------------------------------------------------------------
@pytest.fixture
def zip_with_a_track(runner, media_root):
    import numpy as np

    track = Track(time=np.arange(5, dtype=np.float64), channels={"heart_rate": np.full(5, 140.0)})
    Activity.objects.create(
        user=runner,
        start=datetime(2026, 11, 5, 18, tzinfo=UTC),
        local_date=datetime(2026, 11, 5).date(),
        distance_m=1000,
        duration_s=300,
        name="Met verloop",
        track=pack(track),
    )
    target = io.BytesIO()
    write_export(runner, target)
    return zipfile.ZipFile(io.BytesIO(target.getvalue()))


def test_the_readme_names_the_track_files_as_the_zip_holds_them(zip_with_a_track):
    readme = zip_with_a_track.read("README.txt").decode()
    tracks = [n for n in zip_with_a_track.namelist() if "activity-binary/" in n]
    assert tracks, "the run's track is in the zip"
    for name in tracks:
        folder, file = name.rsplit("/", 1)
        assert f"{folder}/" in readme
        suffix = "".join(Path(file).suffixes)
        assert re.fullmatch(r"\d+-track", file[: -len(suffix)]) and f"<nummer>-track{suffix}" in readme
        assert f"<number>-track{suffix}" in readme
    assert ".npz" not in readme


def test_the_dutch_readme_says_u_never_je(zip_with_a_track):
    readme = zip_with_a_track.read("README.txt").decode()
    dutch = readme.split("KNIEWIJS - YOUR DATA")[0]
    assert "UW GEGEVENS" in dutch and " over u bewaart" in dutch
    assert re.findall(r"\b(je|jij|jou|jouw|jezelf)\b", dutch, flags=re.IGNORECASE) == []
