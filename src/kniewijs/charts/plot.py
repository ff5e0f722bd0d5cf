"""What the charts share between the data and the drawing: cleaning columns, reading a trend, and the
pieces every time chart uses (a line with dots, the latest value called out, a shaded zone, a rule)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from kniewijs.charts.svg import (
    PAPER,
    Attr,
    Frame,
    Shape,
    TimeScale,
    format_number,
    label,
    line_path,
    marker,
    nice_ticks,
    tag,
)
from kniewijs.core.text import Language, Text

Values = Sequence[float | None] | npt.NDArray[Any]
Trend = Literal["up", "down", "flat"]

# Above this many points a dot on each turns the line into a string of beads; the line alone reads better.
MAX_DOTS = 60
DASH = "5 4"
LEGEND_GAP = 28.0  # from the plot's bottom edge to the legend: room for the date labels


# ---- data --------------------------------------------------------------------------------------------


def numbers(values: Values) -> list[float | None]:
    """Floats with None for every gap: None, NaN and infinity alike."""
    out: list[float | None] = []
    for value in values:
        number = None if value is None else float(value)
        out.append(number if number is not None and math.isfinite(number) else None)
    return out


def day_order(dates: Sequence[date], *lengths: int) -> tuple[list[date], list[int]]:
    """The days in date order (a datetime counts as its day) and the order that sorts them; every column
    beside the dates, of the given `lengths`, must be exactly as long."""
    if any(length != len(dates) for length in lengths):
        raise ValueError(f"every data column must be as long as the dates ({[len(dates), *lengths]})")
    days = [day.date() if isinstance(day, datetime) else day for day in dates]
    order = sorted(range(len(days)), key=lambda index: days[index])
    return [days[i] for i in order], order


def sort_by_day(dates: Sequence[date], *columns: Values) -> tuple[list[date], list[list[float | None]]]:
    """Dates and the number columns beside them in date order, with None for every gap."""
    cleaned = [numbers(column) for column in columns]
    days, order = day_order(dates, *(len(column) for column in cleaned))
    return days, [[column[i] for i in order] for column in cleaned]


def present(values: Sequence[float | None]) -> list[float]:
    return [value for value in values if value is not None]


def last_index(values: Sequence[float | None]) -> int | None:
    return next((i for i in range(len(values) - 1, -1, -1) if values[i] is not None), None)


def check_pain(values: Sequence[float | None]) -> None:
    if any(value is not None and not 0 <= value <= 10 for value in values):
        raise ValueError("pain is scored from 0 to 10")


def trend(values: Sequence[float | None], *, absolute: float = 0.0, relative: float = 0.0) -> Trend | None:
    """Direction of the last eight values: the rise of their Theil-Sen line (the median of the slopes
    between every pair of points; Sen 1968) from first to last point. A least-squares line would let one
    bad day in the middle read as "lately rising" while the last days are back where they were.

    Our own reading rule, not a published threshold: a rise smaller than `absolute`, or than `relative`
    times the mean, counts as level. None with fewer than three values, too few to speak of a trend."""
    points = present(values)[-8:]
    if len(points) < 3:
        return None
    n = len(points)
    mean_y = sum(points) / n
    slopes = [(points[j] - points[i]) / (j - i) for i in range(n) for j in range(i + 1, n)]
    change = float(np.median(slopes)) * (n - 1)
    threshold = max(absolute, relative * abs(mean_y), 1e-9)
    if change >= threshold:
        return "up"
    if change <= -threshold:
        return "down"
    return "flat"


# ---- words -------------------------------------------------------------------------------------------


def say(text: Text, lang: Language, **values: str) -> str:
    return text.get(lang).format(**values)


def sentence(clauses: Sequence[str]) -> str:
    """Clauses joined into one sentence, with a capital and a full stop; empty when there are none."""
    text = "; ".join(clause for clause in clauses if clause)
    return text[:1].upper() + text[1:] + "." if text else ""


def fmt(value: float | None, lang: Language, decimals: int = 1) -> str:
    """A table cell: the number in the reader's style, or a dash for a gap."""
    return "–" if value is None else format_number(value, lang, decimals)


# ---- drawing -----------------------------------------------------------------------------------------


def time_frame(days: Sequence[date], slot_days: int, frame: Frame) -> tuple[TimeScale, date]:
    """A time scale on which each day (or week) owns a slot, and the last date that may carry a label."""
    end = days[-1] + timedelta(days=slot_days)
    return TimeScale(days[0], (end - days[0]).days, frame.left, frame.right), days[-1]


