"""What an import says about each file: stored, a duplicate, refused or skipped, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from kniewijs.core.text import T, Text

from .models import Activity

NEW_SHOES = T("Nieuwe schoenen aangemaakt: {names}", "New shoes added: {names}")


@dataclass
class FileResult:
    file: str
    status: str  # imported | duplicate | rejected | skipped
    reason: Text | None = None
    activities: list[Activity] = field(default_factory=list)
    # Shoes a spreadsheet named that the runner did not have yet, created by this import.
    new_shoes: list[str] = field(default_factory=list)

    @property
    def note(self) -> Text | None:
        """What the import did besides storing the activities, for the runner to check."""
        if not self.new_shoes:
            return None
        return NEW_SHOES.format(names=", ".join(self.new_shoes))

    def to_dict(self, lang: str) -> dict[str, Any]:
        described = [describe(a, lang) for a in self.activities]
        note = self.note
        out: dict[str, Any] = {
            "file": self.file,
            "status": self.status,
            "reason": self.reason.get(lang) if self.reason else None,
            "activity": described[0] if described else None,
            "new_shoes": list(self.new_shoes),
            "note": note.get(lang) if note else None,
        }
        if len(described) > 1:
            out["activities"] = described
        return out

    def to_job_dict(self, lang: str) -> dict[str, Any]:
        """What an import job keeps of the result: `to_dict`, with the reason in both languages (the API
        answers in the client's) and the stored activities with their ids."""
        out = self.to_dict(lang)
        if self.reason is not None:
            out["reasons"] = {"nl": self.reason.nl, "en": self.reason.en}
        if self.note is not None:
            out["notes"] = {"nl": self.note.nl, "en": self.note.en}
        out["activities"] = [
            {"id": a.pk, **describe(a, lang), "texts": {code: _texts(a, code) for code in ("nl", "en")}}
            for a in self.activities
        ]
        return out


def _texts(activity: Activity, lang: str) -> dict[str, str | None]:
    """Why the sport was guessed and what a cut-off file lost, in `lang`; None where there is nothing."""
    return {
        "sport_guess": activity.sport_evidence(lang) or None if activity.sport_source == "guessed" else None,
        "partial": activity.partial_note(lang) or None if activity.is_partial else None,
    }


def describe(activity: Activity, lang: str = "nl") -> dict[str, Any]:
    return {
        "sport": activity.sport,
        "start": activity.start.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "distance_m": None if activity.distance_m is None else round(activity.distance_m, 1),
        "duration_s": None if activity.duration_s is None else round(activity.duration_s, 1),
        "moving_s": None if activity.moving_s is None else round(activity.moving_s, 1),
        "elapsed_s": None if activity.elapsed_s is None else round(activity.elapsed_s, 1),
        "pauses": activity.pauses,
        "sport_source": activity.sport_source,
        "records": activity.records,
        **_texts(activity, lang),
    }
