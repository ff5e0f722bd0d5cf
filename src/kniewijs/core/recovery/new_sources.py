"""Look-up of the sources the recovery programme names; they all live in core.sources.SOURCES."""

from __future__ import annotations

from ..sources import SOURCES, Source

NEW_SOURCES: dict[str, Source] = {}  # every source has moved to core.sources


def source(key: str) -> Source:
    """The source behind a key; KeyError when unknown."""
    found = SOURCES.get(key)
    if found is None:
        raise KeyError(f"unknown source key {key!r}")
    return found
