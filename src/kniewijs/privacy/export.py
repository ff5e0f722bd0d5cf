"""Everything Kniewijs holds about one runner, as a zip: a JSON and a CSV file per kind of data, the account,
the access-log entries about them and the original files they imported.

The zip is written to a temporary file on disk row by row (querysets are iterated, files copied in chunks),
so a long training history never sits in memory as a whole. Which models go in comes from
`ownership.owned_models()`, so a new model that refers to the user is exported without a change here.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import IO, Any
from uuid import UUID

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from .accesslog import entries_of, explain
from .ownership import NOT_EXPORTED, SECRET_FIELDS, OwnedModel, file_fields, owned_models

ACCOUNT_FIELDS = [
    "id",
    "username",
    "email",
    "first_name",
    "last_name",
    "date_joined",
    "last_login",
    "is_active",
]
ACCESS_LOG_FIELDS = [
    "at",
    "actor_name",
    "actor_role",
    "acting_for",
    "category",
    "part",
    "action",
    "outcome",
    "basis",
    "basis_in_words",
    "detail",
]
# A binary column (a run's track) goes into a file of its own; the README names these (readme.TRACKS).
BINARY_SUFFIX = ".bin"


def _portable(model: Any, name: str, value: bytes) -> bytes:
    """A run's track as a NumPy archive (numpy.load opens it, as the README says), whatever way the
    database packs it (training.tracks)."""
    if model._meta.label_lower != "training.activity" or name != "track":
        return value
    import io

    import numpy as np

    from kniewijs.training import tracks

    track = tracks.unpack(value)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, time=track.time, **track.channels)
    return buffer.getvalue()


def binary_folder(base: str) -> str:
    return f"{base}-binary"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500


def export_filename(today: date | None = None) -> str:
    return f"kniewijs-export-{(today or timezone.localdate()).isoformat()}.zip"


def neutralise(text: str) -> str:
    """A text cell a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_cell(value: Any) -> Any:
    """Numbers stay numbers (a negative distance is not a formula); every text is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, dict | list):
        return neutralise(json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder))
    if isinstance(value, UUID):
        return str(value)
    return neutralise(str(value))


def safe_name(name: str) -> str:
    """A file name that stays inside its folder in the zip."""
    cleaned = re.sub(r"[^\w.\- ]+", "_", name.replace("\\", "/").rsplit("/", 1)[-1].rsplit("!", 1)[-1])
    return cleaned.strip(" .")[:120] or "file"


class ExportWriter:
    """Writes one export zip into `target` and remembers what went in, for the README."""

    def __init__(self, target: IO[bytes], progress: Callable[[], None] | None = None) -> None:
        self.zip = zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED)
        # Called after every row and file: the background run's heartbeat (and where it learns to stop).
        self.progress = progress or (lambda: None)
        self.contents: list[tuple[str, int]] = []  # (base path, rows)
        self.missing: list[str] = []

    def close(self) -> None:
        self.zip.close()

    def table(self, base: str, columns: list[str], rows: Iterable[dict[str, Any]]) -> None:
        """`base`.json (a list of objects) and `base`.csv (a header and one line per row). The rows go to
        temporary files first: a zip takes one entry at a time, and a row may add files of its own."""
        count = 0
        with (
            tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as json_out,
            tempfile.TemporaryFile("w+", encoding="utf-8-sig", newline="") as csv_out,
        ):
            writer = csv.writer(csv_out)
            writer.writerow(columns)
            json_out.write("[")
            for row in rows:
                json_out.write(",\n  " if count else "\n  ")
                json.dump(
                    {k: row.get(k) for k in columns}, json_out, ensure_ascii=False, cls=DjangoJSONEncoder
                )
                writer.writerow([csv_cell(row.get(k)) for k in columns])
                count += 1
                self.progress()
            json_out.write("\n]\n" if count else "]\n")
            for handle, path in ((json_out, f"{base}.json"), (csv_out, f"{base}.csv")):
                handle.flush()
                handle.buffer.seek(0)
                with self.zip.open(path, "w", force_zip64=True) as out:
                    shutil.copyfileobj(handle.buffer, out, 1024 * 1024)
        self.contents.append((base, count))

    def copy_file(self, stored_name: str, zip_path: str) -> bool:
        try:
            with (
                default_storage.open(stored_name, "rb") as source,
                self.zip.open(zip_path, "w", force_zip64=True) as out,
            ):
                shutil.copyfileobj(source, out, 1024 * 1024)
        except (FileNotFoundError, OSError):
            self.missing.append(zip_path)
            return False
        self.progress()
        return True

    def text(self, path: str, content: str) -> None:
        self.zip.writestr(path, content.encode("utf-8"))


def _label_fields(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]]:
    """Foreign keys worth a readable name next to the id (the clinic's name, the shoe's name); not the user."""
    user_model = get_user_model()
    return [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is not user_model and f.name not in SECRET_FIELDS
    ]


def _columns(model: type[models.Model]) -> list[str]:
    columns: list[str] = []
    labelled = {f.name for f in _label_fields(model)}
    for field in model._meta.concrete_fields:
        if field.name in SECRET_FIELDS:
            continue
        columns.append(field.attname)
        if field.name in labelled:
            columns.append(f"{field.name}_label")
    return columns


def _model_rows(writer: ExportWriter, owned: OwnedModel, user_id: int, base: str) -> Iterator[dict[str, Any]]:
    model = owned.model
    labelled = _label_fields(model)
    files = {f.name for f in file_fields(model)}
    queryset = owned.rows_of(user_id).select_related(*[f.name for f in labelled])
    for instance in queryset.iterator(chunk_size=CHUNK):
        row: dict[str, Any] = {}
        for field in model._meta.concrete_fields:
            if field.name in SECRET_FIELDS:
                continue
            value = getattr(instance, field.attname)
            if field.name in files:
                value = _copy_stored(writer, instance, value) if value else None
            elif isinstance(field, models.BinaryField) and value is not None:
                path = f"{binary_folder(base)}/{instance.pk}-{field.name}{BINARY_SUFFIX}"
                writer.zip.writestr(path, _portable(model, field.name, bytes(value)))
                value = path
            row[field.attname] = value
        for field in labelled:
            target = getattr(instance, field.name)
            row[f"{field.name}_label"] = str(target) if target is not None else None
        yield row


def _copy_stored(writer: ExportWriter, instance: models.Model, stored: Any) -> str | None:
    """Copy a stored file into the zip; the row then names the file's place in the zip."""
    original = getattr(instance, "original_name", "") or str(stored)
    zip_path = f"originals/{instance.pk}-{safe_name(original)}"
    return zip_path if writer.copy_file(str(stored), zip_path) else None


