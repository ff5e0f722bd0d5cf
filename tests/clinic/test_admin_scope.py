"""A clinic administrator manages only their own clinic in the admin; nobody becomes a physio there.

Bea administers `clinic` (Femke works there); `other_clinic` (Otto) is not hers. The measured attack (M2): an
administrator adds themselves as therapist of every clinic, then reads any consenting runner's record.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from kniewijs.audit.log import pseudonym
from kniewijs.clinic.models import (
    AvailabilityException,
    Booking,
    Clinic,
    Therapist,
    TherapistInvitation,
    WeeklyAvailability,
)
from tests.conftest import grant, make_booking, make_physio, verified_client

from .test_booking_helpers import monday_morning  # noqa: F401 - a fixture


@pytest.fixture
def scene(clinic, other_clinic, physio, other_physio, runner):
    """One booking and one absence at each clinic; the runner consents to the other clinic."""
    grant(runner, other_clinic)
    now = timezone.now()
    for therapist in (physio.therapist, other_physio.therapist):
        AvailabilityException.objects.create(
            therapist=therapist, starts_at=now, ends_at=now + timedelta(days=1)
        )
    return {
        "mine": make_booking(clinic, physio, email="mijn@example.nl"),
        "theirs": make_booking(other_clinic, other_physio, runner, hours=5),
    }


def changelist(client, model: str) -> list:
    response = client.get(reverse(f"admin:clinic_{model}_changelist"))
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_the_lists_show_only_the_administrators_own_clinic(
    clinic_admin_client, scene, clinic, other_clinic, physio, other_physio
):
    assert changelist(clinic_admin_client, "clinic") == [clinic]
    assert changelist(clinic_admin_client, "therapist") == [physio.therapist]
    assert changelist(clinic_admin_client, "booking") == [scene["mine"]]
    assert {e.therapist for e in changelist(clinic_admin_client, "availabilityexception")} == {
        physio.therapist
    }
    page = clinic_admin_client.get(reverse("admin:clinic_booking_changelist")).content.decode()
    assert other_clinic.name not in page and other_physio.therapist.name not in page  # the filters too


def test_a_superuser_sees_every_clinic(scene, clinic, other_clinic):
    boss = get_user_model().objects.create_superuser(
        "baas@kniewijs.nl", "baas@kniewijs.nl", "een-lang-wachtwoord-42"
    )
    TOTPDevice.objects.create(user=boss, name="telefoon", confirmed=True)
    client = verified_client(boss)
    assert set(changelist(client, "clinic")) == {clinic, other_clinic}
    assert set(changelist(client, "booking")) == {scene["mine"], scene["theirs"]}


def test_an_administrator_of_no_clinic_sees_nothing(scene, clinic):
    from .conftest import make_clinic_admin

    client = verified_client(make_clinic_admin("niemand@fysio.nl"))
    for model in ("clinic", "therapist", "booking", "availabilityexception", "therapistinvitation"):
        assert changelist(client, model) == []


@pytest.mark.parametrize("model", ["clinic", "therapist", "booking", "availabilityexception"])
def test_the_other_clinics_objects_do_not_exist_for_the_administrator(
    clinic_admin_client, scene, other_clinic, other_physio, model
):
    other = {
        "clinic": other_clinic,
        "therapist": other_physio.therapist,
        "booking": scene["theirs"],
        "availabilityexception": AvailabilityException.objects.get(therapist=other_physio.therapist),
    }[model]
    for page in ("change", "history", "delete"):
        response = clinic_admin_client.get(reverse(f"admin:clinic_{model}_{page}", args=[other.pk]))
        assert response.status_code in (302, 403), (page, response.status_code)
        assert other_physio.therapist.name not in response.content.decode()
    response = clinic_admin_client.post(
        reverse(f"admin:clinic_{model}_delete", args=[other.pk]), {"post": "yes"}
    )
    assert response.status_code in (302, 403)
    assert type(other).objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("model", ["clinic", "therapist", "booking", "availabilityexception"])
def test_the_administrator_opens_their_own_clinics_objects(clinic_admin_client, scene, clinic, physio, model):
    """The control for the test above: the same pages open for Bea's own objects."""
    own = {
        "clinic": clinic,
        "therapist": physio.therapist,
        "booking": scene["mine"],
        "availabilityexception": AvailabilityException.objects.get(therapist=physio.therapist),
    }[model]
    assert clinic_admin_client.get(reverse(f"admin:clinic_{model}_change", args=[own.pk])).status_code == 200


