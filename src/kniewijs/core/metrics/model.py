"""The input: one runner's history, held as columns (numpy arrays), built from records or from arrays.

Records (`Activity`, `DailyEntry`, `Shoe`) are frozen dataclasses for callers with a handful of rows;
`ActivityTable.from_columns` and `DailyTable.from_columns` take arrays for callers with thousands. Either
way `History` holds the columns, so every metric works on whole arrays.

Conventions:
- An activity's `start` is an aware datetime or UTC epoch seconds; its local day is fixed once, in the
  runner's zone, when the table is built (see localtime).
- Missing numbers are NaN in the columns (None in the records). A missing distance counts as 0 km.
- Only `sport == "running"` is running; every other sport is cross-training.
- A daily entry describes one local date: the resting heart rate measured that morning, the sleep of the
  night before, knee pain (0-10) during that day's running, right after it, and the next morning, and
  whether the knee was swollen. At most one entry per date.
- Activities are sorted by start (ties by the other columns), so the order they arrive in never matters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from ..activity import SPORTS, Sport
from ._types import BoolArray, FloatArray, IntArray
from .localtime import day_number, day_numbers, epoch_of, local_days, zone

SPORT_CODES: dict[str, int] = {sport: code for code, sport in enumerate(SPORTS)}
RUNNING = SPORT_CODES["running"]

# Seed: running shoes last 600 to 800 km; 700 is the clinic's "replace about now".
DEFAULT_SHOE_LIMIT_KM = 700.0
MIN_SHOE_LIMIT_KM = 600.0
MAX_SHOE_LIMIT_KM = 800.0

NO_SHOE = -1


@dataclass(frozen=True, slots=True)
class Shoe:
    """A pair of shoes. `start_km` is what it had run before the log began."""

    id: str
    name: str
    limit_km: float = DEFAULT_SHOE_LIMIT_KM
    start_km: float = 0.0
    retired: bool = False

    def __post_init__(self) -> None:
        if not MIN_SHOE_LIMIT_KM <= self.limit_km <= MAX_SHOE_LIMIT_KM:
            raise ValueError(
                f"shoe {self.id!r}: a limit of {self.limit_km:g} km is outside "
                f"{MIN_SHOE_LIMIT_KM:g}-{MAX_SHOE_LIMIT_KM:g} km (seed: shoes last 600 to 800 km)"
            )
        if not self.start_km >= 0:
            raise ValueError(f"shoe {self.id!r}: start_km must be 0 or more")


@dataclass(frozen=True, slots=True)
class Activity:
    """One logged activity of any sport."""

    start: datetime | float
    sport: Sport
    distance_m: float | None = None
    duration_s: float | None = None
    avg_heart_rate: float | None = None
    avg_cadence_spm: float | None = None
    rpe: float | None = None
    shoe: str | None = None
    avg_vertical_oscillation_mm: float | None = None
    avg_ground_contact_ms: float | None = None
    avg_stride_length_m: float | None = None
    moving_s: float | None = None  # time in motion; pace and session load use it when known


@dataclass(frozen=True, slots=True)
class DailyEntry:
    """What the runner noted about one local date."""

    date: date
    resting_heart_rate: float | None = None
    sleep_hours: float | None = None
    pain_during: float | None = None
    pain_after: float | None = None
    pain_next_morning: float | None = None
    swelling: bool = False


def _column(values: npt.ArrayLike | None, n: int, name: str) -> FloatArray:
    if values is None:
        return np.full(n, np.nan)
    column = np.asarray(values, dtype=np.float64).reshape(-1)
    if column.shape[0] != n:
        raise ValueError(f"column {name} has {column.shape[0]} values, expected {n}")
    return column


def _check_range(column: FloatArray, low: float, high: float, name: str) -> None:
    known = column[~np.isnan(column)]
    if known.size and (known.min() < low or known.max() > high):
        raise ValueError(f"{name} must lie between {low:g} and {high:g}")


def _frozen(*arrays: npt.NDArray[np.generic]) -> None:
    for array in arrays:
        array.flags.writeable = False


@dataclass(frozen=True, slots=True)
class ActivityTable:
    """Every activity as columns of equal length, sorted by start. NaN where unknown."""

    start: FloatArray  # UTC epoch seconds
    local_day: IntArray
    sport: IntArray  # index into core.activity.SPORTS
    distance_m: FloatArray
    duration_s: FloatArray
    avg_heart_rate: FloatArray
    avg_cadence_spm: FloatArray
    rpe: FloatArray
    shoe: IntArray  # index into History.shoes, NO_SHOE when none
    avg_vertical_oscillation_mm: FloatArray
    avg_ground_contact_ms: FloatArray
    avg_stride_length_m: FloatArray
    moving_s: FloatArray  # time in motion, NaN when the file did not give it

    def __len__(self) -> int:
        return int(self.start.shape[0])

    def rows_between(self, first_day: int, last_day: int) -> IntArray:
        """Indexes of the activities on local days first_day to last_day inclusive.

        A binary search on the start times narrows the rows first; no zone is more than a day away
        from UTC, so a day's margin on each side is enough, and the local day decides exactly."""
        low, high = np.searchsorted(self.start, [(first_day - 1) * 86_400.0, (last_day + 2) * 86_400.0])
        local = self.local_day[low:high]
        result: IntArray = low + np.flatnonzero((local >= first_day) & (local <= last_day))
        return result

    @property
    def running(self) -> BoolArray:
        result: BoolArray = self.sport == RUNNING
        return result

    @property
    def km(self) -> FloatArray:
        """Distance in km, 0 where unknown."""
        return np.where(np.isnan(self.distance_m), 0.0, self.distance_m) / 1000.0

    @property
    def active_s(self) -> FloatArray:
        """The time pace and session-RPE load are counted on: moving time where known (a stop at a
        traffic light or a paused watch is no effort and no slower pace), else the duration. NaN where
        neither is known."""
        return np.where(np.isfinite(self.moving_s) & (self.moving_s > 0), self.moving_s, self.duration_s)

    @property
    def minutes(self) -> FloatArray:
        """Active time (`active_s`) in minutes, 0 where unknown."""
        active = self.active_s
        return np.where(np.isnan(active), 0.0, active) / 60.0

    @classmethod
    def from_columns(
        cls,
        time_zone: str | ZoneInfo,
        *,
        start: npt.ArrayLike,
        sport: npt.ArrayLike,
        distance_m: npt.ArrayLike | None = None,
        duration_s: npt.ArrayLike | None = None,
        avg_heart_rate: npt.ArrayLike | None = None,
        avg_cadence_spm: npt.ArrayLike | None = None,
        rpe: npt.ArrayLike | None = None,
        shoe: npt.ArrayLike | None = None,
        avg_vertical_oscillation_mm: npt.ArrayLike | None = None,
        avg_ground_contact_ms: npt.ArrayLike | None = None,
        avg_stride_length_m: npt.ArrayLike | None = None,
        moving_s: npt.ArrayLike | None = None,
    ) -> ActivityTable:
        """Columns in any order; `sport` as names or SPORTS indexes, `shoe` as indexes (-1 none)."""
        starts = np.asarray(start, dtype=np.float64).reshape(-1)
        n = starts.shape[0]
        if not np.isfinite(starts).all():
            raise ValueError("every activity needs a start time")
        sport_values = np.asarray(sport).reshape(-1)
        if sport_values.dtype.kind in "iu":
            sports = sport_values.astype(np.int64)
        else:
            unknown = sorted(set(sport_values.tolist()) - set(SPORT_CODES))
            if unknown:
                raise ValueError(f"unknown sport {unknown[0]!r}; expected one of {', '.join(SPORTS)}")
            sports = np.fromiter((SPORT_CODES[s] for s in sport_values), dtype=np.int64, count=n)
        if sports.shape[0] != n or (n and (sports.min() < 0 or sports.max() >= len(SPORTS))):
            raise ValueError("sport must name one of the known sports for every activity")
        shoes = np.full(n, NO_SHOE, dtype=np.int64) if shoe is None else np.asarray(shoe, dtype=np.int64)
        if shoes.shape[0] != n:
            raise ValueError(f"column shoe has {shoes.shape[0]} values, expected {n}")
        columns = {
            "distance_m": _column(distance_m, n, "distance_m"),
            "duration_s": _column(duration_s, n, "duration_s"),
            "avg_heart_rate": _column(avg_heart_rate, n, "avg_heart_rate"),
            "avg_cadence_spm": _column(avg_cadence_spm, n, "avg_cadence_spm"),
            "rpe": _column(rpe, n, "rpe"),
            "avg_vertical_oscillation_mm": _column(avg_vertical_oscillation_mm, n, "vertical oscillation"),
            "avg_ground_contact_ms": _column(avg_ground_contact_ms, n, "ground contact"),
            "avg_stride_length_m": _column(avg_stride_length_m, n, "stride length"),
            "moving_s": _column(moving_s, n, "moving_s"),
        }
        _check_range(columns["rpe"], 0, 10, "RPE")
        _check_range(columns["distance_m"], 0, np.inf, "distance")
        _check_range(columns["duration_s"], 0, np.inf, "duration")
        _check_range(columns["moving_s"], 0, np.inf, "moving time")
        order = np.argsort(starts, kind="stable")
        if n > 1 and bool((np.diff(starts[order]) == 0).any()):
            # Activities at the very same second: sorting on every column makes the table the same
            # whatever order the rows came in.
            keys = [columns[name] for name in reversed(list(columns))] + [shoes, sports, starts]
            order = np.lexsort(keys)
        sorted_starts = starts[order]
        table = cls(
            start=sorted_starts,
            local_day=local_days(sorted_starts, zone(time_zone)),
            sport=sports[order],
            shoe=shoes[order],
            **{name: values[order] for name, values in columns.items()},
        )
        _frozen(*(getattr(table, f.name) for f in fields(table)))
        return table


