"""Erasing an account: the rows go in one transaction (every model refers to the user with CASCADE), the files
only after that transaction has committed, so a failure half way never leaves rows pointing at missing files.

The security records go too: django-axes' login rows under the account's username (they hold the e-mail
address, IP addresses and browsers) and the account's sessions.

Upcoming appointments are cancelled first, in the same transaction: the clinic is told by e-mail, and so is
the runner, at the address on the booking, after the commit.

What stays: the access log. Its entries name the runner only by a keyed pseudonym, and a log that anyone
could empty would be worth nothing (NEN 7513).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction

from kniewijs.training.jobs import incoming_prefix
from kniewijs.training.models import ImportJob

from .ownership import file_fields, owned_models

log = logging.getLogger(__name__)


def may_erase_here(user: Any) -> bool:
    """Physios and staff are part of a clinic's records; their accounts are closed by the clinic admin."""
    return not (user.is_staff or user.is_superuser or hasattr(user, "therapist"))


def stored_files_of(user_id: int) -> list[str]:
    """Every file any of the user's rows points to (storage names)."""
    names: list[str] = []
    for owned in owned_models(include_secret=True):
        for field in file_fields(owned.model):
            names += [n for n in owned.rows_of(user_id).values_list(field.name, flat=True) if n]
    return names


def folders_of(user_id: int) -> list[str]:
    """The storage folders that hold only this user's files: their originals (training.models.original_file_path
    puts them under originals/<user id>/), their export archives (exports/<user id>/) and uploads still
    waiting to be imported (incoming/<job id>/). Emptied whole, so a file no row names goes too."""
    folders = [f"originals/{user_id}", f"exports/{user_id}"]
    folders += [incoming_prefix(job) for job in ImportJob.objects.filter(user_id=user_id)]
    return folders


def _files_under(folder: str) -> list[str]:
    try:
        subfolders, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = [f"{folder}/{name}" for name in files]
    for sub in subfolders:
        found += _files_under(f"{folder}/{sub}")
    return found


def _remove_files(media: Path, names: list[str], folders: list[str]) -> None:
    for name in names + [f for folder in folders for f in _files_under(folder)]:
        try:
            default_storage.delete(name)
        except OSError:
            log.exception("could not remove an erased runner's file")
    if not isinstance(default_storage, FileSystemStorage):
        return  # an object store has no folders of its own
    root = media.resolve()
    for folder in folders:
        resolved = (media / folder).resolve()
        # Only ever a folder strictly inside MEDIA_ROOT: never the root itself, never outside it.
        if resolved != root and root in resolved.parents and resolved.is_dir():
            shutil.rmtree(resolved, ignore_errors=True)


def remove_security_records(user: Any) -> None:
    """What refers to the account without a foreign key: django-axes' rows under its username or address
    (failed and successful logins with IP address and browser) and its sessions."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    names = {n for n in (user.get_username(), getattr(user, "email", "")) if n}
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        for name in names:
            model.objects.filter(username__iexact=name).delete()
    Session.objects.filter(session_key__in=session_keys_of(user.pk)).delete()


def session_keys_of(user_id: int) -> list[str]:
    """The keys of every stored session signed in as this user. Sessions say whose they are only inside their
    encoded data, so each is decoded; erasure is rare and the table is read in chunks."""
    wanted = str(user_id)
    store = SessionStore()
    keys: list[str] = []
    rows = Session.objects.only("session_key", "session_data").iterator(chunk_size=2000)
    for session in rows:
        if str(store.decode(session.session_data).get(SESSION_KEY, "")) == wanted:
            keys.append(session.session_key)
    return keys


def upcoming_bookings(user: Any) -> list[Any]:
    """The appointments erasure cancels: the account's active bookings that have not started yet."""
    from kniewijs.clinic.booking import upcoming_of

    return list(upcoming_of(user))


def _cancel_bookings(user: Any) -> list[Any]:
    """Cancel the account's upcoming bookings and render, now that the rows and the addresses still exist,
    the mails that say so: the runner's own cancellation (to the address on the booking) and the clinic's."""
    from kniewijs.clinic import emails
    from kniewijs.clinic.booking import cancel_all_of

    mails = []
    for booking in cancel_all_of(user):
        mails.append(emails.message(emails.CANCELLED, booking))
        mails.append(emails.clinic_erasure_message(booking))
    return [mail for mail in mails if mail is not None]


def _send_all(mails: list[Any]) -> None:
    # After the commit: the account is gone whatever the mail server does, so a failure is logged, not raised.
    for mail in mails:
        try:
            mail.send()
        except Exception:
            log.exception("could not send a cancellation mail after an erasure")


def erase_account(user: Any) -> None:
    """Delete the user and everything that refers to them; their files go once the deletion has committed.
    Upcoming bookings are cancelled first, in the same transaction, and the clinic and the runner are mailed
    once it has committed (the rows themselves go with the account)."""
    media = Path(settings.MEDIA_ROOT)
    with transaction.atomic():
        mails = _cancel_bookings(user)
        names = stored_files_of(user.pk)
        folders = folders_of(user.pk)
        remove_security_records(user)
        user.delete()
        transaction.on_commit(lambda: _remove_files(media, names, folders))
        transaction.on_commit(lambda: _send_all(mails))
