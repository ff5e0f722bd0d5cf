"""Bilingual text: the single source for every sentence of domain content.

Dutch is the language the product is written in; English is the second language. Interface chrome
(buttons, form errors, navigation) goes through gettext in the Django layer; domain content (the
knowledge pages, questions, rule reasons and the plan) lives here once, so the web pages, the PDF and
the terminal all show the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
DEFAULT_LANGUAGE: Language = "nl"


def normalise_language(code: str | None) -> Language:
    """Map a language code such as 'en-gb' or None to one of ours, Dutch when unknown."""
    if code and code.lower().split("-")[0] == "en":
        return "en"
    return "nl"


def format_number(value: float | int, lang: Language) -> str:
    """Numbers as a reader of that language writes them: 12,5 in Dutch and 12.5 in English."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number to show")
    if isinstance(value, int) or float(value).is_integer():
        text = f"{int(round(value)):d}"
    else:
        text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


@dataclass(frozen=True, slots=True)
class Text:
    nl: str
    en: str

    def get(self, lang: str | None) -> str:
        return self.en if normalise_language(lang) == "en" else self.nl

    def format(self, **params: object) -> Text:
        """Fill {placeholders} in both languages; numbers are written per language."""

        def values(lang: Language) -> dict[str, object]:
            out: dict[str, object] = {}
            for key, value in params.items():
                if isinstance(value, Text):
                    out[key] = value.get(lang)
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    out[key] = format_number(value, lang)
                else:
                    out[key] = value
            return out

        return Text(nl=self.nl.format(**values("nl")), en=self.en.format(**values("en")))

    def __str__(self) -> str:
        return self.nl


def T(nl: str, en: str) -> Text:  # noqa: N802 - short constructor used throughout the content
    return Text(nl=nl, en=en)


# ---- dates: one way of writing them everywhere (pages, charts, PDFs, mails) --------------------------

_MONTH_NAMES: dict[Language, tuple[str, ...]] = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
# Dutch abbreviations after the Taalunie's list (mrt for maart), always lower case, no full stop.
MONTH_ABBREVIATIONS: dict[Language, tuple[str, ...]] = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_WEEKDAYS: dict[Language, tuple[str, ...]] = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_WEEKDAYS_SHORT: dict[Language, tuple[str, ...]] = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
DATE_STYLES = ("short", "short_year", "day", "day_month", "weekday", "weekday_year", "weekday_short")


def format_day(day: date, lang: Language, style: str = "day") -> str:
    """A calendar day in words, the same on every page: 'short' 3 mrt, 'short_year' 3 mrt 2025, 'day'
    3 maart 2025, 'day_month' 3 maart, 'weekday' maandag 3 maart, 'weekday_year' maandag 3 maart 2025,
    'weekday_short' ma 3 mrt. Dutch writes months and weekdays in lower case (Taalunie, Woordenlijst)."""
    if style not in DATE_STYLES:
        raise ValueError(f"unknown date style {style!r}")
    month = day.month - 1
    if style in ("short", "short_year", "weekday_short"):
        words = f"{day.day} {MONTH_ABBREVIATIONS[lang][month]}"
    else:
        words = f"{day.day} {_MONTH_NAMES[lang][month]}"
    if style.startswith("weekday"):
        names = _WEEKDAYS_SHORT if style == "weekday_short" else _WEEKDAYS
        words = f"{names[lang][day.weekday()]} {words}"
    if style in ("short_year", "day", "weekday_year"):
        words = f"{words} {day.year}"
    return words


def format_moment(moment: datetime, lang: Language, style: str = "day") -> str:
    """A local date and time: '3 maart 2025 om 14:05' in Dutch, '3 March 2025 at 14:05' in English."""
    joiner = " om " if lang == "nl" else " at "
    return f"{format_day(moment.date(), lang, style)}{joiner}{moment:%H:%M}"
