"""POST /api/v1/daily-entries: validated like the web form; one entry per day, replaced as a whole."""

from __future__ import annotations

import pytest

from kniewijs.training.models import DailyEntry

from .conftest import bearer

pytestmark = pytest.mark.django_db

URL = "/api/v1/daily-entries"


def post(client, secret, body, **headers):
    return client.post(URL, body, content_type="application/json", **bearer(secret, **headers))


def test_a_day_is_stored_with_every_field(client, runner, write_secret):
    body = {
        "date": "2026-03-02",
        "pain_during": 2,
        "pain_after": 4,
        "pain_next_morning": 3,
        "sleep_hours": 7.5,
        "resting_heart_rate": 52,
        "pain_location": "kneecap",
        "swelling": True,
        "note": "Trap af deed pijn",
    }
    response = post(client, write_secret, body)
    assert response.status_code == 201
    assert response.json() == {**body, "id": DailyEntry.objects.get().pk, "created": True}
    entry = DailyEntry.objects.get(user=runner)
    assert (entry.pain_after, entry.sleep_hours, entry.pain_location, entry.swelling) == (
        4,
        7.5,
        "kneecap",
        True,
    )


def test_posting_the_same_day_again_replaces_the_entry_whole(client, runner, write_secret):
    post(client, write_secret, {"date": "2026-03-02", "pain_during": 5, "note": "eerste"})
    response = post(client, write_secret, {"date": "2026-03-02", "pain_after": 1})
    assert response.status_code == 200 and response.json()["created"] is False
    entry = DailyEntry.objects.get(user=runner)
    assert (entry.pain_during, entry.pain_after, entry.note) == (None, 1, "")


def test_sending_the_same_body_twice_changes_nothing(client, runner, write_secret):
    body = {"date": "2026-03-02", "pain_during": 3}
    first = post(client, write_secret, body).json()
    second = post(client, write_secret, body).json()
    assert {**first, "created": None} == {**second, "created": None}
    assert DailyEntry.objects.filter(user=runner).count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"date": "2026-03-02", "pain_during": 11}, "pain_during"),
        ({"date": "2026-03-02", "pain_after": -1}, "pain_after"),
        ({"date": "2026-03-02", "sleep_hours": 25}, "sleep_hours"),
        ({"date": "2026-03-02", "resting_heart_rate": 10}, "resting_heart_rate"),
        ({"date": "2026-03-02", "pain_location": "elbow"}, "pain_location"),
        ({"date": "2026-03-02", "note": "x" * 501}, "note"),
        ({"date": "2 maart"}, "date"),
        ({"pain_during": 2}, "date"),
    ],
)
def test_bad_input_is_422_naming_the_field_and_nothing_is_stored(client, runner, write_secret, body, field):
    response = post(client, write_secret, body)
    assert response.status_code == 422
    data = response.json()
    assert data["code"] == "invalid"
    assert [e["field"] for e in data["errors"]] == [field]
    assert not DailyEntry.objects.exists()


def test_errors_are_in_english_when_asked_for(client, runner, write_secret):
    response = post(
        client, write_secret, {"date": "2026-03-02", "pain_during": 11}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.json()["errors"] == [
        {"field": "pain_during", "message": "This number must be at most 10."}
    ]


def test_a_body_that_is_not_json_is_400(client, runner, write_secret):
    response = client.post(URL, "{niet: json", content_type="application/json", **bearer(write_secret))
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


@pytest.mark.parametrize(
    ("field", "value"),
    [("pain_during", "5"), ("pain_during", True), ("swelling", "true"), ("swelling", 1), ("date", 20260302)],
)
def test_json_types_are_taken_as_json_means_them(client, runner, write_secret, field, value):
    body = {"date": "2026-03-02", field: value}
    response = post(client, write_secret, body)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_a_whole_number_written_with_a_decimal_point_is_still_a_whole_number(client, runner, write_secret):
    assert post(client, write_secret, {"date": "2026-03-02", "pain_during": 3.0}).status_code == 201
    assert DailyEntry.objects.get(user=runner).pain_during == 3
