"""Benchmark of kniewijs.core.metrics on synthetic 10-year training logs.

(a) one runner, 10 years (~3,000 runs, ~3,650 daily entries): every metric, the warnings and the report
    (target < 50 ms);
(b) 10,000 runners x 10 years (target < 60 s): each runner goes through the same single-runner path
    (History from columns, then `report`), spread over the machine's cores with multiprocessing; each
    worker makes its runners' synthetic data itself, 50 runners per numpy pass, and the CPU time of
    making them is reported apart from building the History and from the metrics;
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


Columns = dict[str, np.ndarray]


def synthetic_batch(seed: int, count: int) -> list[tuple[Columns, Columns, list[Shoe]]]:
    """Ten years of `count` runners, made in one numpy pass: each ~3,000 runs, some rides, an entry every
    day, four pairs of shoes (three retired). Activities come sorted by start, as a database gives them."""
    rng = np.random.default_rng(seed)
    first = day_number(FIRST_DAY)
    days = first + np.arange(DAYS, dtype=np.int64)
    runs_today = (rng.random((count, DAYS)) < 0.78).astype(np.int64) + (rng.random((count, DAYS)) < 0.04)
    rides_today = (rng.random((count, DAYS)) < 0.08).astype(np.int64)
    per_day = np.stack([runs_today, rides_today], axis=-1)  # (runner, day, sport)
    owner = np.repeat(np.repeat(np.arange(count), DAYS * 2), per_day.reshape(-1))
    day_of = np.repeat(np.tile(np.repeat(days, 2), count), per_day.reshape(-1))
    sport = np.repeat(np.tile(np.asarray([0, 1]), count * DAYS), per_day.reshape(-1))  # running, cycling
    n = day_of.shape[0]
    running = sport == 0
    sunday = (day_of + 3) % 7 == 6
    cycle = 1.0 + 0.25 * np.sin(2 * np.pi * (day_of - first) / 120.0)
    base_km = rng.uniform(6, 11, count)[owner]
    km = (
        base_km * cycle * np.where(sunday, 1.8, 1.0) * rng.lognormal(0, 0.25, n) * np.where(running, 1.0, 3.0)
    )
    # The k-th activity of a day starts 5 h after the one before, so the rows are already in start order
    # per runner, as a database returns them.
    group = owner * DAYS + (day_of - first)
    rank = np.arange(n) - np.searchsorted(group, group, side="left")
    local_seconds = 6 * 3600 + rank * 5 * 3600 + rng.uniform(0, 4 * 3600, n)
    guess = day_of * 86_400.0 + local_seconds - 3600.0
    start = day_of * 86_400.0 + local_seconds - utc_offsets(guess, ZONE)
    pace = rng.uniform(4.8, 6.5, count)[owner] * 60.0 * np.where(running, 1.0, 0.4)
    columns = {
        "start": start,
        "sport": sport,
        "distance_m": km * 1000.0,
        "duration_s": km * pace,
        "avg_heart_rate": rng.normal(142, 8, n),
        "avg_cadence_spm": np.where(running, rng.normal(166, 4, n), np.nan),
        "rpe": np.where(rng.random(n) < 0.6, rng.integers(2, 9, n), np.nan),
        "shoe": np.where(running, np.minimum((day_of - first) // 900, 3), -1),
        "avg_vertical_oscillation_mm": np.where(running, rng.normal(82, 6, n), np.nan),
        "avg_ground_contact_ms": np.where(running, rng.normal(250, 12, n), np.nan),
        "avg_stride_length_m": np.where(running, rng.normal(1.1, 0.08, n), np.nan),
    }
    bounds = np.cumsum(np.bincount(owner, minlength=count))[:-1]
    split = {name: np.split(values, bounds) for name, values in columns.items()}
    pain = np.floor(rng.random((count, DAYS)) ** 3 * 7)  # mostly 0-2, now and then up to 6
    entry_columns = {
        "resting_heart_rate": np.round(rng.normal(50, 3, (count, DAYS))),
        "sleep_hours": np.clip(rng.normal(7.2, 0.8, (count, DAYS)), 3, 11),
        "pain_during": pain,
        "pain_after": np.clip(pain + rng.integers(-1, 2, (count, DAYS)), 0, 10),
        "pain_next_morning": np.clip(pain - 1, 0, 10),
        "swelling": rng.random((count, DAYS)) < 0.002,
    }
    shoes = [Shoe(id=f"shoe-{i}", name=f"Paar {i + 1}", retired=i < 3) for i in range(4)]
    return [
        (
            {name: parts[r] for name, parts in split.items()},
            {"day": days, **{name: values[r] for name, values in entry_columns.items()}},
            shoes,
        )
        for r in range(count)
    ]


def history_of(activities: Columns, entries: Columns, shoes: list[Shoe]) -> History:
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


def _runner_batch(job: tuple[int, int]) -> tuple[float, float, float, int, int]:
    """Synthesise `count` runners, then for each: build its History and compute its report.

    Times are this process's own CPU time, so other work on the machine does not count in them."""
    seed, count = job
    t0 = time.process_time()
    batch = synthetic_batch(seed, count)
    synthesis = time.process_time() - t0
    build = metrics = 0.0
    warnings = runs = 0
    for columns in batch:
        t1 = time.process_time()
        history = history_of(*columns)
        t2 = time.process_time()
        result = report(history, TODAY)
        t3 = time.process_time()
        build += t2 - t1
        metrics += t3 - t2
        warnings += len(result.warnings)
        runs += len(history.activities)
    return synthesis, build, metrics, warnings, runs


def many_runners(count: int, processes: int) -> None:
    batch = 50
    jobs = [(1000 + i, min(batch, count - i)) for i in range(0, count, batch)]
    load_before = os.getloadavg()[0]
    begin = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        results = pool.map(_runner_batch, jobs, chunksize=1)
    wall = time.perf_counter() - begin
    synthesis = sum(r[0] for r in results)
    build = sum(r[1] for r in results)
    metrics = sum(r[2] for r in results)
    activities = sum(r[4] for r in results)
    warnings = sum(r[3] for r in results)
    print(
        f"(b) {count:,} runners x 10 years ({activities:,} activities, {warnings:,} warnings): each runner through "
        f"the same single-runner path (History from columns, then report), {processes} worker processes "
        "(multiprocessing)"
    )
    print(
        f"    wall time {wall:.1f} s in all (target < 60 s), making the synthetic data included; "
        f"machine load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    )
    print(
        f"    CPU time of the workers: synthetic data {synthesis:.1f} s, building History {build:.1f} s, "
        f"metrics + warnings + report {metrics:.1f} s; History + metrics alone on {processes} cores: "
        f"{(build + metrics) / processes:.1f} s"
    )
    print(
        f"    per runner (CPU): building History {1000 * build / count:.2f} ms, metrics + warnings + report "
        f"{1000 * metrics / count:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runners", type=int, default=10_000)
    args = parser.parse_args()
    processes = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)

    columns = synthetic_batch(seed=7, count=1)[0]
    activities = columns[0]
    cold_begin = time.perf_counter()
    history = history_of(*columns)
    cold_report = report(history, TODAY)
    cold = time.perf_counter() - cold_begin
    running = int((activities["sport"] == 0).sum())
    print(
        f"(a) one runner, 10 years: {running:,} runs + {len(activities['sport']) - running} rides, {len(history.days):,} daily entries, {len(cold_report.weeks)} ISO weeks, {len(cold_report.warnings)} warnings"
    )
    build_median, _ = best_of(20, lambda: history_of(*columns))
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
