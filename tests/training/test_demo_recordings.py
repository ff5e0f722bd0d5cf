"""The demo shows what a file may leave out: a ride whose sport was guessed, a run cut off early and a run
with pauses, each on its own activity page in plain Dutch."""

import pytest
from django.urls import reverse

from kniewijs.training.demo import DEMO_EMAIL, load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(client):
    user = load_demo()
    assert user.username == DEMO_EMAIL
    client.force_login(user)
    return client, user


def page(client, activity):
    response = client.get(reverse("training:activity", args=[activity.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_demo_has_a_ride_whose_sport_was_guessed_from_its_speed(demo):
    client, user = demo
    [ride] = user.activities.filter(sport_source="guessed")
    assert ride.sport == "cycling" and ride.sport_evidence_nl == "geraden uit 24,4 km/u"
    assert "Kniewijs houdt het op fietsen (geraden uit 24,4 km/u)" in page(client, ride)


def test_the_demo_has_a_run_whose_recording_stops_early_with_its_note(demo):
    client, user = demo
    [cut] = user.activities.exclude(partial_nl="")
    assert cut.sport == "running" and cut.partial_nl.startswith("opname stopt na ")
    html = page(client, cut)
    assert "Een deel van deze opname ontbreekt." in html and cut.partial_note("nl") in html


def test_the_demo_has_a_paused_run_with_moving_time_below_total_time(demo):
    client, user = demo
    [paused] = user.activities.filter(pauses__gte=1, sport="running")
    assert paused.moving_s < paused.elapsed_s
    html = page(client, paused)
    assert "Bewegingstijd" in html and "Totale tijd" in html and "Pauzes" in html and "samen 4:25" in html


def test_the_three_recordings_survive_the_recovery_programme_of_make_run(demo):
    from kniewijs.recovery.demo import load_demo_programme
    from kniewijs.training.history import local_today

    _client, user = demo
    load_demo_programme(user, local_today(user))
    assert user.activities.filter(sport_source="guessed").count() == 1
    assert user.activities.exclude(partial_nl="").count() == 1
    assert user.activities.filter(pauses__gte=1, sport="running").count() == 1


def test_another_runner_cannot_open_the_demo_recordings(client, runner):
    user = load_demo()
    client.force_login(runner)
    for activity in [
        user.activities.get(sport_source="guessed"),
        user.activities.exclude(partial_nl="").get(),
        user.activities.get(pauses__gte=1, sport="running"),
    ]:
        assert client.get(reverse("training:activity", args=[activity.pk])).status_code == 404


def test_the_three_demo_recording_pages_are_plain_dutch(demo):
    from ..walk import plain_dutch_problems

    client, user = demo
    for activity in [
        user.activities.get(sport_source="guessed"),
        user.activities.exclude(partial_nl="").get(),
        user.activities.get(pauses__gte=1, sport="running"),
    ]:
        assert plain_dutch_problems(page(client, activity), runner_facing=True) == [], activity.pk