def test_the_administrator_adds_themselves_as_therapist_of_every_clinic_and_is_refused(
    clinic_admin, clinic_admin_client, scene, clinic, other_clinic, runner
):
    """The measured escalation, exactly: /beheer/clinic/therapist/add/ with their own user and all clinics."""
    form = {
        "user": clinic_admin.pk,
        "name": "Bea",
        "active": "on",
        "clinics": [c.pk for c in Clinic.objects.all()],
        "availability-TOTAL_FORMS": "0",
        "availability-INITIAL_FORMS": "0",
    }
    assert clinic_admin_client.get("/beheer/clinic/therapist/add/").status_code == 403
    assert clinic_admin_client.post("/beheer/clinic/therapist/add/", form).status_code == 403
    assert not Therapist.objects.filter(user=clinic_admin).exists()
    # ... and so the consenting runner's record stays closed to her.
    assert clinic_admin_client.get(reverse("physio:patient", args=[runner.pk])).status_code == 403


def test_not_even_a_superuser_adds_a_therapist_by_hand(clinic):
    boss = get_user_model().objects.create_superuser(
        "baas@kniewijs.nl", "baas@kniewijs.nl", "een-lang-wachtwoord-42"
    )
    TOTPDevice.objects.create(user=boss, name="telefoon", confirmed=True)
    form = {"user": boss.pk, "name": "Baas", "clinics": [clinic.pk]}
    assert verified_client(boss).post("/beheer/clinic/therapist/add/", form).status_code == 403
    assert not Therapist.objects.exists()


def _therapist_form(therapist: Therapist, clinics, **extra) -> dict:
    return {
        "name": therapist.name,
        "active": "on",
        "clinics": [c.pk for c in clinics],
        "availability-TOTAL_FORMS": "0",
        "availability-INITIAL_FORMS": "0",
        **extra,
    }


def test_a_therapists_clinics_can_be_taken_away_never_added(
    clinic_admin, clinic_admin_client, clinic, other_clinic, runner
):
    from kniewijs.audit.models import AccessEvent

    shared = make_physio("gedeeld@fysio.nl", clinic, other_clinic, name="Gerrit Gedeeld")
    mine = make_physio("alleen@fysio.nl", clinic, name="Anne Alleen")
    url = reverse("admin:clinic_therapist_change", args=[mine.therapist.pk])
    # Adding the other clinic to a therapist of hers: not a choice.
    response = clinic_admin_client.post(url, _therapist_form(mine.therapist, [clinic, other_clinic]))
    assert response.status_code == 200 and response.context["adminform"].form.errors
    assert list(mine.therapist.clinics.all()) == [clinic]
    # Taking her own clinic away from a shared therapist leaves the other clinic as it was.
    url = reverse("admin:clinic_therapist_change", args=[shared.therapist.pk])
    page = clinic_admin_client.get(url)
    assert "active" in page.context["adminform"].readonly_fields  # they work elsewhere too
    assert list(page.context["adminform"].form.fields["clinics"].queryset) == [clinic]
    assert clinic_admin_client.post(url, _therapist_form(shared.therapist, [])).status_code == 302
    assert list(shared.therapist.clinics.all()) == [other_clinic]
    hours_at = set(
        WeeklyAvailability.objects.filter(therapist=shared.therapist).values_list("clinic", flat=True)
    )
    assert hours_at == {other_clinic.pk}  # the hours at her clinic went with it
    event = AccessEvent.objects.get(category="clinic-role")
    assert (event.actor_id, event.actor_role, event.acting_for_id) == (clinic_admin.pk, "admin", clinic.pk)
    assert event.detail == "taken off the clinic" and event.subject == pseudonym(shared.pk)


def test_the_account_of_a_therapist_cannot_be_swapped(clinic_admin, clinic_admin_client, physio, clinic):
    url = reverse("admin:clinic_therapist_change", args=[physio.therapist.pk])
    clinic_admin_client.post(url, _therapist_form(physio.therapist, [clinic], user=clinic_admin.pk))
    assert Therapist.objects.get(pk=physio.therapist.pk).user == physio
    assert not Therapist.objects.filter(user=clinic_admin).exists()


def test_weekly_hours_only_at_the_administrators_clinic(clinic_admin_client, clinic, other_clinic):
    shared = make_physio("gedeeld@fysio.nl", clinic, other_clinic, weekdays=())
    url = reverse("admin:clinic_therapist_change", args=[shared.therapist.pk])
    form = _therapist_form(
        shared.therapist,
        [clinic],
        **{
            "availability-TOTAL_FORMS": "1",
            "availability-0-clinic": other_clinic.pk,
            "availability-0-weekday": "0",
            "availability-0-start_time": "09:00",
            "availability-0-end_time": "12:00",
        },
    )
    response = clinic_admin_client.post(url, form)
    assert response.status_code == 200 and not WeeklyAvailability.objects.exists()
    form["availability-0-clinic"] = clinic.pk
    assert clinic_admin_client.post(url, form).status_code == 302
    assert WeeklyAvailability.objects.get().clinic == clinic


