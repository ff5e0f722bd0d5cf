"""Every error the API gives has one shape: {"code", "message", "errors": [{"field", "message"}]}.

Messages are in the language the client asked for with Accept-Language (LocaleMiddleware has activated it;
Dutch when it asks for nothing we speak). Pydantic's own messages are English only, so a field error is
named by its kind here instead of passing pydantic's sentence on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError


class InsufficientScope(Exception):
    """A read-only token on an endpoint that writes."""


class ApiProblem(Exception):
    """A refusal raised by an endpoint: status, code, message and optional field errors."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        errors: Iterable[tuple[str, str]] = (),
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.errors = list(errors)
        self.extra = extra or {}
        super().__init__(code)


def body(code: str, message: str, errors: Iterable[tuple[str, str]] = ()) -> dict[str, Any]:
    return {"code": code, "message": message, "errors": [{"field": f, "message": m} for f, m in errors]}


def invalid_input_message() -> str:
    return _("Some of the data you sent is not valid; each problem is listed under errors.")


# Pydantic error types, grouped by what the client has to fix.
_REQUIRED = {"missing", "missing_argument"}
_WHOLE_NUMBER = {"int_type", "int_parsing", "int_from_float"}
_NUMBER = {"float_type", "float_parsing", "finite_number"}
_BOOLEAN = {"bool_type", "bool_parsing"}
_DATE = {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_past"}
_TEXT = {"string_type", "string_unicode", "string_sub_type"}
_RANGE = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}
_CHOICE = {"literal_error", "enum"}


def field_message(error_type: str, context: dict[str, Any] | None) -> str:
    context = context or {}
    if error_type in _REQUIRED:
        return _("This field is required.")
    if error_type in _WHOLE_NUMBER:
        return _("Enter a whole number.")
    if error_type in _NUMBER:
        return _("Enter a number.")
    if error_type in _BOOLEAN:
        return _("Enter true or false.")
    if error_type in _DATE:
        return _("Enter a date as YYYY-MM-DD.")
    if error_type in _TEXT:
        return _("Enter text.")
    if error_type == "string_too_long":
        return _("Use at most %(n)s characters.") % {"n": context.get("max_length", "?")}
    if error_type in _RANGE:
        if "ge" in context or "gt" in context:
            return _("This number must be at least %(n)s.") % {"n": context.get("ge", context.get("gt"))}
        return _("This number must be at most %(n)s.") % {"n": context.get("le", context.get("lt"))}
    if error_type in _CHOICE:
        # pydantic lists the values as "'a', 'b' or 'c'"; only its English "or" needs to go.
        choices = str(context.get("expected", "")).replace(" or ", ", ")
        return _("Choose one of: %(choices)s.") % {"choices": choices}
    if error_type in {"model_type", "model_attributes_type", "dict_type"}:
        return _("Send a JSON object.")
    return _("This value is not valid.")


def _location(loc: Iterable[Any]) -> str:
    """('body', 'payload', 'pain_during') -> 'pain_during'; ('query', 'weeks') -> 'weeks'."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "form", "file", "header"}:
        parts = parts[1:]
    if parts and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts) or "(request)"


def install(api: NinjaAPI) -> None:
    """Replace ninja's English `{"detail": ...}` answers by ours."""

    def reply(request: HttpRequest, status: int, payload: dict[str, Any]) -> HttpResponse:
        response = api.create_response(request, payload, status=status)
        response["Cache-Control"] = "no-store"
        return response

    def on_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
        return reply(request, exc.status, {**body(exc.code, exc.message, exc.errors), **exc.extra})

    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [
            (_location(e.get("loc", ())), field_message(e.get("type", ""), e.get("ctx"))) for e in exc.errors
        ]
        return reply(request, 422, body("invalid", invalid_input_message(), errors))

    def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = reply(
            request,
            401,
            body(
                "unauthorized",
                _("A valid API token is needed. Send it as: Authorization: Bearer kw_…"),
            ),
        )
        response["WWW-Authenticate"] = 'Bearer realm="kniewijs"'
        return response

    def on_scope(request: HttpRequest, exc: InsufficientScope) -> HttpResponse:
        return reply(
            request,
            403,
            body("forbidden", _("This token may only read. Create a token with write access for this.")),
        )

    def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        return reply(request, 429, body("rate_limited", _("Too many requests. Wait a moment and try again.")))

    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return reply(request, 404, body("not_found", _("There is nothing at this address.")))

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400:
            return reply(request, 400, body("bad_request", _("The request body could not be read as JSON.")))
        return reply(request, exc.status_code, body("error", str(exc)))

    api.add_exception_handler(ApiProblem, on_problem)
    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(AuthenticationError, on_unauthenticated)
    api.add_exception_handler(InsufficientScope, on_scope)
    api.add_exception_handler(Throttled, on_throttled)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(HttpError, on_http_error)
