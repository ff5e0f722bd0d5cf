"""The API's operations. Each one works on the token owner's data only: `request.auth.owner` is the only
user any of them ever reads or writes."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field as SchemaField
from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile

from kniewijs.core import metrics
from kniewijs.core.answers import InvalidAnswers, parse_answers
from kniewijs.core.selfcheck import evaluate, result_to_dict
from kniewijs.core.text import Language, normalise_language
from kniewijs.training.forms import DailyEntryForm
from kniewijs.training.history import report_for
from kniewijs.training.importing import FileResult, describe, import_bytes
from kniewijs.training.models import DailyEntry
from kniewijs.web.templatetags.kniewijs import knowledge_url

from .auth import PerTokenRate, TokenAuth
from .errors import ApiProblem, body, invalid_input_message
from .language import in_client_language
from .models import ApiToken
from .schemas import (
    DailyEntryIn,
    DailyEntryOut,
    ErrorOut,
    ImportOut,
    ImportRejectedOut,
    SelfCheckOut,
    WarningsOut,
    WeeksOut,
    answers_json_schema,
)

READ = TokenAuth("read")
WRITE = TokenAuth("write")
RATE = PerTokenRate()
# Every operation can answer these; listing them keeps the schema honest for clients and for Schemathesis.
COMMON: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut}

router = Router(throttle=[RATE])
router.add_decorator(in_client_language, mode="view")


def _language() -> Language:
    return normalise_language(get_language())


def _owner(request: HttpRequest) -> Any:
    token = request.auth  # type: ignore[attr-defined]
    assert isinstance(token, ApiToken)
    return token.owner


# --- POST /activities ---------------------------------------------------------------------------------
def _file_dict(result: FileResult, lang: Language) -> dict[str, Any]:
    """The import-result contract's object for one file (as `kniewijs import --json`), with activity ids."""
    out = result.to_dict(lang)
    activities = [{"id": a.pk, **describe(a)} for a in result.activities]
    out["activity"] = activities[0] if activities else None
    out["activities"] = activities
    return out


