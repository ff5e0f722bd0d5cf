"""Each account's storage for its original files: KNIEWIJS_STORAGE_QUOTA_BYTES (2 GB unless set).

Counted from the originals as kept (`ImportedFile.stored_size`, compressed where they came compressed),
plus the uploads still waiting in the import queue, which take that room until they are read. An upload
that would not fit is refused before anything is kept; during an import, a file that no longer fits is
refused on its own, whole (importing.store_batch checks again under the runner's lock).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kniewijs.core.text import T, Text

from .models import ImportedFile, ImportJob

MB = 1024**2
GB = 1024**3


def quota_bytes() -> int:
    return int(settings.KNIEWIJS_STORAGE_QUOTA_BYTES)


def originals_bytes(user: Any) -> int:
    total = ImportedFile.objects.filter(user=user).aggregate(total=Sum("stored_size"))["total"]
    return int(total or 0)


def waiting_bytes(user: Any) -> int:
    """The uploads of the runner's unfinished jobs that have not been read yet."""
    unfinished = ImportJob.objects.filter(
        user=user, status__in=[ImportJob.Status.WAITING, ImportJob.Status.RUNNING]
    ).values_list("results", flat=True)
    return sum(
        int(entry["pending"].get("size", 0))
        for results in unfinished
        for entry in results
        if isinstance(entry, dict) and "pending" in entry
    )


def storage_used(user: Any) -> tuple[int, int]:
    """(bytes in use, the account's quota in bytes): the originals kept plus the uploads still waiting."""
    return originals_bytes(user) + waiting_bytes(user), quota_bytes()


def size_in_words(size: int) -> str:
    """'120 MB', '1,5 GB' (in the active language's number format), '2 GB'."""
    if size >= GB:
        value = round(size / GB, 1)
        text = number_format(value, 0 if value == int(value) else 1)
        return f"{text} GB"
    if 0 < size < MB:
        return _("less than 1 MB")
    return f"{number_format(round(size / MB))} MB"


def upload_refusal(user: Any, incoming: int) -> str | None:
    """Why an upload of `incoming` bytes does not fit in the runner's storage, or None when it does."""
    used, quota = storage_used(user)
    if used + incoming <= quota:
        return None
    return _(
        "This upload (%(size)s) does not fit in your storage: you use %(used)s of your %(quota)s. Delete "
        "activities you no longer need (their original files go with them), or upload a smaller part."
    ) % {"size": size_in_words(incoming), "used": size_in_words(used), "quota": size_in_words(quota)}


def file_refusal(user: Any, size: int) -> Text | None:
    """Why one file of an import is not kept (the account's originals plus it exceed the quota), or None.
    Called under the runner's lock, so two imports of one runner cannot both take the last room."""
    return refusal(originals_bytes(user), size)


def refusal(used: int, size: int) -> Text | None:
    """Why a file of `size` bytes is not kept when the account's originals take `used`, or None."""
    quota = quota_bytes()
    if used + size <= quota:
        return None
    return T(
        "Uw opslag is vol: dit bestand ({size}) past niet meer binnen de {quota} van uw account. Er is niets "
        "van bewaard. Verwijder trainingen die u niet meer nodig hebt en lees het daarna opnieuw in.",
        "Your storage is full: this file ({size}) no longer fits within your account's {quota}. Nothing of "
        "it was kept. Delete activities you no longer need, then import it again.",
    ).format(size=_plain_size(size), quota=_plain_size(quota))


def _plain_size(size: int) -> str:
    """For the reasons stored in both languages: no locale, so a point would be wrong in Dutch; whole
    units only."""
    return f"{max(1, round(size / GB))} GB" if size >= GB else f"{max(1, round(size / MB))} MB"
