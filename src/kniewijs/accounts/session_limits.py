"""Idle and absolute session limits. A session ends after a stretch without requests (idle) and, whatever
happens, some hours after sign-in (absolute). Clinic accounts get the shorter limits: they see other people's
health data and are often used on shared computers."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

SIGNED_IN_AT = "kniewijs_signed_in_at"
LAST_SEEN_AT = "kniewijs_last_seen_at"
# Refresh the idle clock at most once a minute, so an ordinary page view does not write the session each time.
TOUCH_EVERY = 60


def limits_for(user: object) -> tuple[int, int]:
    """(idle seconds, absolute seconds) for this account."""
    clinic = bool(getattr(user, "is_staff", False) or hasattr(user, "therapist"))
    if clinic:
        return settings.KNIEWIJS_CLINIC_IDLE_MINUTES * 60, settings.KNIEWIJS_CLINIC_MAX_HOURS * 3600
    return settings.KNIEWIJS_IDLE_MINUTES * 60, settings.KNIEWIJS_SESSION_MAX_HOURS * 3600


class SessionLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            session = request.session
            signed_in = session.setdefault(SIGNED_IN_AT, now)
            last_seen = session.get(LAST_SEEN_AT, now)
            idle, absolute = limits_for(user)
            if now - last_seen > idle or now - signed_in > absolute:
                logout(request)
                messages.info(request, _("You were signed out to keep your data safe. Please sign in again."))
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= TOUCH_EVERY or LAST_SEEN_AT not in session:
                session[LAST_SEEN_AT] = now
        return self.get_response(request)
