"""The runner's own CSV log (docs/csv-format.md) and Strava's activities.csv."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.formats.csv_log import LogActivity, classify_csv, parse_strava_index, read_csv_log
from kniewijs.formats.errors import FileProblem, RejectedFile, SkippedFile

HEADER = "date,sport,distance_km,duration,avg_hr,cadence_spm,rpe,shoe,notes"

STRAVA = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,"
    "Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed\n"
    '101,"Jan 3, 2020, 6:31:56 PM",Avondloop,Run,,3000,10.02,170,50,false,,Pegasus,activities/101.fit.gz,'
    "70,,3000.0,2900.0,10020.5,4.1\n"
    '102,"Feb 14, 2021, 8:00:00 AM",Morning Ride,Ride,,5400,40.1,150,60,false,,,activities/102.gpx.gz,'
    "70,,5400.0,5000.0,40100.0,12\n"
    '103,"Mar 1, 2021, 12:00:00 PM",Yoga,Yoga,,3600,0,,10,false,,,,70,,3600.0,3600.0,0,0\n'
)


def test_a_comma_separated_log_becomes_one_activity_per_row_with_every_column() -> None:
    data = (
        HEADER + "\n2024-03-15 07:30,running,10.5,0:55:30,148,172,6,Pegasus 40,rustig duurloopje\n"
    ).encode()
    (run,) = read_csv_log(data)
    assert isinstance(run, LogActivity)
    assert run.source_format == "csv"
    assert run.sport == "running"
    assert run.start == datetime(2024, 3, 15, 6, 30, tzinfo=UTC)  # Amsterdam is UTC+1 in March
    assert run.summary.distance_m == 10500.0
    assert run.summary.duration_s == 55 * 60 + 30
    assert run.summary.avg_heart_rate == 148.0
    assert run.summary.avg_cadence_spm == 172.0
    assert run.summary.avg_speed_mps == pytest.approx(10500 / 3330)
    assert (run.rpe, run.shoe, run.notes) == (6.0, "Pegasus 40", "rustig duurloopje")
    assert run.records == 0


def test_dutch_excel_csv_with_semicolons_decimal_commas_a_bom_and_dutch_dates_is_read() -> None:
    text = "datum;sport;afstand_km;duur;hartslag\n15-07-2024 07:30;hardlopen;8,25;48,5;141\n16-07-2024;fietsen;30;1:30:00;\n"
    run, ride = read_csv_log(b"\xef\xbb\xbf" + text.encode())
    assert run.sport == "running" and ride.sport == "cycling"
    assert run.start == datetime(2024, 7, 15, 5, 30, tzinfo=UTC)  # summer time, UTC+2
    assert run.summary.distance_m == 8250.0
    assert run.summary.duration_s == 48.5 * 60
    assert ride.start == datetime(2024, 7, 16, 10, 0, tzinfo=UTC)  # a date alone is 12:00 local
    assert ride.summary.avg_heart_rate is None


def test_excels_windows_1252_encoding_is_read_too() -> None:
    text = "date;distance_km;duration;notes\n2024-03-15;5;30;café met Jörg\n"
    (run,) = read_csv_log(text.encode("cp1252"))
    assert isinstance(run, LogActivity) and run.notes == "café met Jörg"


def test_the_timezone_column_says_where_the_local_time_was() -> None:
    data = b"date,timezone,distance_km\n2024-03-15 07:30,America/New_York,5\n2024-03-15 07:30,,5\n"
    new_york, amsterdam = read_csv_log(data)
    assert new_york.start == datetime(2024, 3, 15, 11, 30, tzinfo=UTC)
    assert amsterdam.start == datetime(2024, 3, 15, 6, 30, tzinfo=UTC)


def test_empty_rows_and_unknown_columns_are_ignored() -> None:
    data = b"date;distance_km;weer\n2024-03-15;5;zon\n;;\n\n2024-03-16;6;regen\n;;\n"
    assert [a.summary.distance_m for a in read_csv_log(data)] == [5000.0, 6000.0]


def test_a_row_without_sport_is_running_and_an_unknown_sport_is_other_with_its_word_kept() -> None:
    data = b"date,sport,duration\n2024-03-15,,30\n2024-03-16,krachttraining,45\n"
    run, gym = read_csv_log(data)
    assert run.sport == "running"
    assert (gym.sport, gym.sub_sport) == ("other", "krachttraining")


def test_a_bad_distance_rejects_the_whole_file_naming_the_row_in_both_languages() -> None:
    rows = "".join(f"2024-03-{day:02d},5,30\n" for day in range(1, 11))
    data = ("date,distance_km,duration\n" + rows + "2024-03-11,abc,30\n").encode()
    with pytest.raises(RejectedFile) as problem:
        read_csv_log(data)
    assert problem.value.reason.nl == "Regel 12: de afstand 'abc' is geen getal."
    assert problem.value.reason.en == "Row 12: the distance 'abc' is not a number."


@pytest.mark.parametrize(
    ("row", "dutch"),
    [
        ("2024-02-30,5,30,,", "Regel 2: de datum '2024-02-30' is niet te lezen"),
        ("03/15/2024,5,30,,", "Regel 2: de datum '03/15/2024' is niet te lezen"),
        (",5,30,,", "Regel 2: de datum ontbreekt."),
        ("2024-03-15,,,,", "Regel 2: er staat geen afstand en geen duur in."),
        ("2024-03-15,5,45:30,,", "Regel 2: de duur '45:30' is niet te lezen"),
        ("2024-03-15,5,0:75:00,,", "Regel 2: de duur '0:75:00' is niet te lezen"),
        ("2024-03-15,-5,30,,", "Regel 2: de afstand -5 ligt niet tussen 0 en 1000."),
        ("2024-03-15,5,30,300,", "Regel 2: de hartslag 300 ligt niet tussen 25 en 250."),
        ("2024-03-15,5,30,,11", "Regel 2: de RPE 11 ligt niet tussen 0 en 10."),
    ],
)
def test_each_kind_of_bad_value_is_named_with_its_row(row: str, dutch: str) -> None:
    with pytest.raises(RejectedFile) as problem:
        read_csv_log(f"date,distance_km,duration,avg_hr,rpe\n{row}\n".encode())
    assert problem.value.reason.nl.startswith(dutch)
    assert problem.value.reason.en.startswith("Row 2: ")


def test_an_unknown_timezone_is_a_bad_row() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_csv_log(b"date,timezone,distance_km\n2024-03-15,Mars/Olympus,5\n")
    assert "Mars/Olympus" in problem.value.reason.en


def test_a_file_without_a_header_row_is_rejected_explaining_the_header() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_csv_log(b"2024-03-15,5,30\n2024-03-16,6,31\n")
    assert "'date'" in problem.value.reason.nl and "kolomnamen" in problem.value.reason.nl


def test_a_header_without_rows_is_skipped() -> None:
    with pytest.raises(SkippedFile):
        read_csv_log(b"date,distance_km\n")


def test_a_column_named_twice_is_rejected() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_csv_log(b"date,distance_km,afstand\n2024-03-15,5,5\n")
    assert "twee keer" in problem.value.reason.nl


def test_binary_data_is_rejected_as_not_text() -> None:
    with pytest.raises(RejectedFile) as problem:
        read_csv_log(b"date,distance_km\n\x00\x01\x02")
    assert "geen tekst" in problem.value.reason.nl


def test_strava_activities_csv_is_recognised_and_skipped_as_the_index_of_an_export() -> None:
    assert classify_csv(STRAVA.encode()) == "strava"
    with pytest.raises(SkippedFile) as problem:
        read_csv_log(STRAVA.encode())
    assert "Strava" in problem.value.reason.en


def test_the_strava_index_gives_sport_name_start_and_metres_per_file() -> None:
    index = parse_strava_index(STRAVA.encode())
    assert set(index) == {"activities/101.fit.gz", "activities/102.gpx.gz"}  # the yoga has no file
    run = index["activities/101.fit.gz"]
    assert (run.sport, run.name, run.activity_type) == ("running", "Avondloop", "Run")
    assert run.start == datetime(2020, 1, 3, 18, 31, 56, tzinfo=UTC)
    assert run.distance_m == 10020.5  # the second Distance column, in metres
    assert (run.elapsed_s, run.moving_s) == (3000.0, 2900.0)
    ride = index["activities/102.gpx.gz"]
    assert ride.sport == "cycling" and ride.start == datetime(2021, 2, 14, 8, 0, tzinfo=UTC)


def test_a_strava_row_with_an_unreadable_date_keeps_its_other_fields() -> None:
    broken = STRAVA.replace('"Jan 3, 2020, 6:31:56 PM"', "gisteren")
    assert parse_strava_index(broken.encode())["activities/101.fit.gz"].start is None


def test_classify_tells_a_log_from_other_csv_files() -> None:
    assert classify_csv(b"\xef\xbb\xbfDatum;Afstand (km);Duur\n") == "log"
    assert classify_csv(b"name,email\n") is None
    assert classify_csv(b"\x00\x01") is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_give_a_file_problem_and_nothing_else(data: bytes) -> None:
    with contextlib.suppress(FileProblem):
        read_csv_log(data)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet="0123456789-:,.; abcT/\"'\n", max_size=12), min_size=1, max_size=6),
        max_size=6,
    )
)
def test_random_rows_under_a_valid_header_give_activities_or_a_file_problem(rows: list[list[str]]) -> None:
    data = ("date;distance_km;duration;avg_hr;rpe;timezone\n" + "\n".join(";".join(r) for r in rows)).encode()
    try:
        activities = read_csv_log(data)
    except FileProblem:
        return
    for activity in activities:
        assert activity.start.tzinfo is not None
        assert activity.distance_m is not None or activity.duration_s is not None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_break_the_strava_index(data: bytes) -> None:
    with contextlib.suppress(FileProblem):
        parse_strava_index(STRAVA.encode()[:300] + data)