@dataclass(frozen=True, slots=True)
class DailyTable:
    """One row per local date that has an entry, sorted by date. NaN where not noted."""

    day: IntArray  # local day number (days since 1970-01-01)
    resting_heart_rate: FloatArray
    sleep_hours: FloatArray
    pain_during: FloatArray
    pain_after: FloatArray
    pain_next_morning: FloatArray
    swelling: BoolArray

    def __len__(self) -> int:
        return int(self.day.shape[0])

    def between(self, first_day: int, last_day: int) -> DailyTable:
        """The entries from first_day to last_day inclusive (views, no copy)."""
        low, high = np.searchsorted(self.day, [first_day, last_day + 1])
        rows = slice(int(low), int(high))
        return DailyTable(**{f.name: getattr(self, f.name)[rows] for f in fields(self)})

    @classmethod
    def from_columns(
        cls,
        *,
        day: npt.ArrayLike,
        resting_heart_rate: npt.ArrayLike | None = None,
        sleep_hours: npt.ArrayLike | None = None,
        pain_during: npt.ArrayLike | None = None,
        pain_after: npt.ArrayLike | None = None,
        pain_next_morning: npt.ArrayLike | None = None,
        swelling: npt.ArrayLike | None = None,
    ) -> DailyTable:
        """`day` as datetime64 dates, day numbers or `date` objects."""
        days = day_numbers(day).reshape(-1)
        n = days.shape[0]
        order = np.argsort(days, kind="stable")
        days = days[order]
        if n > 1 and bool((np.diff(days) == 0).any()):
            raise ValueError("there is more than one daily entry for the same date")
        columns = {
            "resting_heart_rate": _column(resting_heart_rate, n, "resting_heart_rate"),
            "sleep_hours": _column(sleep_hours, n, "sleep_hours"),
            "pain_during": _column(pain_during, n, "pain_during"),
            "pain_after": _column(pain_after, n, "pain_after"),
            "pain_next_morning": _column(pain_next_morning, n, "pain_next_morning"),
        }
        for name in ("pain_during", "pain_after", "pain_next_morning"):
            _check_range(columns[name], 0, 10, name)
        _check_range(columns["sleep_hours"], 0, 24, "sleep_hours")
        _check_range(columns["resting_heart_rate"], 20, 250, "resting_heart_rate")
        swollen = np.zeros(n, dtype=np.bool_) if swelling is None else np.asarray(swelling, dtype=np.bool_)
        if swollen.shape[0] != n:
            raise ValueError(f"column swelling has {swollen.shape[0]} values, expected {n}")
        table = cls(
            day=days, swelling=swollen[order], **{name: values[order] for name, values in columns.items()}
        )
        _frozen(*(getattr(table, f.name) for f in fields(table)))
        return table