def _account_rows(user: Any) -> Iterator[dict[str, Any]]:
    yield {name: getattr(user, name) for name in ACCOUNT_FIELDS}


def _access_log_rows(user: Any) -> Iterator[dict[str, Any]]:
    entries = entries_of(user)
    for offset in range(0, entries.count(), CHUNK):
        for entry in explain(entries[offset : offset + CHUNK], user):
            event = entry.event
            yield {
                "at": event.at,
                "actor_name": event.actor_name,
                "actor_role": event.get_actor_role_display(),
                "acting_for": event.acting_for,
                "category": event.category,
                "part": entry.part,
                "action": event.get_action_display(),
                "outcome": event.get_outcome_display(),
                "basis": event.basis,
                "basis_in_words": entry.basis,
                "detail": event.detail,
            }


def write_export(user: Any, target: IO[bytes], progress: Callable[[], None] | None = None) -> ExportWriter:
    """Write the whole export for `user` into `target` (a binary file opened for writing); `progress` is
    called as it goes."""
    from .readme import readme_text

    writer = ExportWriter(target, progress)
    try:
        writer.table("account", ACCOUNT_FIELDS, _account_rows(user))
        writer.table("access-log", ACCESS_LOG_FIELDS, _access_log_rows(user))
        for owned in sorted(owned_models(), key=lambda o: o.label):
            if owned.label in NOT_EXPORTED:
                continue
            base = f"data/{owned.model._meta.app_label}/{owned.model._meta.model_name}"
            writer.table(base, _columns(owned.model), _model_rows(writer, owned, user.pk, base))
        writer.text("README.txt", readme_text(writer.contents, writer.missing, timezone.now()))
    finally:
        writer.close()
    return writer
