"""The runner's privacy pages: consent per clinic, the access log about them, the export and erasure.

Every page works on `request.user` only; no form carries a runner id.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from . import consents, details
from .accesslog import entries_of, explain
from .erasure import erase_account, may_erase_here, upcoming_bookings
from .exports import export_of, latest_export, purge_expired, request_export, restart_if_stale
from .forms import ConsentChangeForm, EraseForm, PeriodForm
from .models import DataExport

ENTRIES_PER_PAGE = 50


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"  # health data: never in a shared or back-button cache
    return response


@login_required
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ConsentChangeForm(request.POST)
        if not form.is_valid():
            for error in form.non_field_errors() or [_("That change could not be made. Please try again.")]:
                messages.error(request, error)
            return redirect("privacy:consent")
        clinic = form.cleaned_data["clinic"]
        if form.cleaned_data["action"] == ConsentChangeForm.GRANT:
            consents.grant(request.user, clinic, form.categories())
            messages.success(request, _("Saved: %(clinic)s can now see this.") % {"clinic": clinic.name})
        else:
            consents.revoke(request.user, clinic, form.categories())
            messages.success(
                request, _("Saved: %(clinic)s can no longer see this.") % {"clinic": clinic.name}
            )
        return redirect(reverse("privacy:consent") + f"#praktijk-{clinic.slug}")
    return consent_page(request)


def consent_page(request: HttpRequest, details_form: Any = None, status: int = 200) -> HttpResponse:
    context = {
        "clinics": consents.overview(request.user),
        "history": consents.history(request.user),
        "GRANT": ConsentChangeForm.GRANT,
        "REVOKE": ConsentChangeForm.REVOKE,
        "details_form": details_form or details.form_for(request.user),
    }
    return _no_store(render(request, "privacy/consent.html", context, status=status))


@login_required
@require_GET
def access_log(request: HttpRequest) -> HttpResponse:
    form = PeriodForm(request.GET or None)
    filtered = False
    if form.is_bound and form.is_valid():
        start, end = form.bounds()
        filtered = start is not None or end is not None
    else:
        start = end = None
    if form.is_bound and not form.is_valid():
        page = None
    else:
        page = Paginator(entries_of(request.user, start, end), ENTRIES_PER_PAGE).get_page(
            request.GET.get("pagina")
        )
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "form": form,
        "page": page,
        "entries": explain(page.object_list, request.user) if page is not None else [],
        "filtered": filtered,
        "start": start,
        "end": end,
        "query": query.urlencode(),
    }
    return _no_store(render(request, "privacy/access_log.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponse:
    """Asking makes the zip in the background; this page follows it and offers the download when it is ready."""
    if request.method == "POST":
        purge_expired()
        _export, new = request_export(request.user)
        if not new:
            messages.info(request, _("Your download was already being made; it is the one below."))
        return redirect("privacy:export")
    current = latest_export(request.user)
    context = {"latest": current, "Status": DataExport.Status}
    return _no_store(render(request, "privacy/export.html", context))


def _status_text(export: DataExport) -> str:
    if export.in_progress:
        return _("Your download is being made.")
    if export.status == DataExport.Status.READY:
        return _("Your download is ready.")
    return _("Making your download went wrong. Nothing has been lost; please try again.")


@login_required
@require_GET
def export_status(request: HttpRequest, export_id: uuid.UUID) -> HttpResponse:
    """How the export is getting on, as JSON, for the page's script (kniewijs/js/export-status.js), which
    updates the page without reloading it. Someone else's export is a 404, like its download."""
    export = export_of(request.user, export_id)
    if restart_if_stale(export):  # what opening the page would do for a run that died
        export.refresh_from_db()
    ready = export.status == DataExport.Status.READY and bool(export.archive)
    data = {
        "status": export.status,
        "in_progress": export.in_progress,
        "text": _status_text(export),
        "download_url": reverse("privacy:export_download", args=[export.pk]) if ready else "",
        "download_text": _("Download my data (zip)") if ready else "",
    }
    return _no_store(JsonResponse(data))


@login_required
@require_GET
def export_download(request: HttpRequest, export_id: uuid.UUID) -> HttpResponse:
    # The runner's own download is not an entry in the access log: that log is about others.
    export = export_of(request.user, export_id)
    if export.status != DataExport.Status.READY or not export.archive:
        raise Http404
    try:
        handle = export.archive.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=export.filename or "kniewijs-export.zip",
        content_type="application/zip",
    )
    return _no_store(response)


@sensitive_post_parameters("password")
@login_required
@require_http_methods(["GET", "POST"])
def erase(request: HttpRequest) -> HttpResponse:
    allowed = may_erase_here(request.user)
    form = EraseForm(request, request.POST or None) if allowed else None
    if request.method == "POST" and form is not None and form.is_valid():
        erase_account(request.user)
        logout(request)
        return redirect("privacy:erased")
    status = 403 if request.method == "POST" and not allowed else 200
    context = {
        "form": form,
        "allowed": allowed,
        # Shown before the runner confirms: erasing cancels these, and the clinic hears of it.
        "upcoming": upcoming_bookings(request.user) if allowed else [],
    }
    return _no_store(render(request, "privacy/erase.html", context, status=status))


@require_GET
def erased(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/erased.html")