@router.post(
    "/activities",
    auth=WRITE,
    response={
        200: ImportOut,
        201: ImportOut,
        413: ErrorOut,
        422: ImportRejectedOut,
        **{k: v for k, v in COMMON.items() if k != 422},
    },
    url_name="activities",
    operation_id="push_activity",
    summary="Push one activity file",
    description=(
        "Multipart upload of one FIT, GPX, TCX or CSV file, or a zip of a Garmin or Strava export, imported "
        "exactly as the web upload and `kniewijs import` do. 201 when something was stored, 200 when every "
        "run was already known, 422 when nothing could be read (nothing is stored), 413 when the file is "
        "larger than the server's upload limit."
    ),
)
def push_activity(request: HttpRequest, file: File[UploadedFile]) -> Status[dict[str, Any]]:
    limit = settings.KNIEWIJS_MAX_UPLOAD_BYTES
    if file.size is None or file.size > limit:
        raise ApiProblem(
            413,
            "too_large",
            _(
                "The file is larger than %(mb)d MB. Split the export into smaller parts, or use kniewijs import."
            )
            % {"mb": limit // (1024 * 1024)},
        )
    lang = _language()
    name = (file.name or "bestand")[:200]
    results = list(import_bytes(_owner(request), name, file.read()))
    files = [_file_dict(r, lang) for r in results]
    counts = {
        s: sum(1 for r in results if r.status == s) for s in ("imported", "duplicate", "rejected", "skipped")
    }
    if not results or counts["rejected"] == len(results):
        first = next((r.reason for r in results if r.reason is not None), None)
        message = first.get(lang) if first else _("The file holds no activity that could be read.")
        return Status(422, {**body("unreadable", message), "files": files})
    summary = {
        "imported": counts["imported"],
        "duplicates": counts["duplicate"],
        "rejected": counts["rejected"],
        "skipped": counts["skipped"],
        "files": files,
    }
    return Status(201 if counts["imported"] else 200, summary)


# --- POST /daily-entries ------------------------------------------------------------------------------
def _save_entry(owner: Any, payload: DailyEntryIn) -> tuple[DailyEntry, bool]:
    """The web form's validation and save; the day's entry is replaced whole when it exists."""
    data = {key: ("" if value is None else value) for key, value in payload.dict().items()}
    data["date"] = payload.date.isoformat()
    with transaction.atomic():
        existing = DailyEntry.objects.select_for_update().filter(user=owner, date=payload.date).first()
        form = DailyEntryForm(data, instance=existing or DailyEntry(user=owner))
        if not form.is_valid():
            errors = [(name, str(messages[0])) for name, messages in form.errors.items()]
            raise ApiProblem(422, "invalid", invalid_input_message(), errors)
        entry = form.save(commit=False)
        entry.user = owner
        entry.save()
    return entry, existing is None


def _entry_out(entry: DailyEntry, created: bool) -> dict[str, Any]:
    fields = ("id", "date", "pain_during", "pain_after", "pain_next_morning", "sleep_hours")
    more = ("resting_heart_rate", "pain_location", "swelling", "note")
    return {**{f: getattr(entry, f) for f in fields + more}, "created": created}


@router.post(
    "/daily-entries",
    auth=WRITE,
    response={200: DailyEntryOut, 201: DailyEntryOut, **COMMON},
    url_name="daily_entries",
    operation_id="add_daily_entry",
    summary="Add or replace the entry for one day",
    description=(
        "One entry per day. Posting a date that already has an entry replaces that entry as a whole "
        "(fields left out become empty), so sending the same body twice changes nothing: 201 the first "
        "time, 200 after that. Validated exactly like the web form."
    ),
)
def add_daily_entry(request: HttpRequest, payload: DailyEntryIn) -> Status[dict[str, Any]]:
    owner = _owner(request)
    try:
        entry, created = _save_entry(owner, payload)
    except IntegrityError:
        # Another request made the same day's entry between our look-up and our insert: replace that one.
        entry, created = _save_entry(owner, payload)
    return Status(201 if created else 200, _entry_out(entry, created))


# --- GET /warnings, GET /weeks ------------------------------------------------------------------------
def _refuse_unknown_parameters(request: HttpRequest, known: set[str]) -> None:
    """A misspelt parameter (?week=4) is an error, not silently the default."""
    unknown = sorted(set(request.GET) - known)
    if unknown:
        errors = [(name or "(empty)", _("This endpoint has no such parameter.")) for name in unknown]
        raise ApiProblem(422, "invalid", invalid_input_message(), errors)


@router.get(
    "/warnings",
    auth=READ,
    response={200: WarningsOut, **COMMON},
    url_name="warnings",
    operation_id="get_warnings",
    summary="The runner's warnings for today",
    description="The warnings the dashboard shows, most serious first, in the language of Accept-Language.",
)
def warnings(request: HttpRequest) -> dict[str, Any]:
    _refuse_unknown_parameters(request, set())
    lang = _language()
    data = metrics.report_to_dict(report_for(_owner(request)), lang)
    for warning in data["warnings"]:
        warning["url"] = request.build_absolute_uri(knowledge_url(warning["link"]))
    return {key: data[key] for key in ("today", "time_zone", "language", "warnings")}


class WeeksQuery(Schema):
    weeks: int = SchemaField(16, ge=1, le=520, description="How many of the latest weeks, 1-520.")


@router.get(
    "/weeks",
    auth=READ,
    response={200: WeeksOut, **COMMON},
    url_name="weeks",
    operation_id="get_weeks",
    summary="Running km per ISO week, with the 10% band",
    description=(
        "The latest weeks (Monday to Sunday in the runner's time zone), oldest first, up to today. "
        "ten_percent_limit_km is the previous week's km plus 10%."
    ),
)
def weeks(request: HttpRequest, query: Query[WeeksQuery]) -> dict[str, Any]:
    _refuse_unknown_parameters(request, {"weeks"})
    data = metrics.report_to_dict(report_for(_owner(request)), _language())
    rows = data["weeks"]
    for previous, row in zip([None, *rows[:-1]], rows, strict=True):
        km = previous["running_km"] if previous else None
        row["ten_percent_limit_km"] = round(km * 1.1, 1) if km else None
    return {"today": data["today"], "time_zone": data["time_zone"], "weeks": rows[-query.weeks :]}


# --- POST /selfcheck ----------------------------------------------------------------------------------
@router.post(
    "/selfcheck",
    auth=None,
    response={200: SelfCheckOut, 400: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    url_name="selfcheck",
    operation_id="run_selfcheck",
    summary="Run the knee self-check",
    description=(
        "The body is the answers object that `kniewijs check --answers` reads; every field is optional. "
        "The answer is the object `kniewijs check --json` prints. Nothing is stored; no token is needed."
    ),
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": answers_json_schema()}}}
    },
)
def selfcheck(request: HttpRequest) -> Status[dict[str, Any]]:
    lang = _language()
    try:
        raw = json.loads(request.body or b"null")
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise ApiProblem(400, "bad_request", _("The request body could not be read as JSON.")) from None
    try:
        answers = parse_answers(raw)
    except InvalidAnswers as exc:
        errors = [(e.field, e.message.get(lang)) for e in exc.errors]
        raise ApiProblem(422, "invalid", invalid_input_message(), errors) from None
    return Status(200, result_to_dict(evaluate(answers), lang))
