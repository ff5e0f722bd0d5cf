"""The demo clinic for `make run`: one practice, two physiotherapists with a known TOTP key (demo only), free
slots on weekdays, an administrator of that practice, and the demo runner with a booked knee check, consent for
all four categories and a few entries in their access log. Safe to run again.

The two physiotherapists are made here directly, as a superuser-level setup step (like `kniewijs shell`), not
through the invitation an administrator sends in the admin (invitations.py): the demo must work without a mail
box. Nothing in the web pages makes a therapist this way."""

from __future__ import annotations

from base64 import b32encode
from datetime import datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from kniewijs.audit.log import pseudonym, record
from kniewijs.audit.models import AccessEvent

from .booking import Booker, book
from .faq_defaults import add_default_faq
from .models import AppointmentType, Booking, Clinic, Consent, Therapist, WeeklyAvailability
from .slots import next_offers

DEMO_PASSWORD = "kniewijs-demo"
# A fixed key so the demo can be signed into with any authenticator app; never used outside the demo.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"
PHYSIOS = (("femke@kniewijs.nl", "Femke de Vries"), ("joost@kniewijs.nl", "Joost Bakker"))
ADMIN_EMAIL = "beheer@kniewijs.nl"
# What a clinic administrator keeps in the admin; consents and notes are the runner's and the physio's.
ADMIN_MODELS = (
    "clinic",
    "therapist",
    "appointmenttype",
    "weeklyavailability",
    "availabilityexception",
    "booking",
    "faqitem",
    "therapistinvitation",
)
HOURS = ((time(8, 30), time(12, 0)), (time(13, 0), time(17, 0)))


def totp_secret() -> str:
    """The demo key as authenticator apps want it typed in (base32)."""
    return b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()


def _clinic() -> Clinic:
    clinic, _created = Clinic.objects.update_or_create(
        slug="hardloopknie",
        defaults={
            "name": "Fysiotherapie De Hardloopknie",
            "address": "Singelpad 12\n3512 AB Utrecht",
            "phone": "030 234 56 78",
            "email": "praktijk@hardloopknie.example",
        },
    )
    AppointmentType.objects.update_or_create(
        clinic=clinic,
        is_knee_check=True,
        defaults={
            "name_nl": "Gratis kniecheck",
            "name_en": "Free knee check",
            "duration_minutes": 20,
            "free_of_charge": True,
        },
    )
    AppointmentType.objects.update_or_create(
        clinic=clinic,
        name_nl="Behandeling knie",
        defaults={"name_en": "Knee treatment", "duration_minutes": 30},
    )
    return clinic


def _physio(email: str, name: str, clinic: Clinic) -> Therapist:
    user_model = get_user_model()
    user = user_model.objects.filter(username=email).first()
    if user is None:
        first, _space, last = name.partition(" ")
        user = user_model.objects.create_user(
            username=email, email=email, password=DEMO_PASSWORD, first_name=first, last_name=last
        )
    therapist, _created = Therapist.objects.update_or_create(user=user, defaults={"name": name})
    therapist.clinics.add(clinic)
    TOTPDevice.objects.update_or_create(
        user=user, name="demo", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
    )
    if not therapist.availability.exists():
        for weekday in range(5):
            for start, end in HOURS:
                WeeklyAvailability.objects.create(
                    therapist=therapist, clinic=clinic, weekday=weekday, start_time=start, end_time=end
                )
    return therapist


def _clinic_admin(clinic: Clinic) -> Any:
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name="Praktijkbeheer")
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="clinic", content_type__model__in=ADMIN_MODELS)
    )
    user_model = get_user_model()
    user = user_model.objects.filter(username=ADMIN_EMAIL).first()
    if user is None:
        user = user_model.objects.create_user(
            username=ADMIN_EMAIL,
            email=ADMIN_EMAIL,
            password=DEMO_PASSWORD,
            first_name="Praktijk",
            last_name="Beheer",
            is_staff=True,
        )
    user.groups.add(group)
    clinic.administrators.add(user)  # what a superuser does on the clinic's admin page
    TOTPDevice.objects.update_or_create(
        user=user, name="demo", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
    )
    return user


def _booking(runner: Any, clinic: Clinic, therapist: Therapist, answers: dict[str, Any]) -> Booking:
    """The demo runner's knee check: the first free time from tomorrow on, booked like any other."""
    existing = Booking.objects.filter(
        runner=runner, status=Booking.Status.ACTIVE, starts_at__gte=timezone.now()
    )
    if existing.exists():
        return existing.first()  # type: ignore[return-value]
    knee_check = clinic.appointment_types.get(is_knee_check=True)
    tomorrow = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time.min))
    offer = next_offers(clinic, knee_check, now=tomorrow, count=1)[0]
    booker = Booker(
        name=runner.get_full_name() or "Demo Loper",
        email=runner.email,
        phone="06 12 34 56 78",
        runner=runner,
        selfcheck_answers=answers,
    )
    return book(
        clinic=clinic, appointment_type=knee_check, starts_at=offer.start, booker=booker, therapist=therapist
    )


def _consents(runner: Any, clinic: Clinic) -> dict[str, Consent]:
    found = {}
    for category in Consent.Category.values:
        consent = Consent.objects.active().filter(runner=runner, clinic=clinic, category=category).first()
        found[category] = consent or Consent.objects.create(runner=runner, clinic=clinic, category=category)
    return found


def _practice_details(runner: Any) -> None:
    """What the demo runner tells the practice about themselves (the consent page's first form)."""
    from datetime import date

    from kniewijs.privacy.models import PracticeDetails

    PracticeDetails.objects.get_or_create(
        user=runner,
        defaults={
            "full_name": runner.get_full_name() or "Demo Loper",
            "date_of_birth": date(1989, 6, 14),
            "knee": "right",
        },
    )


def _access_log(runner: Any, therapist: Therapist, clinic: Clinic, consents: dict[str, Consent]) -> None:
    subject = pseudonym(runner.pk)
    if AccessEvent.objects.filter(subject=subject).exists():
        return
    for category in ("selfcheck", "training", "pain"):
        record(
            actor=therapist.user,
            role=AccessEvent.Role.PHYSIO,
            subject=subject,
            category=category,
            action=AccessEvent.Action.READ,
            clinic=clinic,
            consent=consents[category],
            source="demo",
            detail="demo",
        )


def load_demo_clinic(runner: Any, answers: dict[str, Any]) -> tuple[Clinic, list[Therapist]]:
    with transaction.atomic():
        clinic = _clinic()
        therapists = [_physio(email, name, clinic) for email, name in PHYSIOS]
        _clinic_admin(clinic)
        consents = _consents(runner, clinic)
        _practice_details(runner)
        _booking(runner, clinic, therapists[0], answers)
        _access_log(runner, therapists[0], clinic, consents)
    add_default_faq(clinic)  # only fills a clinic that has no questions yet
    return clinic, therapists
