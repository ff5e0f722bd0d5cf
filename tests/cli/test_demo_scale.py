"""`kniewijs demo_scale`: load-test data made in bulk, on a small scale here (4 runners, 1 year, 1 clinic)."""

import json
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp

from kniewijs.clinic.demo import DEMO_TOTP_KEY
from kniewijs.clinic.models import Booking, Clinic, Consent, Therapist
from kniewijs.clinic.slots import next_offers
from kniewijs.training.management.commands.demo_scale import PASSWORD, clinic_slug, runner_email
from kniewijs.training.models import Activity, DailyEntry, RunnerSettings, Shoe

pytestmark = pytest.mark.django_db
ZONE = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def made(tmp_path):
    out = StringIO()
    manifest = tmp_path / "manifest.json"
    call_command("demo_scale", runners=4, years=1, clinics=1, manifest=manifest, stdout=out)
    return out.getvalue(), json.loads(manifest.read_text())


def test_every_runner_gets_a_year_of_runs_an_entry_for_every_day_and_shoes(made):
    runners = get_user_model().objects.filter(username__in=[runner_email(i) for i in range(4)])
    assert runners.count() == 4
    assert RunnerSettings.objects.filter(user__in=runners).count() == 4
    today = timezone.localdate()
    for runner in runners:
        runs = Activity.objects.filter(user=runner, sport="running")
        assert 52 * 3 * 0.8 < runs.count() < 53 * 5
        entries = DailyEntry.objects.filter(user=runner)
        first = entries.order_by("date").first().date
        assert entries.count() == (today - first).days + 1  # no day missing, none twice
        assert not Activity.objects.filter(user=runner, local_date__gt=today).exists()
        for run in runs.order_by("?")[:20]:
            assert run.start.astimezone(ZONE).date() == run.local_date
            assert run.shoe.user_id == runner.pk
        shoes = Shoe.objects.filter(user=runner)
        assert shoes.filter(is_default=True).count() == 1
        assert shoes.filter(retired_on__isnull=True).count() == 1


def test_the_clinic_has_physios_with_the_demo_key_free_times_consents_and_bookings(made):
    _output, manifest = made
    clinic = Clinic.objects.get(slug=clinic_slug(0))
    therapists = Therapist.objects.filter(clinics=clinic)
    assert therapists.count() == 3
    for therapist in therapists:
        device = therapist.user.totpdevice_set.get()
        assert device.confirmed and device.key == DEMO_TOTP_KEY
    knee_check = clinic.appointment_types.get(is_knee_check=True)
    assert next_offers(clinic, knee_check, now=timezone.now())
    patients = manifest["physios"][0]["patients"]
    assert patients  # one runner in four consents: runner 0 here
    assert Consent.objects.filter(runner_id__in=patients, clinic=clinic).count() == 4 * len(patients)
    assert Booking.objects.filter(
        clinic=clinic, starts_at__lt=timezone.now(), runner_id__in=patients
    ).exists()
    upcoming = Booking.objects.filter(clinic=clinic, starts_at__gt=timezone.now())
    assert upcoming.exists()
    assert not upcoming.values("therapist", "starts_at").annotate(n=Count("id")).filter(n__gt=1).exists()


def test_it_says_what_it_made_and_how_long_it_took(made):
    output, manifest = made
    assert "Made 4 runners (1 year each)" in output and " s." in output
    assert manifest["counts"]["runners"] == 4 and manifest["counts"]["activities"] > 0
    assert manifest["runners"] == [runner_email(i) for i in range(4)]
    assert manifest["password"] == PASSWORD and manifest["totp_key"] == DEMO_TOTP_KEY


def test_a_second_run_on_the_same_database_is_refused_clearly(made):
    before = Activity.objects.count()
    with pytest.raises(CommandError, match="already holds scale demo data"):
        call_command("demo_scale", runners=2, years=1, clinics=1, stdout=StringIO())
    assert Activity.objects.count() == before


def test_nonsense_sizes_are_refused():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("demo_scale", runners=0, stdout=StringIO())


def test_a_runner_signs_in_with_the_shared_password_and_sees_their_charts(made):
    client = Client()
    page = client.post("/account/inloggen/", {"username": runner_email(1), "password": PASSWORD}, follow=True)
    assert page.status_code == 200
    assert b"weekly-km-title" in page.content


def test_a_physio_passes_the_code_step_with_the_demo_key_as_the_load_test_does(made):
    _output, manifest = made
    physio = manifest["physios"][0]
    client = Client()
    page = client.post("/account/inloggen/", {"username": physio["email"], "password": PASSWORD}, follow=True)
    assert page.request["PATH_INFO"] == "/praktijk/code/"
    code = f"{totp(bytes.fromhex(DEMO_TOTP_KEY)):06d}"
    page = client.post("/praktijk/code/", {"code": code, "next": "/praktijk/"}, follow=True)
    assert page.request["PATH_INFO"] == "/praktijk/"
    assert f"/praktijk/patient/{physio['patients'][0]}/".encode() in page.content
