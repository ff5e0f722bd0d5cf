"""The physio's pages: TOTP first, only consenting patients, every look in the access log."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kniewijs.audit.log import pseudonym
from kniewijs.audit.models import AccessEvent
from kniewijs.clinic.models import Consent, PatientNote
from kniewijs.recovery.models import Programme, Review
from tests.conftest import grant, make_booking, make_physio


def test_anonymous_visitors_are_sent_to_the_login_page(db):
    response = Client().get(reverse("physio:dashboard"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_runner_gets_403_on_the_clinic_pages(runner_client):
    assert runner_client.get(reverse("physio:dashboard")).status_code == 403


def test_a_physio_without_the_code_is_sent_to_the_code_page(physio):
    client = Client()
    client.force_login(physio)
    response = client.get(reverse("physio:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("physio:verify"))


def test_the_dashboard_lists_todays_appointments_and_consenting_patients(
    physio_client, consenting_runner, clinic, physio
):
    make_booking(clinic, physio, runner=consenting_runner)
    response = physio_client.get(reverse("physio:dashboard"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Anna Loper" in body
    assert reverse("physio:patient", args=[consenting_runner.pk]) in body


def test_a_runner_without_consent_does_not_exist_for_the_physio(physio_client, runner):
    response = physio_client.get(reverse("physio:patient", args=[runner.pk]))
    assert response.status_code == 404
    refused = AccessEvent.objects.get(subject=pseudonym(runner.pk))
    assert refused.outcome == "denied"


def test_the_patient_page_shows_only_consented_categories_and_logs_each(
    physio_client, runner, clinic, physio
):
    grant(runner, clinic, Consent.Category.PAIN)
    response = physio_client.get(reverse("physio:patient", args=[runner.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="pain"' in body
    assert 'id="training"' not in body and 'id="recovery"' not in body
    events = AccessEvent.objects.filter(subject=pseudonym(runner.pk)).order_by("pk")
    # The pain log, then the clinic's notes (none yet, but the section was opened).
    assert [(e.category, e.action, e.outcome, e.actor_role) for e in events] == [
        ("pain", "read", "allowed", "physio"),
        ("notes", "read", "allowed", "physio"),
    ]
    assert all(e.basis.startswith("consent #") and e.acting_for == clinic.name for e in events)


def test_revoking_consent_closes_the_record_on_the_next_request(physio_client, consenting_runner, physio):
    url = reverse("physio:patient", args=[consenting_runner.pk])
    assert physio_client.get(url).status_code == 200
    Consent.objects.filter(runner=consenting_runner).update(revoked_at=timezone.now())
    assert physio_client.get(url).status_code == 404


def test_a_physio_of_another_clinic_gets_404(consenting_runner, other_physio):
    client = _verified(other_physio)
    assert client.get(reverse("physio:patient", args=[consenting_runner.pk])).status_code == 404


def _verified(user):
    from tests.conftest import verified_client

    return verified_client(user)


def test_no_track_and_no_device_name_reach_the_clinic(physio_client, consenting_runner):
    from kniewijs.training.models import Activity

    Activity.objects.create(
        user=consenting_runner,
        start=timezone.now() - timedelta(days=1),
        local_date=timezone.localdate() - timedelta(days=1),
        duration_s=1800,
        distance_m=5000,
        device="Forerunner 265 serial 3456789012",
    )
    body = physio_client.get(reverse("physio:patient", args=[consenting_runner.pk])).content.decode()
    assert "5,0" in body or "5.0" in body
    assert "3456789012" not in body and "Forerunner" not in body
    assert "polyline" not in body.lower() or "track" not in body.lower()


def test_an_attached_report_is_shown_on_the_appointment_and_logged(physio_client, clinic, physio):
    booking = make_booking(clinic, physio, answers={"injury": False})
    response = physio_client.get(reverse("physio:appointment", args=[booking.pk]))
    assert response.status_code == 200
    categories = sorted(e.category for e in AccessEvent.objects.all())
    assert categories == ["booking", "selfcheck"]
    # The physio sees which warning-sign questions the runner left open (here: nearly all of them).
    html = response.content.decode()
    assert "Vragen over alarmsignalen die de loper openliet" in html
    assert "Mijn kuit is dik, pijnlijk of gespannen" in html


def test_an_appointment_of_another_clinic_is_404(clinic, physio, other_physio):
    booking = make_booking(clinic, physio)
    assert _verified(other_physio).get(reverse("physio:appointment", args=[booking.pk])).status_code == 404


def test_a_physio_adds_a_note_and_it_is_logged_as_a_change(physio_client, consenting_runner, clinic):
    response = physio_client.post(
        reverse("physio:add_note", args=[consenting_runner.pk]), {"text": "Knie stabiel."}
    )
    assert response.status_code == 302
    assert PatientNote.objects.get().clinic == clinic
    assert AccessEvent.objects.filter(category="notes", action="change").count() == 1


def test_an_empty_note_is_refused_with_a_dutch_error(physio_client, consenting_runner):
    response = physio_client.post(reverse("physio:add_note", args=[consenting_runner.pk]), {"text": ""})
    assert response.status_code == 400
    assert "Schrijf eerst" in response.content.decode()


def test_the_physio_changes_the_exercises_and_records_a_review(physio_client, consenting_runner):
    programme = Programme.objects.create(
        user=consenting_runner,
        started_on=timezone.localdate() - timedelta(days=10),
        severity="light",
        exercises=["single_leg_squat"],
    )
    response = physio_client.post(
        reverse("physio:adjust_programme", args=[consenting_runner.pk]),
        {"exercises": ["single_leg_squat", "step_down"], "reviewed": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    programme.refresh_from_db()
    assert programme.exercises == ["single_leg_squat", "step_down"]
    assert Review.objects.filter(programme=programme).count() == 1
    assert AccessEvent.objects.filter(category="recovery", action="change").count() == 1


def test_without_recovery_consent_the_programme_cannot_be_changed(physio_client, runner, clinic):
    grant(runner, clinic, Consent.Category.TRAINING)
    Programme.objects.create(
        user=runner, started_on=timezone.localdate(), severity="light", exercises=["single_leg_squat"]
    )
    response = physio_client.post(
        reverse("physio:adjust_programme", args=[runner.pk]), {"exercises": ["single_leg_squat"]}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("code", ["12345", "abcdef", ""])
def test_a_malformed_code_gets_a_dutch_error(physio, code):
    client = Client()
    client.force_login(physio)
    response = client.post(reverse("physio:verify"), {"code": code})
    assert response.status_code == 200
    assert "zes cijfers" in response.content.decode()


def test_the_right_totp_code_signs_the_physio_in(physio):
    from django_otp.oath import totp

    client = Client()
    client.force_login(physio)
    device = physio.totp_device
    response = client.post(reverse("physio:verify"), {"code": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302
    assert client.get(reverse("physio:dashboard")).status_code == 200


def test_a_wrong_code_does_not_sign_in(physio):
    client = Client()
    client.force_login(physio)
    client.post(reverse("physio:verify"), {"code": "000000"})
    assert client.get(reverse("physio:dashboard")).status_code == 302


def test_a_first_sign_in_sets_up_the_app_with_a_qr_code(clinic):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = make_physio("nieuw@fysio.nl", clinic)
    TOTPDevice.objects.filter(user=user).delete()
    client = Client()
    client.force_login(user)
    assert client.get(reverse("physio:verify"))["Location"].startswith(reverse("physio:setup"))
    page = client.get(reverse("physio:setup"))
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("physio:setup"), {"code": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=user).confirmed


def test_password_login_of_a_physio_goes_on_to_the_code_page(physio):
    response = Client().post(
        reverse("accounts:login"), {"username": "femke@fysio.nl", "password": "een-lang-wachtwoord-42"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("physio:verify"))


def test_printing_the_record_gives_a_pdf_and_logs_a_print_per_category(physio_client, consenting_runner):
    from io import BytesIO

    from pypdf import PdfReader

    response = physio_client.get(reverse("physio:patient_pdf", args=[consenting_runner.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "anna@example.nl" in text
    printed = AccessEvent.objects.filter(action="print").values_list("category", flat=True)
    assert sorted(printed) == ["notes", "pain", "recovery", "selfcheck", "training"]


def test_a_physio_without_consent_cannot_print(runner, physio_client):
    assert physio_client.get(reverse("physio:patient_pdf", args=[runner.pk])).status_code == 404


def test_a_runner_who_sends_the_self_check_along_can_withdraw_it_on_the_consent_page(
    physio_client, runner, clinic
):
    from kniewijs.clinic.booking import Booker, book
    from kniewijs.clinic.slots import next_offers

    knee_check = clinic.appointment_types.get(is_knee_check=True)
    slot = next_offers(clinic, knee_check, now=timezone.now(), count=1)[0]
    booking = book(
        clinic=clinic,
        appointment_type=knee_check,
        starts_at=slot.start,
        booker=Booker(
            name="Anna",
            email=runner.email,
            phone="0612345678",
            runner=runner,
            selfcheck_answers={"injury": False},
        ),
    )
    consent = Consent.objects.active().get(runner=runner, clinic=clinic)
    assert consent.category == "selfcheck"
    url = reverse("physio:appointment", args=[booking.pk])
    assert "Waarom, zoals de loper het las" in physio_client.get(url).content.decode()
    assert AccessEvent.objects.get(category="selfcheck").consent_id == consent.pk
    consent.revoked_at = timezone.now()
    consent.save()
    body = physio_client.get(url).content.decode()
    assert "Waarom, zoals de loper het las" not in body
