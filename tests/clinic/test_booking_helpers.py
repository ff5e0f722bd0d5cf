"""Shared helpers for the booking tests (imported by the other test_booking_* modules), and the tests of
the default questions and answers every new clinic starts with."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kniewijs.clinic.booking import Booker
from kniewijs.clinic.faq_defaults import DEFAULT_FAQ, add_default_faq
from kniewijs.clinic.models import AppointmentType, Clinic, FaqItem
from kniewijs.clinic.signals import add_faq_to_new_clinic

AMS = ZoneInfo("Europe/Amsterdam")
# Monday 2 June 2025, 08:00 in Utrecht: the physio of the cast works weekdays 09:00-17:00.
MONDAY_8 = datetime(2025, 6, 2, 8, tzinfo=AMS)
ANSWERS = {"age": 34, "injury": False}


def at(day: int, hour: int, minute: int = 0, month: int = 6) -> datetime:
    """A local clinic time in 2025, as the UTC moment the database stores."""
    return datetime(2025, month, day, hour, minute, tzinfo=AMS).astimezone(UTC)


def knee_check(clinic: Clinic) -> AppointmentType:
    return clinic.appointment_types.get(is_knee_check=True)


def booker(**overrides) -> Booker:
    values = {"name": "Anna Jansen", "email": "anna@example.nl", "phone": "06 12345678"} | overrides
    return Booker(**values)


@pytest.fixture
def monday_morning():
    """The clock stands still at Monday 2 June 2025, 08:00 local time."""
    with time_machine.travel(MONDAY_8, tick=False) as traveller:
        yield traveller


def test_a_clinic_gets_the_default_questions_once(clinic):
    FaqItem.objects.filter(clinic=clinic).delete()  # in case the lead's signal already added them
    assert add_default_faq(clinic) == len(DEFAULT_FAQ)
    assert add_default_faq(clinic) == 0
    items = list(clinic.faq.all())
    assert len(items) == len(DEFAULT_FAQ) >= 5
    assert all(item.question_nl and item.answer_nl and item.question_en and item.answer_en for item in items)
    assert items[0].question("en") == DEFAULT_FAQ[0].question_en
    assert items[0].question("nl") == DEFAULT_FAQ[0].question_nl


def test_the_defaults_cover_booking_referral_insurance_home_visits_and_changes():
    dutch = " ".join(f"{q.question_nl} {q.answer_nl}" for q in DEFAULT_FAQ).lower()
    for topic in (
        "afspraak",
        "verwijzing",
        "directe toegankelijkheid",
        "aanvullende",
        "huisbezoek",
        "annuleer",
    ):
        assert topic in dutch
    english = " ".join(f"{q.question_en} {q.answer_en}" for q in DEFAULT_FAQ).lower()
    for topic in ("referral", "direct access", "supplementary", "home visit", "cancel"):
        assert topic in english


def test_the_signal_handler_fills_a_new_clinic_but_not_a_loaded_fixture_or_an_update(db):
    created = Clinic.objects.create(name="Nieuw", slug="nieuw")
    FaqItem.objects.filter(clinic=created).delete()
    add_faq_to_new_clinic(Clinic, created, created=False)
    add_faq_to_new_clinic(Clinic, created, created=True, raw=True)
    assert not created.faq.exists()
    add_faq_to_new_clinic(Clinic, created, created=True)
    assert created.faq.count() == len(DEFAULT_FAQ)
