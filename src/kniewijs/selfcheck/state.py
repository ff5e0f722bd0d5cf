"""The self-check answers as they travel in a hidden form field, from step to step and on to the booking
pages: size-capped and checked by the core exactly like fresh answers."""

from __future__ import annotations

import json
from typing import Any

from kniewijs.core.answers import InvalidAnswers, parse_answers

MAX_STATE_BYTES = 8192


class BadState(ValueError):
    """The field cannot be read as self-check answers."""


def load_state(raw: str | None) -> dict[str, Any]:
    """The answers in the field; {} when it is empty."""
    if not raw:
        return {}
    if len(raw) > MAX_STATE_BYTES:
        raise BadState("too large")
    try:
        data = json.loads(raw)
        parse_answers(data)
    except (ValueError, InvalidAnswers) as exc:
        raise BadState(str(exc)) from exc
    if not isinstance(data, dict):
        raise BadState("not an object")
    return data
