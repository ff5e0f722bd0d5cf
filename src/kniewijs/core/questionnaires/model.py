"""Shapes and scoring shared by the knee questionnaires (Kujala AKPS, KOOS-PF).

A questionnaire is a tuple of items; each item offers options and each option has the points its manual
gives. `score` turns one runner's answers into a score, or into no score with the reason why, following the
questionnaire's own rule for missing answers. `trend` marks changes over time of at least the minimal
important change (MIC). The sources of every rule are in docs/questionnaires.md and in the modules
`kujala` and `koos_pf`.

Item and option labels are Kniewijs' own short wording, not the official validated sentences (see the
docs); only the points come from the manuals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from ..text import T, Text

# The KOOS manual scores every item 0 (none) to 4 (extreme).
KOOS_ITEM_MAX = 4
# Scores such as 100 - 25 x mean carry float rounding; a change 1e-9 short of the MIC still counts as reaching it.
_MIC_TOLERANCE = 1e-9


class Scoring(Enum):
    """How item points become a score."""

    # Kujala 1993: the total is the sum of the item points (0-100, higher is better).
    SUM = "sum"
    # KOOS User's Guide / KOOS Scoring 2012: 100 - mean item score x 100/4 (0-100, higher is better).
    KOOS = "koos"


@dataclass(frozen=True, slots=True)
class Option:
    value: str  # stable key, stored with the answers
    label: Text
    points: int  # as the questionnaire's manual assigns them


@dataclass(frozen=True, slots=True)
class Item:
    key: str
    label: Text
    options: tuple[Option, ...]

    def __post_init__(self) -> None:
        values = [option.value for option in self.options]
        if len(values) < 2 or len(set(values)) != len(values):
            raise ValueError(f"item {self.key!r} needs at least two options with distinct values")

    @property
    def max_points(self) -> int:
        return max(option.points for option in self.options)

    @property
    def min_points(self) -> int:
        return min(option.points for option in self.options)

    def option(self, value: object) -> Option:
        """The option with this value; a ValueError naming the item when there is none."""
        for option in self.options:
            if option.value == value:
                return option
        expected = ", ".join(option.value for option in self.options)
        raise ValueError(f"item {self.key!r} has no option {value!r}; expected one of: {expected}")


@dataclass(frozen=True, slots=True)
class Questionnaire:
    key: str
    name: Text
    items: tuple[Item, ...]
    scoring: Scoring
    min_answered: int  # fewer answered items give no score
    minimal_important_change: float  # in score points, for one person's change over time
    source: str  # the publication the items and points come from
    missing_rule: Text  # the rule for unanswered items, in words

    def __post_init__(self) -> None:
        keys = [item.key for item in self.items]
        if not keys or len(set(keys)) != len(keys):
            raise ValueError(f"questionnaire {self.key!r} needs items with distinct keys")
        if not 1 <= self.min_answered <= len(self.items):
            raise ValueError(f"questionnaire {self.key!r}: min_answered must lie in 1..{len(self.items)}")
        if self.scoring is Scoring.SUM and self.min_answered != len(self.items):
            # A sum over fewer items is not on the same 0-100 scale; no source prorates it.
            raise ValueError(f"questionnaire {self.key!r}: a summed score needs every item answered")
        if self.scoring is Scoring.KOOS:
            for item in self.items:
                if item.min_points != 0 or item.max_points != KOOS_ITEM_MAX:
                    raise ValueError(f"item {item.key!r}: KOOS items are scored 0 to {KOOS_ITEM_MAX}")
        if self.minimal_important_change <= 0:
            raise ValueError(f"questionnaire {self.key!r}: the minimal important change must be positive")

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise ValueError(f"questionnaire {self.key!r} has no item {key!r}")

    @property
    def max_score(self) -> float:
        if self.scoring is Scoring.SUM:
            return float(sum(item.max_points for item in self.items))
        return 100.0


@dataclass(frozen=True, slots=True)
class Score:
    value: float | None  # None when too few items are answered
    answered: int
    missing: tuple[str, ...]  # item keys, in questionnaire order
    reason: Text | None  # why there is no score; None when there is one


_NO_SCORE = T(
    "Geen score: {answered} van de {total} vragen beantwoord, en voor de {name} zijn er minstens "
    "{needed} nodig. {rule}",
    "No score: {answered} of {total} questions answered, and the {name} needs at least {needed}. {rule}",
)


def score(questionnaire: Questionnaire, answers: Mapping[str, str | None]) -> Score:
    """Score one set of answers: item key -> option value; an absent item or None is unanswered.

    An item key or option value the questionnaire does not know raises ValueError naming the item, so a
    tampered or outdated form cannot produce a silently wrong score. Scoring rules: Kujala et al. 1993
    (sum of points, every item needed) and KOOS Scoring 2012 (100 - mean x 25, at least half the items
    needed); see the questionnaire modules for the sources.
    """
    for key in answers:
        questionnaire.item(key)  # raises for an unknown item
    points: list[int] = []
    missing: list[str] = []
    for item in questionnaire.items:
        value = answers.get(item.key)
        if value is None:
            missing.append(item.key)
        else:
            points.append(item.option(value).points)
    answered = len(points)
    if answered < questionnaire.min_answered:
        reason = _NO_SCORE.format(
            answered=answered,
            total=len(questionnaire.items),
            needed=questionnaire.min_answered,
            name=questionnaire.name,
            rule=questionnaire.missing_rule,
        )
        return Score(value=None, answered=answered, missing=tuple(missing), reason=reason)
    return Score(
        value=_value(questionnaire.scoring, points), answered=answered, missing=tuple(missing), reason=None
    )


def _value(scoring: Scoring, points: Sequence[int]) -> float:
    if scoring is Scoring.SUM:
        return float(sum(points))
    # 100 - (sum / n) x 100 / 4, written so that whole numbers come out exact.
    return 100.0 - (100.0 * sum(points)) / (KOOS_ITEM_MAX * len(points))


class Change(Enum):
    IMPROVED = "improved"  # up by at least the MIC (both questionnaires: higher is better)
    WORSENED = "worsened"  # down by at least the MIC
    NO_IMPORTANT_CHANGE = "no_important_change"  # less than the MIC either way


@dataclass(frozen=True, slots=True)
class TrendPoint:
    on: date
    value: float | None
    change: float | None  # since the previous scored point; None for the first or an unscored point
    verdict: Change | None  # `change` measured against the MIC
    change_since_first: float | None  # since the first scored point (the baseline)
    verdict_since_first: Change | None


def judge_change(change: float, minimal_important_change: float) -> Change:
    """A change counts when it reaches the MIC (>=), with a hair of tolerance for float rounding."""
    if change >= minimal_important_change - _MIC_TOLERANCE:
        return Change.IMPROVED
    if change <= -minimal_important_change + _MIC_TOLERANCE:
        return Change.WORSENED
    return Change.NO_IMPORTANT_CHANGE


def trend(scores: Sequence[tuple[date, float | None]], minimal_important_change: float) -> list[TrendPoint]:
    """Each score in date order with its change since the previous score and since the first.

    Unscored entries (None) stay in the list, so a gap is visible, but are skipped as reference points.
    A change of at least the minimal important change is marked improved or worsened: Kujala 10 points
    (Crossley et al. 2004), KOOS-PF 16 points (Crossley et al. 2018, 16.4).
    """
    if minimal_important_change <= 0:
        raise ValueError("the minimal important change must be positive")
    points: list[TrendPoint] = []
    first: float | None = None
    previous: float | None = None
    for on, value in sorted(scores, key=lambda entry: entry[0]):
        if value is None:
            points.append(TrendPoint(on, None, None, None, None, None))
            continue
        change = None if previous is None else value - previous
        since_first = None if first is None else value - first
        points.append(
            TrendPoint(
                on=on,
                value=value,
                change=change,
                verdict=None if change is None else judge_change(change, minimal_important_change),
                change_since_first=since_first,
                verdict_since_first=(
                    None if since_first is None else judge_change(since_first, minimal_important_change)
                ),
            )
        )
        previous = value
        if first is None:
            first = value
    return points
