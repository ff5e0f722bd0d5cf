"""Benchmark of kniewijs.core.metrics on synthetic 10-year training logs.

(a) one runner, 10 years (~3,000 runs, ~3,650 daily entries): every metric, the warnings and the report
    (target < 50 ms);
(b) 10,000 runners x 10 years (target < 60 s): each runner goes through the same single-runner path
    (`report`), spread over the machine's cores with multiprocessing; each worker builds its runners'
    synthetic histories itself, and the time spent building them is reported apart from the metrics;
peer: a plain pure-Python implementation of weekly km + single-run spikes + rolling Foster monotony,
    timed on runner (a) against the numpy path for the same three metrics (local days included on both
    sides); the results are checked equal first. The last line is `ratio_vs_pure_python: X`, X = pure
    Python time / numpy time (above 1: numpy is faster).

Run: .venv/bin/python bench/metrics.py [--runners N]
"""

from __future__ import annotations

import os

# Each worker process is single-threaded: OpenBLAS's own threads would spin against the other worker
# on a 2-core machine (measured: 2 processes were slower than 1 without this).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import math  # noqa: E402
import multiprocessing  # noqa: E402
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from kniewijs.core.load import single_run_spike
from kniewijs.core.metrics import DailyTable, History, Shoe, report, report_to_dict
from kniewijs.core.metrics.days import daily_series
from kniewijs.core.metrics.localtime import day_number, utc_offsets
from kniewijs.core.metrics.model import ActivityTable
from kniewijs.core.metrics.monotony import Monotony, rolling_monotony
from kniewijs.core.metrics.spikes import BANDS, RunSpikes, run_spikes
from kniewijs.core.metrics.weekly import WeeklyTable, weekly_table

ZONE = ZoneInfo("Europe/Amsterdam")
FIRST_DAY = date(2016, 1, 4)  # a Monday
DAYS = 3653
TODAY = FIRST_DAY + timedelta(days=DAYS - 1)


