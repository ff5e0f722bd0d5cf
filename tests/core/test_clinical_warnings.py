from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kniewijs.core import metrics
from kniewijs.core.clinical_warnings import WORDING, clinical_title
from kniewijs.core.metrics.model import Activity, DailyEntry, History
from kniewijs.core.metrics.warning import LINKS, Warning
from kniewijs.core.text import T

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = date(2027, 3, 28)
SECOND_PERSON = ("uw ", "u ", " u ", "your ", "you ")


def _warnings():
    runs = [
        Activity(
            datetime.combine(TODAY - timedelta(days=d), datetime.min.time(), AMSTERDAM).replace(hour=7),
            "running",
            6000.0,
            2100.0,
            avg_cadence_spm=165,
        )
        for d in range(40, 1, -2)
    ]
    runs.append(
        Activity(
            datetime(2027, 3, 27, 7, tzinfo=AMSTERDAM), "running", 30_000.0, 10_800.0, avg_cadence_spm=150
        )
    )
    entries = [
        DailyEntry(TODAY - timedelta(days=d), sleep_hours=5.5, resting_heart_rate=50)
        for d in range(30, 7, -1)
    ]
    entries += [
        DailyEntry(TODAY - timedelta(days=6), sleep_hours=5.0, resting_heart_rate=62, pain_after=3),
        DailyEntry(
            TODAY - timedelta(days=1),
            sleep_hours=5.0,
            resting_heart_rate=66,
            pain_after=8,
            pain_next_morning=6,
            swelling=True,
        ),
    ]
    return metrics.report(History.build(AMSTERDAM, runs, entries), TODAY).warnings


def test_each_warning_is_worded_for_a_clinician_in_the_third_person_with_its_figure():
    warnings = _warnings()
    worded = [w for w in warnings if w.code in WORDING]
    assert len(worded) >= 5
    for warning in worded:
        title = clinical_title(warning)
        assert "?" not in title.nl and "?" not in title.en, warning.code
        assert not any(word in f" {title.nl.lower()} " for word in SECOND_PERSON), title.nl
        assert any(ch.isdigit() for ch in title.nl) or warning.code in {"few_rest_days", "knee_swelling"}


def test_the_spike_is_named_with_its_distance_and_excess():
    spike = next(w for w in _warnings() if w.code == "single_run_spike")
    assert clinical_title(spike).nl.startswith("Piek: loop van 30 km, ")


def test_a_warning_without_a_clinical_wording_keeps_its_own_title():
    shoe = Warning(
        "shoe_at_limit",
        "info",
        T("Pegasus: 700 km", "Pegasus: 700 km"),
        T("x", "x"),
        "seed",
        sorted(LINKS)[0],
    )
    assert "shoe_at_limit" not in WORDING and clinical_title(shoe) == shoe.title
