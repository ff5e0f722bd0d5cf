"""The export: one zip with everything of the runner's, nothing of anyone else's, no secrets, safe CSV."""

import csv
import io
import json
import re
import zipfile
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from kniewijs.audit.models import AccessEvent
from kniewijs.privacy.export import csv_cell, export_filename, neutralise
from kniewijs.privacy.ownership import NOT_EXPORTED, owned_models

from .data import FORMULA_SHOE, TOTP_KEY, fill

pytestmark = pytest.mark.django_db

EXPORT = reverse("privacy:export")


@pytest.fixture(autouse=True)
def _files_in_a_temporary_folder(media_root):
    """The archives go to a temporary MEDIA_ROOT, and background work runs inline."""


def fetch(client):
    """Ask for the export (built at once: background work runs inline in tests) and download it."""
    asked = client.post(EXPORT)
    assert asked.status_code == 302 and asked["Location"] == EXPORT
    page = client.get(EXPORT).content.decode()
    link = re.search(r'href="([^"]+)" download', page)
    assert link, page
    return client.get(link.group(1))


def download(client) -> zipfile.ZipFile:
    response = fetch(client)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def rows(archive, base):
    return json.loads(archive.read(f"{base}.json"))


def csv_rows(archive, base):
    return list(csv.DictReader(io.StringIO(archive.read(f"{base}.csv").decode("utf-8-sig"))))


def everything(archive) -> bytes:
    return b"\n".join(archive.read(name) for name in archive.namelist())


@pytest.fixture
def anna_and_bram(runner, second_runner, clinic, physio, media_root):
    anna = fill(runner, clinic, physio, skip=("clinic.Therapist", "admin.LogEntry"))
    bram = fill(
        second_runner, clinic, physio, skip=("clinic.Therapist", "admin.LogEntry", "otp_totp.TOTPDevice")
    )
    return anna, bram


def test_the_page_offers_one_button(runner_client):
    response = runner_client.get(EXPORT)
    assert response.status_code == 200 and response.content.decode().count('type="submit"') >= 1


def test_the_zip_is_named_after_the_day(runner_client):
    with time_machine.travel(datetime(2026, 11, 24, 22, 30, tzinfo=UTC), tick=False):  # 23:30 in Amsterdam
        response = fetch(runner_client)
    assert 'filename="kniewijs-export-2026-11-24.zip"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"


def test_the_zip_holds_every_kind_of_the_runners_data(runner_client, runner, anna_and_bram):
    anna, _ = anna_and_bram
    archive = download(runner_client)
    names = set(archive.namelist())
    assert "README.txt" in names
    for owned in owned_models():
        if owned.label in NOT_EXPORTED:
            assert not any(
                n.startswith(f"data/{owned.model._meta.app_label}/{owned.model._meta.model_name}.")
                for n in names
            )
            continue
        base = f"data/{owned.model._meta.app_label}/{owned.model._meta.model_name}"
        assert {f"{base}.json", f"{base}.csv"} <= names, base
    [account] = rows(archive, "account")
    assert account["email"] == "anna@example.nl" and "password" not in account
    assert {a["name"] for a in rows(archive, "data/training/activity")} == {
        "Rondje " + str(runner.pk),
        "-dalen loop",
    }
    assert [s["name"] for s in rows(archive, "data/training/shoe")] == [FORMULA_SHOE]
    assert [d["note"] for d in rows(archive, "data/training/dailyentry")] == ["@thuis: knie stijf"]
    assert len(rows(archive, "data/recovery/programme")) == 1
    assert [s["pain_during"] for s in rows(archive, "data/recovery/sessionlog")] == [2]
    assert [q["score"] for q in rows(archive, "data/recovery/questionnaireresponse")] == [71.0]
    [booking] = rows(archive, "data/clinic/booking")
    assert booking["clinic_label"] == "Fysio Centrum" and booking["selfcheck_answers"] == {"pain_now": 3}
    assert {c["category"] for c in rows(archive, "data/clinic/consent")} == {
        "selfcheck",
        "training",
        "pain",
        "recovery",
    }
    assert [n["text"] for n in rows(archive, "data/clinic/patientnote")] == ["Knie rustig."]


def test_the_original_files_are_in_the_zip_as_imported(runner_client, runner, anna_and_bram):
    anna, _ = anna_and_bram
    archive = download(runner_client)
    [imported] = rows(archive, "data/training/importedfile")
    assert imported["stored"] == f"originals/{anna['imported_file'].pk}-ochtendloop.gpx"
    assert archive.read(imported["stored"]) == anna["original_bytes"]
    originals = [n for n in archive.namelist() if n.startswith("originals/")]
    assert originals == [imported["stored"]]
    track_file = next(a["track"] for a in rows(archive, "data/training/activity") if a["track"])
    assert archive.read(track_file)[:2] == b"PK"  # the compressed track, as a NumPy archive


