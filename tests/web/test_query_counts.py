"""The pages of the load test (issue 6) ask the database a fixed, small number of questions: the same for one
run or years of them, one patient or twenty, one booking or a full week. A query per row (N+1) fails here."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kniewijs.clinic.models import AvailabilityException, Consent, PatientNote
from kniewijs.recovery.demo import DEMO_ANSWERS, load_demo_programme
from kniewijs.training.models import Activity, DailyEntry, RunnerSettings, Shoe

from ..conftest import grant, make_booking, make_physio

ZONE = ZoneInfo("Europe/Amsterdam")
pytestmark = pytest.mark.django_db


def queries(client: Client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in captured.captured_queries]


def log_days(user, days_back: range, shoes: int = 1) -> None:
    """Four runs a week and an entry every day on the days `days_back` before today, on `shoes` pairs."""
    pairs = Shoe.objects.bulk_create(Shoe(user=user, name=f"Paar {n}") for n in range(shoes))
    today = timezone.localdate()
    days = [today - timedelta(days=d) for d in days_back]
    Activity.objects.bulk_create(
        Activity(
            user=user,
            start=datetime.combine(day, time(7), ZONE),
            local_date=day,
            distance_m=8000 + 100 * (n % 30),
            duration_s=2800,
            avg_cadence_spm=166,
            shoe=pairs[n % shoes],
        )
        for n, day in enumerate(days)
        if day.weekday() in (0, 2, 4, 6)
    )
    DailyEntry.objects.bulk_create(
        (
            DailyEntry(user=user, date=day, resting_heart_rate=50, pain_during=n % 3)
            for n, day in enumerate(days)
        ),
        ignore_conflicts=True,  # a day a demo programme already noted knee pain for keeps that entry
    )


def quiet_runners(count: int) -> list:
    """Runner accounts without a password hash: twenty Argon2 hashes would only slow the test down."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"loper{n}@example.nl", email=f"loper{n}@example.nl", password="!")
        for n in range(count)
    )
    RunnerSettings.objects.bulk_create(RunnerSettings(user=u) for u in users)
    return users


def test_a_knowledge_page_and_the_self_check_need_no_database_at_all(client, django_assert_num_queries):
    client.get("/kennis/")  # the first request may set up the CSRF cookie
    with django_assert_num_queries(0):
        assert client.get("/kennis/oorzaken/").status_code == 200
    with django_assert_num_queries(0):
        assert client.get("/kniecheck/voorbeeld/knieschijf/").status_code == 200
    with django_assert_num_queries(0):
        page = client.post(
            "/kniecheck/vragen/", {"state": "{}", "step": "about", "age": "34", "injury": "no", "weeks": "3"}
        )
        assert page.status_code == 200 and b'name="step" value="about"' not in page.content


def test_the_runner_dashboard_asks_the_same_few_questions_for_one_run_or_years_of_runs(runner_client, runner):
    log_days(runner, range(1, 8))
    runner_client.get("/log/")  # the first request of a session writes its idle clock
    few = queries(runner_client, "/log/")
    log_days(runner, range(8, 3 * 365), shoes=8)
    many = queries(runner_client, "/log/")
    assert Activity.objects.filter(user=runner).count() > 600
    assert len(many) == len(few), many
    assert len(many) <= 8, many


def test_the_physio_dashboard_does_not_ask_per_patient_or_per_appointment(
    physio_client, physio, clinic, consenting_runner
):
    make_booking(clinic, physio, consenting_runner, hours=3)
    physio_client.get("/praktijk/")
    few = queries(physio_client, "/praktijk/")
    for n, other in enumerate(quiet_runners(20)):
        grant(other, clinic)
        make_booking(clinic, physio, other, hours=4 + 24 * (n % 10) + n // 10)
    many = queries(physio_client, "/praktijk/")
    assert Consent.objects.filter(clinic=clinic).count() == 4 * 21
    assert len(many) == len(few), many
    assert len(many) <= 8, many


def test_the_free_times_page_does_not_ask_per_booking_absence_or_therapist(client, clinic, physio):
    url = f"/afspraak/{clinic.slug}/tijden/"
    make_booking(clinic, physio, email="een@example.nl", hours=30)
    client.get(url)
    few = queries(client, url)
    colleagues = [make_physio(f"collega{n}@fysio.nl", clinic).therapist for n in range(2)]
    for n in range(20):
        make_booking(clinic, physio, email=f"gast{n}@example.nl", hours=31 + n)
    AvailabilityException.objects.create(
        therapist=colleagues[0],
        starts_at=timezone.now() + timedelta(days=2),
        ends_at=timezone.now() + timedelta(days=4),
    )
    many = queries(client, url)
    assert len(many) == len(few), many
    assert len(many) <= 12, many


def test_the_patient_record_does_not_grow_with_the_runners_data(
    physio_client, physio, clinic, consenting_runner
):
    today = timezone.localdate()
    log_days(consenting_runner, range(1, 8))
    make_booking(clinic, physio, consenting_runner, answers=DEMO_ANSWERS, hours=5)
    PatientNote.objects.create(
        clinic=clinic, runner=consenting_runner, author=physio.therapist, text="Eerste"
    )
    load_demo_programme(consenting_runner, today - timedelta(days=60)).sessions.all().delete()
    url = f"/praktijk/patient/{consenting_runner.pk}/"
    physio_client.get(url)
    few = queries(physio_client, url)

    log_days(consenting_runner, range(8, 3 * 365), shoes=6)
    for n in range(10):
        make_booking(clinic, physio, consenting_runner, answers=DEMO_ANSWERS, hours=-24 * (n + 1))
    authors = [physio.therapist] + [make_physio(f"collega{n}@fysio.nl", clinic).therapist for n in range(2)]
    PatientNote.objects.bulk_create(
        PatientNote(clinic=clinic, runner=consenting_runner, author=authors[n % 3], text=f"Notitie {n}")
        for n in range(20)
    )
    load_demo_programme(consenting_runner, today)  # a fresh programme with three weeks of logged sessions
    many = queries(physio_client, url)
    assert consenting_runner.programmes.get(active=True).sessions.count() > 5
    assert len(many) == len(few), many
    # 4 of them write the access log (one per category); 7 are the recovery section's own.
    assert len(many) <= 27, many