def synthetic_columns(seed: int) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], list[Shoe]]:
    """Ten years of one runner: ~3,000 runs, some cycling, an entry every day, four pairs of shoes."""
    rng = np.random.default_rng(seed)
    first = day_number(FIRST_DAY)
    days = first + np.arange(DAYS, dtype=np.int64)
    runs_today = (rng.random(DAYS) < 0.78).astype(np.int64) + (rng.random(DAYS) < 0.04)
    run_day = np.repeat(days, runs_today)
    bike_day = days[rng.random(DAYS) < 0.08]
    day_of = np.concatenate([run_day, bike_day])
    n_runs, n = run_day.shape[0], day_of.shape[0]
    sunday = (day_of + 3) % 7 == 6
    cycle = 1.0 + 0.25 * np.sin(2 * np.pi * (day_of - first) / 120.0)
    km = rng.uniform(6, 11) * cycle * np.where(sunday, 1.8, 1.0) * rng.lognormal(0, 0.25, n)
    km[n_runs:] *= 3.0
    local_seconds = rng.uniform(6 * 3600, 21 * 3600, n)
    guess = day_of * 86_400.0 + local_seconds - 3600.0
    start = day_of * 86_400.0 + local_seconds - utc_offsets(guess, ZONE)
    pace = rng.uniform(4.8, 6.5) * 60.0 * np.where(np.arange(n) < n_runs, 1.0, 0.4)
    sport = np.where(np.arange(n) < n_runs, 0, 1)  # core.activity.SPORTS: running, cycling
    shoe = np.where(np.arange(n) < n_runs, np.minimum((day_of - first) // 900, 3), -1)
    activities = {
        "start": start,
        "sport": sport,
        "distance_m": km * 1000.0,
        "duration_s": km * pace,
        "avg_heart_rate": rng.normal(142, 8, n),
        "avg_cadence_spm": np.where(sport == 0, rng.normal(166, 4, n), np.nan),
        "rpe": np.where(rng.random(n) < 0.6, rng.integers(2, 9, n), np.nan),
        "shoe": shoe,
        "avg_vertical_oscillation_mm": np.where(sport == 0, rng.normal(82, 6, n), np.nan),
        "avg_ground_contact_ms": np.where(sport == 0, rng.normal(250, 12, n), np.nan),
        "avg_stride_length_m": np.where(sport == 0, rng.normal(1.1, 0.08, n), np.nan),
    }
    pain = np.clip(np.round(rng.gamma(1.2, 1.2, DAYS)), 0, 10)
    entries = {
        "day": days,
        "resting_heart_rate": np.round(rng.normal(50, 3, DAYS)),
        "sleep_hours": np.clip(rng.normal(7.2, 0.8, DAYS), 3, 11),
        "pain_during": pain,
        "pain_after": np.clip(pain + rng.integers(-1, 2, DAYS), 0, 10),
        "pain_next_morning": np.clip(pain - 1, 0, 10),
        "swelling": rng.random(DAYS) < 0.002,
    }
    shoes = [Shoe(id=f"shoe-{i}", name=f"Paar {i + 1}", retired=i < 3) for i in range(4)]
    return activities, entries, shoes


def build_history(seed: int) -> History:
    activities, entries, shoes = synthetic_columns(seed)
    return History(
        time_zone=ZONE,
        activities=ActivityTable.from_columns(ZONE, **activities),
        days=DailyTable.from_columns(**entries),
        shoes=tuple(shoes),
    )


# --- the peer: straightforward pure Python ---------------------------------------------------------


def pure_python(
    runs: list[tuple[float, str, float]],
) -> tuple[dict[tuple[int, int], float], list[str], list[float | None]]:
    """Weekly running km per ISO week, the spike band of every run, Foster monotony for every day."""
    runs = sorted(runs)
    weekly: dict[tuple[int, int], float] = {}
    daily: dict[date, float] = {}
    running: list[tuple[float, float]] = []
    for start, sport, km in runs:
        if sport != "running":
            continue
        local = datetime.fromtimestamp(start, ZONE).date()
        iso = local.isocalendar()
        weekly[(iso.year, iso.week)] = weekly.get((iso.year, iso.week), 0.0) + km
        daily[local] = daily.get(local, 0.0) + km
        running.append((start, km))
    bands: list[str] = []
    for i, (start, km) in enumerate(running):
        longest = 0.0
        j = i - 1
        while j >= 0 and running[j][0] >= start - 30 * 86_400:
            if running[j][0] < start:
                longest = max(longest, running[j][1])
            j -= 1
        spike = single_run_spike(km, longest)
        bands.append("no_comparison" if spike is None else spike.band.value)
    monotony: list[float | None] = []
    first = min(daily) - timedelta(days=min(daily).weekday())
    day = first
    while day <= TODAY:
        window = [daily.get(day - timedelta(days=k), 0.0) for k in range(7)]
        mean = sum(window) / 7
        sd = math.sqrt(sum((x - mean) ** 2 for x in window) / 7)
        monotony.append(mean / sd if sd > 1e-9 * mean else None)
        day += timedelta(days=1)
    return weekly, bands, monotony


def numpy_path(activities: dict[str, np.ndarray]) -> tuple[WeeklyTable, RunSpikes, Monotony]:
    """The same three metrics through kniewijs.core.metrics, from the raw columns."""
    table = ActivityTable.from_columns(ZONE, **{k: v for k, v in activities.items() if k != "shoe"})
    history = History(time_zone=ZONE, activities=table, days=DailyTable.from_columns(day=[]), shoes=())
    series = daily_series(history, TODAY)
    return weekly_table(series), run_spikes(history), rolling_monotony(series.running_km)


def check_same(activities: dict[str, np.ndarray]) -> None:
    runs = [
        (float(t), "running" if s == 0 else "cycling", float(m) / 1000.0)
        for t, s, m in zip(activities["start"], activities["sport"], activities["distance_m"], strict=True)
    ]
    weekly, bands, monotony = pure_python(runs)
    table, spikes, mono = numpy_path(activities)
    ours_weekly = {table.iso_week(r): float(table.running_km[r]) for r in range(len(table))}
    assert all(math.isclose(ours_weekly[k], v, abs_tol=1e-9) for k, v in weekly.items())
    ours_bands = ["no_comparison" if b < 0 else BANDS[b].value for b in spikes.band.tolist()]
    assert ours_bands == bands, "spike bands differ from the pure-Python peer"
    ours_mono = mono.monotony.tolist()
    assert len(ours_mono) == len(monotony)
    assert all(
        (b is None and math.isnan(a)) or (b is not None and math.isclose(a, b, rel_tol=1e-9))
        for a, b in zip(ours_mono, monotony, strict=True)
    )


def best_of(repeats: int, work: Callable[[], object]) -> tuple[float, float]:
    """(median, minimum) seconds of `repeats` runs."""
    times = []
    for _ in range(repeats):
        begin = time.perf_counter()
        work()
        times.append(time.perf_counter() - begin)
    return statistics.median(times), min(times)


# --- many runners ------------------------------------------------------------------------------------


def _runner_batch(seeds: range) -> tuple[float, float, int, int]:
    build = metrics = 0.0
    warnings = runs = 0
    for seed in seeds:
        t0 = time.perf_counter()
        history = build_history(seed)
        t1 = time.perf_counter()
        result = report(history, TODAY)
        t2 = time.perf_counter()
        build += t1 - t0
        metrics += t2 - t1
        warnings += len(result.warnings)
        runs += len(history.activities)
    return build, metrics, warnings, runs


def many_runners(count: int, processes: int) -> None:
    batch = 50
    chunks = [range(i, min(i + batch, 1000 + count)) for i in range(1000, 1000 + count, batch)]
    begin = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        results = pool.map(_runner_batch, chunks, chunksize=1)
    wall = time.perf_counter() - begin
    build = sum(r[0] for r in results)
    metrics = sum(r[1] for r in results)
    print(
        f"(b) {count:,} runners x 10 years, {sum(r[3] for r in results):,} activities, {processes} processes (multiprocessing, same single-runner path per runner):"
    )
    print(
        f"    wall time {wall:.1f} s (target < 60 s), of which building the synthetic histories {build:.1f} CPU-s and metrics + warnings + report {metrics:.1f} CPU-s"
    )
    print(
        f"    per runner: metrics {1000 * metrics / count:.2f} ms, building {1000 * build / count:.2f} ms; {sum(r[2] for r in results):,} warnings in all"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runners", type=int, default=10_000)
    args = parser.parse_args()
    processes = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)

    activities, entries, shoes = synthetic_columns(seed=7)
    cold_begin = time.perf_counter()
    history = build_history(7)
    cold_report = report(history, TODAY)
    cold = time.perf_counter() - cold_begin
    running = int((activities["sport"] == 0).sum())
    print(
        f"(a) one runner, 10 years: {running:,} runs + {len(activities['sport']) - running} rides, {len(history.days):,} daily entries, {len(cold_report.weeks)} ISO weeks, {len(cold_report.warnings)} warnings"
    )
    build_median, _ = best_of(20, lambda: build_history(7))
    report_median, report_min = best_of(30, lambda: report(history, TODAY))
    dict_median, _ = best_of(10, lambda: report_to_dict(cold_report, "nl"))
    print(
        f"    all metrics + warnings (report): median {1000 * report_median:.1f} ms, best {1000 * report_min:.1f} ms (target < 50 ms)"
    )
    print(
        f"    first call in a fresh process incl. building the history and the zone's DST table: {1000 * cold:.1f} ms"
    )
    print(
        f"    building History from columns (local days): {1000 * build_median:.1f} ms; report_to_dict (520 weeks): {1000 * dict_median:.1f} ms"
    )

    many_runners(args.runners, processes)

    check_same(activities)
    runs = [
        (float(t), "running" if s == 0 else "cycling", float(m) / 1000.0)
        for t, s, m in zip(activities["start"], activities["sport"], activities["distance_m"], strict=True)
    ]
    python_median, _ = best_of(3, lambda: pure_python(runs))
    numpy_median, _ = best_of(20, lambda: numpy_path(activities))
    print("peer: weekly km + spikes + rolling monotony on runner (a), same results checked:")
    print(f"    pure Python {1000 * python_median:.1f} ms, numpy {1000 * numpy_median:.1f} ms (medians)")
    print(f"ratio_vs_pure_python: {python_median / numpy_median:.1f}")


if __name__ == "__main__":
    main()
