"""The one way clinic views reach a runner's data, and the clinics an administrator may manage.

A physio reaches a runner only through an active consent to one of the physio's clinics; without one the
runner does not exist for them (404). An appointment is open to the therapist it is with and to the
colleagues at its clinic (`bookings_open_to`), the one rule behind every page that lists or shows one. An
administrator reaches only the clinics named for them in `Clinic.administrators` (a superuser: all). A booking
is reached without an account through its mailed link (`booking_for_visitor`). Every look is written to the
access log, refused looks included, with one line per runner even on pages that list many.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from kniewijs.audit.log import email_pseudonym, entry, pseudonym, record, record_many
from kniewijs.audit.models import AccessEvent

from . import links
from .models import Booking, Clinic, Consent, Therapist

Category = Consent.Category
# Parts of the access log that are not consent categories.
BOOKING = "booking"  # who booked what, when: name, e-mail address, phone, appointment
NOTES = "notes"  # the clinic's notes about a runner
PATIENT_LIST = "patient-list"  # a runner's name in a physio's list of patients, with what they share
CLINIC_ROLE = "clinic-role"  # someone becoming, or ceasing to be, a physiotherapist of a clinic
Role = AccessEvent.Role
Action = AccessEvent.Action


def therapist_of(user: Any) -> Therapist | None:
    if not getattr(user, "is_authenticated", False):
        return None
    therapist: Therapist | None = getattr(user, "therapist", None)
    if therapist is None or not therapist.active:
        return None
    return therapist


def clinics_of(therapist: Therapist) -> list[Clinic]:
    return list(therapist.clinics.all())


def administered_clinics(user: Any) -> QuerySet[Clinic]:
    """The clinics this account manages in the admin: all for a superuser, otherwise those that name it in
    `Clinic.administrators`, which only a superuser sets. None for an account that is not staff."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or not user.is_staff:
        return Clinic.objects.none()
    if user.is_superuser:
        return Clinic.objects.all()
    return Clinic.objects.filter(administrators=user)


def booking_for_visitor(
    request: HttpRequest, public_id: uuid.UUID, *, for_change: bool
) -> tuple[Booking, int]:
    """A booking for whoever opened its mailed link in this browser, or for the runner whose account made it;
    `links.LinkError` for anyone else. Returns the booking and the link version the visitor may act on."""
    owner = request.user if request.user.is_authenticated else None
    return links.open_granted(request.session, public_id, for_change=for_change, owner=owner)


@dataclass
class Patient:
    """A runner as one physio may see them: which categories, through which consent, for which clinic."""

    runner: Any
    consents: dict[str, Consent] = field(default_factory=dict)

    def allows(self, category: str) -> bool:
        return category in self.consents

    def consent(self, category: str) -> Consent:
        return self.consents[category]


def patient_consents(therapist: Therapist, runner_id: int) -> dict[str, Consent]:
    """The active consents of this runner to any of the therapist's clinics, one per category (oldest)."""
    found: dict[str, Consent] = {}
    rows = (
        Consent.objects.active()
        .filter(runner_id=runner_id, clinic__in=therapist.clinics.all())
        .select_related("clinic")
        .order_by("granted_at", "pk")
    )
    for consent in rows:
        found.setdefault(consent.category, consent)
    return found


def patient_or_404(therapist: Therapist, runner_id: int) -> Patient:
    consents = patient_consents(therapist, runner_id)
    if not consents:
        raise Http404
    runner = get_user_model().objects.filter(pk=runner_id, is_active=True).first()
    if runner is None:
        raise Http404
    return Patient(runner=runner, consents=consents)


def patients_of(therapist: Therapist) -> list[Patient]:
    """Every runner with at least one active consent to one of the therapist's clinics."""
    rows = (
        Consent.objects.active()
        .filter(clinic__in=therapist.clinics.all(), runner__is_active=True)
        .select_related("runner", "clinic")
        .order_by("granted_at", "pk")
    )
    patients: dict[int, Patient] = {}
    for consent in rows:
        patient = patients.setdefault(consent.runner_id, Patient(runner=consent.runner))
        patient.consents.setdefault(consent.category, consent)
    return sorted(patients.values(), key=lambda p: (p.runner.get_full_name() or p.runner.email).lower())


