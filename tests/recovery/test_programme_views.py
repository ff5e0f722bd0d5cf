"""The recovery programme through the web: started from a self-check, logged, replayed, exported."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse

from kniewijs.recovery.models import Programme, SessionLog
from kniewijs.recovery.views import calendar_token
from kniewijs.training.models import DailyEntry

from ..answers import KNEECAP

pytestmark = pytest.mark.django_db


def start(client, answers=KNEECAP):
    return client.post(reverse("recovery:start"), {"state": json.dumps(answers)})


def test_a_programme_starts_from_a_self_check_result_and_shows_today(runner_client, runner):
    assert start(runner_client).status_code == 302
    programme = Programme.objects.get(user=runner, active=True)
    assert programme.severity == "light" and "step_down" in programme.exercises
    html = runner_client.get(reverse("recovery:programme")).content.decode()
    # Weeks of pain on the stairs: a physio's check is the next step; today's sessions follow it.
    assert 'class="next-step' in html and "Zo doet u het" in html
    assert "De komende week" in html and "<svg" in html


def test_a_same_day_case_gets_no_programme(runner_client, runner):
    start(runner_client, {"locking": True})
    assert not Programme.objects.filter(user=runner).exists()


def test_starting_again_replaces_the_active_programme(runner_client, runner):
    start(runner_client)
    start(runner_client)
    assert Programme.objects.filter(user=runner).count() == 2
    assert Programme.objects.filter(user=runner, active=True).count() == 1


def test_logging_a_painful_run_is_replayed_into_a_decision(runner_client, runner):
    start(runner_client)
    programme = Programme.objects.get(user=runner, active=True)
    programme.started_on -= timedelta(days=14)
    programme.save()
    day = programme.started_on + timedelta(days=10)
    SessionLog.objects.create(programme=programme, date=day, kind="run", level=1)
    # The day's knee pain lives in the training log's daily entry, the one record the programme reads.
    DailyEntry.objects.create(user=runner, date=day, pain_during=7, pain_after=7, pain_next_morning=6)
    response = runner_client.get(reverse("recovery:programme"))
    assert response.context["decisions"], "a run with pain 7 must lead to a decision"
    assert response.context["decisions"][0].decision.verdict.value in ("step_back", "repeat")


def test_the_calendar_feed_needs_the_signed_address_and_lists_sessions(runner_client, runner):
    from django.test import Client

    start(runner_client)
    client = Client()  # a calendar app: no session at all
    feed = client.get(reverse("recovery:calendar", args=[calendar_token(runner.pk)]))
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert "BEGIN:VCALENDAR" in body and "BEGIN:VEVENT" in body
    assert client.get(reverse("recovery:calendar", args=[calendar_token(runner.pk) + "x"])).status_code == 404


def test_the_programme_pdf_is_a_pdf(runner_client):
    start(runner_client)
    response = runner_client.get(reverse("recovery:pdf"))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_stopping_asks_first_and_another_runner_has_no_programme_page(runner_client, runner, second_runner):
    from django.test import Client

    start(runner_client)
    client = Client()
    assert runner_client.get(reverse("recovery:stop")).status_code == 200
    client.force_login(second_runner)
    assert client.get(reverse("recovery:log")).status_code == 404
    assert client.get(reverse("recovery:pdf")).status_code == 404
    runner_client.post(reverse("recovery:stop"))
    assert not Programme.objects.filter(user=runner, active=True).exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    for name in ("programme", "log", "pdf", "stop"):
        response = client.get(reverse(f"recovery:{name}"))
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"], name


def test_a_red_flag_noticed_after_a_session_brings_the_self_checks_urgent_advice(runner_client, runner):
    start(runner_client)
    today = Programme.objects.get(user=runner, active=True).started_on
    runner_client.post(
        reverse("recovery:log"),
        {
            "date": today.isoformat(),
            "kind": "mobility",
            "signs": ["calf_swelling", "breathless_or_chest_pain"],
        },
    )
    page = runner_client.get(reverse("recovery:programme"))
    escalation = page.context["escalation"]
    assert escalation is not None and escalation.level.code == "emergency"
    assert 'href="tel:112"' in page.content.decode()


def test_a_review_by_the_gp_lifts_the_pause_the_programme_was_waiting_on(runner_client, runner):
    answers = dict(KNEECAP, weeks=4, improving_with_rest=False)  # pain over two weeks despite rest: GP
    start(runner_client, answers)
    page = runner_client.get(reverse("recovery:programme"))
    assert page.context["escalation"].level.code == "gp"
    assert reverse("recovery:reviewed") in page.content.decode()
    runner_client.post(reverse("recovery:reviewed"))
    assert runner_client.get(reverse("recovery:programme")).context["escalation"] is None
