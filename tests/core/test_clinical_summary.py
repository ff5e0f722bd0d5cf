from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kniewijs.core import metrics
from kniewijs.core.answers import Answers
from kniewijs.core.clinical_summary import (
    LoggedSession,
    disagreements,
    load_line,
    pain_line,
    programme_line,
    red_flag_line,
    spike_line,
)
from kniewijs.core.levels import Level
from kniewijs.core.metrics.model import Activity, DailyEntry, History
from kniewijs.core.plan import REST_DAYS, SEED_STRENGTH
from kniewijs.core.recovery import Programme, SessionLog, replay
from kniewijs.core.red_flags import LABELS, red_flags
from kniewijs.core.selfcheck import evaluate
from kniewijs.core.sharing import Sharing
from kniewijs.core.triage_rules import RULES

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = date(2027, 3, 28)  # a Sunday
EVERYTHING = Sharing(selfcheck=True, training=True, pain=True, recovery=True)


def at(day: date, hour: int = 7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM)


def history(entries=(), long_run_km=None) -> History:
    runs = [Activity(at(TODAY - timedelta(days=d)), "running", 6000.0, 2100.0) for d in range(27, 0, -3)]
    if long_run_km:
        runs.append(
            Activity(at(TODAY - timedelta(days=1), 9), "running", long_run_km * 1000, long_run_km * 360)
        )
    return History.build(AMSTERDAM, runs, list(entries))


def test_every_red_flag_rule_has_a_clinical_label():
    assert {r.code for r in RULES if r.level >= Level.GP} <= set(LABELS)


def test_red_flags_name_what_fired_and_when():
    result = evaluate(Answers(age=40, injury=True, pop=True, can_take_4_steps=False, weeks=0))
    line = red_flag_line(EVERYTHING, red_flags(result, date(2027, 3, 20)))
    assert line.alert and line.text.nl.startswith("ja: knap of plotselinge hevige pijn")
    assert "zelfcheck van 20 mrt 2027" in line.text.nl and line.anchor == "#selfcheck"


def test_no_red_flag_says_none_reported_and_counts_the_questions_left_open():
    result = evaluate(Answers(age=34, injury=False, weeks=3, pain_now=1, swelling="none"))
    line = red_flag_line(EVERYTHING, red_flags(result, date(2027, 3, 20)))
    assert not line.alert and line.text.en.startswith("none reported (self-check of 20 Mar 2027)")
    assert "left unanswered" in line.text.en


def test_a_category_not_shared_gives_a_line_that_says_so_and_no_figure():
    nothing = Sharing()
    for line in (
        red_flag_line(nothing, None),
        pain_line(nothing, history(), TODAY),
        load_line(nothing, metrics.report(history(), TODAY).metrics),
        programme_line(nothing, None, [], running=True),
    ):
        assert line.text.nl == "niet gedeeld door de loper" and not any(c.isdigit() for c in line.text.nl)
    assert spike_line(nothing, metrics.report(history(long_run_km=30), TODAY).metrics) is None


def test_the_pain_line_gives_the_highest_score_of_each_of_the_last_four_weeks_and_says_rising():
    entries = [
        DailyEntry(TODAY - timedelta(days=20), pain_after=2),
        DailyEntry(TODAY - timedelta(days=13), pain_during=4, pain_next_morning=3),
        DailyEntry(TODAY - timedelta(days=2), pain_after=8, swelling=True),
    ]
    line = pain_line(EVERYTHING, history(entries), TODAY)
    assert "vanaf 1 mrt: – · 2 · 4 · 8, stijgend; knie dik op 26 mrt" in line.text.nl and line.alert


def test_no_pain_in_four_weeks_is_said_in_words():
    line = pain_line(EVERYTHING, history(), TODAY)
    assert line.text.en == "no pain noted in the last 4 weeks" and not line.alert


def test_the_load_line_names_its_method_and_flags_the_ten_percent_rule():
    snapshot = metrics.report(history(long_run_km=30), TODAY).metrics
    line = load_line(EVERYTHING, snapshot)
    assert "km per week" in line.text.nl and "(7-daagse som / gemiddelde week van 28 dagen)" in line.text.nl
    assert "(boven de 10%-regel)" in line.text.nl and line.alert


def test_a_long_run_is_named_with_the_longest_run_it_is_compared_with():
    line = spike_line(EVERYTHING, metrics.report(history(long_run_km=30), TODAY).metrics)
    assert line is not None and line.alert
    assert line.text.en.startswith(
        "30 km on 27 Mar: 400% longer than the longest run of the 30 days before (6 km)"
    )


def _programme_state(days_since_start: int, logs=()):
    start = TODAY - timedelta(days=days_since_start)
    programme = Programme(start=start, severity="light", strength_exercises=SEED_STRENGTH)
    return replay(programme, list(logs), TODAY)


def test_a_run_in_the_rest_phase_is_flagged_against_the_programme():
    state = _programme_state(REST_DAYS["light"][0] - 1)
    assert state.phase == "protect"
    found = disagreements(EVERYTHING, history(long_run_km=8), state, [], TODAY)
    assert len(found) == 1 and "in de rustfase" in found[0].text.nl and found[0].alert


def test_a_run_beyond_the_level_is_flagged_and_one_within_it_is_not():
    start_after_rest = REST_DAYS["light"][0]
    state = _programme_state(start_after_rest + 20)
    assert state.phase == "return" and state.level == 1
    within = History.build(AMSTERDAM, [Activity(at(TODAY - timedelta(days=1)), "running", 3000.0, 20 * 60.0)])
    assert disagreements(EVERYTHING, within, state, [], TODAY) == []
    beyond = History.build(
        AMSTERDAM, [Activity(at(TODAY - timedelta(days=1)), "running", 30_000.0, 180 * 60.0)]
    )
    [line] = disagreements(EVERYTHING, beyond, state, [], TODAY)
    assert "30 km in 180 min" in line.text.nl and "op niveau 1 (een sessie tot 25 min)" in line.text.nl


def test_two_records_of_one_days_pain_that_differ_are_flagged_rather_than_smoothed():
    day = TODAY - timedelta(days=3)
    days = history([DailyEntry(day, pain_during=7, pain_after=8, pain_next_morning=6)])
    sessions = [LoggedSession(day, "strength", None, pain=2)]
    [line] = disagreements(EVERYTHING, days, None, sessions, TODAY)
    assert line.text.nl == "25 mrt: pijnlog 7/8/6 van 10, programma (krachtoefeningen) 2 van 10"
    assert disagreements(Sharing(recovery=True, pain=False), days, None, sessions, TODAY) == []


def test_the_programme_line_gives_the_level_and_the_last_session():
    state = _programme_state(REST_DAYS["light"][0] + 5, [SessionLog(TODAY - timedelta(days=1), "strength")])
    sessions = [LoggedSession(TODAY - timedelta(days=1), "strength", None)]
    line = programme_line(EVERYTHING, state, sessions, running=True)
    assert (
        line.text.nl == f"wandel-hardloopniveau {state.level} van 8; laatste sessie 27 mrt: krachtoefeningen"
    )
    without_pain = programme_line(Sharing(recovery=True), None, sessions, running=True)
    assert without_pain.text.nl.startswith("niveau en fase: het pijnlog wordt niet gedeeld")


def test_the_week_still_going_is_named_and_the_ten_percent_rule_waits_for_the_whole_week():
    snapshot = metrics.report(history(long_run_km=30), TODAY - timedelta(days=1)).metrics
    line = load_line(EVERYTHING, snapshot)
    assert "(deze week loopt nog)" in line.text.nl and line.text.nl.endswith("; vorige week +0%")
