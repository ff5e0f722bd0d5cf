"""The practice agenda and the one rule behind it (`access.bookings_open_to`): an appointment opens for the
therapist it is with, wherever they work now, and for the colleagues at its clinic now; nobody else. The
agenda lists exactly what opens, so the two can never disagree."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kniewijs.audit.log import email_pseudonym, pseudonym
from kniewijs.audit.models import AccessEvent
from kniewijs.clinic.models import Booking, Consent
from tests.conftest import grant, make_physio, verified_client

DAY = date(2026, 7, 1)  # a Wednesday in summer time (UTC+2)


def booking_at(clinic, physio, hour: int, minute: int = 0, *, day: date = DAY, runner=None, **fields):
    """An appointment at a local (Europe/Amsterdam) time, written straight to the table."""
    start = timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))
    kind = fields.pop("kind", "Gratis kniecheck")
    values = {
        "name": "Anna Loper",
        "email": runner.email if runner is not None else "los@example.nl",
        "phone": "0612345678",
    } | fields
    return Booking.objects.create(
        clinic=clinic,
        therapist=physio.therapist,
        appointment_type=clinic.appointment_types.get(name_nl=kind),
        starts_at=start,
        ends_at=start + timedelta(minutes=20),
        runner=runner,
        **values,
    )


def agenda(client: Client, day: date = DAY):
    return client.get(reverse("physio:agenda"), {"dag": day.isoformat()})


def appointment_url(booking: Booking) -> str:
    return reverse("physio:appointment", args=[booking.pk])


def listed(client: Client, booking: Booking) -> bool:
    response = agenda(client, timezone.localtime(booking.starts_at).date())
    assert response.status_code == 200
    return f'href="{appointment_url(booking)}"' in response.content.decode()


@pytest.fixture
def colleague(clinic):
    """Joost works at Femke's clinic."""
    return make_physio("joost@fysio.nl", clinic, name="Joost Bakker")


# --- who gets the agenda ---------------------------------------------------------------------------------
def test_the_agenda_is_for_signed_in_physios_with_their_code(db, physio, runner):
    assert agenda(verified_client(physio)).status_code == 200
    runner_client = Client()
    runner_client.force_login(runner)
    assert agenda(runner_client).status_code == 403
    anonymous = agenda(Client())
    assert anonymous.status_code == 302 and reverse("accounts:login") in anonymous["Location"]
    without_code = Client()
    without_code.force_login(physio)
    response = agenda(without_code)
    assert response.status_code == 302 and response["Location"].startswith(reverse("physio:verify"))


def test_the_agenda_lists_the_whole_practice_in_local_time(
    physio, colleague, clinic, other_clinic, other_physio
):
    booking_at(clinic, physio, 8, 30, name="Sanne Visser")
    booking_at(clinic, colleague, 9, 0, name="Pieter de Boer", kind="Behandeling")
    booking_at(other_clinic, other_physio, 8, 30, name="Elders Persoon")
    cancelled = booking_at(clinic, colleague, 10, name="Afgezegd Persoon", status=Booking.Status.CANCELLED)
    booking_at(clinic, physio, 8, 30, day=DAY + timedelta(days=1), name="Morgen Persoon")
    response = agenda(verified_client(colleague))
    body = response.content.decode()
    assert response.status_code == 200
    assert "woensdag 1 juli 2026" in body
    # 08:30 in Amsterdam is 06:30 UTC: the page shows the local time.
    assert "08:30–08:50" in body and "06:30" not in body
    assert body.index("Sanne Visser") < body.index("Pieter de Boer")
    assert "Femke de Vries" in body and "Joost Bakker" in body
    assert "Gratis kniecheck" in body and "Behandeling" in body
    assert "Elders Persoon" not in body and "Afgezegd Persoon" not in body and "Morgen Persoon" not in body
    assert f'href="{appointment_url(cancelled)}"' not in body
    assert "?dag=2026-06-30" in body and "?dag=2026-07-02" in body
    assert "reflow agenda" in body  # one card per appointment on a phone (site.css)


def test_the_agenda_day_follows_local_midnight_also_when_the_clocks_go_back(physio, clinic):
    change = date(2026, 10, 25)  # 25 hours: 02:00-03:00 happens twice
    booking_at(clinic, physio, 23, 40, day=change, name="Laat Persoon")
    booking_at(clinic, physio, 0, 10, day=change + timedelta(days=1), name="Vroeg Persoon")
    body = agenda(verified_client(physio), change).content.decode()
    assert "Laat Persoon" in body and "23:40" in body and "Vroeg Persoon" not in body


@pytest.mark.parametrize("dag", ["", "gisteren", "2026-13-01", "0001-01-01"])
def test_a_missing_or_unreadable_day_shows_today(physio, dag):
    response = verified_client(physio).get(reverse("physio:agenda"), {"dag": dag})
    assert response.status_code == 200
    assert response.context["day"] == timezone.localdate()


def test_an_empty_agenda_says_so_and_logs_nothing(physio):
    body = agenda(verified_client(physio)).content.decode()
    assert "Geen afspraken op deze dag." in body
    assert not AccessEvent.objects.exists()


def test_the_agenda_logs_one_line_per_appointment_listed_with_its_basis(physio, colleague, clinic, runner):
    own = booking_at(clinic, colleague, 9, runner=runner)
    theirs = booking_at(clinic, physio, 10)
    assert agenda(verified_client(colleague)).status_code == 200
    rows = AccessEvent.objects.order_by("subject")
    assert sorted((e.subject, e.category, e.outcome, e.acting_for_id, e.basis) for e in rows) == sorted(
        [
            (
                pseudonym(runner.pk),
                "booking",
                "allowed",
                clinic.pk,
                f"booking {own.public_id} with this physiotherapist",
            ),
            (
                email_pseudonym("los@example.nl"),
                "booking",
                "allowed",
                clinic.pk,
                f"booking {theirs.public_id} at this clinic",
            ),
        ]
    )


def test_the_dashboard_links_to_the_agenda(physio):
    body = verified_client(physio).get(reverse("physio:dashboard")).content.decode()
    assert f'href="{reverse("physio:agenda")}"' in body and "Praktijkagenda" in body


# --- who opens an appointment -----------------------------------------------------------------------------
def test_a_colleague_opens_the_appointment_with_the_contact_details(physio, colleague, clinic):
    booking = booking_at(clinic, physio, 9, name="Sanne Visser", email="sanne@example.nl")
    response = verified_client(colleague).get(appointment_url(booking))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Sanne Visser" in body and "sanne@example.nl" in body and "0612345678" in body
    assert "Femke de Vries" in body
    assert f"{reverse('physio:agenda')}?dag=2026-07-01" in body


def test_an_appointment_of_another_practice_is_404_and_the_refusal_is_logged(physio, clinic, other_physio):
    booking = booking_at(clinic, physio, 9)
    assert verified_client(other_physio).get(appointment_url(booking)).status_code == 404
    refused = AccessEvent.objects.get()
    assert (refused.actor_id, refused.subject, refused.category, refused.outcome) == (
        other_physio.pk,
        email_pseudonym("los@example.nl"),
        "booking",
        "denied",
    )
    assert refused.acting_for_id is None  # Otto did not act for Femke's practice
    # A number that is no booking names nobody: a 404, and no line in anyone's log.
    assert (
        verified_client(other_physio).get(reverse("physio:appointment", args=[booking.pk + 99])).status_code
        == 404
    )
    assert AccessEvent.objects.count() == 1