@pytest.mark.usefixtures("monday_morning")
def test_a_forged_booking_for_another_clinic_is_refused(
    clinic_admin_client, clinic, other_clinic, physio, other_physio
):
    form = {
        "clinic": other_clinic.pk,
        "therapist": other_physio.therapist.pk,
        "appointment_type": other_clinic.appointment_types.first().pk,
        "starts_at_0": "2025-06-04",  # a Wednesday, inside both physios' hours
        "starts_at_1": "10:00:00",
        "name": "Vals",
        "email": "vals@example.nl",
        "phone": "0612345678",
        "language": "nl",
    }
    response = clinic_admin_client.post(reverse("admin:clinic_booking_add"), form)
    errors = response.context["adminform"].form.errors
    assert {"clinic", "therapist", "appointment_type"} <= set(errors)
    # Her own clinic with the other clinic's therapist: still refused.
    form["clinic"] = clinic.pk
    response = clinic_admin_client.post(reverse("admin:clinic_booking_add"), form)
    assert {"therapist", "appointment_type"} <= set(response.context["adminform"].form.errors)
    assert not Booking.objects.exists()
    form |= {"therapist": physio.therapist.pk, "appointment_type": clinic.appointment_types.first().pk}
    assert clinic_admin_client.post(reverse("admin:clinic_booking_add"), form).status_code == 302
    assert Booking.objects.get().clinic == clinic


def test_a_forged_absence_for_another_clinics_therapist_is_refused(clinic_admin_client, other_physio, physio):
    now = timezone.now()
    form = {
        "therapist": other_physio.therapist.pk,
        "starts_at_0": now.strftime("%Y-%m-%d"),
        "starts_at_1": "09:00:00",
        "ends_at_0": (now + timedelta(days=1)).strftime("%Y-%m-%d"),
        "ends_at_1": "09:00:00",
        "reason": "sick",
    }
    response = clinic_admin_client.post(reverse("admin:clinic_availabilityexception_add"), form)
    assert response.status_code == 200 and "therapist" in response.context["adminform"].form.errors
    assert not AvailabilityException.objects.exists()


def test_who_administers_a_clinic_is_for_a_superuser_to_say(
    clinic_admin, clinic_admin_client, clinic, other_clinic
):
    page = clinic_admin_client.get(reverse("admin:clinic_clinic_change", args=[clinic.pk]))
    assert "administrators" not in page.context["adminform"].form.fields
    form = {
        "name": clinic.name,
        "slug": clinic.slug,
        "cancel_hours_before": 24,
        "booking_days_ahead": 28,
        "active": "on",
        "administrators": [clinic_admin.pk],
        "appointment_types-TOTAL_FORMS": "0",
        "appointment_types-INITIAL_FORMS": "0",
        "faq-TOTAL_FORMS": "0",
        "faq-INITIAL_FORMS": "0",
    }
    # Her own clinic: saved, but the administrators in the post are ignored; she cannot take another clinic.
    clinic_admin_client.post(
        reverse("admin:clinic_clinic_change", args=[other_clinic.pk]), form | {"slug": "x"}
    )
    assert not other_clinic.administrators.exists() and Clinic.objects.get(pk=other_clinic.pk).slug != "x"
    assert clinic_admin_client.get(reverse("admin:clinic_clinic_add")).status_code == 403
    assert list(clinic_admin.administered_clinics.all()) == [clinic]

    boss = get_user_model().objects.create_superuser(
        "baas@kniewijs.nl", "baas@kniewijs.nl", "een-lang-wachtwoord-42"
    )
    TOTPDevice.objects.create(user=boss, name="telefoon", confirmed=True)
    form["administrators"] = [clinic_admin.pk]
    response = verified_client(boss).post(
        reverse("admin:clinic_clinic_change", args=[other_clinic.pk]),
        form
        | {
            "name": other_clinic.name,
            "slug": other_clinic.slug,
        },
    )
    assert response.status_code == 302
    assert set(clinic_admin.administered_clinics.all()) == {clinic, other_clinic}


def test_an_invitation_for_another_clinic_is_refused(clinic_admin_client, other_clinic, settings):
    settings.KNIEWIJS_JOBS_INLINE = True
    form = {"clinic": other_clinic.pk, "email": "nieuw@fysio.nl", "name": "Nieuw"}
    response = clinic_admin_client.post(reverse("admin:clinic_therapistinvitation_add"), form)
    assert response.status_code == 200 and "clinic" in response.context["adminform"].form.errors
    assert not TherapistInvitation.objects.exists()
