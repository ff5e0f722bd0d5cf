"""`make run`'s demo has a clinic, two physios, free slots and a booked demo runner who consents."""

from django.core.management import call_command
from django_otp.oath import totp

from kniewijs.audit.log import pseudonym
from kniewijs.audit.models import AccessEvent
from kniewijs.clinic.demo import DEMO_TOTP_KEY, totp_secret
from kniewijs.clinic.models import Booking, Clinic, Consent, Therapist
from kniewijs.training.demo import DEMO_EMAIL


def test_the_demo_has_a_clinic_two_physios_and_a_booked_consenting_runner(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("demo")
    call_command("demo")  # idempotent
    clinic = Clinic.objects.get(slug="hardloopknie")
    assert Therapist.objects.filter(clinics=clinic).count() == 2
    # The demo's administrator manages the demo clinic, and may send physio invitations there.
    (admin,) = clinic.administrators.all()
    assert admin.email == "beheer@kniewijs.nl" and not admin.is_superuser
    assert admin.has_perm("clinic.add_therapistinvitation") and not admin.has_perm("auth.change_user")
    booking = Booking.objects.get(runner__email=DEMO_EMAIL, status="active")
    assert booking.has_report
    assert Consent.objects.active().filter(runner__email=DEMO_EMAIL, clinic=clinic).count() == 4
    assert AccessEvent.objects.filter(subject=pseudonym(booking.runner_id)).count() == 3
    from django.utils import timezone

    from kniewijs.clinic.slots import next_offers

    knee_check = clinic.appointment_types.get(is_knee_check=True)
    assert len(next_offers(clinic, knee_check, now=timezone.now(), count=6)) == 6
    assert clinic.faq.count() >= 5


def test_the_printed_demo_key_is_the_key_of_the_demo_devices():
    from base64 import b32decode

    assert b32decode(totp_secret()).hex() == DEMO_TOTP_KEY
    assert 0 <= totp(bytes.fromhex(DEMO_TOTP_KEY)) < 1_000_000


def test_the_printed_demo_api_key_reads_the_demo_runners_warnings(db, settings, tmp_path):
    import re
    from io import StringIO

    from django.test import Client

    settings.MEDIA_ROOT = tmp_path
    out = StringIO()
    call_command("demo", stdout=out)
    secret = re.search(r"Bearer (kw_[\w-]+)", out.getvalue()).group(1)
    response = Client().get("/api/v1/warnings", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert Client().get("/api/v1/warnings").status_code == 401