def series(points: Sequence[tuple[float, float] | None], colour: str, *, shape: Shape = "circle") -> str:
    """A line with a white halo (so it stays visible over bars and bands), dots when there are few points,
    and always a dot on a point without a neighbour to draw a line to."""
    path = line_path(points)
    parts: list[str] = []
    if path:
        stroke: dict[str, Attr] = {"d": path, "fill": "none", "stroke-linejoin": "round"}
        parts.append(tag("path", {**stroke, "stroke": PAPER, "stroke-width": 5}))
        parts.append(
            tag("path", {**stroke, "stroke": colour, "stroke-width": 2.2, "stroke-linecap": "round"})
        )
    few = sum(point is not None for point in points) <= MAX_DOTS
    for i, point in enumerate(points):
        if point is None:
            continue
        alone = (i == 0 or points[i - 1] is None) and (i == len(points) - 1 or points[i + 1] is None)
        if few or alone:
            parts.append(marker(shape, point[0], point[1], colour, 4.0))
    return "".join(parts)


def callout(point: tuple[float, float], words: str, colour: str, frame: Frame) -> str:
    """The latest value written beside its point, so the main message needs no reading of the axis."""
    x, y = point
    anchor: Literal["start", "end"] = "end" if x > (frame.left + frame.right) / 2 else "start"
    text_y = y - 9 if y - 9 > frame.top + 10 else y + 20
    text_x = x - 6 if anchor == "end" else x + 6
    return marker("circle", x, y, colour, 6.0) + label(
        text_x, text_y, words, anchor=anchor, fill=colour, bold=True, halo=True
    )


def zone(frame: Frame, top: float, bottom: float, colour: str) -> str:
    """A lightly shaded horizontal zone across the plot. Its name and values go in the legend, where no
    data line can run through them."""
    height = max(bottom - top, 0.0)
    attrs: dict[str, Attr] = {"x": frame.left, "y": top, "width": frame.right - frame.left, "height": height}
    return tag("rect", {**attrs, "fill": colour, "fill-opacity": 0.14, "class": "zone"})


def rule(frame: Frame, y: float, colour: str) -> str:
    """A dashed horizontal line across the plot, named in the legend."""
    attrs: dict[str, Attr] = {"x1": frame.left, "x2": frame.right, "y1": y, "y2": y, "stroke": colour}
    return tag("line", {**attrs, "stroke-width": 2, "stroke-dasharray": DASH, "class": "rule"})


def bar_width(slot: float, widest: float) -> float:
    """Bars with a gap between them while there is room, and never wider than `widest` (a lone bar stays
    a bar). Below three units a slot has no room for a gap: the bars then overlap a little, so they merge
    into one solid shape instead of a striped one full of anti-aliasing seams."""
    return min(slot * 0.8, widest) if slot >= 3 else slot + 0.4


def bar(x: float, width: float, top: float, base: float, colour: str, css: str) -> str:
    attrs: dict[str, Attr] = {"x": x, "y": top, "width": width, "height": max(base - top, 0.0)}
    return tag("rect", {**attrs, "fill": colour, "class": css})


class BarGroups:
    """Bars collected by colour and class and written as one <g> each: the colour and class stated once
    per group instead of once per bar keep ten years of bars small."""

    def __init__(self) -> None:
        self._groups: dict[tuple[str, str], list[str]] = {}

    def add(self, x: float, width: float, top: float, base: float, colour: str, css: str) -> None:
        attrs: dict[str, Attr] = {"x": x, "y": top, "width": width, "height": max(base - top, 0.0)}
        self._groups.setdefault((colour, css), []).append(tag("rect", attrs))

    def svg(self) -> str:
        return "".join(
            tag("g", {"fill": colour, "class": css}, "".join(rects))
            for (colour, css), rects in self._groups.items()
        )


def percent(part: float, whole: float) -> int:
    return int(math.floor(part / whole * 100 + 0.5))


def aligned_ticks(top: float, *, intervals: int = 5, min_step: float = 0.0) -> list[float]:
    """Ticks from 0 with exactly `intervals` steps, so the gridlines of a left axis meet the ticks of a
    0-10 right axis (also five steps) and both can be read off the same lines."""
    ticks = nice_ticks(0, max(top, 0.0), max_intervals=intervals, min_step=min_step)
    step = ticks[1] - ticks[0]
    while len(ticks) - 1 < intervals:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks
