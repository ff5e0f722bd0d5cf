"""Pace and session-RPE load are counted on the moving time: a paused watch or a wait at the lights is no
effort and does not make a run slower. Without a moving time, the duration counts as before."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from kniewijs.core.metrics.days import daily_series
from kniewijs.core.metrics.gait import easy_runs
from kniewijs.core.metrics.model import Activity as Row
from kniewijs.core.metrics.model import History
from kniewijs.training.history import history_for
from kniewijs.training.models import Activity

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAY = date(2027, 6, 7)
START = datetime(2027, 6, 7, 7, tzinfo=AMSTERDAM)


def test_session_load_counts_the_moving_minutes_of_a_paused_run():
    # 50 minutes on the clock, 40 of them running: effort 5 x 40 minutes, not 5 x 50.
    history = History.build(AMSTERDAM, [Row(START, "running", 8000, 3000, rpe=5, moving_s=2400)])
    assert daily_series(history, DAY).srpe_load[-1] == pytest.approx(200)


def test_session_load_without_a_moving_time_counts_the_duration():
    history = History.build(AMSTERDAM, [Row(START, "running", 8000, 3000, rpe=5)])
    assert daily_series(history, DAY).srpe_load[-1] == pytest.approx(250)


def test_cross_training_minutes_leave_the_stops_of_a_ride_out():
    history = History.build(AMSTERDAM, [Row(START, "cycling", 30000, 5400, rpe=3, moving_s=4500)])
    series = daily_series(history, DAY)
    assert series.cross_minutes[-1] == pytest.approx(75) and series.srpe_load[-1] == pytest.approx(225)


def test_the_pace_that_makes_a_run_easy_is_the_moving_pace():
    # Easy runs are the slower half. The third run is the fastest while moving (10 km in 46:18) but
    # stood still for 20 minutes: on the clock it would look like the slowest, an easy run.
    def run(day, duration, moving):
        return Row(datetime(2027, 6, day, 7, tzinfo=AMSTERDAM), "running", 10000, duration, moving_s=moving)

    runs = [run(1, 3333.3, 3333.3), run(3, 3000, 3000), run(5, 4000, 2777.8)]
    rows = np.arange(3)
    assert easy_runs(History.build(AMSTERDAM, runs), rows).tolist() == [0, 1]
    clock = History.build(AMSTERDAM, [Row(r.start, r.sport, r.distance_m, r.duration_s) for r in runs])
    assert easy_runs(clock, rows).tolist() == [0, 2]  # what counting the clock would have said


@pytest.mark.django_db
def test_the_log_hands_the_moving_time_to_the_metrics(runner):
    Activity.objects.create(
        user=runner,
        sport="running",
        start=datetime(2027, 6, 7, 5, tzinfo=UTC),
        local_date=DAY,
        distance_m=8000,
        duration_s=3000,
        elapsed_s=3000,
        moving_s=2400,
        rpe=5,
    )
    history = history_for(runner)
    assert history.activities.moving_s.tolist() == [2400]
    assert daily_series(history, DAY).srpe_load[-1] == pytest.approx(200)


@pytest.mark.django_db
def test_a_paused_activity_ends_at_its_last_moment_not_after_its_moving_time(runner):
    run = Activity(start=START, duration_s=2400, moving_s=2400, elapsed_s=3300)
    assert run.end_epoch - START.timestamp() == 3300
    assert run.active_s == 2400 and run.paused_s == 900 and run.pace_s_per_km is None
