"""What the API takes and gives, as pydantic schemas: the OpenAPI document is built from these."""

from __future__ import annotations

from datetime import date as Date
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from kniewijs.core.answers import FIELDS
from kniewijs.training.models import PAIN_LOCATIONS

# "" is "not noted", as in the web form.
PainLocation = Literal[("", *(value for value, _label in PAIN_LOCATIONS))]  # type: ignore[valid-type]


class FieldErrorOut(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    code: str = Field(description="A stable, machine-readable code, e.g. unauthorized, invalid, too_large.")
    message: str = Field(
        description="What went wrong, in the language of Accept-Language (Dutch by default)."
    )
    errors: list[FieldErrorOut] = Field(default_factory=list, description="One entry per bad field.")


# --- activities ---------------------------------------------------------------------------------------
class ImportedActivityOut(Schema):
    id: int
    sport: str
    start: str = Field(description="ISO 8601, UTC")
    distance_m: float | None
    duration_s: float | None = Field(description="Moving time when the file gives it, else the elapsed time.")
    moving_s: float | None = Field(None, description="Time in motion: pauses and standing still left out.")
    elapsed_s: float | None = Field(None, description="First to last moment, pauses included.")
    pauses: int = Field(
        0, description="Pauses inside the recording (the device paused, or a gap between tracks)."
    )
    sport_source: Literal["file", "guessed", "runner"] = Field(
        "file", description="Who decided the sport: the file, a guess from the data, or the runner."
    )
    sport_guess: str | None = Field(None, description="Why the sport was guessed, in the requested language.")
    partial: str | None = Field(
        None, description="What was lost when the file stops early or is damaged, in the requested language."
    )
    records: int


class ImportedFileOut(Schema):
    file: str = Field(description="The file's name, or zip!member for a member of an archive.")
    status: Literal["imported", "duplicate", "rejected", "skipped"]
    reason: str | None = Field(description="Why it was not imported, in the requested language.")
    activity: ImportedActivityOut | None = Field(description="The first (usually only) activity stored.")
    activities: list[ImportedActivityOut] = Field(description="Every activity stored from this file.")
    new_shoes: list[str] = Field(
        [], description="Shoes a spreadsheet named that were created for the runner."
    )
    note: str | None = Field(
        None, description="What the import did besides storing, in the requested language."
    )


class ImportJobOut(Schema):
    """An upload's import job: answered at once by POST /activities (202), then polled at `url`."""

    id: str = Field(description="The job's id.")
    status: Literal["waiting", "running", "done", "failed"] = Field(
        description="waiting (in the queue), running, done, or failed (stopped by an error; what was "
        "imported before it is kept)."
    )
    position: int | None = Field(
        description="While waiting for a free slot: the place in the import queue, 1 being next."
    )
    url: str = Field(description="Where to poll this job (GET, a read or write token).")
    page: str = Field(description="The job's page on the website, for the runner.")
    done: int = Field(description="Uploads read so far (one per upload).")
    total: int
    imported: int
    duplicates: int
    rejected: int
    skipped: int
    files: list[ImportedFileOut] = Field(
        description="One entry per file met so far, archive members included."
    )
    message: str | None = Field(
        description="When the job is finished and nothing could be imported: why (the first file's reason)."
    )


# --- daily entries ------------------------------------------------------------------------------------
class DailyEntryIn(Schema):
    """JSON types are taken as JSON means them (no "5" for 5, no 1 for true): a client that mixes them up
    hears so."""

    date: Date = Field(description="The runner's local date, YYYY-MM-DD.")
    pain_during: int | None = Field(None, ge=0, le=10, description="Knee pain while running, 0-10.")
    pain_after: int | None = Field(None, ge=0, le=10, description="Knee pain right after, 0-10.")
    pain_next_morning: int | None = Field(None, ge=0, le=10, description="Knee pain the next morning, 0-10.")
    sleep_hours: float | None = Field(None, strict=True, ge=0, le=24)
    resting_heart_rate: int | None = Field(None, ge=25, le=140, description="Beats per minute.")
    pain_location: PainLocation = ""  # type: ignore[valid-type]
    swelling: bool = Field(False, strict=True)
    # No NUL characters: the form refuses them, and PostgreSQL cannot store them.
    note: str = Field("", strict=True, max_length=500, pattern=r"^[^\x00]*$")

    @field_validator("pain_during", "pain_after", "pain_next_morning", "resting_heart_rate", mode="before")
    @classmethod
    def _number_is_a_number(cls, value: Any) -> Any:
        """3 and 3.0 are the same JSON integer; "3" and true are not numbers at all."""
        if isinstance(value, bool | str):
            raise PydanticCustomError("int_type", "Input should be a valid integer")
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _date_is_text(cls, value: Any) -> Any:
        """pydantic would read a number as seconds since 1970; a day is only ever written as text."""
        if not isinstance(value, str):
            raise PydanticCustomError("date_type", "Input should be a date written as YYYY-MM-DD")
        return value


class DailyEntryOut(Schema):
    id: int
    date: Date
    pain_during: int | None
    pain_after: int | None
    pain_next_morning: int | None
    sleep_hours: float | None
    resting_heart_rate: int | None
    pain_location: str
    swelling: bool
    note: str
    created: bool = Field(description="True when this call made the day's entry, false when it replaced it.")


# --- warnings and weeks -------------------------------------------------------------------------------
class WarningOut(Schema):
    code: str
    severity: Literal["info", "warn", "alert"]
    title: str
    explanation: str
    source: str
    citation: str
    link: str = Field(description="The knowledge page that explains it, e.g. oorzaken#overload.")
    url: str = Field(description="The address of that page in the requested language.")
    numbers: dict[str, float | str | None]


class WarningsOut(Schema):
    today: Date
    time_zone: str
    language: Literal["nl", "en"]
    warnings: list[WarningOut]


class WeekOut(Schema):
    iso_year: int
    iso_week: int
    monday: Date
    complete: bool
    running_km: float | None
    ten_percent_limit_km: float | None = Field(
        description="The previous week's running km plus 10%: more than this breaks the 10% rule."
    )
    growth_percent: float | None
    breaks_ten_percent_rule: bool
    running_sessions: int
    cross_training_km: float | None
    cross_training_minutes: float | None
    cross_training_sessions: int
    rest_days: int
    monotony: float | None
    strain: float | None
    highest_pain: float | None
    cadence_spm: float | None
    vertical_oscillation_mm: float | None
    ground_contact_ms: float | None
    stride_length_m: float | None


class WeeksOut(Schema):
    today: Date
    time_zone: str
    weeks: list[WeekOut]


# --- self-check ---------------------------------------------------------------------------------------
class EvidenceOut(Schema):
    key: str
    text: str
    what_we_do: str
    sources: list[str]


class ReasonOut(Schema):
    code: str
    level: str
    text: str
    source: str
    evidence: EvidenceOut | None = None


class OpenQuestionOut(Schema):
    field: str
    question: str


class ClueOut(Schema):
    text: str
    points: int
    fields: list[str]
    source: str


class CauseOut(Schema):
    cause: str
    score: float
    rank: int
    tied: bool
    because: list[str]
    clues: list[ClueOut]


class SelfCheckOut(Schema):
    """The same object as `kniewijs check --json` prints (shared/contracts/selfcheck-result.md)."""

    level: Literal["emergency", "urgent", "gp", "physio", "self_care"]
    level_title: str
    advice: str
    reasons: list[ReasonOut]
    causes: list[CauseOut]
    condition_hint: str | None
    condition_hint_text: str | None
    plan: dict[str, Any]
    unanswered_safety: list[str]
    unanswered_questions: list[OpenQuestionOut]
    disclaimer: str
    language: Literal["nl", "en"]


def _answer_schema(
    kind: str, minimum: float | None, maximum: float | None, choices: list[str]
) -> dict[str, Any]:
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "choice":
        return {"type": "string", "enum": choices}
    if kind == "multi":
        return {"type": "array", "items": {"type": "string", "enum": choices}}
    schema: dict[str, Any] = {"type": "integer" if kind == "int" else "number"}
    if minimum is not None:
        schema["minimum"] = minimum
    if maximum is not None:
        schema["maximum"] = maximum
    return schema


def answers_json_schema() -> dict[str, Any]:
    """The self-check answers, built from the core's own field catalogue: every field optional."""
    properties = {
        spec.name: {
            # null is "not asked / unknown", the same as leaving the field out
            "anyOf": [
                _answer_schema(spec.kind, spec.minimum, spec.maximum, [c.value for c in spec.choices]),
                {"type": "null"},
            ],
            "description": spec.label.en,
        }
        for spec in FIELDS
    }
    return {"type": "object", "properties": properties, "additionalProperties": True}
