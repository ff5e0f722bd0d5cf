"""Making someone a physiotherapist of a clinic: an administrator invites, only the invited person accepts.

1. Invite (the admin, `invite`): one e-mail address, one clinic the admin manages. A signed link that works for
   INVITATION_DAYS goes out by mail (`kniewijs.tasks.send_email`). An address that is the admin's own is
   refused.
2. Open (the invitee's browser, `open_link`): the key after the `#` of the link is posted, checked and
   remembered in this session, like a booking link (links.py): it never reaches a server's access log.
3. Accept (`accept`): signed in with exactly the invited address, and not with the account that sent the
   invitation. So an administrator never becomes a physiotherapist by their own hand: another administrator
   of the clinic, or a superuser, has to invite them.
4. Two-step sign-in (`after_two_factor`, called by twofactor.py): a TOTP app set up, or a code from the one
   already set up, in this session.
5. Done (`_complete`): the account becomes a therapist of the clinic.

Each step, and each refused attempt, is one line in the access log (category "clinic-role"), written in the
same transaction as the change it records. Its subject is the account that acts (its pseudonym), or, for the
administrator's steps before any account is involved (invited, withdrawn), the invited address's pseudonym.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import quote

from django.core import signing
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from kniewijs.audit.log import email_pseudonym, pseudonym, record
from kniewijs.audit.models import AccessEvent

from .access import CLINIC_ROLE
from .models import Clinic, Therapist, TherapistInvitation

INVITATION_DAYS = 7
SALT = "kniewijs.clinic.therapist-invitation"
SESSION_KEY = "kniewijs_invitations"
Status = TherapistInvitation.Status


class Refused(Exception):
    """Why this account cannot use this invitation; `reason` is one of the class constants."""

    CLOSED = "closed"  # accepted already, withdrawn, or past its date
    OWN = "own"  # the account that sent it
    ADDRESS = "address"  # an account with another e-mail address
    INVALID = "invalid"  # the link is damaged

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def normalise(email: str) -> str:
    return email.strip().lower()


def log_role(
    request: HttpRequest | None,
    *,
    actor: Any,
    role: str,
    subject: str,
    clinic: Clinic,
    step: str,
    basis: str,
    outcome: str = AccessEvent.Outcome.ALLOWED,
) -> None:
    """One line about someone's role at a clinic: invited, accepted, two-step sign-in, became or stopped being a
    physiotherapist there, or a refused attempt."""
    record(
        actor=actor,
        role=role,
        subject=subject,
        category=CLINIC_ROLE,
        action=AccessEvent.Action.CHANGE,
        outcome=outcome,
        clinic=clinic,
        request=request,
        basis=basis,
        detail=step,
    )


def _log(
    request: HttpRequest | None,
    invitation: TherapistInvitation,
    step: str,
    *,
    actor: Any,
    role: str = AccessEvent.Role.INVITEE,
    outcome: str = AccessEvent.Outcome.ALLOWED,
) -> None:
    """The invitee's own steps are about their account; the administrator's about the invited address."""
    subject = email_pseudonym(invitation.email) if role == AccessEvent.Role.ADMIN else pseudonym(actor.pk)
    log_role(
        request,
        actor=actor,
        role=role,
        subject=subject,
        clinic=invitation.clinic,
        step=f"invitation {invitation.pk}: {step}",
        basis=f"invitation {invitation.pk} from {invitation.invited_by_name or 'an administrator'}",
        outcome=outcome,
    )


# --- 1. invite -----------------------------------------------------------------------------------------
def make_token(invitation: TherapistInvitation) -> str:
    return signing.dumps({"i": invitation.pk}, salt=SALT)


def link_path(invitation: TherapistInvitation) -> str:
    return reverse("physio:invitation_link") + "#" + quote(make_token(invitation), safe=":-_")


def is_own_address(user: Any, email: str) -> bool:
    return bool(getattr(user, "email", "")) and normalise(user.email) == normalise(email)


def invite(request: HttpRequest, invitation: TherapistInvitation, base_url: str) -> TherapistInvitation:
    """Save a new invitation (clinic, email and name filled in by the admin's form), log it and mail the link.
    The form has checked the clinic is the admin's and the address is not theirs; checked here again."""
    from kniewijs.tasks import dispatch, send_email

    from .access import administered_clinics

    if is_own_address(request.user, invitation.email):
        raise Refused(Refused.OWN)
    if not administered_clinics(request.user).filter(pk=invitation.clinic_id).exists():
        raise Refused(Refused.CLOSED)
    now = timezone.now()
    invitation.email = normalise(invitation.email)
    invitation.invited_by = request.user
    invitation.invited_by_name = (request.user.get_full_name() or request.user.get_username())[:150]  # type: ignore[union-attr]
    invitation.created_at = now
    invitation.expires_at = now + timedelta(days=INVITATION_DAYS)
    invitation.status = Status.PENDING
    with transaction.atomic():
        invitation.save()
        _log(request, invitation, "invited", actor=request.user, role=AccessEvent.Role.ADMIN)
        context = {"invitation": invitation, "url": base_url.rstrip("/") + link_path(invitation)}
        subject = " ".join(render_to_string("clinic/email/invitation_subject.txt", context).split())
        body = render_to_string("clinic/email/invitation.txt", context)
        dispatch(send_email, subject, body, None, [invitation.email])  # after the commit
    return invitation


def withdraw(request: HttpRequest, invitation: TherapistInvitation) -> bool:
    with transaction.atomic():
        current = TherapistInvitation.objects.select_for_update().get(pk=invitation.pk)
        if current.status not in (Status.PENDING, Status.ACCEPTED):
            return False
        current.status = Status.WITHDRAWN
        current.save(update_fields=["status"])
        _log(request, current, "withdrawn", actor=request.user, role=AccessEvent.Role.ADMIN)
    return True


# --- 2. open the link ------------------------------------------------------------------------------------
def open_link(request: HttpRequest, token: str) -> TherapistInvitation:
    """The invitation behind a posted key, remembered in this session; Refused when it cannot be used."""
    try:
        data: Any = signing.loads(token.strip(), salt=SALT)
    except signing.BadSignature as exc:
        raise Refused(Refused.INVALID) from exc
    invitation = None
    if isinstance(data, dict) and isinstance(data.get("i"), int):
        invitation = TherapistInvitation.objects.select_related("clinic").filter(pk=data["i"]).first()
    if invitation is None:
        raise Refused(Refused.INVALID)
    opened = [pk for pk in request.session.get(SESSION_KEY, []) if pk != invitation.pk][-4:]
    request.session[SESSION_KEY] = [*opened, invitation.pk]
    return invitation


def opened(request: HttpRequest, pk: int) -> TherapistInvitation | None:
    """The invitation, if this session opened its link."""
    if pk not in request.session.get(SESSION_KEY, []):
        return None
    return TherapistInvitation.objects.select_related("clinic").filter(pk=pk).first()


# --- 3. accept -------------------------------------------------------------------------------------------
def problem(user: Any, invitation: TherapistInvitation) -> str:
    """Why this signed-in account cannot accept, or "" when it can."""
    if invitation.status == Status.ACCEPTED and invitation.accepted_by_id == user.pk:
        return ""  # accepted; waiting for the code
    if not invitation.is_open() or invitation.status != Status.PENDING:
        return Refused.CLOSED
    if invitation.invited_by_id is not None and invitation.invited_by_id == user.pk:
        return Refused.OWN
    if not is_own_address(user, invitation.email):
        return Refused.ADDRESS
    return ""


def accept(request: HttpRequest, invitation: TherapistInvitation) -> TherapistInvitation:
    """The invited account says yes. Done at once when this session has passed two-step sign-in; otherwise
    after it (`after_two_factor`)."""
    user = request.user
    with transaction.atomic():
        current = (
            TherapistInvitation.objects.select_for_update().select_related("clinic").get(pk=invitation.pk)
        )
        reason = problem(user, current)
        if reason:
            _log(request, current, f"refused ({reason})", actor=user, outcome=AccessEvent.Outcome.DENIED)
        elif current.status == Status.PENDING:
            current.status = Status.ACCEPTED
            current.accepted_by = user  # type: ignore[assignment]
            current.accepted_at = timezone.now()
            current.save(update_fields=["status", "accepted_by", "accepted_at"])
            _log(request, current, "accepted", actor=user)
            if user.is_verified():  # type: ignore[union-attr]
                _log(request, current, "two-step sign-in already passed in this session", actor=user)
                _complete(request, current)
    if reason:
        raise Refused(reason)
    return current


# --- 4. two-step sign-in, 5. done -----------------------------------------------------------------------------
def waiting_for_code(user: Any) -> bool:
    """Accepted an invitation that is still valid, and only the code is missing."""
    return TherapistInvitation.objects.filter(
        accepted_by=user, status=Status.ACCEPTED, expires_at__gt=timezone.now()
    ).exists()


def after_two_factor(request: HttpRequest, *, set_up: bool) -> None:
    """The user just gave a right TOTP code (a new app, or the one they had): finish what they accepted."""
    step = "two-step sign-in set up" if set_up else "two-step sign-in code given"
    for invitation in TherapistInvitation.objects.filter(
        accepted_by=request.user, status=Status.ACCEPTED, expires_at__gt=timezone.now()
    ).select_related("clinic"):
        with transaction.atomic():
            current = (
                TherapistInvitation.objects.select_for_update().select_related("clinic").get(pk=invitation.pk)
            )
            if current.status != Status.ACCEPTED:
                continue
            _log(request, current, step, actor=request.user)
            _complete(request, current)


def _complete(request: HttpRequest, invitation: TherapistInvitation) -> None:
    """Inside the caller's transaction: the account becomes a therapist of the clinic."""
    user = invitation.accepted_by
    therapist = Therapist.objects.filter(user=user).first()
    if therapist is None:
        name = invitation.name or user.get_full_name() or user.email  # type: ignore[union-attr]
        therapist = Therapist.objects.create(user=user, name=name)
    elif not therapist.active:
        therapist.active = True
        therapist.save(update_fields=["active"])
    therapist.clinics.add(invitation.clinic)
    invitation.status = Status.DONE
    invitation.completed_at = timezone.now()
    invitation.save(update_fields=["status", "completed_at"])
    _log(request, invitation, "became a physiotherapist of the clinic", actor=user)
