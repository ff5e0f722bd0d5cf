from datetime import timedelta

from kniewijs.core.metrics.model import Activity

from .test_metrics_warnings import TODAY, at, calm_runs, warnings_of


def test_a_week_fifty_percent_longer_breaks_the_ten_percent_rule_with_the_numbers_in_both_languages():
    runs = [r for r in calm_runs() if r.start < at(TODAY - timedelta(days=6))]
    runs += [
        Activity(at(TODAY - timedelta(days=d)), "running", 12_000, 4320, avg_cadence_spm=170, rpe=3, shoe="b")
        for d in (6, 4, 2, 0)
    ]
    warning = warnings_of(runs)["ten_percent_rule"]
    assert warning.severity == "warn" and warning.source == "seed" and warning.link == "oorzaken#overload"
    assert warning.numbers == {"week_km": 48.0, "previous_week_km": 32.0, "growth_percent": 50}
    assert "50%" in warning.title.nl and "50%" in warning.title.en
    assert "48 km" in warning.explanation.nl and "32 km" in warning.explanation.en


def test_a_run_more_than_twice_the_longest_of_the_month_is_a_large_spike_alert():
    runs = calm_runs(TODAY - timedelta(days=1)) + [
        Activity(at(TODAY), "running", 20_000, 7200, avg_cadence_spm=170, rpe=3, shoe="b")
    ]
    warning = warnings_of(runs)["single_run_spike"]
    assert warning.severity == "alert" and warning.source == "frandsen_2025"
    assert warning.numbers["band"] == "large" and warning.numbers["rate_ratio"] == 2.28
    # The rate ratio in words, to one decimal: "about 2.3 times as often".
    assert "2,3 keer zo vaak" in warning.explanation.nl and "2.3 times as often" in warning.explanation.en
    assert "20 km" in warning.title.nl and "150%" in warning.title.en


def test_a_small_spike_is_a_warning_not_an_alert():
    runs = calm_runs(TODAY - timedelta(days=1)) + [
        Activity(at(TODAY), "running", 9_600, 3456, avg_cadence_spm=170, rpe=3, shoe="b")
    ]
    warning = warnings_of(runs)["single_run_spike"]
    assert (
        warning.severity == "warn"
        and warning.numbers["band"] == "small"
        and "1,6 keer zo vaak" in warning.explanation.nl
    )


def test_doubling_the_last_week_puts_the_uncoupled_ratio_in_the_danger_zone():
    runs = [r for r in calm_runs() if r.start < at(TODAY - timedelta(days=6))]
    runs += [
        Activity(at(TODAY - timedelta(days=d)), "running", 16_000, 5760, avg_cadence_spm=170, rpe=3, shoe="b")
        for d in (6, 4, 2, 0)
    ]
    warning = warnings_of(runs)["acwr_danger"]
    assert warning.numbers["ratio_uncoupled"] == 2.0 and warning.numbers["acute_7_days"] == 64
    assert warning.source == "gabbett_2016"
    # In plain words, over the named 7 days: never "ACWR" or "ratio" on the runner's page.
    assert warning.title.nl == "De afgelopen 7 dagen trainde u 2,0 keer zo veel als u gewend bent"
    assert "2.0 times as much as you are used to" in warning.title.en
    assert "ACWR" not in warning.explanation.nl and "verhouding" not in warning.explanation.nl


def test_running_every_day_at_a_similar_distance_is_monotonous_and_leaves_no_rest_day():
    runs = [r for r in calm_runs() if r.start < at(TODAY - timedelta(days=6))]
    runs += [
        Activity(
            at(TODAY - timedelta(days=d)),
            "running",
            (8 + d % 2) * 1000,
            2880,
            avg_cadence_spm=170,
            rpe=3,
            shoe="b",
        )
        for d in range(7)
    ]
    found = warnings_of(runs)
    assert found["monotony_high"].severity == "alert" and found["monotony_high"].numbers["monotony"] > 2
    assert found["few_rest_days"].numbers == {"rest_days_last_7": 0}
    assert found["few_rest_days"].link == "oorzaken#recovery"


def test_the_ten_percent_warning_names_its_calendar_weeks_monday_to_sunday():
    runs = [r for r in calm_runs() if r.start < at(TODAY - timedelta(days=6))]
    runs += [
        Activity(at(TODAY - timedelta(days=d)), "running", 12_000, 4320, avg_cadence_spm=170, rpe=3, shoe="b")
        for d in (6, 4, 2, 0)
    ]
    warning = warnings_of(runs)["ten_percent_rule"]
    assert TODAY.weekday() == 6  # a Sunday: this week is the one that ends today
    assert warning.explanation.nl.startswith(
        "Deze week (ma 24 mei t/m vandaag) liep u tot nu toe 48 km, vorige week (ma 17 t/m zo 23 mei) 32 km."
    )
    assert warning.explanation.en.startswith(
        "This week (Mon 24 May to today) you have run 48 km so far, against 32 km last week (Mon 17 to Sun 23 May)."
    )


def test_monotony_is_told_without_the_word_or_its_number():
    runs = [r for r in calm_runs() if r.start < at(TODAY - timedelta(days=6))]
    runs += [
        Activity(at(TODAY - timedelta(days=d)), "running", (8 + d % 2) * 1000, 2880, rpe=3, shoe="b")
        for d in range(7)
    ]
    warning = warnings_of(runs)["monotony_high"]
    words = warning.title.nl + warning.explanation.nl
    assert "monotonie" not in words.lower() and "1,5" not in words and "2,0" not in words
    assert warning.title.nl.startswith("De afgelopen 7 dagen")


def test_five_km_every_day_for_four_weeks_is_the_most_monotonous_load_and_gets_the_alert():
    runs = [
        Activity(at(TODAY - timedelta(days=d)), "running", 5_000, 1800, avg_cadence_spm=170, rpe=3, shoe="b")
        for d in range(28)
    ]
    warning = warnings_of(runs)["monotony_high"]
    assert warning.severity == "alert" and warning.numbers["monotony"] == 10.0
    # Strain stays a number: the week's load times the capped monotony.
    assert warning.numbers["strain"] == 10.0 * warning.numbers["weekly_load"]
