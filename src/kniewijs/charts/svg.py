"""SVG building blocks for Kniewijs' charts: escaping, numbers and dates in words, scales, axes, legends.

Plain Python and deterministic: the same input always gives the same string, so a chart can be cached,
compared in tests and served without JavaScript. The viewBox is 380 units wide, about the width of a
phone, and no text is smaller than 11 units, so on a 360 CSS pixel screen a label is still ~10.5 px.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from kniewijs.core.text import MONTH_ABBREVIATIONS, Language, T, format_day

# The palette of site.css, so a chart matches the page around it.
INK = "#1b1f23"
MUTED = "#4a525a"
PAPER = "#ffffff"
WASH = "#f2f5f7"
LINE = "#c9d1d8"
BRAND = "#005a70"
BRAND_DARK = "#003f4f"
EMERGENCY = "#b00020"
URGENT = "#a84300"
AMBER = "#6b4e00"  # --gp
SELF_CARE = "#1e6b35"

VIEW_WIDTH = 380.0
FONT_SIZE = 12
MIN_FONT_SIZE = 11
FONT_FAMILY = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"
# Estimated glyph width in em, on the generous side so labels placed by estimate do not collide.
CHAR_EM = 0.6

_CHART_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")
# Characters XML 1.0 cannot hold even escaped; one in a label would make the whole page's SVG unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# The one list of month abbreviations (core.text), so a chart and the page under it write a date alike.
_MONTHS = MONTH_ABBREVIATIONS

NO_DATA = T("Nog geen gegevens", "No data yet")
NO_DATA_SUMMARY = T(
    "Er zijn nog geen gegevens om in deze grafiek te tonen.", "There is no data to show in this chart yet."
)


@dataclass(frozen=True, slots=True)
class Chart:
    """A finished chart: the inline <svg>, its title, a text alternative and the data as table rows."""

    svg: str
    title: str
    summary: str
    table: list[tuple[str, ...]]


# ---- words and numbers -------------------------------------------------------------------------------


def esc(value: str) -> str:
    """Escape text and attribute values for XML, quotes included; drop characters XML cannot hold."""
    cleaned = _NOT_XML.sub("", value)
    return (
        cleaned.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def num(value: float) -> str:
    """A coordinate with at most one decimal: enough for a 380-unit viewBox and keeps the SVG small."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def format_number(value: float, lang: Language, decimals: int = 1) -> str:
    """A number as a reader of that language writes it (12,5 in Dutch, 12.5 in English), no trailing zeros."""
    text = f"{round(value, decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if lang == "nl" else text


def format_date(day: date, lang: Language, *, year: bool = True) -> str:
    """'3 mrt 2025' in Dutch, '3 Mar 2025' in English."""
    return format_day(day, lang, "short_year" if year else "short")


def text_width(words: str, size: float = FONT_SIZE) -> float:
    return len(words) * size * CHAR_EM


# ---- elements ----------------------------------------------------------------------------------------

Attr = str | float | None


def tag(name: str, attrs: dict[str, Attr], content: str | None = None) -> str:
    """One element; attribute values are escaped here, `content` is markup that is already escaped."""
    rendered = "".join(
        f' {key}="{esc(value if isinstance(value, str) else num(value))}"'
        for key, value in attrs.items()
        if value is not None
    )
    return f"<{name}{rendered}/>" if content is None else f"<{name}{rendered}>{content}</{name}>"


def label(
    x: float,
    y: float,
    words: str,
    *,
    size: float = FONT_SIZE,
    anchor: Literal["start", "middle", "end"] = "start",
    fill: str = INK,
    bold: bool = False,
    halo: bool = False,
) -> str:
    """Text; with `halo` a white outline keeps it readable where it crosses a line or a band."""
    if size < MIN_FONT_SIZE:
        raise ValueError(f"text of {size} units is too small to read on a phone")
    attrs: dict[str, Attr] = {
        "x": x,
        "y": y,
        "font-size": size,
        "text-anchor": None if anchor == "start" else anchor,
        "fill": fill,
        "font-weight": "700" if bold else None,
    }
    if halo:
        attrs.update(
            {"stroke": PAPER, "stroke-width": 3, "stroke-linejoin": "round", "paint-order": "stroke"}
        )
    return tag("text", attrs, esc(words))