def test_a_therapists_bookings_follow_them_to_another_practice(
    physio, colleague, clinic, other_clinic, other_physio
):
    own = booking_at(clinic, colleague, 9, name="Eigen Persoon")
    femkes = booking_at(clinic, physio, 10, name="Femkes Persoon")
    ottos = booking_at(other_clinic, other_physio, 11, name="Ottos Persoon")
    joost = verified_client(colleague)
    assert [joost.get(appointment_url(b)).status_code for b in (own, femkes, ottos)] == [200, 200, 404]

    colleague.therapist.clinics.set([other_clinic])
    # His own appointment opens and lists (agenda and dashboard), naming the practice it is at.
    assert joost.get(appointment_url(own)).status_code == 200
    body = agenda(joost).content.decode()
    assert "Eigen Persoon" in body and "Fysio Centrum" in body
    assert "Femkes Persoon" not in body and "Ottos Persoon" in body
    assert joost.get(appointment_url(femkes)).status_code == 404
    assert joost.get(appointment_url(ottos)).status_code == 200
    # Femke still runs the practice's agenda, Joost's appointment included, as it is still at her clinic.
    assert verified_client(physio).get(appointment_url(own)).status_code == 200


def test_a_moved_therapist_keeps_their_own_bookings_on_the_dashboard(colleague, clinic, other_clinic):
    own = booking_at(clinic, colleague, 9, day=timezone.localdate() + timedelta(days=1))
    colleague.therapist.clinics.set([other_clinic])
    joost = verified_client(colleague)
    body = joost.get(reverse("physio:dashboard")).content.decode()
    assert f'href="{appointment_url(own)}"' in body
    assert joost.get(appointment_url(own)).status_code == 200


def test_the_agenda_and_the_appointment_page_agree_for_every_booking_and_therapist(
    physio, colleague, clinic, other_clinic, other_physio, runner
):
    """For each therapist and each active booking: listed in its day's agenda if and only if its page opens;
    before and after Joost moves practice, and for a therapist of two practices."""
    both = make_physio("bea@fysio.nl", clinic, other_clinic, name="Bea Both")
    bookings = [
        booking_at(clinic, physio, 9),
        booking_at(clinic, physio, 9, day=DAY + timedelta(days=1), runner=runner),
        booking_at(clinic, colleague, 9),
        booking_at(other_clinic, other_physio, 9),
        booking_at(other_clinic, both, 10),
        booking_at(clinic, both, 11),
    ]
    therapists = [physio, colleague, other_physio, both]

    def check() -> None:
        for user in therapists:
            client = verified_client(user)
            for booking in bookings:
                opens = client.get(appointment_url(booking)).status_code
                assert opens in (200, 404)
                assert listed(client, booking) == (opens == 200), (user.email, booking.pk, opens)

    check()
    colleague.therapist.clinics.set([other_clinic])
    both.therapist.clinics.set([other_clinic])
    check()


# --- what a colleague sees of the self-check sent along ---------------------------------------------------
REPORT = "Waarom, zoals de loper het las"


def test_a_self_check_sent_without_an_account_is_for_the_booked_therapist_only(physio, colleague, clinic):
    booking = booking_at(
        clinic, physio, 9, selfcheck_answers={"injury": False}, report_consent_at=timezone.now()
    )
    joost = verified_client(colleague).get(appointment_url(booking)).content.decode()
    assert REPORT not in joost and "Collega's zien die alleen" in joost
    assert not AccessEvent.objects.filter(category="selfcheck").exists()
    femke = verified_client(physio).get(appointment_url(booking)).content.decode()
    assert REPORT in femke
    assert AccessEvent.objects.get(category="selfcheck").actor_id == physio.pk


def test_a_colleague_sees_the_self_check_while_the_runner_shares_it_with_the_practice(
    physio, colleague, clinic, runner
):
    booking = booking_at(
        clinic,
        physio,
        9,
        runner=runner,
        selfcheck_answers={"injury": False},
        report_consent_at=timezone.now(),
    )
    joost = verified_client(colleague)
    assert REPORT not in joost.get(appointment_url(booking)).content.decode()
    (consent,) = grant(runner, clinic, Consent.Category.SELFCHECK)
    assert REPORT in joost.get(appointment_url(booking)).content.decode()
    assert AccessEvent.objects.get(category="selfcheck").consent_id == consent.pk
    consent.revoked_at = timezone.now()
    consent.save()
    for user in (colleague, physio):
        assert REPORT not in verified_client(user).get(appointment_url(booking)).content.decode()
