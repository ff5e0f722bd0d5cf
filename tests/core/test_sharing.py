from datetime import date, datetime
from itertools import combinations
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from kniewijs.core import metrics
from kniewijs.core.metrics.model import Activity, DailyEntry, History, Shoe
from kniewijs.core.sharing import CATEGORIES, Sharing, shared_history

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = date(2027, 3, 28)


def full_history() -> History:
    runs = [
        Activity(datetime(2027, 3, d, 7, tzinfo=AMSTERDAM), "running", 5000.0 + 100 * d, 1800.0, shoe="s1")
        for d in range(1, 28, 2)
    ] + [Activity(datetime(2027, 3, 27, 7, tzinfo=AMSTERDAM), "running", 30_000.0, 10_800.0, shoe="s1")]
    entries = [
        DailyEntry(date(2027, 3, 20), resting_heart_rate=52, sleep_hours=7.5),
        DailyEntry(date(2027, 3, 26), pain_during=6, pain_after=8, pain_next_morning=7),
        DailyEntry(date(2027, 3, 27), resting_heart_rate=60, pain_after=8, swelling=True),
        DailyEntry(date(2027, 3, 28), swelling=True),
    ]
    return History.build(AMSTERDAM, runs, entries, shoes=[Shoe(id="s1", name="Pegasus", limit_km=700)])


def every_sharing():
    for size in range(len(CATEGORIES) + 1):
        for names in combinations(CATEGORIES, size):
            yield Sharing.of(names)


def test_without_the_training_log_there_are_no_runs_shoes_sleep_or_resting_heart_rate():
    shown = shared_history(full_history(), Sharing(pain=True))
    assert len(shown.activities) == 0 and shown.shoes == ()
    assert np.isnan(shown.days.sleep_hours).all() and np.isnan(shown.days.resting_heart_rate).all()


def test_without_the_pain_log_there_is_no_pain_or_swelling_and_no_day_that_only_held_pain():
    shown = shared_history(full_history(), Sharing(training=True))
    assert np.isnan(shown.days.pain_after).all() and not shown.days.swelling.any()
    assert [str(metrics.localtime.day_date(int(d))) for d in shown.days.day] == ["2027-03-20", "2027-03-27"]


def test_sharing_everything_changes_nothing():
    history = full_history()
    shown = shared_history(history, Sharing.of(CATEGORIES))
    assert shown.activities is history.activities and shown.shoes == history.shoes
    assert np.array_equal(shown.days.day, history.days.day)
    assert np.array_equal(shown.days.pain_after, history.days.pain_after, equal_nan=True)


PAIN_CODES = {"pain_not_settled", "pain_rising", "pain_too_much", "knee_swelling"}


def test_a_pain_warning_needs_the_pain_log_and_a_load_warning_the_training_log():
    for sharing in every_sharing():
        codes = {w.code for w in metrics.report(shared_history(full_history(), sharing), TODAY).warnings}
        if not sharing.pain:
            assert not codes & PAIN_CODES, sharing
        if not sharing.training:
            assert not codes - PAIN_CODES, sharing
    everything = {w.code for w in metrics.report(full_history(), TODAY).warnings}
    assert everything & PAIN_CODES and everything - PAIN_CODES


def test_the_report_of_what_is_shared_is_the_report_of_a_runner_who_only_has_that():
    history = full_history()
    only_training = History.build(
        AMSTERDAM,
        [
            Activity(
                datetime(2027, 3, d, 7, tzinfo=AMSTERDAM), "running", 5000.0 + 100 * d, 1800.0, shoe="s1"
            )
            for d in range(1, 28, 2)
        ]
        + [Activity(datetime(2027, 3, 27, 7, tzinfo=AMSTERDAM), "running", 30_000.0, 10_800.0, shoe="s1")],
        [
            DailyEntry(date(2027, 3, 20), resting_heart_rate=52, sleep_hours=7.5),
            DailyEntry(date(2027, 3, 27), resting_heart_rate=60),
        ],
        shoes=[Shoe(id="s1", name="Pegasus", limit_km=700)],
    )
    shown = metrics.report(shared_history(history, Sharing(training=True)), TODAY)
    alone = metrics.report(only_training, TODAY)
    assert [(w.code, w.severity) for w in shown.warnings] == [(w.code, w.severity) for w in alone.warnings]


def test_the_programme_decisions_need_both_the_programme_and_the_pain_log():
    assert Sharing(recovery=True, pain=True).programme_decisions
    assert not Sharing(recovery=True).programme_decisions
    assert not Sharing(pain=True).programme_decisions


def test_an_unknown_category_shares_nothing_and_is_refused():
    with pytest.raises(ValueError):
        Sharing.of(["training", "pijn"])


def test_every_day_left_still_holds_something_shared():
    for sharing in every_sharing():
        days = shared_history(full_history(), sharing).days
        values = np.vstack(
            [
                days.resting_heart_rate,
                days.sleep_hours,
                days.pain_during,
                days.pain_after,
                days.pain_next_morning,
            ]
        )
        assert (np.isfinite(values).any(axis=0) | days.swelling).all()
        assert len(days) <= len(full_history().days)