def line_path(points: Sequence[tuple[float, float] | None]) -> str:
    """Path data through the points; a None breaks the line so a gap in the data stays a gap."""
    parts: list[str] = []
    pen_down = False
    for point in points:
        if point is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{num(point[0])} {num(point[1])}")
        pen_down = True
    return "".join(parts)


Shape = Literal["circle", "triangle", "diamond", "square"]


def marker(shape: Shape, cx: float, cy: float, colour: str, size: float = 5.0) -> str:
    """A point marker. Shapes differ as well as colours, so meaning never rests on colour alone."""
    ring: dict[str, Attr] = {"fill": colour, "stroke": PAPER, "stroke-width": 1}
    if shape == "circle":
        return tag("circle", {"cx": cx, "cy": cy, "r": size * 0.8, **ring})
    if shape == "square":
        side = size * 1.5
        return tag("rect", {"x": cx - side / 2, "y": cy - side / 2, "width": side, "height": side, **ring})
    if shape == "triangle":
        d = f"M{num(cx)} {num(cy - size)}L{num(cx + size)} {num(cy + size * 0.8)}L{num(cx - size)} {num(cy + size * 0.8)}Z"
    else:
        d = f"M{num(cx)} {num(cy - size)}L{num(cx + size)} {num(cy)}L{num(cx)} {num(cy + size)}L{num(cx - size)} {num(cy)}Z"
    return tag("path", {"d": d, **ring})


# ---- scales and ticks --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinearScale:
    """Maps the domain low..high onto the viewBox range start..end (end may be smaller, as on a y axis)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        span = self.high - self.low
        if span == 0:
            return (self.start + self.end) / 2
        clamped = min(max(value, self.low), self.high)
        return self.start + (clamped - self.low) / span * (self.end - self.start)


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Maps days from `first` (over `days` days, at least one) onto the viewBox range start..end."""

    first: date
    days: int
    start: float
    end: float

    def __call__(self, day: date, offset_days: float = 0.0) -> float:
        return self.start + ((day - self.first).days + offset_days) / self.days * (self.end - self.start)

    @property
    def day_width(self) -> float:
        return (self.end - self.start) / self.days