def view_entry(
    request: HttpRequest,
    therapist: Therapist,
    patient: Patient,
    category: str,
    action: str = AccessEvent.Action.READ,
) -> AccessEvent:
    """The line for the physio using one category of the patient's record under its consent (not saved)."""
    consent = patient.consents.get(category)
    return entry(
        actor=request.user,
        role=AccessEvent.Role.PHYSIO,
        subject=pseudonym(patient.runner.pk),
        category=category,
        action=action,
        outcome=AccessEvent.Outcome.ALLOWED if consent else AccessEvent.Outcome.DENIED,
        clinic=consent.clinic if consent else None,
        consent=consent,
        request=request,
    )


def log_view(
    request: HttpRequest,
    therapist: Therapist,
    patient: Patient,
    category: str,
    action: str = AccessEvent.Action.READ,
) -> None:
    """Record that the physio used one category of the patient's record under its consent."""
    view_entry(request, therapist, patient, category, action).save()


def log_refused(request: HttpRequest, runner_id: int, category: str) -> None:
    """A physio asked for a runner they may not see: logged, then answered with a 404."""
    record(
        actor=request.user,
        role=AccessEvent.Role.PHYSIO,
        subject=pseudonym(runner_id),
        category=category,
        action=AccessEvent.Action.READ,
        outcome=AccessEvent.Outcome.DENIED,
        request=request,
    )


def bookings_open_to(therapist: Therapist) -> QuerySet[Booking]:
    """The one rule for who may open an appointment, used by the appointment page, the practice agenda and the
    dashboard alike, so that no list can show a booking its page refuses, or the other way round:

    - the therapist it is with, always, also after they moved practice: the runner booked this person, the
      appointment is in their own list, and they have to run it or cancel it;
    - the colleagues who work at the booking's clinic now: the practice runs its agenda together (covering
      for an absent colleague, calling a runner who is late), which needs who booked what and how to reach
      them. Working there now, not once: a therapist who leaves takes none of the old practice's
      appointments along but their own.

    Everyone else gets a 404, never a 403: that a booking exists is itself something to keep. What is opened
    is the booking (name, e-mail address, phone, appointment); an attached self-check has its own, narrower
    rule (`report_visible_to`)."""
    return Booking.objects.select_related("clinic", "therapist", "appointment_type", "runner").filter(
        Q(therapist=therapist) | Q(clinic__in=therapist.clinics.all())
    )


def booking_for_therapist_or_404(request: HttpRequest, therapist: Therapist, booking_id: int) -> Booking:
    """A booking `bookings_open_to` the therapist; anything else is a 404, written to the access log of the
    runner it is about. (A number that is no booking at all names nobody, so it has no log to go in.)"""
    booking = bookings_open_to(therapist).filter(pk=booking_id).first()
    if booking is None:
        refused = Booking.objects.filter(pk=booking_id).first()
        if refused is not None:
            log_booking_refused(request, refused)
        raise Http404
    return booking


def is_own_booking(therapist: Therapist, booking: Booking) -> bool:
    """The booking is with this therapist (not a colleague's at their clinic)."""
    return booking.therapist_id == therapist.pk


def booking_subject(booking: Booking) -> str:
    return pseudonym(booking.runner_id) if booking.runner_id else email_pseudonym(booking.email)


def report_consent(booking: Booking) -> Consent | None:
    """The consent an attached self-check rests on for a runner with an account (None without one)."""
    if booking.runner_id is None:
        return None
    return (
        Consent.objects.active()
        .filter(runner_id=booking.runner_id, clinic=booking.clinic, category=Category.SELFCHECK)
        .first()
    )


def report_visible(booking: Booking) -> bool:
    """Without an account the booking's consent box is the basis; with one, the runner's self-check consent
    for the clinic, so that revoking it on the consent page withdraws the attached report too."""
    if not booking.has_report:
        return False
    return booking.runner_id is None or report_consent(booking) is not None


def report_visible_to(therapist: Therapist, booking: Booking) -> bool:
    """Whether this therapist sees the self-check attached to a booking they may open. Opening a colleague's
    appointment is for running the practice; the report is health data the runner sent along with the
    appointment they booked. So:

    - the booking's own therapist sees it under `report_visible` (the consent box, or the runner's
      self-check consent for the clinic), also after moving practice: it was sent with the appointment
      with them, which they still run;
    - a colleague only when the runner, with an account, shares self-checks with the booking's clinic
      (`report_consent`): a standing consent they see and can withdraw on their consent page. The box
      ticked while booking without an account is read as sending it with this appointment only, to the one
      who runs it; nobody widens that afterwards.

    Revoking the clinic's self-check consent withdraws it from both."""
    if is_own_booking(therapist, booking):
        return report_visible(booking)
    return booking.has_report and report_consent(booking) is not None


