"""Consent by construction: what a runner does not share cannot show on the physio's page or PDF.

The property (noninterference): for every category C and every set S of shared categories without C,
changing or removing the runner's C data leaves the patient page and the PDF's content exactly as they
were. Checked for all 4 x 7 combinations, with the values changed and with the data removed; and the
converse, that each category's data does show once it is shared, so the check can fail."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import combinations
from typing import Any
from unittest.mock import patch

import pytest
from django.urls import reverse

from kniewijs.clinic.models import Booking
from kniewijs.core.clinical_warnings import clinical_title
from kniewijs.recovery.models import Programme, SessionLog
from kniewijs.training.history import local_today
from kniewijs.training.models import Activity, DailyEntry
from tests.answers import KNEECAP
from tests.conftest import grant, make_booking

CATEGORIES = ("selfcheck", "training", "pain", "recovery")


def _seed(runner: Any, clinic: Any, physio: Any) -> None:
    """A runner with data in every category: runs (one a spike), sleep and resting heart rate, pain
    scores and swelling, a programme with sessions, and a self-check sent with a booking."""
    today = local_today(runner)
    start = today - timedelta(days=27)
    for offset in range(0, 28, 2):
        day = start + timedelta(days=offset)
        Activity.objects.create(
            user=runner,
            start=_moment(day),
            local_date=day,
            distance_m=30_000.0 if offset == 26 else 6_000.0 + 37 * offset,
            duration_s=10_800.0 if offset == 26 else 2_100.0,
            avg_heart_rate=151,
            avg_cadence_spm=166,
        )
    for offset in range(0, 28, 3):
        DailyEntry.objects.create(
            user=runner,
            date=start + timedelta(days=offset),
            sleep_hours=6.5,
            resting_heart_rate=49 + offset % 5,
        )
    for offset, scores in ((20, (3, 4, 3)), (24, (6, 7, 5)), (27, (7, 8, 6))):
        entry, _created = DailyEntry.objects.get_or_create(user=runner, date=start + timedelta(days=offset))
        entry.pain_during, entry.pain_after, entry.pain_next_morning = scores
        entry.swelling = offset == 27
        entry.save()
    programme = Programme.objects.create(
        user=runner, started_on=start + timedelta(days=7), severity="moderate", exercises=["wall_squat"]
    )
    for offset, kind, level in (
        (8, "strength", None),
        (10, "run", 1),
        (13, "run", 2),
        (17, "mobility", None),
    ):
        SessionLog.objects.create(
            programme=programme,
            date=start + timedelta(days=offset),
            kind=kind,
            level=level,
            pain_during=2 if kind == "strength" else None,
            easy_and_pain_free=kind == "strength",
        )
    booking = make_booking(clinic, physio, runner=runner, answers=KNEECAP | {"weeks": 5, "pain_now": 4})
    Booking.objects.filter(pk=booking.pk).update(report_consent_at=booking.created_at)


def _moment(day: date) -> Any:
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    return datetime.combine(day, time(7, 15), tzinfo=ZoneInfo("Europe/Amsterdam"))


def _change(runner: Any, category: str, remove: bool) -> None:
    """Change (or remove) every value of one category, and nothing else."""
    if category == "training":
        runs = Activity.objects.filter(user=runner)
        if remove:
            runs.delete()
        else:
            for run in runs:
                run.distance_m = (run.distance_m or 0) * 1.37 + 410
                run.avg_heart_rate, run.avg_cadence_spm = 163, 178
                run.save()
        entries = DailyEntry.objects.filter(user=runner)
        entries.update(sleep_hours=None if remove else 8.75, resting_heart_rate=None if remove else 61)
        entries.filter(
            pain_during__isnull=True, pain_after__isnull=True, pain_next_morning__isnull=True, swelling=False
        ).delete()
    elif category == "pain":
        entries = DailyEntry.objects.filter(user=runner)
        if remove:
            entries.update(pain_during=None, pain_after=None, pain_next_morning=None, swelling=False)
            entries.filter(sleep_hours__isnull=True, resting_heart_rate__isnull=True).delete()
        else:
            entries.exclude(pain_after=None).update(
                pain_during=1, pain_after=9, pain_next_morning=2, swelling=True
            )
            DailyEntry.objects.get_or_create(
                user=runner, date=local_today(runner), defaults={"pain_after": 5}
            )
        SessionLog.objects.filter(programme__user=runner).exclude(kind="run").update(
            pain_during=None if remove else 9, easy_and_pain_free=False, giving_way=not remove, signs=[]
        )
    elif category == "recovery":
        programmes = Programme.objects.filter(user=runner)
        if remove:
            programmes.delete()
        else:
            programmes.update(started_on=local_today(runner) - timedelta(days=12), exercises=["step_down"])
            SessionLog.objects.filter(programme__user=runner, kind="run").update(level=4)
    elif category == "selfcheck":
        bookings = Booking.objects.filter(runner=runner)
        if remove:
            bookings.update(selfcheck_answers=None, report_consent_at=None)
        else:
            bookings.update(selfcheck_answers=KNEECAP | {"weeks": 1, "pain_now": 7, "location": "inside"})
    else:
        raise AssertionError(category)


def _shown(client: Any, runner: Any) -> tuple[str, str]:
    """The patient page and the HTML the PDF is made of (WeasyPrint adds nothing but layout), with the
    parts that differ between any two requests (the CSRF token, the moment printed) taken out."""
    page = client.get(reverse("physio:patient", args=[runner.pk]))
    assert page.status_code == 200
    made: list[str] = []

    class Capture:
        def __init__(self, string: str, base_url: str) -> None:
            made.append(string)

        def write_pdf(self) -> bytes:
            return b"%PDF-"

    with patch("weasyprint.HTML", Capture):
        assert client.get(reverse("physio:patient_pdf", args=[runner.pk])).status_code == 200
    return _steady(page.content.decode()), _steady(made[0])


def _steady(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(
        r"<p class=\"muted\">Afgedrukt door .*?</p>|<p class=\"muted\">Printed by .*?</p>", "", html
    )


def _subsets_without(hidden: str):
    others = [c for c in CATEGORIES if c != hidden]
    for size in range(1, len(others) + 1):
        for shared in combinations(others, size):
            yield pytest.param(hidden, shared, id=f"{hidden}-hidden-from-{'+'.join(shared)}")


CASES = [case for hidden in CATEGORIES for case in _subsets_without(hidden)]


@pytest.mark.parametrize(("hidden", "shared"), CASES)
@pytest.mark.parametrize("remove", [False, True], ids=["changed", "removed"])
def test_a_category_not_shared_changes_nothing_on_the_page_or_the_pdf(
    hidden, shared, remove, runner, clinic, physio, physio_client
):
    _seed(runner, clinic, physio)
    grant(runner, clinic, *shared)
    before = _shown(physio_client, runner)
    _change(runner, hidden, remove)
    after = _shown(physio_client, runner)
    assert after[0] == before[0], "the page shows something of a category that is not shared"
    assert after[1] == before[1], "the PDF shows something of a category that is not shared"


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_shows_once_it_is_shared(category, runner, clinic, physio, physio_client):
    """The converse: with the category shared, the same change does show, so the test above can fail."""
    _seed(runner, clinic, physio)
    grant(runner, clinic, *{category, "pain"} if category == "recovery" else {category})
    before = _shown(physio_client, runner)
    _change(runner, category, remove=False)
    after = _shown(physio_client, runner)
    assert after[0] != before[0] and after[1] != before[1]


PAIN_CODES = {"pain_not_settled", "pain_rising", "pain_too_much", "knee_swelling"}


def _warning_codes(client: Any, runner: Any) -> set[str]:
    response = client.get(reverse("physio:patient", args=[runner.pk]))
    return {w.code for w in response.context["warnings"]}


def test_the_pain_warnings_go_when_only_the_pain_log_is_withdrawn(runner, clinic, physio, physio_client):
    """The issue's case: the runner withdrew only the pain log, and "too much knee pain, 8 of 10" stayed."""
    _seed(runner, clinic, physio)
    consents = grant(runner, clinic)
    everything = _warning_codes(physio_client, runner)
    assert everything & PAIN_CODES and "single_run_spike" in everything
    next(c for c in consents if c.category == "pain").delete()
    left = _warning_codes(physio_client, runner)
    assert not left & PAIN_CODES and "single_run_spike" in left


