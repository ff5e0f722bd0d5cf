"""Bilingual text: the single source for every sentence of domain content.

Dutch is the language the product is written in; English is the second language. Interface chrome
(buttons, form errors, navigation) goes through gettext in the Django layer; domain content (the
knowledge pages, questions, rule reasons and the plan) lives here once, so the web pages, the PDF and
the terminal all show the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
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
