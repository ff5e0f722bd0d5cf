"""One warning for the runner: what it says, how serious it is, its source and where to read more.

Each warning carries a code, a severity (info, warn, alert), a title and an explanation in Dutch and
English with the runner's own numbers in them, the key of its source (core.sources, or the metric
sources waiting to move there), a link into the knowledge pages, and the numbers as data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from ..text import T, Text
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


_MONTHS = (
    ("januari", "January"),
    ("februari", "February"),
    ("maart", "March"),
    ("april", "April"),
    ("mei", "May"),
    ("juni", "June"),
    ("juli", "July"),
    ("augustus", "August"),
    ("september", "September"),
    ("oktober", "October"),
    ("november", "November"),
    ("december", "December"),
)


def date_text(day: int) -> Text:
    """A local day as "29 maart" / "29 March"."""
    when = day_date(day)
    nl, en = _MONTHS[when.month - 1]
    return T(f"{when.day} {nl}", f"{when.day} {en}")


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