def test_without_the_pain_log_the_programme_shows_its_sessions_but_no_level_or_decision(
    runner, clinic, physio, physio_client
):
    _seed(runner, clinic, physio)
    consents = grant(runner, clinic, "recovery", "pain")
    with_pain = physio_client.get(reverse("physio:patient", args=[runner.pk]))
    level_sentence = re.search(
        r"(Wandel-hardloop[^<.]*\.|Walk-run level now[^<.]*\.)", with_pain.content.decode()
    )
    assert level_sentence and with_pain.context["recovery"]["decisions"] is not None
    next(c for c in consents if c.category == "pain").delete()
    page = physio_client.get(reverse("physio:patient", args=[runner.pk]))
    recovery = page.context["recovery"]
    assert recovery["without_pain"] and "decisions" not in recovery and "state" not in recovery
    assert [(s.kind, s.level) for s in recovery["sessions"]] == [
        ("mobility", None),
        ("run", 2),
        ("run", 1),
        ("strength", None),
    ]
    assert level_sentence.group(1) not in page.content.decode()


def _pdf_text(client: Any, runner: Any) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    response = client.get(reverse("physio:patient_pdf", args=[runner.pk]))
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    return " ".join(text.split())


def test_the_printed_pdf_itself_loses_the_pain_warnings_with_the_pain_log(
    runner, clinic, physio, physio_client
):
    _seed(runner, clinic, physio)
    consents = grant(runner, clinic)
    response = physio_client.get(reverse("physio:patient", args=[runner.pk]))
    titles = [clinical_title(w).nl for w in response.context["warnings"] if w.code in PAIN_CODES]
    assert titles and all(" ".join(t.split()) in _pdf_text(physio_client, runner) for t in titles)
    next(c for c in consents if c.category == "pain").delete()
    printed = _pdf_text(physio_client, runner)
    assert not any(" ".join(t.split()) in printed for t in titles)