def nice_ticks(low: float, high: float, *, max_intervals: int = 5, min_step: float = 0.0) -> list[float]:
    """Axis ticks covering low..high in steps of 1, 2 or 5 times a power of ten.

    Source: Heckbert, 'Nice numbers for graph labels', Graphics Gems (1990). A zero-width domain is
    widened, so a single value or all zeros still gets an axis (and nothing divides by zero)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("axis limits must be finite numbers")
    low, high = min(low, high), max(low, high)
    if high - low < 1e-6 * max(1.0, abs(high)):
        pad = max(abs(high) * 0.1, 1.0)
        low, high = (low if low == 0 else low - pad), high + pad
    exponent = math.floor(math.log10((high - low) / max_intervals))
    while True:
        for multiple in (1, 2, 5):
            step = multiple * 10.0**exponent
            first = math.floor(low / step + 1e-9)
            last = math.ceil(high / step - 1e-9)
            if step >= min_step - 1e-12 and last - first <= max_intervals:
                return [_tidy((first + i) * step) for i in range(last - first + 1)]
        exponent += 1


def _tidy(value: float) -> float:
    rounded = round(value, 10)
    return 0.0 if rounded == 0 else rounded


def tick_decimals(ticks: Sequence[float]) -> int:
    """Decimals the tick labels need: none for steps of 1 or more, one for 0.5 or 0.2, and so on."""
    if len(ticks) < 2:
        return 0
    step = ticks[1] - ticks[0]
    return max(0, -math.floor(math.log10(step) + 1e-9))


def date_ticks(
    first: date, end: date, lang: Language, *, max_ticks: int = 5, min_step_days: int = 1
) -> list[tuple[date, str]]:
    """At most `max_ticks` date ticks from first to end, the finest that fit: every day or week counted
    from `first`, else first days of months (with the year at the first tick and at January), else years."""
    days = max((end - first).days, 0)
    for step in (1, 2, 7, 14):
        if step >= min_step_days and days // step + 1 <= max_ticks:
            return [(day, format_date(day, lang, year=False)) for day in _every(first, days, step)]
    starts = [
        date(first.year + index // 12, index % 12 + 1, 1)
        for index in range(first.month - 1, (end.year - first.year) * 12 + end.month)
    ]
    starts = [day for day in starts if first <= day <= end]
    for step in (1, 2, 3, 6):
        picked = [day for day in starts if (day.month - 1) % step == 0]
        if 0 < len(picked) <= max_ticks:
            return [
                (
                    day,
                    f"{_MONTHS[lang][day.month - 1]} {day.year}"
                    if day.month == 1 or i == 0
                    else _MONTHS[lang][day.month - 1],
                )
                for i, day in enumerate(picked)
            ]
    years = [date(year, 1, 1) for year in range(first.year, end.year + 1) if date(year, 1, 1) >= first]
    for step in (1, 2, 5, 10, 20, 50, 100, 1000):
        picked = [day for day in years if day.year % step == 0]
        if len(picked) <= max_ticks:
            return [(day, str(day.year)) for day in picked]
    return [(first, format_date(first, lang))]


def _every(first: date, days: int, step: int) -> list[date]:
    return [first + timedelta(days=offset) for offset in range(0, days + 1, step)]


# ---- axes, legend, frame -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Frame:
    """The plot area inside the viewBox; room on the right only when there is a second axis."""

    left: float
    right: float
    top: float
    bottom: float

    @staticmethod
    def make(*, right_axis: bool = False, plot_height: float = 170.0, top: float = 26.0) -> Frame:
        return Frame(
            left=44.0, right=VIEW_WIDTH - (40.0 if right_axis else 14.0), top=top, bottom=top + plot_height
        )


def y_axis(
    ticks: Sequence[float],
    scale: LinearScale,
    frame: Frame,
    lang: Language,
    *,
    side: Literal["left", "right"] = "left",
    grid: bool = True,
    colour: str = MUTED,
    unit: str = "",
) -> str:
    """Tick labels beside the plot, light gridlines across it and the unit above the labels."""
    decimals = tick_decimals(ticks)
    parts: list[str] = []
    for value in ticks:
        y = scale(value)
        if grid:
            parts.append(tag("line", {"x1": frame.left, "x2": frame.right, "y1": y, "y2": y, "stroke": LINE}))
        words = format_number(value, lang, decimals)
        if side == "left":
            parts.append(label(frame.left - 5, y + 4, words, anchor="end", fill=colour))
        else:
            parts.append(label(frame.right + 5, y + 4, words, fill=colour))
    if unit:
        if side == "left":
            parts.append(label(4, frame.top - 12, unit, fill=colour, bold=True))
        else:
            parts.append(label(VIEW_WIDTH - 4, frame.top - 12, unit, anchor="end", fill=colour, bold=True))
    return "".join(parts)


def x_axis(ticks: Sequence[tuple[float, str]], frame: Frame) -> str:
    """Baseline, tick marks and labels below the plot; a label that would collide with the one before it
    (or run off the edge) is moved in or left out, so the axis stays readable on a phone."""
    parts = [
        tag(
            "line",
            {"x1": frame.left, "x2": frame.right, "y1": frame.bottom, "y2": frame.bottom, "stroke": INK},
        )
    ]
    previous_right = -math.inf
    for x, words in ticks:
        if not frame.left - 0.5 <= x <= frame.right + 0.5:
            continue
        half = text_width(words) / 2
        centre = min(max(x, half + 2), VIEW_WIDTH - half - 2)
        if centre - half < previous_right + 6:
            continue
        previous_right = centre + half
        parts.append(
            tag("line", {"x1": x, "x2": x, "y1": frame.bottom, "y2": frame.bottom + 4, "stroke": INK})
        )
        parts.append(label(centre, frame.bottom + 17, words, anchor="middle", fill=MUTED))
    return "".join(parts)


def time_x_axis(scale: TimeScale, end: date, frame: Frame, lang: Language, *, slot_days: int = 1) -> str:
    """Date labels centred on the slot a day (or week) occupies, where its bar or point is drawn."""
    ticks = date_ticks(scale.first, end, lang, min_step_days=slot_days)
    return x_axis([(scale(day, slot_days / 2), words) for day, words in ticks], frame)


Swatch = Literal["bar", "line", "dashed", "tick", "band", "circle", "triangle", "diamond", "square"]


@dataclass(frozen=True, slots=True)
class LegendItem:
    words: str
    swatch: Swatch
    colour: str


def _swatch(item: LegendItem, cx: float, cy: float) -> str:
    if item.swatch == "bar":
        return tag("rect", {"x": cx - 6, "y": cy - 6, "width": 12, "height": 12, "fill": item.colour})
    if item.swatch == "band":
        return tag(
            "rect",
            {
                "x": cx - 7,
                "y": cy - 6,
                "width": 14,
                "height": 12,
                "fill": item.colour,
                "fill-opacity": 0.18,
                "stroke": item.colour,
            },
        )
    if item.swatch == "tick":
        return tag(
            "line",
            {"x1": cx, "x2": cx, "y1": cy - 8, "y2": cy + 8, "stroke": item.colour, "stroke-width": 2.5},
        )
    if item.swatch in ("line", "dashed"):
        dash = "4 3" if item.swatch == "dashed" else None
        attrs: dict[str, Attr] = {"x1": cx - 8, "x2": cx + 8, "y1": cy, "y2": cy, "stroke": item.colour}
        return tag("line", {**attrs, "stroke-width": 2.5, "stroke-dasharray": dash})
    shape: Shape = item.swatch  # type: ignore[assignment]  # the remaining swatches are marker shapes
    return marker(shape, cx, cy, item.colour)


def legend(items: Sequence[LegendItem], width: float = VIEW_WIDTH) -> tuple[str, float]:
    """Legend items flowing into rows as wide as the chart; returns the markup and the height it takes."""
    row_height = 20.0
    parts: list[str] = []
    x, row = 4.0, 0
    for item in items:
        item_width = 22 + text_width(item.words) + 12
        if x > 4 and x + item_width > width - 4:
            x, row = 4.0, row + 1
        cy = row * row_height + 10
        parts.append(_swatch(item, x + 8, cy))
        parts.append(label(x + 20, cy + 4, item.words))
        x += item_width
    return "".join(parts), (row + 1) * row_height if items else 0.0


def document(chart_id: str, title: str, summary: str, height: float, body: str) -> str:
    """The <svg> element: scales to its container, and screen readers read the title and summary."""
    if not _CHART_ID.fullmatch(chart_id):
        raise ValueError("a chart id starts with a letter and holds only letters, digits, '-' and '_'")
    attrs: dict[str, Attr] = {
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": f"0 0 {num(VIEW_WIDTH)} {num(height)}",
        "width": "100%",
        "role": "img",
        "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
        "class": "kw-chart",
        "font-family": FONT_FAMILY,
        "font-size": FONT_SIZE,
    }
    # str(): a lazily translated title (a Django proxy) is written out, not refused.
    heading = tag("title", {"id": f"{chart_id}-title"}, esc(str(title)))
    description = tag("desc", {"id": f"{chart_id}-desc"}, esc(str(summary)))
    return tag("svg", attrs, heading + description + body)


def compose(
    chart_id: str, title: str, summary: str, body: str, items: Sequence[LegendItem], legend_top: float
) -> str:
    """Place the legend under the plot and size the viewBox to fit everything."""
    legend_markup, legend_height = legend(items)
    placed = tag("g", {"transform": f"translate(0 {num(legend_top)})"}, legend_markup) if items else ""
    return document(chart_id, title, summary, legend_top + legend_height + 4, body + placed)


def empty_chart(chart_id: str, title: str, lang: Language, header: tuple[str, ...]) -> Chart:
    """A small, valid chart saying there is nothing to show yet, with the same title and table header."""
    summary = NO_DATA_SUMMARY.get(lang)
    body = tag(
        "rect", {"x": 1, "y": 1, "width": VIEW_WIDTH - 2, "height": 62, "rx": 6, "fill": WASH, "stroke": LINE}
    )
    body += label(VIEW_WIDTH / 2, 37, NO_DATA.get(lang), size=14, anchor="middle", fill=MUTED)
    return Chart(
        svg=document(chart_id, title, summary, 64, body), title=title, summary=summary, table=[header]
    )
