"""The API's operations. Each one works on the token owner's data only: `request.auth.owner` is the only
user any of them ever reads or writes."""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
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
from kniewijs.training.jobs import UploadRefused, create_job, resume_if_abandoned, start_job
from kniewijs.training.models import DailyEntry, ImportJob
from kniewijs.training.queue import place_of
from kniewijs.web.templatetags.kniewijs import knowledge_url

from .auth import PerTokenRate, TokenAuth
from .errors import ApiProblem, invalid_input_message
from .language import in_client_language
from .models import ApiToken
from .schemas import (
    DailyEntryIn,
    DailyEntryOut,
    ErrorOut,
    ImportJobOut,
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


# --- POST /activities, GET /imports?job= ------------------------------------------------------------
# An upload is never imported while the request waits: a large export took minutes and held a web process
# (and, through it, other runners' pages) all that time. It becomes an import job, like a web upload.
REFUSAL_STATUS = {"empty": 422, "over_quota": 413, "too_many_imports": 429}


def _file_out(entry: dict[str, Any], lang: Language) -> dict[str, Any]:
    """A job's stored result for one file, in the import-result contract's form, the reason in `lang`."""
    reasons = entry.get("reasons") or {}
    notes = entry.get("notes") or {}
    activities = [_activity_out(a, lang) for a in entry.get("activities") or []]
    return {
        "file": entry["file"],
        "status": entry["status"],
        "reason": reasons.get(lang, entry.get("reason")),
        "activity": activities[0] if activities else None,
        "activities": activities,
        "new_shoes": entry.get("new_shoes") or [],
        "note": notes.get(lang, entry.get("note")),
    }


def _activity_out(stored: dict[str, Any], lang: Language) -> dict[str, Any]:
    """A stored activity of a job's result, its texts (guessed sport, cut-off note) in `lang`."""
    texts = stored.get("texts") or {}
    return {k: v for k, v in stored.items() if k != "texts"} | texts.get(lang, {})


def _job_out(request: HttpRequest, job: ImportJob) -> dict[str, Any]:
    lang = _language()
    files = [_file_out(entry, lang) for entry in job.results if "status" in entry]
    counts = {
        s: sum(1 for f in files if f["status"] == s) for s in ("imported", "duplicate", "rejected", "skipped")
    }
    message = None
    if job.status == ImportJob.Status.FAILED:
        message = _("The import stopped because of an error. What was imported before it is kept.")
    elif job.status == ImportJob.Status.DONE and not counts["imported"] and not counts["duplicate"]:
        message = next((f["reason"] for f in files if f["reason"]), None) or _(
            "The file holds no activity that could be read."
        )
    place = place_of(job)
    return {
        "id": str(job.pk),
        "status": job.status,
        "position": place.position if place else None,
        "url": request.build_absolute_uri(f"{reverse('api_v1:import_job')}?job={job.pk}"),
        "page": request.build_absolute_uri(reverse("training:job", args=[job.pk])),
        "done": job.done,
        "total": job.total,
        "imported": counts["imported"],
        "duplicates": counts["duplicate"],
        "rejected": counts["rejected"],
        "skipped": counts["skipped"],
        "files": files,
        "message": message,
    }


@router.post(
    "/activities",
    auth=WRITE,
    response={202: ImportJobOut, 413: ErrorOut, **COMMON},
    url_name="activities",
    operation_id="push_activity",
    summary="Push one activity file",
    description=(
        "Multipart upload of one FIT, GPX, TCX or CSV file, or a zip of a Garmin or Strava export, imported "
        "exactly as the web upload and `kniewijs import` do. Answered at once with 202 and the import job "
        "(also in `Location`); poll its `url` until `status` is done or failed. 413 when the file is larger "
        "than the server's upload limit (code too_large) or does not fit in the account's storage (code "
        "over_quota), 422 for an empty file, 429 with code too_many_imports when the account already has "
        "as many imports waiting as it may. Nothing is kept when the upload is refused."
    ),
)
def push_activity(
    request: HttpRequest, response: HttpResponse, file: File[UploadedFile]
) -> Status[dict[str, Any]]:
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
    if not file.name:
        file.name = "bestand"
    try:
        job = create_job(_owner(request), [file])
    except UploadRefused as refused:
        raise ApiProblem(REFUSAL_STATUS[refused.code], refused.code, refused.message) from None
    start_job(job)
    job.refresh_from_db()  # inline (in tests) it may be finished already
    answer = _job_out(request, job)
    response["Location"] = answer["url"]
    return Status(202, answer)


class ImportJobQuery(Schema):
    job: uuid.UUID = SchemaField(description="The job's id, as POST /activities gave it.")


# The job's id is a query parameter, not part of the path: the address is one pattern without arguments,
# like every other operation here.
@router.get(
    "/imports",
    auth=READ,
    response={200: ImportJobOut, 404: ErrorOut, **COMMON},
    url_name="import_job",
    operation_id="get_import_job",
    summary="An upload's import job",
    description=(
        "The job POST /activities made: its place in the queue while it waits, and the result per file "
        "(as `kniewijs import --json`, with the stored activities' ids) as they come. 404 for a job that is "
        "not the token owner's."
    ),
)
def import_job(request: HttpRequest, query: Query[ImportJobQuery]) -> dict[str, Any]:
    _refuse_unknown_parameters(request, {"job"})
    job = ImportJob.objects.filter(pk=query.job, user=_owner(request)).first()
    if job is None:
        raise ApiProblem(404, "not_found", _("There is no such import job."))
    if resume_if_abandoned(job):
        job.refresh_from_db()
    return _job_out(request, job)


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
