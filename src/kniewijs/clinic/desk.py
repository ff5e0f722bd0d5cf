"""The front desk's words for the booking rules: why a phone booking or an absence is refused.

Nothing is decided here. Whether a time can be booked is `slots.free_therapists`, the very test the online
booking makes under its lock (booking.book); which bookings and absences overlap a time is
`slots.bookings_during` and `slots.absences_during`, the queries the free times are built from. This module
only turns their answers into sentences a practice manager can act on, in the clinic's local time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from . import slots
from .models import AppointmentType, AvailabilityException, Booking, Clinic, Therapist


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment, slots.clinic_tz())


def describe_booking(booking: Booking, shown_to: Iterable[int]) -> str:
    """The booking in words. Of a clinic not in `shown_to` only the time: a therapist who also works
    elsewhere must not tell this clinic who booked there."""
    start, end = _local(booking.starts_at), _local(booking.ends_at)
    if booking.clinic_id not in set(shown_to):
        return _("an appointment at another clinic on %(day)s %(start)s-%(end)s") % {
            "day": start.strftime("%d-%m-%Y"),
            "start": start.strftime("%H:%M"),
            "end": end.strftime("%H:%M"),
        }
    return _("%(type)s on %(day)s %(start)s-%(end)s (%(name)s)") % {
        "type": booking.appointment_type,
        "day": start.strftime("%d-%m-%Y"),
        "start": start.strftime("%H:%M"),
        "end": end.strftime("%H:%M"),
        "name": booking.name,
    }


def _listed(bookings: Iterable[Booking], shown_to: Iterable[int]) -> str:
    shown = set(shown_to)
    return "; ".join(describe_booking(b, shown) for b in bookings)


def booking_problems(
    clinic: Clinic,
    appointment_type: AppointmentType,
    therapist: Therapist,
    starts_at: datetime,
    *,
    now: datetime | None = None,
) -> list[str]:
    """Why `therapist` cannot take `starts_at`, or [] when the online booking would take it too."""
    now = now or timezone.now()
    if not clinic.active:
        return [_("This clinic is not taking bookings (see the clinic's page).")]
    if not appointment_type.active:
        return [_("This appointment type cannot be booked (it is switched off).")]
    if not therapist.active:
        return [_("%(therapist)s does not take bookings at the moment.") % {"therapist": therapist}]
    if slots.free_therapists(clinic, appointment_type, [therapist], starts_at, now=now):
        return []
    ends_at = starts_at + timedelta(minutes=appointment_type.duration_minutes)
    problems = []
    clashes = list(
        slots.bookings_during([therapist.pk], starts_at, ends_at).select_related("appointment_type")
    )
    if clashes:
        problems.append(
            _("%(therapist)s already has an appointment then: %(bookings)s.")
            % {"therapist": therapist, "bookings": _listed(clashes, [clinic.pk])}
        )
    away = list(slots.absences_during([therapist.pk], starts_at, ends_at))
    if away:
        problems.append(
            _("%(therapist)s is away then: %(absences)s.")
            % {"therapist": therapist, "absences": "; ".join(str(a) for a in away)}
        )
    return problems or [_outside_hours(clinic, appointment_type, therapist, starts_at, now)]


def _outside_hours(
    clinic: Clinic,
    appointment_type: AppointmentType,
    therapist: Therapist,
    starts_at: datetime,
    now: datetime,
) -> str:
    first, last = slots.bookable_window(clinic, now)
    day = _local(starts_at).date()
    if starts_at < now + slots.MIN_NOTICE or not first <= day <= last:
        return _(
            "Appointments can be booked from an hour from now up to %(days)d days ahead, as online; the"
            " clinic's page sets how far ahead."
        ) % {"days": clinic.booking_days_ahead}
    free = slots.therapist_slots(clinic, appointment_type, [therapist], now=now, first_day=day, last_day=day)
    times = ", ".join(_local(slot.start).strftime("%H:%M") for slot in free.get(therapist.pk, []))
    if not times:
        return _(
            "%(therapist)s has no free time for this appointment at this clinic on %(day)s (no working hours"
            " then, or fully booked)."
        ) % {"therapist": therapist, "day": day.strftime("%d-%m-%Y")}
    return _(
        "This time is not one of %(therapist)s's appointment times at this clinic. Free on %(day)s: %(times)s."
    ) % {"therapist": therapist, "day": day.strftime("%d-%m-%Y"), "times": times}


def bookings_in_the_way(absence: AvailabilityException) -> list[Booking]:
    """The therapist's active bookings inside a new or changed absence: they have to move or be cancelled."""
    return list(
        slots.bookings_during([absence.therapist_id], absence.starts_at, absence.ends_at)
        .select_related("appointment_type")
        .order_by("starts_at")
    )


def absence_problem(absence: AvailabilityException, shown_to: Iterable[int]) -> str:
    found = bookings_in_the_way(absence)
    if not found:
        return ""
    return _(
        "%(therapist)s has appointments in this period. Move or cancel them first, then add the absence:"
        " %(bookings)s."
    ) % {"therapist": absence.therapist, "bookings": _listed(found, shown_to)}
