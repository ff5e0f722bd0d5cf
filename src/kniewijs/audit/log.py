"""Writing to the access log, and finding a runner's entries again.

The runner is named by a keyed pseudonym: HMAC-SHA256 of their account id (or, for a booking made without
an account, of the lower-cased e-mail address) under a key derived from SECRET_KEY, or
KNIEWIJS_PSEUDONYM_KEY when set. After erasure the entries stay, but nothing in them points to a person
without that key and the deleted account.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from kniewijs.web.client_ip import client_ip

from .models import AccessEvent


def _key() -> bytes:
    configured = getattr(settings, "KNIEWIJS_PSEUDONYM_KEY", "") or ""
    if configured:
        return configured.encode()
    return hashlib.sha256(b"kniewijs-access-log:" + settings.SECRET_KEY.encode()).digest()


def pseudonym(user_id: int) -> str:
    return hmac.new(_key(), f"user:{user_id}".encode(), hashlib.sha256).hexdigest()


def email_pseudonym(email: str) -> str:
    return hmac.new(_key(), f"email:{email.strip().lower()}".encode(), hashlib.sha256).hexdigest()


def subjects_of(user: Any) -> list[str]:
    """Every pseudonym under which entries about this runner are stored: their account's only. Entries about
    an anonymous booking stay under the address's pseudonym and are never shown to an account made later
    with that address (whoever signs up with it would otherwise read who looked at a stranger's booking)."""
    return [pseudonym(user.pk)]


def client_address(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return client_ip(request)[:100]


def entry(
    *,
    actor: Any,
    role: str,
    subject: str,
    category: str,
    action: str,
    outcome: str = AccessEvent.Outcome.ALLOWED,
    clinic: Any = None,
    consent: Any = None,
    request: HttpRequest | None = None,
    source: str = "",
    detail: str = "",
    basis: str = "",
) -> AccessEvent:
    """One entry, not yet saved. `consent` is a clinic.Consent (or None when access was refused or rested on the
    booking itself); `subject` comes from `pseudonym` or `email_pseudonym`."""
    name = ""
    if actor is not None:
        therapist = getattr(actor, "therapist", None)
        name = therapist.name if therapist is not None else (actor.get_full_name() or actor.get_username())
    return AccessEvent(
        actor_id=getattr(actor, "pk", None),
        actor_name=name[:150] or "system",
        actor_role=role,
        acting_for_id=getattr(clinic, "pk", None),
        acting_for=(str(clinic) if clinic is not None else "")[:120],
        subject=subject,
        category=category,
        action=action,
        outcome=outcome,
        consent_id=getattr(consent, "pk", None),
        basis=(basis or (consent.basis() if consent is not None else ""))[:200],
        source=(source or client_address(request))[:100],
        detail=(detail or (request.path if request is not None else ""))[:300],
    )


def record(**kwargs: Any) -> AccessEvent:
    """Write one entry (the arguments of `entry`)."""
    event = entry(**kwargs)
    event.save()
    return event


def record_many(entries: Iterable[AccessEvent]) -> list[AccessEvent]:
    """Write several entries in one statement: a page that lists many runners logs one line per runner."""
    rows = list(entries)
    return AccessEvent.objects.bulk_create(rows) if rows else []
