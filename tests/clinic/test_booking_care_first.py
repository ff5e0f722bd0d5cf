"""Booking a routine knee check with a same-day or 112 result: first the word that this is not the step,
with the call to make, before any time is offered; then, only deliberately, a check for later.

The results come from the self-check's own evaluate(); these tests lean on two of its codes only: a swollen
calf (same day) and breathlessness or chest pain (112)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from kniewijs.clinic.models import Booking
from kniewijs.recovery.models import Programme, SessionLog

from .test_booking_helpers import ANSWERS, at, knee_check, monday_morning  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("monday_morning")

CALF = dict(ANSWERS, calf_swelling=True)
BREATHLESS = dict(ANSWERS, calf_swelling=True, breathless_or_chest_pain=True)
DETAILS = {"name": "Anna Jansen", "email": "anna@example.nl", "phone": "06 12345678"}


def page(response) -> str:
    return response.content.decode()


def offers_times(response) -> bool:
    return 'name="slot"' in page(response)


def carried(answers) -> dict[str, str]:
    return {"state": json.dumps(answers)}


def test_a_112_result_carried_to_the_booking_start_says_call_112_and_a_clot_before_any_time(
    client, clinic, physio
):
    response = client.post(reverse("booking:start"), carried(BREATHLESS))
    html = page(response)
    assert response.status_code == 200 and not offers_times(response)
    assert html.index("Een kniecheck is nu niet de juiste stap") < html.index('href="tel:112"')
    assert "bloedstolsel" in html and "knieletsel" not in html
    assert 'class="call" href="tel:112"' in html


def test_a_same_day_result_says_call_the_gp_or_the_out_of_hours_post_today(client, clinic, physio):
    html = page(client.post(reverse("booking:start"), carried(CALF)))
    assert "huisartsenpost" in html and "trombose" in html and 'href="tel:112"' in html
    assert 'class="call"' not in html, "112 is for getting worse here, not the first step"


@pytest.mark.parametrize("step", ["booking:clinic", "booking:slots"])
def test_every_step_with_an_urgent_result_says_it_first_however_it_is_reached(client, clinic, physio, step):
    response = client.post(reverse(step, args=[clinic.slug]), carried(CALF))
    assert not offers_times(response) and "Een kniecheck is nu niet de juiste stap" in page(response)


def test_confirming_a_booking_with_an_urgent_result_but_without_the_word_books_nothing(
    client, clinic, physio
):
    data = carried(BREATHLESS) | DETAILS | {"soort": knee_check(clinic).pk, "slot": at(2, 10).isoformat()}
    response = client.post(reverse("booking:details", args=[clinic.slug]), data | {"confirm": "1"})
    assert "Een kniecheck is nu niet de juiste stap" in page(response)
    assert not Booking.objects.exists()


def test_after_reading_it_the_runner_may_book_a_later_check_deliberately(client, clinic, physio):
    first = client.post(reverse("booking:slots", args=[clinic.slug]), carried(CALF))
    assert 'name="care_seen" value="on"' in page(first)
    times = client.post(reverse("booking:slots", args=[clinic.slug]), carried(CALF) | {"care_seen": "on"})
    assert offers_times(times)
    data = carried(CALF) | DETAILS | {"soort": knee_check(clinic).pk, "slot": at(3, 10).isoformat()}
    details = client.post(reverse("booking:details", args=[clinic.slug]), data | {"care_seen": "on"})
    assert 'name="care_seen" value="on"' in page(details), "the choice travels to the confirmation"
    done = client.post(
        reverse("booking:details", args=[clinic.slug]), data | {"care_seen": "on", "confirm": "1"}
    )
    assert done.status_code == 302 and Booking.objects.count() == 1


def test_an_ordinary_result_goes_straight_to_the_times(client, clinic, physio):
    assert offers_times(client.post(reverse("booking:slots", args=[clinic.slug]), carried(ANSWERS)))


def _programme_on_hold(runner):
    from django.utils import timezone

    today = timezone.localdate()
    programme = Programme.objects.create(
        user=runner, started_on=today - timedelta(days=3), severity="light", exercises=["glute_bridge"]
    )
    SessionLog.objects.create(programme=programme, date=today, kind="mobility", signs=["calf_swelling"])
    return programme


def test_the_programmes_own_open_red_flag_counts_too(runner_client, runner, clinic, physio):
    _programme_on_hold(runner)
    response = runner_client.get(reverse("booking:slots", args=[clinic.slug]))
    assert not offers_times(response) and "trombose" in page(response)


def test_another_runners_red_flag_does_not_reach_this_runners_booking(runner, second_runner, clinic, physio):
    _programme_on_hold(runner)
    other = Client()
    other.force_login(second_runner)
    assert offers_times(other.get(reverse("booking:slots", args=[clinic.slug])))
    assert offers_times(Client().get(reverse("booking:slots", args=[clinic.slug]))), "anonymous: no programme"
    assert "trombose" not in page(other.get(reverse("booking:start")))
