"""The runner's original files, as imported: written under a fresh name, removed when their rows are not kept.

An original is written inside the import's transaction, before its rows commit, under a name chosen so
that only our own file is ever removed: a write that breaks off (a full disk) or a batch that rolls back
removes exactly the names it wrote. A process killed between the write and the commit leaves a stray file,
never a row without its file; `remove_stray_originals` clears those.

On the file system (the default storage) a new original is created with O_EXCL under a generated name:
one system call says the name is free and takes it. Django's `Storage.save` checks and validates the name
three times and asks the disk twice whether it exists, which for an export of thousands of files cost a
fifth of the time spent storing (docs/benchmarks.md). Any other storage (S3, ...) goes through `save`.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db import transaction

from .models import ImportedFile, RunnerSettings, original_file_path


def write_new(source: ImportedFile, filename: str, data: bytes, written: list[str]) -> str:
    """Write `data` as the original of `source` (not saved yet) under a new generated name; that name.
    Every name written to, even partly, is appended to `written` first, for the caller to remove if the
    transaction does not commit."""
    field = source.stored.field
    storage = field.storage
    if isinstance(storage, FileSystemStorage):
        return _create_on_disk(storage, source, filename, data, written)
    chosen = _free_name(storage, source, filename)
    written.append(chosen)
    actual = str(storage.save(chosen, ContentFile(data), max_length=field.max_length))
    if actual != chosen:  # only if another process took the name since it was chosen
        written.append(actual)
    return actual


def _create_on_disk(
    storage: FileSystemStorage, source: ImportedFile, filename: str, data: bytes, written: list[str]
) -> str:
    while True:
        name = original_file_path(source, filename)
        path = storage.path(name)
        _make_folder(storage, os.path.dirname(path))
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:  # random names: taken in theory only
            continue
        written.append(name)
        with os.fdopen(handle, "wb") as out:
            write_all(out, data)
        if storage.file_permissions_mode is not None:
            os.chmod(path, storage.file_permissions_mode)
        return name


def _make_folder(storage: FileSystemStorage, folder: str) -> None:
    mode = storage.directory_permissions_mode
    if mode is None:
        os.makedirs(folder, exist_ok=True)
        return
    old_mask = os.umask(0o777 & ~mode)  # as FileSystemStorage does, so the mode is not narrowed by the umask
    try:
        os.makedirs(folder, mode, exist_ok=True)
    finally:
        os.umask(old_mask)


def write_all(out: Any, data: bytes) -> None:
    """The bytes of one original onto disk (its own function: the fault-injection tests fill the disk here)."""
    out.write(data)


def _free_name(storage: Storage, source: ImportedFile, filename: str) -> str:
    while True:
        candidate = source.stored.field.generate_filename(source, filename)
        if not storage.exists(candidate):
            return candidate


def remove(names: list[str]) -> None:
    for name in names:
        if name:
            default_storage.delete(name)


def remove_stray_originals(user: Any) -> int:
    """Remove the runner's originals that no stored file names: left by a process killed between writing
    an original and committing its rows. Under the runner's lock none of their imports is in that gap."""
    field = ImportedFile._meta.get_field("stored")
    folder = posixpath.dirname(original_file_path(ImportedFile(user=user), "x.bin"))
    RunnerSettings.objects.get_or_create(user=user)
    with transaction.atomic():
        RunnerSettings.objects.select_for_update().get(user=user)
        try:
            _folders, names = field.storage.listdir(folder)
        except FileNotFoundError:
            return 0
        known = set(ImportedFile.objects.filter(user=user).values_list("stored", flat=True))
        strays = [f"{folder}/{name}" for name in names if f"{folder}/{name}" not in known]
        for stray in strays:
            field.storage.delete(stray)
    return len(strays)
