"""Shoes named in a spreadsheet log: matched to the runner's pairs whatever the capitals and spaces, made
when new and named in the import result, and made once however often the file comes in."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kniewijs.training.history import report_for
from kniewijs.training.importing import import_bytes, shoe_key
from kniewijs.training.models import Activity, ImportJob, Shoe

pytestmark = pytest.mark.django_db

HEADER = "date;sport;distance_km;duration;shoe\n"
LOG = (
    HEADER + "2024-03-11 07:30;hardlopen;10;0:55:00;Pegasus 40\n"
    "2024-03-13 07:30;hardlopen;8,5;0:47:00;Novablast 4\n"
    "2024-03-15 07:30;hardlopen;12;1:06:00;  pegasus  40 \n"
    "2024-03-16 10:00;fietsen;30;1:10:00;Racefiets\n"
    "2024-03-17 09:00;hardlopen;6;0:33:00;\n"
).encode()


def imported(runner, data, name="log.csv"):
    [result] = list(import_bytes(runner, name, data))
    assert result.status == "imported", result.reason
    return result


def test_shoe_names_are_compared_without_capitals_or_extra_spaces():
    assert shoe_key("  pegasus  40 ") == shoe_key("Pegasus 40") == "pegasus 40"
    assert shoe_key("Novablast 4") != shoe_key("Novablast 3")


def test_a_shoe_the_runner_does_not_have_yet_is_made_and_named_in_the_result(runner, media_root):
    result = imported(runner, LOG)
    assert result.new_shoes == ["Pegasus 40", "Novablast 4"]  # a ride's "shoe" is no running shoe
    assert sorted(Shoe.objects.filter(user=runner).values_list("name", flat=True)) == [
        "Novablast 4",
        "Pegasus 40",
    ]
    out = result.to_dict("nl")
    assert out["new_shoes"] == ["Pegasus 40", "Novablast 4"]
    assert out["note"] == "Nieuwe schoenen aangemaakt: Pegasus 40, Novablast 4"
    assert result.to_dict("en")["note"] == "New shoes added: Pegasus 40, Novablast 4"
    pegasus = Shoe.objects.get(user=runner, name="Pegasus 40")
    assert Activity.objects.filter(user=runner, shoe=pegasus).count() == 2  # "  pegasus  40 " too


def test_the_kilometres_of_named_shoes_reach_the_shoe_totals(runner, media_root):
    imported(runner, LOG)
    report = report_for(runner)
    km = {s.shoe.name: round(s.km, 1) for s in report.shoes}
    assert km == {"Pegasus 40": 22.0, "Novablast 4": 8.5}


def test_an_existing_pair_is_found_whatever_the_capitals_and_spaces(runner, media_root):
    mine = Shoe.objects.create(user=runner, name="Pegasus 40")
    data = (HEADER + "2024-03-11 07:30;hardlopen;10;0:55:00;  PEGASUS   40\n").encode()
    result = imported(runner, data)
    assert result.new_shoes == [] and result.to_dict("nl")["note"] is None
    assert result.activities[0].shoe_id == mine.pk and Shoe.objects.filter(user=runner).count() == 1


def test_a_pair_in_use_is_chosen_before_a_retired_one_of_the_same_name(runner, media_root):
    from datetime import date

    Shoe.objects.create(user=runner, name="Pegasus 40", retired_on=date(2023, 1, 1))
    current = Shoe.objects.create(user=runner, name="pegasus 40")
    result = imported(runner, (HEADER + "2024-03-11 07:30;hardlopen;10;0:55:00;Pegasus 40\n").encode())
    assert result.activities[0].shoe_id == current.pk


def test_importing_the_same_log_again_makes_no_second_pair(runner, media_root):
    imported(runner, LOG)
    [again] = list(import_bytes(runner, "log.csv", LOG))
    assert again.status == "duplicate" and again.new_shoes == []
    # The same runs in a file with other bytes (a column added): known runs, no new shoes either.
    edited = LOG.replace(b"shoe\n", b"shoe;notes\n", 1)
    [third] = list(import_bytes(runner, "log-2.csv", edited))
    assert third.new_shoes == []
    assert Shoe.objects.filter(user=runner).count() == 2


def test_another_runners_shoes_are_never_matched(runner, second_runner, media_root):
    theirs = Shoe.objects.create(user=second_runner, name="Pegasus 40")
    result = imported(runner, (HEADER + "2024-03-11 07:30;hardlopen;10;0:55:00;Pegasus 40\n").encode())
    assert result.new_shoes == ["Pegasus 40"] and result.activities[0].shoe_id != theirs.pk


def test_the_import_page_names_the_shoes_it_made(runner_client, runner, media_root):
    response = runner_client.post(reverse("training:upload"), {"files": [SimpleUploadedFile("log.csv", LOG)]})
    job = ImportJob.objects.get(user=runner)
    assert job.status == "done"
    page = runner_client.get(response["Location"]).content.decode()
    assert "Nieuwe schoenen aangemaakt: Pegasus 40, Novablast 4." in page
    assert reverse("training:shoes") in page


def test_kniewijs_import_names_the_new_shoes_in_its_text_output(runner, media_root):
    import io

    from rich.console import Console

    from kniewijs.training.management.commands._progress import ImportProgress

    result = imported(runner, LOG).to_dict("nl")
    progress = ImportProgress([], enabled=True)
    progress.console = Console(file=io.StringIO(), width=200)
    progress.print_result(result)
    text = progress.console.file.getvalue()
    assert "imported log.csv - Nieuwe schoenen aangemaakt: Pegasus 40, Novablast 4" in text
