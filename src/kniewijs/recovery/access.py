"""The one way views fetch a runner's programme rows; someone else's is a 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from .models import Programme


def active_programme(user: Any) -> Programme | None:
    return Programme.objects.filter(user=user, active=True).first()


def active_programme_or_404(user: Any) -> Programme:
    programme = active_programme(user)
    if programme is None:
        raise Http404
    return programme
