"""Signing up proves the address first: no account exists until its owner opened the link we mailed.

Step one takes only the e-mail address and always answers with the same page. The mail differs: a new address
gets a signed link (valid KNIEWIJS_SIGNUP_LINK_HOURS) to choose a password; an address that has an account gets
"you already have an account" with the login and password-reset links. Both are rendered here and sent in the
background, so the answer takes the same work either way and never tells a visitor whether an address is known.

Step two, behind the link, chooses the password and creates the account. So an account is never there before
its address was proven: nothing (a training log, uploads, a programme, consents, a booking) can be attached to
an address someone typed without owning it, and whoever controls the mailbox chooses the password, so a
stranger cannot prepare an account for someone else's address with a password of their own. The link holds no
secret beyond its signature; it stops working once the account exists (the page then says to log in).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .forms import email_is_taken, send_in_background

SALT = "kniewijs.accounts.signup"
SUBJECT = "accounts/email/signup_subject.txt"


@dataclass(frozen=True)
class SignupLink:
    email: str
    next_url: str


def make_token(email: str, next_url: str = "") -> str:
    return signing.dumps({"email": email, "next": next_url}, salt=SALT, compress=True)


def read_token(token: str) -> SignupLink | None:
    """The link's address and where to go afterwards; None when it is forged, damaged or too old."""
    max_age = timedelta(hours=settings.KNIEWIJS_SIGNUP_LINK_HOURS)
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    if not isinstance(data, dict) or not isinstance(data.get("email"), str) or not data["email"]:
        return None
    return SignupLink(email=data["email"], next_url=str(data.get("next") or ""))


def safe_next(request: HttpRequest, candidate: str) -> str:
    """`candidate` when it points to this site, else ""."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def mail_signup(request: HttpRequest, email: str, next_url: str) -> None:
    """The confirmation link for a new address, or "you already have an account" for a known one."""
    if email_is_taken(email):
        body = "accounts/email/signup_exists.txt"
        context = {
            "login_url": request.build_absolute_uri(reverse("accounts:login")),
            "reset_url": request.build_absolute_uri(reverse("accounts:password_reset")),
        }
    else:
        body = "accounts/email/signup_confirm.txt"
        link = reverse("accounts:signup_confirm", args=[make_token(email, next_url)])
        context = {"link": request.build_absolute_uri(link), "hours": settings.KNIEWIJS_SIGNUP_LINK_HOURS}
    send_in_background(SUBJECT, body, context, email)
