"""The admin for clinic data: every page opens for a verified superuser, and health data stays out."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from kniewijs.clinic import booking as service
from kniewijs.clinic.models import AvailabilityException, Booking
from tests.conftest import verified_client

from .test_booking_helpers import MONDAY_8, at, booker, knee_check

MODELS = ["clinic", "therapist", "availabilityexception", "booking", "therapistinvitation"]
# A therapist is never added in the admin, not even by a superuser: an invitation the person accepts.
NO_ADD_PAGE = {"therapist"}


@pytest.fixture
def admin_user(db):
    user = get_user_model().objects.create_superuser(
        username="beheer@fysio.nl", email="beheer@fysio.nl", password="een-lang-wachtwoord-42"
    )
    TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    return user


@pytest.fixture
def admin_client(admin_user):
    return verified_client(admin_user)


@pytest.fixture
def booking_with_report(clinic, physio):
    with time_machine.travel(MONDAY_8, tick=False):
        return service.book(
            clinic=clinic,
            appointment_type=knee_check(clinic),
            starts_at=at(4, 10),
            booker=booker(selfcheck_answers={"age": 34, "injury": False, "location": "kneecap", "weeks": 17}),
        )


@pytest.mark.parametrize("model", MODELS)
def test_a_verified_superuser_opens_the_list_and_add_page_of_every_clinic_model(
    admin_client, clinic, physio, model
):
    AvailabilityException.objects.create(
        therapist=physio.therapist, starts_at=timezone.now(), ends_at=timezone.now() + timedelta(days=2)
    )
    assert admin_client.get(reverse(f"admin:clinic_{model}_changelist")).status_code == 200
    add_page = admin_client.get(reverse(f"admin:clinic_{model}_add"))
    assert add_page.status_code == (403 if model in NO_ADD_PAGE else 200)


def test_the_change_pages_open_with_their_inlines(admin_client, clinic, physio):
    clinic_page = admin_client.get(reverse("admin:clinic_clinic_change", args=[clinic.pk])).content.decode()
    assert "appointment_types-TOTAL_FORMS" in clinic_page and "faq-TOTAL_FORMS" in clinic_page
    therapist = physio.therapist
    therapist_page = admin_client.get(reverse("admin:clinic_therapist_change", args=[therapist.pk]))
    assert therapist_page.status_code == 200 and "availability-TOTAL_FORMS" in therapist_page.content.decode()


def test_without_the_totp_step_the_admin_stays_closed(admin_user):
    client = Client()
    client.force_login(admin_user)
    response = client.get(reverse("admin:clinic_booking_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_booking_list_shows_date_therapist_type_status_and_name(admin_client, booking_with_report):
    page = admin_client.get(reverse("admin:clinic_booking_changelist")).content.decode()
    assert "Anna Jansen" in page and "Femke de Vries" in page and "Gratis kniecheck" in page


def test_the_booking_page_never_shows_the_self_check_answers(admin_client, booking_with_report):
    response = admin_client.get(reverse("admin:clinic_booking_change", args=[booking_with_report.pk]))
    page = response.content.decode()
    assert response.status_code == 200 and "Anna Jansen" in page
    assert "selfcheck_answers" not in page and "kneecap" not in page and "injury" not in page
    assert "selfcheck_answers" not in response.context["adminform"].form.fields
    readonly = response.context["adminform"].readonly_fields
    assert {"when", "therapist"} <= set(readonly)
    assert "starts_at" not in response.context["adminform"].form.fields  # a time moves by the runner's link


def test_cancelling_in_the_admin_ends_the_runners_links(admin_client, booking_with_report):
    url = reverse("admin:clinic_booking_change", args=[booking_with_report.pk])
    form = {
        "status": "cancelled",
        "name": "Anna Jansen",
        "email": "anna@example.nl",
        "phone": "06 12345678",
        "language": "nl",
    }
    response = admin_client.post(url, form)
    assert response.status_code == 302
    booking = Booking.objects.get(pk=booking_with_report.pk)
    assert booking.status == Booking.Status.CANCELLED and booking.link_version == 2
    assert booking.cancelled_at is not None
    assert booking.selfcheck_answers  # the admin form left the attached report alone


def test_cancelling_in_the_admin_tells_the_runner_as_online(admin_client, booking_with_report, settings):
    from django.core import mail

    settings.KNIEWIJS_JOBS_INLINE = True
    url = reverse("admin:clinic_booking_change", args=[booking_with_report.pk])
    form = {
        "status": "cancelled",
        "name": "Anna Jansen",
        "email": "anna@example.nl",
        "phone": "06",
        "language": "nl",
    }
    assert admin_client.post(url, form).status_code == 302
    (sent,) = mail.outbox
    from kniewijs.clinic import emails

    cancelled = Booking.objects.get(pk=booking_with_report.pk)
    assert sent.to == ["anna@example.nl"]
    assert sent.subject == emails.message(emails.CANCELLED, cancelled).subject  # the online cancellation mail


def test_the_admin_never_shows_a_totp_key_not_even_to_a_superuser(admin_client, admin_user):
    device = TOTPDevice.objects.get(user=admin_user)
    for page in ("config", "qrcode"):
        assert (
            admin_client.get(reverse(f"admin:otp_totp_totpdevice_{page}", args=[device.pk])).status_code
            == 403
        )
    change = admin_client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk])).content.decode()
    assert device.key not in change
