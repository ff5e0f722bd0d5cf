"""The access-log lines of pages that show runners to the clinic: the physio's overview, the admin's booking
list and booking page, and the clinic's notes. Each line says who, for which clinic, about which runner, which
part and what was done, like every other line of the log."""

from __future__ import annotations

from django.urls import reverse

from kniewijs.audit.log import email_pseudonym, pseudonym
from kniewijs.audit.models import AccessEvent
from kniewijs.clinic.models import PatientNote
from tests.conftest import grant, make_booking, make_runner


def lines(**filters) -> list[tuple]:
    rows = AccessEvent.objects.filter(**filters).order_by("pk")
    return [
        (e.actor_id, e.actor_role, e.acting_for_id, e.subject, e.category, e.action, e.outcome) for e in rows
    ]


def test_the_physios_overview_logs_each_appointment_and_each_patient_listed(
    physio, physio_client, clinic, runner, second_runner
):
    grant(runner, clinic)
    walk_in = make_booking(clinic, physio, email="los@example.nl", hours=3)
    own = make_booking(clinic, physio, second_runner, hours=26)
    response = physio_client.get(reverse("physio:dashboard"))
    assert response.status_code == 200 and "Anna Loper" in response.content.decode()
    who = (physio.pk, "physio", clinic.pk)
    assert sorted(lines()) == sorted(
        [
            (*who, email_pseudonym("los@example.nl"), "booking", "read", "allowed"),
            (*who, pseudonym(second_runner.pk), "booking", "read", "allowed"),
            (*who, pseudonym(runner.pk), "patient-list", "read", "allowed"),
        ]
    )
    bases = set(AccessEvent.objects.filter(category="booking").values_list("basis", flat=True))
    # Both are with Femke: the basis names that half of access.bookings_open_to, which she keeps if she moves.
    assert bases == {
        f"booking {walk_in.public_id} with this physiotherapist",
        f"booking {own.public_id} with this physiotherapist",
    }
    assert AccessEvent.objects.get(category="patient-list").consent_id is not None


def test_an_empty_overview_logs_nothing(physio_client):
    assert physio_client.get(reverse("physio:dashboard")).status_code == 200
    assert not AccessEvent.objects.exists()


def test_the_admins_booking_list_logs_one_line_per_booking_shown(
    clinic_admin, clinic_admin_client, clinic, physio, runner, other_clinic, other_physio
):
    mine = [make_booking(clinic, physio, runner, hours=h) for h in (3, 27)]
    make_booking(other_clinic, other_physio, email="elders@example.nl")  # not hers: not shown, not logged
    assert clinic_admin_client.get(reverse("admin:clinic_booking_changelist")).status_code == 200
    assert (
        lines()
        == [(clinic_admin.pk, "admin", clinic.pk, pseudonym(runner.pk), "booking", "read", "allowed")] * 2
    )
    assert {e.basis for e in AccessEvent.objects.all()} == {
        f"booking {b.public_id} at this clinic" for b in mine
    }


def test_the_admins_booking_page_logs_a_read_and_a_save_logs_a_change(
    clinic_admin, clinic_admin_client, clinic, physio
):
    booking = make_booking(clinic, physio, email="los@example.nl")
    url = reverse("admin:clinic_booking_change", args=[booking.pk])
    assert clinic_admin_client.get(url).status_code == 200
    form = {
        "status": "cancelled",
        "name": "Anna Loper",
        "email": "los@example.nl",
        "phone": "06",
        "language": "nl",
    }
    assert clinic_admin_client.post(url, form).status_code == 302
    subject = email_pseudonym("los@example.nl")
    assert lines() == [
        (clinic_admin.pk, "admin", clinic.pk, subject, "booking", "read", "allowed"),
        (clinic_admin.pk, "admin", clinic.pk, subject, "booking", "change", "allowed"),
    ]


def test_asking_for_another_clinics_booking_in_the_admin_is_logged_as_refused(
    clinic_admin, clinic_admin_client, other_clinic, other_physio, runner
):
    booking = make_booking(other_clinic, other_physio, runner)
    response = clinic_admin_client.get(reverse("admin:clinic_booking_change", args=[booking.pk]))
    assert response.status_code == 302 and "Anna Loper" not in response.content.decode()
    assert lines() == [
        (clinic_admin.pk, "admin", other_clinic.pk, pseudonym(runner.pk), "booking", "read", "denied")
    ]


def test_the_clinic_notes_are_logged_when_the_record_is_read_and_printed(
    physio, physio_client, clinic, runner
):
    from kniewijs.clinic.models import Consent

    (consent,) = grant(runner, clinic, Consent.Category.PAIN)
    PatientNote.objects.create(clinic=clinic, runner=runner, author=physio.therapist, text="Knie stabiel.")
    page = physio_client.get(reverse("physio:patient", args=[runner.pk]))
    assert "Knie stabiel." in page.content.decode()
    physio_client.get(reverse("physio:patient_pdf", args=[runner.pk]))
    notes = AccessEvent.objects.filter(category="notes").order_by("pk")
    assert [(e.action, e.acting_for_id, e.subject, e.consent_id) for e in notes] == [
        ("read", clinic.pk, pseudonym(runner.pk), consent.pk),
        ("print", clinic.pk, pseudonym(runner.pk), consent.pk),
    ]


def test_notes_of_each_clinic_shown_get_their_own_line(clinic, other_clinic, runner):
    from kniewijs.clinic.models import Consent
    from tests.conftest import make_physio, verified_client

    both = make_physio("beide@fysio.nl", clinic, other_clinic)
    grant(runner, clinic, Consent.Category.PAIN)
    grant(runner, other_clinic, Consent.Category.TRAINING)
    verified_client(both).get(reverse("physio:patient", args=[runner.pk]))
    assert sorted(
        AccessEvent.objects.filter(category="notes").values_list("acting_for_id", flat=True)
    ) == sorted([clinic.pk, other_clinic.pk])


def test_the_runner_finds_the_admins_look_in_their_own_access_log(clinic_admin_client, clinic, physio):
    runner = make_runner("zelf@example.nl")
    make_booking(clinic, physio, runner)
    clinic_admin_client.get(reverse("admin:clinic_booking_changelist"))
    from django.test import Client

    own = Client()
    own.force_login(runner)
    page = own.get(reverse("privacy:access_log")).content.decode()
    assert "Beheer" in page and clinic.name in page
