"""Shapes of the content. Plain frozen dataclasses so templates, the PDF and the terminal read the same data."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import Text


@dataclass(frozen=True, slots=True)
class EvidenceNote:
    """Where the evidence differs from the clinic page: both sides, and the source of the evidence."""

    key: str
    topic: Text
    seed_says: Text
    evidence_says: Text
    what_we_do: Text
    sources: tuple[str, ...]  # keys into core.sources.SOURCES


@dataclass(frozen=True, slots=True)
class Cause:
    """One of the clinic page's six causes of knee pain in runners. key matches the self-check's cause codes."""

    key: str  # overload | weak_muscles | technique | worn_shoes | stiffness | recovery
    title: Text
    summary: Text
    why: tuple[Text, ...]
    signals: tuple[Text, ...]
    what_to_do: tuple[Text, ...]
    evidence: tuple[str, ...] = ()  # keys of EvidenceNote


@dataclass(frozen=True, slots=True)
class Action:
    """One of the six things a runner can do: stop, cool, move differently, strengthen, shoes, gait analysis."""

    key: str  # rest | cooling | cross_training | strength | shoes | gait_analysis
    title: Text
    summary: Text
    why: tuple[Text, ...]
    protocol: tuple[Text, ...]
    tip: Text | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Exercise:
    key: str
    name: Text
    purpose: Text
    how: tuple[Text, ...]
    dose: Text
    kind: str = "strength"  # strength | mobility


@dataclass(frozen=True, slots=True)
class Figure:
    value: str  # already language-neutral, e.g. "3x", "4-6", "600-800"
    unit: Text
    caption: Text


@dataclass(frozen=True, slots=True)
class Question:
    question: Text
    answer: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """A page of prose: a title, an introduction and optional bullet points."""

    key: str
    title: Text
    intro: tuple[Text, ...]
    points: tuple[Text, ...] = field(default_factory=tuple)
    evidence: tuple[str, ...] = ()
