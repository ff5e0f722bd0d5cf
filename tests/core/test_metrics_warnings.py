from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kniewijs.core.metrics.model import Activity, DailyEntry, History, Shoe
from kniewijs.core.metrics.overview import snapshot
from kniewijs.core.metrics.warnings import Warning, warnings_for

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FIRST = date(2027, 4, 5)  # a Monday
TODAY = FIRST + timedelta(days=8 * 7 - 1)  # the Sunday of week 8


def at(day: date, hour: int = 7) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM)


def calm_runs(until: date = TODAY, km: float = 8, cadence: float = 170, shoe: str = "a") -> list[Activity]:
    """Eight weeks of four easy runs a week (Monday, Wednesday, Friday, Sunday), alternating two pairs."""
    runs, day = [], FIRST
    while day <= until:
        if day.weekday() in (0, 2, 4, 6):
            pair = shoe if day.weekday() in (0, 4) else "b"
            runs.append(
                Activity(at(day), "running", km * 1000, km * 360, avg_cadence_spm=cadence, rpe=3, shoe=pair)
            )
        day += timedelta(days=1)
    return runs


def calm_entries(until: date = TODAY) -> list[DailyEntry]:
    count = (until - FIRST).days + 1
    return [
        DailyEntry(
            FIRST + timedelta(days=i),
            resting_heart_rate=50 + i % 2,
            sleep_hours=7.5,
            pain_during=1,
            pain_next_morning=0,
        )
        for i in range(count)
    ]


SHOES = [Shoe("a", "Ghost"), Shoe("b", "Clifton")]


def warnings_of(runs=None, entries=None, shoes=None) -> dict[str, Warning]:
    history = History.build(
        AMSTERDAM,
        calm_runs() if runs is None else runs,
        calm_entries() if entries is None else entries,
        SHOES if shoes is None else shoes,
    )
    found = warnings_for(snapshot(history, TODAY))
    codes = [w.code for w in found]
    assert len(codes) == len(set(codes)), codes
    return {w.code: w for w in found}


def with_entry(day: date, **changes) -> list[DailyEntry]:
    return [replace(e, **changes) if e.date == day else e for e in calm_entries()]


def test_a_calm_runner_gets_no_warnings():
    assert warnings_of() == {}


def test_warnings_come_most_severe_first():
    entries = with_entry(TODAY, pain_during=7, sleep_hours=5)
    runs = [replace(r, shoe="a") for r in calm_runs()]
    found = warnings_for(snapshot(History.build(AMSTERDAM, runs, entries, [Shoe("a", "A")]), TODAY))
    severities = [w.severity for w in found]
    assert severities == sorted(severities, key=["alert", "warn", "info"].index)
    assert severities[0] == "alert" and severities[-1] == "info"
