"""Look-up of the sources the training-log metrics name; they all live in core.sources.SOURCES."""

from __future__ import annotations

from ..sources import SOURCES, Source


def source(key: str) -> Source:
    """A source by key; KeyError when unknown."""
    if key not in SOURCES:
        raise KeyError(f"unknown source {key!r}")
    return SOURCES[key]
