import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from kniewijs.core.metrics import Activity, DailyEntry, History, Shoe, report, report_to_dict

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONDAY = date(2027, 3, 1)
TODAY = MONDAY + timedelta(days=27)


def at(day: date, hour: int = 7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM)


def brief_history() -> History:
    runs = [
        Activity(
            at(MONDAY + timedelta(days=7 * w + d)),
            "running",
            km / 4 * 1000,
            1800,
            avg_cadence_spm=170,
            rpe=3,
            shoe="a",
        )
        for w, km in enumerate((20, 20, 20, 30))
        for d in (0, 2, 4, 6)
    ]
    runs.append(Activity(at(MONDAY + timedelta(days=3), 18), "cycling", 30_000, 3600, rpe=4))
    entries = [
        DailyEntry(MONDAY + timedelta(days=i), resting_heart_rate=50, sleep_hours=7.5, pain_during=2)
        for i in range(28)
    ]
    return History.build(AMSTERDAM, runs, entries, [Shoe("a", "Ghost")])


def test_the_report_gathers_weeks_warnings_and_shoes_for_today():
    result = report(brief_history(), TODAY)
    assert result.today == TODAY and result.time_zone == "Europe/Amsterdam"
    assert result.weeks.running_km.tolist() == [20, 20, 20, 30]
    assert {w.code for w in result.warnings} >= {"ten_percent_rule", "acwr_danger", "single_run_spike"}
    assert result.shoes[0].km == 90


def test_the_json_form_is_plain_data_without_nan_and_holds_the_brief_numbers():
    data = report_to_dict(report(brief_history(), TODAY), "en")
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text) == data
    today = data["today_metrics"]
    assert today["acwr"]["coupled"] == 1.33 and today["acwr"]["uncoupled"] == 1.5
    assert today["acwr"]["zone_uncoupled"] == "danger"
    assert today["monotony"]["sd"] == "population"
    assert today["fitness_fatigue"]["smoothing"] == "goldencheetah"
    week = data["weeks"][-1]
    assert (week["iso_year"], week["iso_week"], week["monday"]) == (2027, 12, "2027-03-22")
    assert week["running_km"] == 30 and week["growth_percent"] == 50 and week["breaks_ten_percent_rule"]
    assert data["weeks"][0]["cross_training_km"] == 30 and data["weeks"][0]["growth_percent"] is None
    assert data["shoes"][0] == {
        "id": "a",
        "name": "Ghost",
        "km": 90.0,
        "limit_km": 700.0,
        "share_of_limit_percent": 13.0,
        "state": "ok",
        "activities": 16,
        "runs_with_morning_pain_noted": 0,
        "pain_rate": None,
        "mean_next_morning_pain": None,
    }


def test_texts_come_in_the_language_asked_for_with_dutch_by_default():
    result = report(brief_history(), TODAY)
    dutch = report_to_dict(result)
    english = report_to_dict(result, "en-GB")
    assert dutch["language"] == "nl" and english["language"] == "en"
    rule_nl = next(w for w in dutch["warnings"] if w["code"] == "ten_percent_rule")
    rule_en = next(w for w in english["warnings"] if w["code"] == "ten_percent_rule")
    assert rule_nl["title"] == "Uw weekafstand steeg met 50%"
    assert rule_en["title"] == "Your weekly distance went up by 50%"
    assert rule_nl["citation"] == rule_en["citation"] and rule_nl["link"] == "oorzaken#overload"


def test_an_empty_history_still_gives_a_report():
    data = report_to_dict(report(History.build("UTC"), date(2027, 1, 6)))
    assert data["warnings"] == [] and data["shoes"] == [] and len(data["weeks"]) == 1
    assert data["today_metrics"]["resting_heart_rate"] is None and data["today_metrics"]["cadence"] is None
    json.dumps(data, allow_nan=False)


activity = st.tuples(
    st.integers(0, 70 * 86_400),
    st.sampled_from(["running", "running", "running", "cycling"]),
    st.floats(500, 30_000),
    st.sampled_from([None, 3.0, 8.0]),
)


@settings(max_examples=25, deadline=None)
@given(st.lists(activity, min_size=1, max_size=50), st.randoms())
def test_the_order_of_the_input_runs_does_not_change_the_report(rows, random):
    base = datetime(2027, 3, 1, tzinfo=UTC).timestamp()
    records = [
        Activity(base + s, sport, m, m * 0.36, avg_cadence_spm=165, rpe=rpe) for s, sport, m, rpe in rows
    ]
    shuffled = list(records)
    random.shuffle(shuffled)
    one = report_to_dict(report(History.build(AMSTERDAM, records), date(2027, 5, 15)))
    other = report_to_dict(report(History.build(AMSTERDAM, shuffled), date(2027, 5, 15)))
    assert one == other


def test_the_week_so_far_reports_monotony_and_strain_of_the_same_days_as_its_km():
    # Four easy weeks, then a Wednesday: the week so far is Monday to Wednesday.
    wednesday = MONDAY + timedelta(days=30)
    runs = [
        Activity(at(MONDAY + timedelta(days=d)), "running", 8000, 2880, rpe=3)
        for d in range(0, 31)
        if d % 7 in (0, 2, 4, 6)
    ]
    weeks = report_to_dict(report(History.build("Europe/Amsterdam", runs, []), wednesday))["weeks"]
    last = weeks[-1]
    assert not last["complete"] and last["running_km"] == 16.0
    # Monday 8, Tuesday 0, Wednesday 8 km: the 7 days ending today would have counted last week's runs.
    from kniewijs.core.metrics.monotony import week_so_far

    value, strain = week_so_far([8.0, 0.0, 8.0])
    assert (last["monotony"], last["strain"]) == (round(value, 2), round(strain, 1))
    assert weeks[-2]["complete"] and weeks[-2]["strain"] is not None
