"""The runner's view of the access log: who looked at what of theirs, and on which grounds.

Entries are found by the account's pseudonym (`audit.log.subjects_of`). Entries about an anonymous booking made
with the same e-mail address before the account existed are not shown: they stay unlinked (docs/clinic.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kniewijs.audit.log import subjects_of
from kniewijs.audit.models import AccessEvent
from kniewijs.clinic.models import Consent

# The log also names parts that are not consent categories.
OTHER_PARTS = {
    "booking": gettext_lazy("Appointment details"),
    "notes": gettext_lazy("Clinic notes about you"),
    "patient-list": gettext_lazy("Your name in a physio's list of patients"),
    "clinic-role": gettext_lazy("Your role at a clinic"),
}


def part_label(category: str) -> str:
    labels: dict[str, Any] = {**dict(Consent.Category.choices), **OTHER_PARTS}
    return str(labels.get(category, category))


def entries_of(user: Any, start: date | None = None, end: date | None = None) -> QuerySet[AccessEvent]:
    """The user's entries, newest first, between two local days (both included; None is open-ended)."""
    entries = AccessEvent.objects.filter(subject__in=subjects_of(user))
    zone = timezone.get_current_timezone()
    if start is not None:
        entries = entries.filter(at__gte=datetime.combine(start, time.min, tzinfo=zone))
    if end is not None:
        entries = entries.filter(at__lt=datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone))
    return entries.order_by("-at", "-pk")


@dataclass
class Entry:
    event: AccessEvent
    part: str
    basis: str


def explain(events: Iterable[AccessEvent], user: Any) -> list[Entry]:
    """Each entry with its part and its basis in plain words. Consents are looked up only among the user's
    own rows, so an entry can never reveal someone else's consent."""
    events = list(events)
    consent_ids = {e.consent_id for e in events if e.consent_id}
    consents = {
        c.pk: c for c in Consent.objects.filter(pk__in=consent_ids, runner=user).select_related("clinic")
    }
    return [
        Entry(e, part_label(e.category), basis_in_words(e, consents.get(e.consent_id or 0))) for e in events
    ]


def basis_in_words(event: AccessEvent, consent: Consent | None) -> str:
    if event.outcome == AccessEvent.Outcome.DENIED:
        return _("No permission: the request was refused and nothing was shown.")
    if consent is not None:
        return _("Your permission for %(clinic)s (%(part)s), given on %(date)s.") % {
            "clinic": consent.clinic.name,
            "part": part_label(consent.category),
            "date": timezone.localtime(consent.granted_at).strftime("%d-%m-%Y"),
        }
    if event.basis.startswith("consent box of booking"):
        return _("You ticked the box to send your self-check along with your appointment.")
    if event.basis.startswith("booking ") and event.basis.endswith("with this physiotherapist"):
        return _("Your appointment with this physiotherapist.")
    if event.basis.startswith("booking "):
        return _("Your appointment at this clinic: a colleague of the practice prepares or runs it.")
    if event.consent_id:
        return _("A permission you gave earlier.")
    return event.basis or _("Not recorded.")
