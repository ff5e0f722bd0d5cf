from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest

from kniewijs.core.metrics.localtime import day_number
from kniewijs.core.metrics.model import Activity, DailyEntry, History, Shoe
from kniewijs.core.metrics.shoes import (
    ShoeState,
    rotation_suggested,
    runs_per_week,
    shoe_state,
    shoe_statuses,
)

TODAY = date(2027, 6, 30)
T = day_number(TODAY)


def run(days_ago: int, km: float, shoe: str | None, sport: str = "running") -> Activity:
    return Activity(
        datetime(2027, 6, 30, 7, tzinfo=UTC) - timedelta(days=days_ago), sport, km * 1000, shoe=shoe
    )


@pytest.mark.parametrize(
    ("km", "state"),
    [
        (629.9, ShoeState.OK),
        (630, ShoeState.APPROACHING),
        (699.9, ShoeState.APPROACHING),
        (700, ShoeState.AT_LIMIT),
    ],
)
def test_a_pair_approaches_its_limit_from_ninety_percent_and_reaches_it_at_the_limit(km, state):
    assert shoe_state(Shoe("a", "A"), km) is state


def test_a_retired_pair_gets_no_alert_whatever_its_km():
    assert shoe_state(Shoe("a", "A", retired=True), 900) is ShoeState.RETIRED


def test_a_pairs_km_are_its_start_km_plus_every_activity_logged_with_it_up_to_today():
    shoes = [Shoe("a", "Ghost", start_km=600), Shoe("b", "Clifton", limit_km=800)]
    history = History.build(
        "UTC",
        [
            run(5, 10, "a"),
            run(3, 12, "a"),
            run(2, 5, "a", "walking"),
            run(1, 8, "b"),
            run(-3, 50, "a"),
            run(0, 7, None),
        ],
        shoes=shoes,
    )
    ghost, clifton = shoe_statuses(history, T)
    assert ghost.km == 627 and ghost.activities == 3 and ghost.state is ShoeState.OK
    assert clifton.km == 8 and clifton.share_of_limit == 0.01


def test_the_pain_rate_is_the_share_of_runs_followed_by_next_morning_pain_of_four_or_more():
    history = History.build(
        "UTC",
        [run(4, 10, "a"), run(3, 10, "a"), run(2, 10, "a"), run(1, 10, "a")],
        [
            DailyEntry(TODAY - timedelta(days=4), pain_next_morning=5),
            DailyEntry(TODAY - timedelta(days=3), pain_next_morning=1),
            DailyEntry(TODAY - timedelta(days=2), pain_next_morning=4),
        ],
        [Shoe("a", "A")],
    )
    (status,) = shoe_statuses(history, T)
    assert status.runs_with_morning_pain_noted == 3
    assert status.painful_runs == 2
    assert status.pain_rate == pytest.approx(2 / 3)
    assert status.mean_next_morning_pain == pytest.approx(10 / 3)


def test_a_pair_without_pain_noted_has_no_pain_rate():
    history = History.build("UTC", [run(1, 10, "a")], shoes=[Shoe("a", "A")])
    (status,) = shoe_statuses(history, T)
    assert status.pain_rate is None and status.mean_next_morning_pain is None


def test_one_active_pair_and_three_runs_a_week_suggest_a_second_pair():
    shoes = [Shoe("a", "A"), Shoe("old", "Old", retired=True)]
    history = History.build("UTC", [run(d, 8, "a") for d in range(0, 28, 2)], shoes=shoes)
    per_week = runs_per_week(history, T)
    assert per_week == 3.5
    assert rotation_suggested(shoe_statuses(history, T), per_week)


def test_two_active_pairs_or_fewer_than_three_runs_a_week_need_no_rotation_advice():
    two = History.build(
        "UTC", [run(d, 8, "a") for d in range(0, 28, 2)], shoes=[Shoe("a", "A"), Shoe("b", "B")]
    )
    assert not rotation_suggested(shoe_statuses(two, T), runs_per_week(two, T))
    rare = History.build("UTC", [run(d, 8, "a") for d in range(0, 28, 4)], shoes=[Shoe("a", "A")])
    assert runs_per_week(rare, T) == 1.75
    assert not rotation_suggested(shoe_statuses(rare, T), runs_per_week(rare, T))


def test_a_runner_without_shoes_has_no_statuses_and_no_rotation_advice():
    history = History.build("UTC", [run(1, 10, None)])
    assert shoe_statuses(history, T) == ()
    assert not rotation_suggested((), 5.0)
    assert np.isfinite(runs_per_week(history, T))
