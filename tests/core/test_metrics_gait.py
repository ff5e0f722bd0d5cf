from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest

from kniewijs.core.load import cadence_target
from kniewijs.core.metrics.gait import cadence_status, easy_runs, weekly_gait
from kniewijs.core.metrics.localtime import day_number, monday_of
from kniewijs.core.metrics.model import Activity, History

TODAY = date(2027, 6, 30)
T = day_number(TODAY)


def run(
    days_ago: int,
    cadence: float | None,
    rpe: float | None = None,
    km: float = 10,
    minutes: float = 60,
    **gait,
) -> Activity:
    moment = datetime(2027, 6, 30, 7, tzinfo=UTC) - timedelta(days=days_ago)
    return Activity(moment, "running", km * 1000, minutes * 60, avg_cadence_spm=cadence, rpe=rpe, **gait)


def test_the_baseline_is_the_median_cadence_of_easy_runs_in_the_last_eight_weeks():
    history = History.build(
        "UTC",
        [
            run(60, 150, rpe=3),  # older than 8 weeks
            run(40, 160, rpe=3),
            run(30, 164, rpe=2),
            run(20, 170, rpe=4),
            run(10, 185, rpe=8),  # hard: not easy
        ],
    )
    cadence = cadence_status(history, T)
    assert cadence.baseline_spm == 164
    assert cadence.baseline_runs == 3
    assert cadence.target_spm == cadence_target(164)
    assert cadence.target_spm == pytest.approx((172.2, 180.4))


def test_without_rpe_the_slower_half_of_the_runs_counts_as_easy():
    history = History.build(
        "UTC",
        [run(3, 160, minutes=60), run(2, 170, minutes=50), run(1, 180, minutes=40), run(0, 175, minutes=45)],
    )
    rows = np.arange(4)
    assert easy_runs(history, rows).tolist() == [0, 1]


def test_three_easy_runs_are_needed_for_a_baseline():
    history = History.build("UTC", [run(5, 160, rpe=2), run(3, 162, rpe=2), run(1, 180, rpe=9)])
    assert cadence_status(history, T) is None


def test_a_recent_cadence_five_percent_below_the_baseline_is_low():
    history = History.build(
        "UTC", [*(run(d, 170, rpe=3) for d in (50, 40, 30, 20, 10)), run(2, 161, rpe=3), run(1, 161, rpe=3)]
    )
    cadence = cadence_status(history, T)
    assert cadence.baseline_spm == 170 and cadence.recent_spm == 161
    assert cadence.drop == pytest.approx(9 / 170)
    assert cadence.low


def test_a_small_dip_in_cadence_is_not_low():
    history = History.build("UTC", [*(run(d, 170, rpe=3) for d in (50, 40, 30, 20, 10)), run(1, 165, rpe=3)])
    assert not cadence_status(history, T).low


def test_no_runs_in_the_last_week_means_no_recent_cadence_and_no_verdict():
    history = History.build("UTC", [run(d, 170, rpe=3) for d in (50, 40, 30, 20, 10)])
    cadence = cadence_status(history, T)
    assert cadence.recent_spm is None and cadence.drop is None and not cadence.low


def test_weekly_trends_are_the_mean_of_the_runs_averages_per_iso_week_skipping_missing_values():
    monday = monday_of(T)
    history = History.build(
        "UTC",
        [
            run(
                T - monday,
                160,
                avg_ground_contact_ms=250,
                avg_vertical_oscillation_mm=80,
                avg_stride_length_m=1.1,
            ),
            run(T - monday + 1, 170, avg_ground_contact_ms=240),
            run(T - monday + 2, None, avg_ground_contact_ms=260),
            Activity(datetime(2027, 6, 29, tzinfo=UTC), "cycling", 30_000, avg_cadence_spm=90),
        ],
    )
    trends = weekly_gait(history, np.asarray([monday - 7, monday]), T)
    assert trends["avg_cadence_spm"].tolist() == [170, 160]
    assert trends["avg_ground_contact_ms"].tolist() == [250, 250]
    assert np.isnan(trends["avg_vertical_oscillation_mm"][0]) and trends["avg_stride_length_m"][1] == 1.1