def _nan(value: float | None) -> float:
    return np.nan if value is None else float(value)


@dataclass(frozen=True, slots=True)
class History:
    """One runner: activities, daily entries, shoes and the IANA zone their local days are counted in."""

    time_zone: ZoneInfo
    activities: ActivityTable
    days: DailyTable
    shoes: tuple[Shoe, ...] = field(default=())

    def __post_init__(self) -> None:
        ids = [shoe.id for shoe in self.shoes]
        if len(set(ids)) != len(ids):
            raise ValueError("two shoes share one id")
        shoe_index = self.activities.shoe
        if shoe_index.size and (shoe_index.min() < NO_SHOE or shoe_index.max() >= len(self.shoes)):
            raise ValueError("an activity refers to a shoe that is not in the list of shoes")

    @classmethod
    def build(
        cls,
        time_zone: str | ZoneInfo,
        activities: Iterable[Activity] = (),
        entries: Iterable[DailyEntry] = (),
        shoes: Sequence[Shoe] = (),
    ) -> History:
        """A history from records; a shoe id not among `shoes` is an error."""
        tz = zone(time_zone)
        rows = list(activities)
        shoe_index = {shoe.id: i for i, shoe in enumerate(shoes)}
        unknown = sorted({a.shoe for a in rows if a.shoe is not None and a.shoe not in shoe_index})
        if unknown:
            raise ValueError(f"an activity names shoe {unknown[0]!r}, which is not in the list of shoes")
        table = ActivityTable.from_columns(
            tz,
            start=[epoch_of(a.start) for a in rows],
            sport=np.asarray([a.sport for a in rows], dtype=object),
            distance_m=[_nan(a.distance_m) for a in rows],
            duration_s=[_nan(a.duration_s) for a in rows],
            avg_heart_rate=[_nan(a.avg_heart_rate) for a in rows],
            avg_cadence_spm=[_nan(a.avg_cadence_spm) for a in rows],
            rpe=[_nan(a.rpe) for a in rows],
            shoe=[NO_SHOE if a.shoe is None else shoe_index[a.shoe] for a in rows],
            avg_vertical_oscillation_mm=[_nan(a.avg_vertical_oscillation_mm) for a in rows],
            avg_ground_contact_ms=[_nan(a.avg_ground_contact_ms) for a in rows],
            avg_stride_length_m=[_nan(a.avg_stride_length_m) for a in rows],
            moving_s=[_nan(a.moving_s) for a in rows],
        )
        notes = list(entries)
        days = DailyTable.from_columns(
            day=np.asarray([day_number(e.date) for e in notes], dtype=np.int64),
            resting_heart_rate=[_nan(e.resting_heart_rate) for e in notes],
            sleep_hours=[_nan(e.sleep_hours) for e in notes],
            pain_during=[_nan(e.pain_during) for e in notes],
            pain_after=[_nan(e.pain_after) for e in notes],
            pain_next_morning=[_nan(e.pain_next_morning) for e in notes],
            swelling=[e.swelling for e in notes],
        )
        return cls(time_zone=tz, activities=table, days=days, shoes=tuple(shoes))
