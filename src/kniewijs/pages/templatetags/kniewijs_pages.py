"""Template helpers of the pages app."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from kniewijs.core.sources import SOURCES

register = template.Library()


@register.filter
def citations(source_keys: Iterable[str]) -> list[str]:
    """{{ note.sources|citations }}: the full citation of every source key, in order."""
    return [SOURCES[key].citation for key in source_keys]
