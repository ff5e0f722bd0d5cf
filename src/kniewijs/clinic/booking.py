"""Booking, moving and cancelling an appointment, safe against two people taking the same time.

Each change runs in one transaction that first takes a lock: on PostgreSQL the rows of the therapists
involved (`select_for_update`, always in id order so two bookers cannot deadlock); on SQLite the database's
own write lock, taken at BEGIN because the project runs SQLite transactions in IMMEDIATE mode. Under that
lock the slot is checked again (still offered, still free) before the row is written. The unique
constraint `one_active_booking_per_slot` is the last line: if it fires anyway, the caller gets SlotTaken.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import slots
from .models import AppointmentType, Booking, Clinic, Consent, Therapist


class SlotTaken(Exception):
    """The chosen time is no longer free (or no longer offered)."""


class NotChangeable(Exception):
    """The booking is cancelled, or its online change deadline has passed."""


class StaleLink(Exception):
    """The booking was changed since the link was made (its link_version moved on)."""


@dataclass(frozen=True, slots=True)
class Booker:
    """Who books. `selfcheck_answers` is only given when they ticked the consent box."""

    name: str
    email: str
    phone: str
    language: str = "nl"
    runner: Any = None
    selfcheck_answers: dict[str, Any] | None = None


def _lock_therapists(clinic: Clinic, therapist: Therapist | None) -> list[Therapist]:
    rows = Therapist.objects.filter(clinics=clinic, active=True)
    if therapist is not None:
        rows = rows.filter(pk=therapist.pk)
    # of=("self",): lock the therapist rows only, not the clinic link rows of the join.
    return list(rows.select_for_update(of=("self",)).order_by("pk"))


def _free_therapist(
    clinic: Clinic,
    appointment_type: AppointmentType,
    starts_at: datetime,
    therapist: Therapist | None,
    now: datetime,
    ignore: Booking | None = None,
) -> Therapist:
    if appointment_type.clinic_id != clinic.pk or not appointment_type.active or not clinic.active:
        raise SlotTaken
    candidates = _lock_therapists(clinic, therapist)
    free = slots.free_therapists(clinic, appointment_type, candidates, starts_at, now=now, ignore=ignore)
    if not free:
        raise SlotTaken
    if ignore is not None and any(t.pk == ignore.therapist_id for t in free):
        return next(t for t in free if t.pk == ignore.therapist_id)  # keep the same therapist if possible
    return free[0]


def book(
    *,
    clinic: Clinic,
    appointment_type: AppointmentType,
    starts_at: datetime,
    booker: Booker,
    therapist: Therapist | None = None,
    now: datetime | None = None,
) -> Booking:
    """Book `starts_at` with `therapist`, or with any therapist of the clinic free then."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            chosen = _free_therapist(clinic, appointment_type, starts_at, therapist, now)
            if booker.runner is not None and booker.selfcheck_answers:
                _consent_to_selfcheck(booker.runner, clinic, now)
            return Booking.objects.create(
                clinic=clinic,
                therapist=chosen,
                appointment_type=appointment_type,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=appointment_type.duration_minutes),
                runner=booker.runner,
                name=booker.name,
                email=booker.email,
                phone=booker.phone,
                language=booker.language,
                selfcheck_answers=booker.selfcheck_answers or None,
                report_consent_at=now if booker.selfcheck_answers else None,
            )
    except IntegrityError as exc:
        raise SlotTaken from exc


def _consent_to_selfcheck(runner: Any, clinic: Clinic, now: datetime) -> None:
    """A runner with an account who sends their self-check along gives the clinic the self-check category,
    so that one revocation on the consent page withdraws it again."""
    category = Consent.Category.SELFCHECK
    if not Consent.objects.active().filter(runner=runner, clinic=clinic, category=category).exists():
        Consent.objects.create(runner=runner, clinic=clinic, category=category, granted_at=now)


def _locked_booking(booking: Booking, expected_version: int | None, now: datetime) -> Booking:
    current = Booking.objects.select_for_update(of=("self",)).select_related("clinic").get(pk=booking.pk)
    if expected_version is not None and current.link_version != expected_version:
        raise StaleLink
    if not current.can_change(now):
        raise NotChangeable
    return current


def reschedule(
    booking: Booking,
    *,
    starts_at: datetime,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Booking:
    """Move the booking to `starts_at`; its old time is free the moment this commits."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            current = _locked_booking(booking, expected_version, now)
            chosen = _free_therapist(
                current.clinic, current.appointment_type, starts_at, None, now, ignore=current
            )
            current.therapist = chosen
            current.starts_at = starts_at
            current.ends_at = starts_at + timedelta(minutes=current.appointment_type.duration_minutes)
            current.link_version += 1
            current.reminder_sent_at = None  # a new time deserves its own reminder
            current.save(
                update_fields=["therapist", "starts_at", "ends_at", "link_version", "reminder_sent_at"]
            )
            return current
    except IntegrityError as exc:
        raise SlotTaken from exc


def cancel(booking: Booking, *, expected_version: int | None = None, now: datetime | None = None) -> Booking:
    """Cancel the booking; its time is offered again the moment this commits."""
    now = now or timezone.now()
    with transaction.atomic():
        current = _locked_booking(booking, expected_version, now)
        current.status = Booking.Status.CANCELLED
        current.cancelled_at = now
        current.link_version += 1
        current.save(update_fields=["status", "cancelled_at", "link_version"])
        return current


def upcoming_of(runner: Any, now: datetime | None = None) -> Any:
    """The runner's active bookings that have not started yet, soonest first."""
    return (
        Booking.objects.filter(
            runner=runner, status=Booking.Status.ACTIVE, starts_at__gt=now or timezone.now()
        )
        .select_related("clinic", "therapist__user", "appointment_type")
        .order_by("starts_at")
    )


def cancel_all_of(runner: Any, now: datetime | None = None) -> list[Booking]:
    """Cancel every upcoming booking of `runner`, whatever the online deadline: their account is being erased,
    so nobody can phone the clinic about it on their behalf. Runs inside the caller's transaction."""
    now = now or timezone.now()
    cancelled = list(upcoming_of(runner, now).select_for_update(of=("self",)))
    for booking in cancelled:
        booking.status = Booking.Status.CANCELLED
        booking.cancelled_at = now
        booking.link_version += 1
        booking.save(update_fields=["status", "cancelled_at", "link_version"])
    return cancelled
