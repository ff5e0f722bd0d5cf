"""Training-log metrics: pure functions over one runner's history, vectorised with numpy.

Input (model.py): `History` = activities and daily entries as numpy columns, the shoes, and the runner's
IANA zone. Build it from records (`History.build(zone, [Activity...], [DailyEntry...], [Shoe...])`) or
from arrays (`ActivityTable.from_columns`, `DailyTable.from_columns`).

Days and weeks are the runner's local days and ISO weeks (localtime.py), right across DST changes.
Running km counts only sport "running"; other sports are cross-training.

What is computed, each with its source and conventions in its module:
- days.py: daily running km, cross-training and session-RPE load, zeros filled; rest days.
- weekly.py: ISO-week totals and the seed's 10% rule (core.load.weekly_growth / breaks_ten_percent_rule).
- spikes.py: every run against the longest run of the previous 30 days (Frandsen 2025,
  core.load.single_run_spike).
- load_ratio.py: ACWR, coupled and uncoupled rolling averages (7-day acute sum over a 28-day weekly
  average) and the EWMA ratio; Gabbett 2016's zones with Impellizzeri 2020's and Lolli 2019's critique.
- fitness.py: fitness and fatigue, EWMAs with 42 and 7 days (GoldenCheetah's 1 - e^(-1/N) by default,
  Runalyze's 2/(N+1) on request).
- monotony.py: Foster monotony (population SD) and strain; Runalyze's 1.5 and 2.0.
- wellness.py: resting heart rate against the runner's own 28-day baseline; nights under 7 h.
- pain.py: Silbernagel 2007's pain-monitoring model (core.load.pain_zone).
- gait.py: cadence, vertical oscillation, ground contact and stride per week; the own cadence baseline
  and a +5-10% target (core.load.cadence_target, Heiderscheit 2011).
- shoes.py: km per pair, the 600-800 km limit, rotation (Malisoux 2015), pain per pair.
- actions.py: the one thing to do about each warning (rest, a shorter run, the knee check, the physio, the
  GP), in the words of the warning's own source.
- warning.py: the Warning type and the one name of a calendar week ("vorige week (ma 23 t/m zo 29 nov)").
- overview.py, warnings.py, reporting.py: all of it for one day (`snapshot`), the warnings, and the
  report with its JSON form (`report`, `report_to_dict`).
"""

from __future__ import annotations

from .model import Activity, ActivityTable, DailyEntry, DailyTable, History, Shoe
from .overview import Snapshot, snapshot
from .reporting import Report, report, report_to_dict
from .warnings import Warning, warnings_for

__all__ = [
    "Activity",
    "ActivityTable",
    "DailyEntry",
    "DailyTable",
    "History",
    "Report",
    "Shoe",
    "Snapshot",
    "Warning",
    "report",
    "report_to_dict",
    "snapshot",
    "warnings_for",
]
