"""The runner's consents: what each clinic may see, and changing that.

Nothing is cached: the physio's side (`clinic.access`) reads the Consent rows on every request, so a revoke
counts from the very next page a physio opens. Rows are never deleted; revoking stamps `revoked_at`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kniewijs.clinic.models import Booking, Clinic, Consent

Category = Consent.Category

# What the clinic sees once the box is ticked, in the runner's words.
WHAT_THE_CLINIC_SEES = {
    Category.SELFCHECK: _(
        "The results of the knee self-checks your recovery programmes started from: your answers and the "
        "advice you got."
    ),
    Category.TRAINING: _(
        "Your runs: date, distance, time, heart rate and cadence, your sleep and resting heart rate, and the "
        "training-load charts and warnings. Never a map, a GPS track or the name of your watch."
    ),
    Category.PAIN: _(
        "The knee pain you noted over the last six weeks: how much, where, and whether the knee was swollen, "
        "and the warnings about it. Without this part the clinic sees none of the pain you noted."
    ),
    Category.RECOVERY: _(
        "Your recovery programme: when it started, its exercises and the sessions you logged. Together with "
        "your pain log also the phase and level you are at and how your knee reacted. The physio can also "
        "adjust the programme for you."
    ),
}
HISTORY_LENGTH = 20


@dataclass
class CategoryState:
    category: str
    label: str
    explanation: str
    consent: Consent | None

    @property
    def granted(self) -> bool:
        return self.consent is not None


@dataclass
class ClinicConsents:
    clinic: Clinic
    booked_here: bool
    categories: list[CategoryState] = field(default_factory=list)

    @property
    def all_granted(self) -> bool:
        return all(c.granted for c in self.categories)

    @property
    def none_granted(self) -> bool:
        return not any(c.granted for c in self.categories)


@dataclass
class HistoryLine:
    at: datetime
    granted: bool
    clinic: Clinic
    category_label: str


def clinics_for(runner: Any) -> list[Clinic]:
    """Every clinic that takes bookings, plus any other the runner still has business with (so an active
    consent to a clinic that closed can still be revoked); clinics the runner booked come first."""
    booked = set(Booking.objects.filter(runner=runner).values_list("clinic_id", flat=True))
    consented = Consent.objects.active().filter(runner=runner).values_list("clinic_id", flat=True)
    clinics = Clinic.objects.filter(Q(active=True) | Q(pk__in=booked) | Q(pk__in=consented)).distinct()
    return sorted(clinics, key=lambda c: (c.pk not in booked, c.name.lower(), c.pk))


def overview(runner: Any) -> list[ClinicConsents]:
    active = {(c.clinic_id, c.category): c for c in Consent.objects.active().filter(runner=runner)}
    booked = set(Booking.objects.filter(runner=runner).values_list("clinic_id", flat=True))
    return [
        ClinicConsents(
            clinic=clinic,
            booked_here=clinic.pk in booked,
            categories=[
                CategoryState(
                    category=value,
                    label=str(label),
                    explanation=str(WHAT_THE_CLINIC_SEES[value]),
                    consent=active.get((clinic.pk, value)),
                )
                for value, label in Category.choices
            ],
        )
        for clinic in clinics_for(runner)
    ]


def history(runner: Any, limit: int = HISTORY_LENGTH) -> list[HistoryLine]:
    """The latest grants and revokes, newest first."""
    labels = dict(Category.choices)
    lines: list[HistoryLine] = []
    rows = Consent.objects.filter(runner=runner).select_related("clinic").order_by("-granted_at", "-pk")
    for consent in rows[: limit * 2]:
        label = str(labels.get(consent.category, consent.category))
        lines.append(HistoryLine(consent.granted_at, True, consent.clinic, label))
        if consent.revoked_at is not None:
            lines.append(HistoryLine(consent.revoked_at, False, consent.clinic, label))
    lines.sort(key=lambda line: line.at, reverse=True)
    return lines[:limit]


def is_granted(runner: Any, clinic: Clinic, category: str) -> bool:
    return Consent.objects.active().filter(runner=runner, clinic=clinic, category=category).exists()


def grant(runner: Any, clinic: Clinic, categories: list[str]) -> int:
    """Grant each category not yet granted; returns how many were new. A second click, or two requests at
    once, finds the active row (or hits the unique constraint) and changes nothing."""
    created = 0
    with transaction.atomic():
        for category in categories:
            if is_granted(runner, clinic, category):
                continue
            try:
                with transaction.atomic():
                    Consent.objects.create(runner=runner, clinic=clinic, category=category)
            except IntegrityError:
                continue  # granted by a parallel request in the meantime: the runner's wish holds
            created += 1
    return created


def revoke(runner: Any, clinic: Clinic, categories: list[str]) -> int:
    """Stamp `revoked_at` on the active consents; returns how many were revoked."""
    with transaction.atomic():
        return (
            Consent.objects.active()
            .filter(runner=runner, clinic=clinic, category__in=categories)
            .update(revoked_at=timezone.now())
        )
