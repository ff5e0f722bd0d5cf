"""The API's import result tells what the reader found out about a recording: moving and elapsed time, a
sport guessed from the data with its reason, and the texts in the language of the request."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from .conftest import gpx_run
from .test_activities import poll, push

pytestmark = pytest.mark.django_db

SATURDAY = datetime(2026, 3, 7, 9, 0, tzinfo=UTC)


def without_type(gpx: bytes) -> bytes:
    return gpx.replace(b"<type>running</type>", b"")


def test_a_ride_without_a_sport_in_the_file_comes_back_guessed_with_its_reason_in_dutch(
    client, runner, write_secret, media_root
):
    ride = without_type(gpx_run(SATURDAY, km=40, minutes=100))  # 24 km/h
    job = poll(client, write_secret, push(client, write_secret, "rit.gpx", ride))
    [result] = job["files"]
    activity = result["activity"]
    assert activity["sport"] == "cycling" and activity["sport_source"] == "guessed"
    assert activity["sport_guess"].startswith("geraden uit 24")
    assert activity["partial"] is None and activity["pauses"] == 0
    assert activity["moving_s"] == pytest.approx(6000, abs=1) and activity["elapsed_s"] == pytest.approx(6000)
    assert result["new_shoes"] == [] and result["note"] is None


def test_the_guess_follows_the_language_of_the_poll(client, runner, write_secret, media_root):
    ride = without_type(gpx_run(SATURDAY, km=40, minutes=100))
    response = push(client, write_secret, "rit.gpx", ride)
    job = poll(client, write_secret, response, HTTP_ACCEPT_LANGUAGE="en")
    assert job["files"][0]["activity"]["sport_guess"].startswith("guessed from 24")
    assert "texts" not in job["files"][0]["activity"]


def test_a_run_whose_file_names_its_sport_is_not_guessed(client, runner, write_secret, media_root):
    job = poll(client, write_secret, push(client, write_secret, "loop.gpx", gpx_run(SATURDAY, km=8)))
    activity = job["files"][0]["activity"]
    assert activity["sport"] == "running" and activity["sport_source"] == "file"
    assert activity["sport_guess"] is None
