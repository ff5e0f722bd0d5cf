"""What the runner is told after saving a session: the decision at once, of the right kind, and after a
red flag no cheerful "saved" but the urgent block first on the page."""

import json
from datetime import timedelta

import pytest
from django.contrib.messages import constants
from django.test import Client
from django.urls import reverse

from kniewijs.recovery.models import Programme, Review, SessionLog
from kniewijs.training.models import DailyEntry

pytestmark = pytest.mark.django_db

# Pain 5 while running: moderate, "do not run for 7-14 days" (core.plan.severity).
OUTSIDE = {
    "age": 41,
    "injury": False,
    "swelling": "none",
    "weeks": 2,
    "pain_now": 2,
    "pain_running": 5,
    "pain_next_morning": 1,
    "improving_with_rest": True,
    "location": "outside",
    "worse_with": ["downhill"],
}


def start(client):
    client.post(reverse("recovery:start"), {"state": json.dumps(OUTSIDE)}, follow=True)  # shows its message
    return Programme.objects.get(active=True)


def log(client, programme, **values):
    data = {"date": programme.started_on.isoformat(), "kind": "run", "level": "1"} | {
        k: str(v) for k, v in values.items() if not isinstance(v, list)
    }
    if "signs" in values:
        data["signs"] = values["signs"]
    return client.post(reverse("recovery:log"), data, follow=True)


def shown(response):
    return [(m.level, m.message) for m in response.context["messages"]]


def test_a_run_with_pain_6_in_the_rest_phase_is_told_at_once_as_a_warning_with_the_limit_of_5(runner_client):
    programme = start(runner_client)
    assert programme.severity == "moderate"
    page = log(runner_client, programme, pain_during=6, pain_after=6, pain_next_morning=4)
    [(level, text)] = shown(page)
    assert level == constants.WARNING
    assert "boven de grens van 5" in text and "rust begint opnieuw" in text
    assert "volgende ochtend bekend" not in text and "Opgeslagen. De beslissing volgt" not in text
    html = page.content.decode()
    assert 'class="message-warning"' in html
    assert "niveau 1 ✓" not in html and "Rustfase" in html


def test_a_run_saved_in_the_rest_phase_keeps_its_pain_in_the_days_entry_of_the_training_log(
    runner_client, runner
):
    programme = start(runner_client)
    log(runner_client, programme, pain_during=6, pain_after=6, pain_next_morning=4)
    entry = DailyEntry.objects.get(user=runner, date=programme.started_on)
    assert (entry.pain_during, entry.pain_after, entry.pain_next_morning) == (6, 6, 4)
    run = SessionLog.objects.get(programme=programme, kind="run")
    assert run.pain_during is None, "one record: the run's row holds no second copy"


def test_the_next_mornings_pain_logged_the_next_day_completes_the_same_run(runner_client, runner):
    programme = start(runner_client)
    programme.started_on -= timedelta(days=1)
    programme.save()
    log(runner_client, programme, pain_during=2, pain_after=2)
    page = log(runner_client, programme, pain_next_morning=5)
    assert SessionLog.objects.filter(programme=programme, kind="run").count() == 1
    entry = DailyEntry.objects.get(user=runner, date=programme.started_on)
    assert (entry.pain_during, entry.pain_next_morning) == (2, 5)
    [(level, text)] = shown(page)
    assert level == constants.WARNING and "5 op 10" in text and "morgenochtend" not in text


def test_a_red_flag_shows_no_saved_message_and_the_urgent_block_comes_first(runner_client):
    programme = start(runner_client)
    page = runner_client.post(
        reverse("recovery:log"),
        {
            "date": programme.started_on.isoformat(),
            "kind": "mobility",
            "signs": ["calf_swelling", "breathless_or_chest_pain"],
        },
        follow=True,
    )
    assert shown(page) == []
    main = page.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert 'class="messages"' not in main
    first_section = main.index("<section")
    assert main[first_section:].startswith('<section class="banner banner-emergency next-step"')
    assert first_section < main.index("Begonnen op"), "the urgent block comes before anything else"
    assert "bloedstolsel" in main and "knieletsel" not in main
    week = main.split("De komende week", 1)[1].split("</p>", 1)[0]
    assert "staat stil" in week
    assert main.count('href="tel:112"') == 1, "one urgent message, not 112 repeated day by day"


def test_the_urgent_block_is_still_there_the_next_day_until_a_doctor_has_seen_the_runner(runner_client):
    programme = start(runner_client)
    SessionLog.objects.create(
        programme=programme, date=programme.started_on, kind="mobility", signs=["calf_swelling"]
    )
    programme.started_on -= timedelta(days=1)
    programme.save()
    SessionLog.objects.filter(programme=programme).update(date=programme.started_on)
    html = runner_client.get(reverse("recovery:programme")).content.decode()
    assert "banner-urgent" in html and "trombose" in html and "U meldde dit op" in html
    runner_client.post(reverse("recovery:reviewed"))
    assert Review.objects.filter(programme=programme).count() == 1
    assert "banner-urgent" not in runner_client.get(reverse("recovery:programme")).content.decode()


def test_a_date_before_the_programme_or_in_the_future_is_refused_in_dutch_and_nothing_is_stored(
    runner_client,
):
    programme = start(runner_client)
    for day in (programme.started_on - timedelta(days=1), programme.started_on + timedelta(days=1)):
        response = runner_client.post(
            reverse("recovery:log"), {"date": day.isoformat(), "kind": "run", "pain_during": "2"}
        )
        assert response.status_code == 200 and 'class="error-summary"' in response.content.decode()
    assert not SessionLog.objects.exists() and not DailyEntry.objects.exists()


def test_another_runner_and_an_anonymous_visitor_cannot_log_or_see_the_urgent_block(
    runner_client, second_runner
):
    programme = start(runner_client)
    log(runner_client, programme, signs=["calf_swelling"])
    other = Client()
    other.force_login(second_runner)
    assert (
        other.post(
            reverse("recovery:log"), {"date": programme.started_on.isoformat(), "kind": "run"}
        ).status_code
        == 404
    )
    assert "trombose" not in other.get(reverse("recovery:programme")).content.decode()
    anonymous = Client().get(reverse("recovery:programme"))
    assert anonymous.status_code == 302 and reverse("accounts:login") in anonymous["Location"]


def test_the_calendar_feed_shows_no_run_in_the_rest_phase_and_nothing_while_on_hold(runner_client, runner):
    from kniewijs.recovery.views import calendar_token

    programme = start(runner_client)
    log(runner_client, programme, pain_during=6, pain_after=6, pain_next_morning=4)
    feed = Client().get(reverse("recovery:calendar", args=[calendar_token(runner.pk)])).content.decode()
    assert "BEGIN:VEVENT" in feed and "-run@kniewijs" not in feed and "niveau" not in feed.lower()
    log(runner_client, programme, kind="mobility", signs=["calf_swelling"])
    on_hold = Client().get(reverse("recovery:calendar", args=[calendar_token(runner.pk)])).content.decode()
    assert "BEGIN:VEVENT" not in on_hold