def test_the_access_log_about_the_runner_is_in_the_zip(runner_client, anna_and_bram):
    archive = download(runner_client)
    entries = rows(archive, "access-log")
    assert len(entries) == 2 and {e["actor_name"] for e in entries} == {"Femke de Vries"}
    assert all(e["acting_for"] == "Fysio Centrum" and e["basis_in_words"] for e in entries)
    assert "subject" not in entries[0] and "source" not in entries[0]


def test_no_password_hash_totp_key_or_session_anywhere_in_the_zip(runner_client, runner, anna_and_bram):
    runner.refresh_from_db()
    archive = download(runner_client)
    blob = everything(archive)
    assert runner.password.encode() not in blob
    assert runner.password.split("$")[-1].encode() not in blob  # not even the bare hash
    assert TOTP_KEY.encode() not in blob
    apps = {name.split("/")[1] for name in archive.namelist() if name.startswith("data/")}
    assert apps == {
        "training",
        "recovery",
        "clinic",
        "privacy",
        "api",
    }  # no otp_totp, sessions, axes or admin


def test_another_runners_data_is_not_in_the_zip(runner_client, second_runner, anna_and_bram):
    _, bram = anna_and_bram
    archive = download(runner_client)
    blob = everything(archive)
    assert b"bram@example.nl" not in blob
    assert bram["original_bytes"] not in blob
    assert f"/praktijk/patient/{second_runner.pk}/".encode() not in blob
    assert all(row["user_id"] != second_runner.pk for row in rows(archive, "data/training/activity"))


def test_csv_text_that_looks_like_a_formula_is_neutralised_and_numbers_stay_numbers(
    runner_client, anna_and_bram
):
    archive = download(runner_client)
    [shoe] = csv_rows(archive, "data/training/shoe")
    assert shoe["name"] == "'" + FORMULA_SHOE and shoe["start_km"] == "12.5"
    [entry] = csv_rows(archive, "data/training/dailyentry")
    assert entry["note"] == "'@thuis: knie stijf"
    hand_entered = next(
        a for a in csv_rows(archive, "data/training/activity") if a["name"].endswith("dalen loop")
    )
    assert hand_entered["name"] == "'-dalen loop" and hand_entered["ascent_m"] == "-12.5"
    readme = archive.read("README.txt").decode()
    assert "apostrof" in readme and "apostrophe" in readme  # the rule is explained in Dutch and English


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_dangerous_first_character_gets_an_apostrophe(start):
    assert neutralise(f"{start}SUM(A1)") == f"'{start}SUM(A1)"
    assert csv_cell(f"{start}1") == f"'{start}1"


def test_numbers_are_written_as_numbers_and_harmless_text_as_is():
    assert csv_cell(-5) == -5 and csv_cell(-2.5) == -2.5 and csv_cell(0) == 0
    assert csv_cell(True) == "true" and csv_cell(None) == ""
    assert csv_cell("Rondje park") == "Rondje park" and csv_cell("a=b") == "a=b"
    assert csv_cell({"x": "=1"}) == '{"x": "=1"}'


def test_exporting_my_own_data_is_not_written_to_the_access_log(runner_client, anna_and_bram):
    before = AccessEvent.objects.count()
    download(runner_client)
    assert AccessEvent.objects.count() == before


def test_a_physios_export_holds_their_own_profile_but_not_their_patients_bookings(anna_and_bram, physio):
    client = Client()
    client.force_login(physio)
    archive = download(client)
    assert [t["name"] for t in rows(archive, "data/clinic/therapist")] == ["Femke de Vries"]
    assert rows(archive, "data/clinic/booking") == [] and rows(archive, "data/clinic/patientnote") == []
    assert b"anna@example.nl" not in everything(archive)


def test_an_export_without_data_still_explains_itself(runner_client):
    archive = download(runner_client)
    assert rows(archive, "data/training/activity") == []
    assert csv_rows(archive, "data/training/activity") == []
    assert "KNIEWIJS" in archive.read("README.txt").decode()


def test_the_filename_helper_uses_the_given_day():
    from datetime import date

    assert export_filename(date(2026, 1, 2)) == "kniewijs-export-2026-01-02.zip"


def test_a_get_never_downloads(runner_client):
    assert runner_client.get(EXPORT)["Content-Type"].startswith("text/html")
