"""The API's language comes from Accept-Language alone.

The site's LocaleMiddleware treats every address without a language prefix as Dutch, which is right for
pages but would ignore what an API client asks for; so each API call switches to the language it asked for
(Dutch when it asks for nothing we speak), including for the 401, 403 and 429 answers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from kniewijs.core.text import DEFAULT_LANGUAGE, LANGUAGES, Language


def accepted_language(header: str) -> Language:
    """The first of our languages in an Accept-Language header, by preference (q) and then by order."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        language = tag.strip().lower().split("-")[0]
        if language in LANGUAGES and quality > 0:
            ranked.append((-quality, position, language))
    return sorted(ranked)[0][2] if ranked else DEFAULT_LANGUAGE  # type: ignore[return-value]


def in_client_language(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A ninja view decorator (mode "view": it wraps authentication and throttling too)."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = accepted_language(request.headers.get("Accept-Language", ""))
        with translation.override(language):
            response = run(request, *args, **kwargs)
        response["Content-Language"] = language
        return response

    return wrapper
