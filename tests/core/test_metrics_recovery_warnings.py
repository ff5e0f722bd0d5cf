from dataclasses import replace
from datetime import timedelta

from kniewijs.core.metrics.model import Shoe

from .test_metrics_warnings import TODAY, at, calm_entries, calm_runs, warnings_of, with_entry


def test_a_resting_heart_rate_well_above_the_baseline_is_flagged():
    warning = warnings_of(entries=with_entry(TODAY, resting_heart_rate=58))["resting_hr_raised"]
    assert warning.numbers["resting_hr"] == 58 and warning.numbers["baseline_mean"] == 50.5
    assert (
        "58 slagen per minuut" in warning.explanation.nl and "58 beats per minute" in warning.explanation.en
    )


def test_three_short_nights_in_a_week_are_flagged():
    entries = calm_entries()
    entries = [replace(e, sleep_hours=6) if (TODAY - e.date).days in (0, 2, 4) else e for e in entries]
    warning = warnings_of(entries=entries)["short_sleep"]
    assert warning.numbers["short_nights"] == 3 and warning.title.nl.startswith("3 van de laatste 7 nachten")


def test_pain_above_five_is_an_alert_linking_to_the_warning_signs():
    warning = warnings_of(entries=with_entry(TODAY - timedelta(days=1), pain_during=7))["pain_too_much"]
    assert warning.severity == "alert" and warning.source == "silbernagel_2007"
    assert warning.link == "waarschuwingssignalen" and "7 op 10" in warning.title.nl


def test_pain_still_there_the_next_morning_has_not_settled():
    warning = warnings_of(entries=with_entry(TODAY - timedelta(days=2), pain_next_morning=5))[
        "pain_not_settled"
    ]
    assert warning.numbers == {"next_morning_pain": 5.0} and "5 out of 10" in warning.title.en


def test_pain_rising_for_two_weeks_is_flagged():
    entries = calm_entries()
    entries = [replace(e, pain_during={14: 2, 7: 3, 0: 4}.get((TODAY - e.date).days, 1)) for e in entries]
    warning = warnings_of(entries=entries)["pain_rising"]
    assert warning.numbers == {"two_weeks_ago": 2, "last_week": 3, "this_week": 4}


def test_a_swollen_knee_is_an_alert():
    warning = warnings_of(entries=with_entry(TODAY - timedelta(days=3), swelling=True))["knee_swelling"]
    assert warning.severity == "alert" and warning.numbers == {"days_ago": 3}


def test_shoes_at_and_near_their_limit_are_named():
    found = warnings_of(shoes=[Shoe("a", "Ghost", start_km=700), Shoe("b", "Clifton", start_km=560)])
    assert found["shoe_at_limit"].numbers["shoe"] == "a" and "Ghost" in found["shoe_at_limit"].title.nl
    assert found["shoe_near_limit"].severity == "info" and found["shoe_near_limit"].numbers["shoe"] == "b"
    assert found["shoe_near_limit"].link == "oorzaken#worn_shoes"


def test_one_pair_for_four_runs_a_week_brings_the_rotation_suggestion():
    runs = [replace(r, shoe="a") for r in calm_runs()]
    warning = warnings_of(runs, shoes=[Shoe("a", "Ghost"), Shoe("b", "Clifton", retired=True)])[
        "shoe_rotation"
    ]
    assert warning.source == "malisoux_2015" and warning.numbers == {"runs_per_week": 4.0}
    assert "39%" in warning.explanation.nl


def test_a_cadence_well_below_the_own_baseline_gives_the_plus_five_to_ten_percent_target():
    runs = [r for r in calm_runs() if r.start < at(TODAY - timedelta(days=6))]
    runs += [replace(r, avg_cadence_spm=155) for r in calm_runs() if r.start >= at(TODAY - timedelta(days=6))]
    warning = warnings_of(runs)["low_cadence"]
    assert (
        warning.severity == "info"
        and warning.source == "heiderscheit_2011"
        and warning.link == "oorzaken#technique"
    )
    assert warning.numbers["recent_spm"] == 155 and warning.numbers["baseline_spm"] == 170
    assert "180" in warning.explanation.nl and "180" in warning.explanation.en
