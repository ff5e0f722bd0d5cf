"""The front desk in the admin: phone bookings under the online rules, absences that do not bury a booking,
local times, and Dutch words throughout.

Bea manages `clinic`, where Femke works weekdays 09:00-17:00; the clock stands at Monday 2 June 2025, 08:00.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse

from kniewijs.audit.models import AccessEvent
from kniewijs.clinic import booking as service
from kniewijs.clinic.models import AvailabilityException, Booking, Clinic, Therapist
from tests.conftest import make_physio

from .test_booking_helpers import AMS, at, booker, knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("monday_morning")

ADD_BOOKING = "admin:clinic_booking_add"
ADD_ABSENCE = "admin:clinic_availabilityexception_add"


@pytest.fixture(autouse=True)
def _mail_inline(settings):
    settings.KNIEWIJS_JOBS_INLINE = True


def phone_booking(clinic, physio, day="2025-06-04", time="10:00:00", **extra) -> dict:
    return {
        "clinic": clinic.pk,
        "therapist": physio.therapist.pk,
        "appointment_type": knee_check(clinic).pk,
        "starts_at_0": day,
        "starts_at_1": time,
        "name": "Piet Bellers",
        "email": "piet@example.nl",
        "phone": "0611122233",
        "language": "nl",
    } | extra


def errors_of(response) -> list[str]:
    form = response.context["adminform"].form
    return [str(e) for field in form.errors.values() for e in field]


def absence_form(physio, start: datetime, end: datetime) -> dict:
    local_start, local_end = start.astimezone(AMS), end.astimezone(AMS)
    return {
        "therapist": physio.therapist.pk,
        "starts_at_0": f"{local_start:%Y-%m-%d}",
        "starts_at_1": f"{local_start:%H:%M:%S}",
        "ends_at_0": f"{local_end:%Y-%m-%d}",
        "ends_at_1": f"{local_end:%H:%M:%S}",
        "reason": "holiday",
    }


# --- 3. phone bookings ------------------------------------------------------------------------------------
def test_a_phone_booking_is_made_by_the_booking_service_and_mailed_like_an_online_one(
    clinic_admin_client, clinic, physio
):
    response = clinic_admin_client.post(reverse(ADD_BOOKING), phone_booking(clinic, physio))
    assert response.status_code == 302
    made = Booking.objects.get()
    assert made.starts_at == at(4, 10) and made.ends_at == at(4, 10, 20)  # from the type's 20 minutes
    assert made.therapist == physio.therapist and made.status == Booking.Status.ACTIVE
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["piet@example.nl"] and "10:00" in sent.body
    assert "text/calendar" in sent.message().as_string()  # the calendar invitation, as online
    lines = AccessEvent.objects.filter(category="booking", actor_role=AccessEvent.Role.ADMIN)
    assert lines.filter(action=AccessEvent.Action.CHANGE).count() == 1


def test_a_phone_booking_without_an_address_sends_nothing(clinic_admin_client, clinic, physio):
    response = clinic_admin_client.post(reverse(ADD_BOOKING), phone_booking(clinic, physio, email=""))
    assert response.status_code == 302 and Booking.objects.get().email == ""
    assert mail.outbox == []


def test_an_overlapping_phone_booking_is_refused_in_dutch_naming_the_other(
    clinic_admin_client, clinic, physio
):
    service.book(
        clinic=clinic,
        appointment_type=knee_check(clinic),
        starts_at=at(4, 10),
        booker=booker(),
        therapist=physio.therapist,
    )
    form = phone_booking(clinic, physio, time="10:00:00")
    response = clinic_admin_client.post(reverse(ADD_BOOKING), form)
    assert response.status_code == 200 and Booking.objects.count() == 1
    (error,) = errors_of(response)
    assert "Femke de Vries heeft dan al een afspraak: Gratis kniecheck op 04-06-2025 10:00-10:20" in error
    assert "Anna Jansen" in error
    page = response.content.decode()
    assert "one_active_booking_per_slot" not in page and "Beperking" not in page
    treatment = clinic.appointment_types.get(is_knee_check=False)  # 30 minutes, on its own grid from 09:00
    later = phone_booking(clinic, physio, time="09:30:00", appointment_type=treatment.pk)
    assert clinic_admin_client.post(reverse(ADD_BOOKING), later).status_code == 302  # ends as hers begins
    Booking.objects.filter(appointment_type=treatment).delete()
    overlapping = phone_booking(clinic, physio, time="10:00:00", appointment_type=treatment.pk)
    assert (
        "heeft dan al een afspraak"
        in errors_of(clinic_admin_client.post(reverse(ADD_BOOKING), overlapping))[0]
    )


def test_a_booking_elsewhere_is_named_by_its_time_only(clinic_admin_client, clinic, other_clinic, physio):
    physio.therapist.clinics.add(other_clinic)
    Booking.objects.create(
        clinic=other_clinic,
        therapist=physio.therapist,
        appointment_type=knee_check(other_clinic),
        starts_at=at(4, 10),
        ends_at=at(4, 10, 20),
        name="Geheim Elders",
        phone="06",
    )
    page = clinic_admin_client.post(reverse(ADD_BOOKING), phone_booking(clinic, physio)).content.decode()
    assert "een afspraak bij een andere praktijk op 04-06-2025 10:00-10:20" in page
    assert "Geheim Elders" not in page


def test_a_phone_booking_on_a_holiday_is_refused(clinic_admin_client, clinic, physio):
    AvailabilityException.objects.create(
        therapist=physio.therapist, starts_at=at(4, 0), ends_at=at(5, 0), reason="holiday"
    )
    response = clinic_admin_client.post(reverse(ADD_BOOKING), phone_booking(clinic, physio))
    (error,) = errors_of(response)
    assert "Femke de Vries is dan afwezig: Vakantie 04-06-2025 00:00 - 05-06-2025 00:00" in error
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    ("day", "time", "expected"),
    [
        ("2025-06-07", "10:00:00", "heeft op 07-06-2025 geen vrije tijd"),  # a Saturday: no hours
        ("2025-06-04", "18:00:00", "Vrij op 04-06-2025: 09:00, 09:20"),  # after hours: the free times
        ("2025-06-04", "10:05:00", "geen afspraaktijd van Femke de Vries"),  # off the online grid
        ("2025-08-04", "10:00:00", "tot 28 dagen vooruit"),  # beyond the clinic's window
    ],
)
def test_a_phone_booking_outside_the_hours_says_when_she_is_free(
    clinic_admin_client, clinic, physio, day, time, expected
):
    response = clinic_admin_client.post(
        reverse(ADD_BOOKING), phone_booking(clinic, physio, day=day, time=time)
    )
    assert response.status_code == 200 and not Booking.objects.exists()
    assert expected in " ".join(errors_of(response))


def test_the_admin_and_the_online_booking_agree_on_every_time_of_a_day(clinic_admin_client, clinic, physio):
    """One rule in one place: the form refuses exactly the times the online service refuses."""
    from kniewijs.clinic import desk, slots

    Booking.objects.create(
        clinic=clinic,
        therapist=physio.therapist,
        appointment_type=knee_check(clinic),
        starts_at=at(4, 11),
        ends_at=at(4, 11, 20),
        name="Al Geboekt",
        phone="06",
    )
    AvailabilityException.objects.create(therapist=physio.therapist, starts_at=at(4, 14), ends_at=at(4, 15))
    offered = {o.start for o in slots.offers(clinic, knee_check(clinic), now=at(2, 8))}
    for minutes in range(7 * 60, 19 * 60, 10):
        start = at(4, minutes // 60, minutes % 60)
        refused = bool(desk.booking_problems(clinic, knee_check(clinic), physio.therapist, start))
        assert refused == (start not in offered), start
    assert at(4, 11) not in offered and at(4, 14, 20) not in offered and at(4, 10, 40) in offered


def test_a_cancelled_time_can_be_booked_by_phone_again(clinic_admin_client, clinic, physio):
    first = service.book(
        clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker()
    )
    service.cancel(first)
    assert clinic_admin_client.post(reverse(ADD_BOOKING), phone_booking(clinic, physio)).status_code == 302
    assert Booking.objects.filter(status=Booking.Status.ACTIVE).count() == 1


# --- 3. absences over bookings ------------------------------------------------------------------------------
def test_an_absence_over_a_booking_is_refused_naming_it(clinic_admin_client, clinic, physio):
    service.book(clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker())
    response = clinic_admin_client.post(reverse(ADD_ABSENCE), absence_form(physio, at(4, 0), at(6, 0)))
    assert response.status_code == 200 and not AvailabilityException.objects.exists()
    (error,) = errors_of(response) or [str(e) for e in response.context["adminform"].form.non_field_errors()]
    assert "Verzet of annuleer die eerst" in error
    assert "Gratis kniecheck op 04-06-2025 10:00-10:20 (Anna Jansen)" in error


def test_an_absence_around_a_cancelled_booking_is_fine(clinic_admin_client, clinic, physio):
    service.cancel(
        service.book(clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker())
    )
    response = clinic_admin_client.post(reverse(ADD_ABSENCE), absence_form(physio, at(4, 0), at(6, 0)))
    assert response.status_code == 302 and AvailabilityException.objects.count() == 1


def test_an_absence_that_ends_before_it_starts_gets_a_dutch_error(clinic_admin_client, physio):
    response = clinic_admin_client.post(reverse(ADD_ABSENCE), absence_form(physio, at(6, 0), at(4, 0)))
    assert "De afwezigheid moet eindigen na het begin." in response.content.decode()
    assert "Beperking" not in response.content.decode()


def test_another_clinics_manager_cannot_add_an_absence_for_femke(clinic, other_clinic, physio):
    from tests.conftest import verified_client

    from .conftest import make_clinic_admin

    other = verified_client(make_clinic_admin("baas@andere.nl", other_clinic))
    response = other.post(reverse(ADD_ABSENCE), absence_form(physio, at(4, 0), at(6, 0)))
    assert response.status_code == 200 and "therapist" in response.context["adminform"].form.errors
    assert not AvailabilityException.objects.exists()
    assert other.post(reverse(ADD_BOOKING), phone_booking(clinic, physio)).status_code == 200
    assert not Booking.objects.exists()


# --- 2. local time ----------------------------------------------------------------------------------------
def test_lists_and_headings_show_the_clinics_wall_clock(clinic_admin_client, clinic, physio):
    """08:30 in Utrecht in winter is 07:30 UTC; nowhere may 07:30 appear."""
    winter = datetime(2025, 12, 2, 8, 30, tzinfo=AMS)
    booking = Booking.objects.create(
        clinic=clinic,
        therapist=physio.therapist,
        appointment_type=knee_check(clinic),
        starts_at=winter,
        ends_at=winter + timedelta(minutes=20),
        name="Winter Loper",
        phone="06",
    )
    absence = AvailabilityException.objects.create(
        therapist=physio.therapist, starts_at=winter, ends_at=winter + timedelta(hours=2)
    )
    pages = [
        reverse("admin:clinic_booking_changelist"),
        reverse("admin:clinic_booking_change", args=[booking.pk]),
        reverse("admin:clinic_availabilityexception_changelist"),
        reverse("admin:clinic_availabilityexception_change", args=[absence.pk]),
    ]
    for url in pages:
        page = clinic_admin_client.get(url).content.decode()
        assert "08:30" in page and "07:30" not in page, url
    assert str(booking) == "Gratis kniecheck 02-12-2025 08:30"


# --- 1. Dutch words ----------------------------------------------------------------------------------------
def test_every_label_and_column_of_the_booking_pages_is_dutch(clinic_admin_client, clinic, physio):
    page = clinic_admin_client.get(reverse(ADD_BOOKING)).content.decode()
    for dutch in ("Praktijk", "Fysiotherapeut", "Soort afspraak", "Taal van de e-mails", "Nederlands"):
        assert dutch in page, dutch
    for english in ("Therapist:", "Appointment type:", "Clinic:", "Language:", "Created at"):
        assert english not in page, english
    assert '<select name="language"' in page  # a choice, not free text
    service.book(clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker())
    listing = clinic_admin_client.get(reverse("admin:clinic_booking_changelist")).content.decode()
    for column in ("Wanneer", "Fysiotherapeut", "Soort afspraak", "Status", "Naam"):
        assert column in listing, column


def test_the_admins_own_table_headings_are_dutch_too(clinic_admin_client):
    """Screen readers read the index's hidden column headings; Django's Dutch catalogue lacks them."""
    page = clinic_admin_client.get(reverse("admin:index")).content.decode()
    for english in ("Model name", "Add link", "Change or view list link"):
        assert english not in page, english
    assert "Soort gegevens" in page


def test_every_clinic_model_field_has_a_dutch_label():
    from django.apps import apps
    from django.utils import translation

    same_in_dutch = {"status", "account", "e-mail", "type"}
    untranslated = []
    for model in apps.get_app_config("clinic").get_models():
        for field in model._meta.get_fields():
            if field.auto_created or field.name in {"id", "public_id"} or not hasattr(field, "verbose_name"):
                continue
            with translation.override("en"):
                english = str(field.verbose_name)
            with translation.override("nl"):
                dutch = str(field.verbose_name)
            if dutch == english and english not in same_in_dutch:
                untranslated.append(f"{model.__name__}.{field.name}: {english}")
    assert untranslated == []


def test_the_therapist_clinic_rows_have_words(clinic, physio):
    from django.utils import translation

    row = Therapist.clinics.through.objects.get(therapist=physio.therapist, clinic=clinic)
    with translation.override("nl"):
        assert str(row) == "Femke de Vries bij Fysio Centrum"
        assert str(Therapist.clinics.through._meta.verbose_name) == "fysiotherapeut bij een praktijk"


# --- 7. opening hours from the schedule -----------------------------------------------------------------------
def test_the_clinic_page_shows_the_hours_the_slots_come_from(clinic_admin_client, clinic, physio):
    from datetime import time

    from kniewijs.clinic.models import WeeklyAvailability

    url = reverse("admin:clinic_clinic_change", args=[clinic.pk])
    page = clinic_admin_client.get(url).content.decode()
    assert "maandag: 09:00-16:40" in page and "zaterdag" not in page
    assert 'name="opening_hours"' not in page  # nothing to type that could disagree
    WeeklyAvailability.objects.filter(therapist=physio.therapist, weekday=1).update(end_time=time(20))
    assert "dinsdag: 09:00-19:40" in clinic_admin_client.get(url).content.decode()
    make_physio("tess@fysio.nl", clinic, name="Tess", weekdays=(5,))
    assert "zaterdag: 09:00-16:40" in clinic_admin_client.get(url).content.decode()


def test_a_clinic_without_hours_says_where_to_add_them(clinic_admin_client):
    clinic = Clinic.objects.get()
    page = clinic_admin_client.get(reverse("admin:clinic_clinic_change", args=[clinic.pk])).content.decode()
    assert "Nog geen werktijden" in page


def test_a_time_taken_online_while_the_desk_types_is_refused_without_a_crash(
    clinic_admin_client, clinic, physio, monkeypatch
):
    from kniewijs.clinic import desk

    service.book(clinic=clinic, appointment_type=knee_check(clinic), starts_at=at(4, 10), booker=booker())
    monkeypatch.setattr(desk, "booking_problems", lambda *args, **kwargs: [])  # the form checked before
    response = clinic_admin_client.post(reverse(ADD_BOOKING), phone_booking(clinic, physio), follow=True)
    assert "Iemand anders heeft deze tijd zojuist geboekt" in response.content.decode()
    assert Booking.objects.count() == 1 and mail.outbox == []


def test_a_phone_booking_without_an_address_gets_no_reminder(clinic, physio):
    from kniewijs.clinic.reminders import due_bookings

    Booking.objects.create(
        clinic=clinic,
        therapist=physio.therapist,
        appointment_type=knee_check(clinic),
        starts_at=at(3, 10),
        ends_at=at(3, 10, 20),
        name="Zonder Adres",
        phone="06",
    )
    assert due_bookings(at(2, 12)) == []