def log_booking_report(request: HttpRequest, booking: Booking, action: str = AccessEvent.Action.READ) -> None:
    consent = report_consent(booking)
    record(
        actor=request.user,
        role=AccessEvent.Role.PHYSIO,
        subject=booking_subject(booking),
        category=Category.SELFCHECK,
        action=action,
        clinic=booking.clinic,
        consent=consent,
        request=request,
        basis=""
        if consent is not None
        else f"consent box of booking {booking.public_id} ({booking.report_consent_at:%Y-%m-%d %H:%M} UTC)",
    )


def _booking_entry(
    request: HttpRequest, booking: Booking, role: str, action: str = Action.READ, outcome: str = ""
) -> AccessEvent:
    # The basis names which half of `bookings_open_to` let the physio in: their own appointment (which they
    # keep after moving practice), or one of the practice they work at.
    therapist = therapist_of(request.user) if role == Role.PHYSIO else None
    own = therapist is not None and is_own_booking(therapist, booking)
    basis = (
        f"booking {booking.public_id} with this physiotherapist"
        if own
        else f"booking {booking.public_id} at this clinic"
    )
    return entry(
        actor=request.user,
        role=role,
        subject=booking_subject(booking),
        category=BOOKING,
        action=action,
        outcome=outcome or AccessEvent.Outcome.ALLOWED,
        clinic=booking.clinic,
        request=request,
        basis=basis,
    )


def log_booking(request: HttpRequest, booking: Booking) -> None:
    """Opening an appointment shows who booked what, which is health-related too."""
    _booking_entry(request, booking, Role.PHYSIO).save()


def log_booking_refused(request: HttpRequest, booking: Booking) -> None:
    """A physio asked for an appointment `bookings_open_to` does not give them: nothing was shown. No clinic:
    they did not act for the booking's."""
    record(
        actor=request.user,
        role=Role.PHYSIO,
        subject=booking_subject(booking),
        category=BOOKING,
        action=Action.READ,
        outcome=AccessEvent.Outcome.DENIED,
        request=request,
    )


def _first_consent_per_clinic(patient: Patient) -> list[Consent]:
    found: dict[int, Consent] = {}
    for consent in patient.consents.values():
        found.setdefault(consent.clinic_id, consent)
    return list(found.values())


def log_dashboard(request: HttpRequest, bookings: Iterable[Booking], patients: Iterable[Patient]) -> None:
    """The physio's overview (and the practice agenda, without patients) shows names, e-mail addresses and
    appointments: one line per appointment listed, and one per patient listed and clinic they share with."""
    events = [_booking_entry(request, booking, Role.PHYSIO) for booking in bookings]
    for patient in patients:
        events += [
            entry(
                actor=request.user,
                role=Role.PHYSIO,
                subject=pseudonym(patient.runner.pk),
                category=PATIENT_LIST,
                action=Action.READ,
                clinic=consent.clinic,
                consent=consent,
                request=request,
            )
            for consent in _first_consent_per_clinic(patient)
        ]
    record_many(events)


def log_admin_bookings(request: HttpRequest, bookings: Iterable[Booking], action: str = Action.READ) -> None:
    """An administrator saw these bookings (a page of the list, or one booking's page): one line each."""
    record_many(_booking_entry(request, booking, Role.ADMIN, action) for booking in bookings)


def log_admin_booking_refused(request: HttpRequest, booking: Booking) -> None:
    """An administrator asked for a booking of a clinic they do not manage: nothing was shown."""
    _booking_entry(request, booking, Role.ADMIN, outcome=AccessEvent.Outcome.DENIED).save()


def notes_entries(request: HttpRequest, patient: Patient, action: str = Action.READ) -> list[AccessEvent]:
    """The record shows the notes of every clinic of the physio's that the runner shares with: one line each
    (not saved; the record's page writes all its lines at once)."""
    return [
        entry(
            actor=request.user,
            role=Role.PHYSIO,
            subject=pseudonym(patient.runner.pk),
            category=NOTES,
            action=action,
            clinic=consent.clinic,
            consent=consent,
            request=request,
        )
        for consent in _first_consent_per_clinic(patient)
    ]


def log_note(request: HttpRequest, patient: Patient, consent: Consent) -> None:
    record(
        actor=request.user,
        role=AccessEvent.Role.PHYSIO,
        subject=pseudonym(patient.runner.pk),
        category=NOTES,
        action=AccessEvent.Action.CHANGE,
        clinic=consent.clinic,
        consent=consent,
        request=request,
    )
