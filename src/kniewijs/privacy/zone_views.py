"""The runner's privacy zones: list, add, remove. One address, so there is one page to guard.

`?verwijderen=<id>` asks to confirm a removal; the removal itself is a POST. Every zone is fetched with
`user=request.user`, so another runner's zone id is a 404, never a hint that it exists.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .models import PrivacyZone
from .zone_forms import MAX_ZONES, ZoneForm

ADD = "add"
DELETE = "delete"


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"  # the zones say where the runner lives
    return response


def _own_zone(request: HttpRequest, raw_id: str | None) -> PrivacyZone:
    if not raw_id or not raw_id.isdigit():
        raise Http404
    return get_object_or_404(PrivacyZone, pk=int(raw_id), user=request.user)


def _page(request: HttpRequest, form: ZoneForm, confirm: PrivacyZone | None = None) -> HttpResponse:
    zones = list(PrivacyZone.objects.filter(user=request.user))
    context: dict[str, Any] = {
        "zones": zones,
        "form": form,
        "confirm": confirm,
        "full": len(zones) >= MAX_ZONES,
        "max_zones": MAX_ZONES,
        "ADD": ADD,
        "DELETE": DELETE,
    }
    return _no_store(render(request, "privacy/zones.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def zones(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and request.POST.get("action") == DELETE:
        with transaction.atomic():
            zone = _own_zone(request, request.POST.get("zone"))
            name = zone.name
            zone.delete()
        messages.success(request, _("The zone “%(name)s” has been removed.") % {"name": name})
        return redirect("privacy:zones")
    if request.method == "POST":
        existing = PrivacyZone.objects.filter(user=request.user).count()
        form = ZoneForm(request.POST, existing=existing)
        if form.is_valid():
            with transaction.atomic():
                zone = PrivacyZone.objects.create(user=request.user, **form.cleaned_data)
            messages.success(request, _("Saved: the zone “%(name)s”.") % {"name": zone.name})
            return redirect("privacy:zones")
        return _page(request, form)
    confirm = _own_zone(request, request.GET["verwijderen"]) if "verwijderen" in request.GET else None
    return _page(request, ZoneForm(), confirm)
