"""One warning for the runner: what it says, how serious it is, its source and where to read more.

Each warning carries a code, a severity (info, warn, alert), a title and an explanation in Dutch and
English with the runner's own numbers in them, the key of its source (core.sources, or the metric
sources waiting to move there), a link into the knowledge pages, and the numbers as data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal, get_args

from ..text import Language, T, Text, format_day
from .localtime import day_date
from .sources import source

Severity = Literal["info", "warn", "alert"]
SEVERITY_ORDER: tuple[Severity, ...] = ("alert", "warn", "info")
Link = Literal[
    "oorzaken#overload",
    "oorzaken#recovery",
    "oorzaken#worn_shoes",
    "oorzaken#technique",
    "bewijs",
    "waarschuwingssignalen",
    "voorkomen",
]
LINKS: tuple[str, ...] = get_args(Link)


@dataclass(frozen=True, slots=True)
class Warning:  # noqa: A001 - the brief's name; it lives in its own module, away from the builtin
    code: str
    severity: Severity
    title: Text
    explanation: Text
    source: str  # a key of core.sources.SOURCES (or metrics.sources.METRIC_SOURCES)
    link: Link
    numbers: Mapping[str, float | str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        source(self.source)  # raises KeyError for an unknown key
        if self.link not in LINKS:
            raise ValueError(f"unknown knowledge link {self.link!r}")
        if self.severity not in SEVERITY_ORDER:
            raise ValueError(f"unknown severity {self.severity!r}")


def date_text(day: int) -> Text:
    """A local day as "29 maart" / "29 March" (core.text.format_day, style "day_month")."""
    when = day_date(day)
    return T(format_day(when, "nl", "day_month"), format_day(when, "en", "day_month"))


def _span(monday: date, last: date | None, lang: Language) -> str:
    """'ma 23 t/m zo 29 nov' (one month named once), or 'ma 30 nov t/m vandaag' when `last` is None."""
    first = format_day(monday, lang, "weekday_short")
    until = " t/m " if lang == "nl" else " to "
    if last is None:
        return first + until + ("vandaag" if lang == "nl" else "today")
    end = format_day(last, lang, "weekday_short")
    if last.month == monday.month:
        first = first.rsplit(" ", 1)[0]
    return first + until + end


def week_span(monday: date, today: date) -> Text:
    """Just the days of a calendar week: "ma 23 t/m zo 29 nov", or "ma 30 nov t/m vandaag" for this week."""
    this_week = monday == today - timedelta(days=today.weekday())
    last = None if this_week else monday + timedelta(days=6)
    return T(_span(monday, last, "nl"), _span(monday, last, "en"))


def week_words(monday: date, today: date) -> Text:
    """The one name of a calendar week (Monday to Sunday, as running apps show them) on every page:
    "deze week (ma 30 nov t/m vandaag)", "vorige week (ma 23 t/m zo 29 nov)", else "de week van ma 16 t/m
    zo 22 nov". The week that holds `today` runs to today; other weeks to their Sunday."""
    this_monday = today - timedelta(days=today.weekday())
    sunday = monday + timedelta(days=6)
    if monday == this_monday:
        return T(f"deze week ({_span(monday, None, 'nl')})", f"this week ({_span(monday, None, 'en')})")
    if monday == this_monday - timedelta(days=7):
        return T(f"vorige week ({_span(monday, sunday, 'nl')})", f"last week ({_span(monday, sunday, 'en')})")
    year = "" if sunday.year == today.year else f" {sunday.year}"  # an old week needs its year
    return T(
        f"de week van {_span(monday, sunday, 'nl')}{year}", f"the week of {_span(monday, sunday, 'en')}{year}"
    )


def decimals(value: float, places: int) -> Text:
    """A number with a fixed number of decimals, with a decimal comma in Dutch."""
    text = f"{value:.{places}f}"
    return T(text.replace(".", ","), text)


def km_shown(value: float) -> float:
    """Distances are shown to 0.1 km."""
    return round(value, 1)


def as_percent(fraction: float) -> int:
    """0.5 -> 50."""
    return int(round(100 * fraction))
