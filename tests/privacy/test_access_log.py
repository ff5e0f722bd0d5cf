"""The runner's access-log page: only their own entries, by period, 50 to a page, in plain words."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from kniewijs.audit.log import email_pseudonym, pseudonym, record, subjects_of
from kniewijs.audit.models import AccessEvent
from kniewijs.privacy.views import ENTRIES_PER_PAGE

from ..conftest import grant

pytestmark = pytest.mark.django_db

LOG = reverse("privacy:access_log")
TODAY = datetime(2026, 11, 24, 12, tzinfo=UTC)


def look(physio, subject, *, clinic=None, consent=None, category="training", at=None, **extra):
    if at is None:
        return record(
            actor=physio,
            role="physio",
            subject=subject,
            category=category,
            action="read",
            clinic=clinic,
            consent=consent,
            **extra,
        )
    with time_machine.travel(at, tick=False):
        return look(physio, subject, clinic=clinic, consent=consent, category=category, **extra)


def shown(response):
    return [entry.event for entry in response.context["entries"]]


def test_only_my_entries_are_shown(runner, second_runner, runner_client, physio, clinic):
    mine = look(physio, pseudonym(runner.pk), clinic=clinic)
    look(physio, pseudonym(second_runner.pk), clinic=clinic, detail="/praktijk/patient/bram/")
    response = runner_client.get(LOG)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert shown(response) == [mine]
    assert "/praktijk/patient/bram/" not in response.content.decode()
    assert all(e.subject in subjects_of(runner) for e in shown(response))


def test_an_entry_under_my_email_from_before_my_account_stays_unlinked(runner, runner_client, physio, clinic):
    look(physio, email_pseudonym(" Anna@Example.NL"), clinic=clinic, category="booking")
    mine = look(physio, pseudonym(runner.pk), clinic=clinic, category="booking")
    response = runner_client.get("/en" + LOG)
    assert shown(response) == [mine]
    assert response.context["entries"][0].part == "Appointment details"


def test_each_entry_says_when_who_for_which_clinic_what_and_on_what_grounds(
    runner, runner_client, physio, clinic
):
    [consent] = grant(runner, clinic, "training")
    look(
        physio, pseudonym(runner.pk), clinic=clinic, consent=consent, at=datetime(2026, 7, 1, 12, tzinfo=UTC)
    )
    response = runner_client.get("/en" + LOG)
    html = response.content.decode()
    [entry] = response.context["entries"]
    assert "1 Jul 2026 at 14:00" in html  # Amsterdam summer time, not UTC
    assert "Femke de Vries" in html and "Physiotherapist" in html and "Fysio Centrum" in html
    assert entry.part == "Training log" and "Viewed" in html
    assert entry.basis.startswith("Your permission for Fysio Centrum (Training log), given on")


def test_a_refused_look_is_listed_as_refused(runner, runner_client, physio):
    look(physio, pseudonym(runner.pk), outcome=AccessEvent.Outcome.DENIED)
    response = runner_client.get("/en" + LOG)
    [entry] = response.context["entries"]
    assert "Refused" in response.content.decode() and "refused" in entry.basis


def test_nobody_looked_says_so(runner_client):
    response = runner_client.get("/en" + LOG)
    assert (
        response.context["entries"] == []
        and "Nobody has looked at your data so far." in response.content.decode()
    )


@pytest.fixture
def entries_through_the_year(runner, physio):
    subject = pseudonym(runner.pk)
    moments = {
        "last_year": datetime(2025, 12, 31, 22, 30, tzinfo=UTC),  # 23:30 in Amsterdam: still 2025
        "new_year": datetime(2025, 12, 31, 23, 30, tzinfo=UTC),  # 00:30 on 1 January in Amsterdam
        "june": datetime(2026, 6, 1, 10, tzinfo=UTC),
        "last_week": datetime(2026, 11, 20, 10, tzinfo=UTC),
    }
    return {name: look(physio, subject, at=at) for name, at in moments.items()}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("periode=30-dagen", ["last_week"]),
        ("periode=dit-jaar", ["last_week", "june", "new_year"]),
        ("periode=alles", ["last_week", "june", "new_year", "last_year"]),
        ("", ["last_week", "june", "new_year", "last_year"]),
        ("van=2026-01-01&tot=2026-06-01", ["june", "new_year"]),
        ("van=2026-06-02", ["last_week"]),
        ("tot=2025-12-31", ["last_year"]),
        ("van=2026-06-01&periode=30-dagen", ["last_week", "june"]),  # typed dates win over the quick choice
    ],
)
def test_the_period_filter_counts_in_amsterdam_days(runner_client, entries_through_the_year, query, expected):
    with time_machine.travel(TODAY, tick=False):
        response = runner_client.get(f"{LOG}?{query}")
    assert response.status_code == 200
    assert shown(response) == [entries_through_the_year[name] for name in expected]


def test_an_empty_period_says_nobody_looked_then(runner_client, entries_through_the_year):
    response = runner_client.get("/en" + LOG + "?van=2026-02-01&tot=2026-02-28")
    assert "Nobody has looked at your data in this period." in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field"),
    [("van=2026-06-01&tot=2026-05-01", "tot"), ("van=2026-13-45", "van"), ("tot=gisteren", "tot")],
)
def test_an_impossible_period_is_explained_and_shows_no_entries(
    runner_client, entries_through_the_year, query, field
):
    response = runner_client.get(f"{LOG}?{query}")
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert response.context["entries"] == [] and 'class="error-summary"' in response.content.decode()


def test_an_end_before_the_start_gets_a_clear_message(runner_client):
    response = runner_client.get("/en" + LOG + "?van=2026-06-01&tot=2026-05-01")
    assert "The end date is before the start date" in response.content.decode()


def test_fifty_entries_to_a_page_and_the_pages_keep_the_period(runner, runner_client, physio):
    for day in range(1, 4):
        look(physio, pseudonym(runner.pk), at=datetime(2026, 1, day, 12, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 11, 20, 12, tzinfo=UTC), tick=False):
        recent = [look(physio, pseudonym(runner.pk)) for _ in range(ENTRIES_PER_PAGE + 5)]
    with time_machine.travel(TODAY, tick=False):
        first = runner_client.get(LOG + "?periode=30-dagen")
        second = runner_client.get(LOG + "?periode=30-dagen&pagina=2")
    assert len(shown(first)) == ENTRIES_PER_PAGE and len(shown(second)) == 5
    assert set(shown(first)) | set(shown(second)) == set(recent)
    assert 'href="?periode=30-dagen&amp;pagina=2"' in first.content.decode()


def test_a_page_number_past_the_end_shows_the_last_page(runner, runner_client, physio):
    entry = look(physio, pseudonym(runner.pk))
    assert shown(runner_client.get(LOG + "?pagina=99")) == [entry]


def test_an_appointment_says_whether_the_own_physio_or_a_colleague_of_the_practice_opened_it(
    runner, runner_client, physio, clinic
):
    look(
        physio,
        pseudonym(runner.pk),
        clinic=clinic,
        category="booking",
        basis="booking abc123 with this physiotherapist",
    )
    look(
        physio, pseudonym(runner.pk), clinic=clinic, category="booking", basis="booking abc123 at this clinic"
    )
    page = runner_client.get(LOG).content.decode()
    assert "Uw afspraak bij deze fysiotherapeut." in page
    assert "Uw afspraak bij deze praktijk: een collega van de praktijk" in page
