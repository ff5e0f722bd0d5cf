"""The recovery programme's pages. The state is replayed by the core on every request from the logs."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kniewijs.core.answers import InvalidAnswers, parse_answers
from kniewijs.core.recovery.feedback import Feedback, after_saving
from kniewijs.core.text import normalise_language
from kniewijs.training.history import local_today
from kniewijs.training.models import DailyEntry

from . import access
from .calendar_feed import calendar_bytes
from .forms import SessionLogForm
from .matching import matching_run, prefill_from_run
from .models import Programme, Review, SessionLog
from .presenter import programme_context
from .recording import record_session
from .starting import NotForSelfCare, start_from_selfcheck
from .state import core_log, state_for

CALENDAR_SALT = "kniewijs.recovery.calendar"


def _signer() -> signing.Signer:
    return signing.Signer(salt=CALENDAR_SALT, sep="~")  # "~" never occurs in the signature itself


def calendar_token(user_id: int) -> str:
    return _signer().sign(str(user_id))


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@login_required
def programme(request: HttpRequest) -> HttpResponse:
    current = access.active_programme(request.user)
    if current is None:
        return _no_store(render(request, "recovery/none.html"))
    today = local_today(request.user)
    context = programme_context(current, today)
    context["matching_run"] = matching_run(current, today)
    context["calendar_url"] = request.build_absolute_uri(
        reverse("recovery:calendar", args=[calendar_token(request.user.pk)])
    )
    return _no_store(render(request, "recovery/programme.html", context))


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    try:
        answers = parse_answers(json.loads(request.POST.get("state") or "{}"))
    except (ValueError, InvalidAnswers):
        messages.error(request, _("Your self-check answers could not be read. Please do the check again."))
        return redirect("selfcheck:start")
    try:
        start_from_selfcheck(request.user, answers, local_today(request.user))
    except NotForSelfCare:
        messages.error(request, _("Your answers call for a doctor first. A programme can start after that."))
        return redirect("selfcheck:start")
    messages.success(request, _("Your recovery programme has started."))
    return redirect("recovery:programme")


@login_required
@require_http_methods(["GET", "POST"])
def log_session(request: HttpRequest) -> HttpResponse:
    current = access.active_programme_or_404(request.user)
    today = local_today(request.user)
    context = programme_context(current, today)
    planned = context["today_run"]
    initial = {
        "date": today,
        "kind": "run" if planned else "strength",
        "level": planned.level if planned else None,
    }
    if planned is not None:
        initial |= prefill_from_run(matching_run(current, today), planned.level)
    form = SessionLogForm(request.POST or None, initial=initial, first_day=current.started_on, last_day=today)
    if request.method == "POST" and form.is_valid():
        log = form.save(commit=False)
        linked = matching_run(current, log.date) if log.kind == "run" else None
        saved = record_session(current, log, form.knee_figures, linked)
        _tell(request, _feedback(current, saved, today))
        return redirect("recovery:programme")
    return _no_store(render(request, "recovery/log.html", {"form": form, "planned": planned}))


def _feedback(programme: Programme, saved: SessionLog, today: date) -> Feedback:
    """The decision the saved session led to, from the same replay the programme page shows."""
    entry = None
    if saved.kind == SessionLog.Kind.RUN:
        entry = DailyEntry.objects.filter(user_id=programme.user_id, date=saved.date).first()
    return after_saving(state_for(programme, today), core_log(saved, entry))


MESSAGE_LEVEL = {"warning": messages.WARNING, "success": messages.SUCCESS, "info": messages.INFO}


def _tell(request: HttpRequest, feedback: Feedback) -> None:
    """One message of the right kind; none after a red flag, whose urgent block leads the page."""
    if feedback.tone == "urgent":
        return
    lang = normalise_language(get_language())
    words = " ".join([feedback.title.get(lang), *(line.get(lang) for line in feedback.lines)])
    messages.add_message(request, MESSAGE_LEVEL[feedback.tone], words)


@login_required
@require_POST
def reviewed(request: HttpRequest) -> HttpResponse:
    """The runner saw their GP or physio: the advice the programme was holding for is followed."""
    current = access.active_programme_or_404(request.user)
    Review.objects.create(programme=current, date=local_today(request.user))
    messages.success(request, _("Noted. The programme goes on from here."))
    return redirect("recovery:programme")


@login_required
@require_http_methods(["GET", "POST"])
def stop(request: HttpRequest) -> HttpResponse:
    current = access.active_programme_or_404(request.user)
    if request.method == "POST":
        current.active = False
        current.save(update_fields=["active"])
        messages.success(request, _("The programme has been stopped. Your logs are kept."))
        return redirect("training:dashboard")
    return _no_store(render(request, "recovery/stop.html", {"programme": current}))


def absolute_links(html: str, request: HttpRequest) -> str:
    """Paper cannot be clicked: the PDF prints each link's address after it (programme_pdf.html), so every
    address on the site is made whole first (https://host/afspraak/, not /afspraak/)."""
    root = request.build_absolute_uri("/").rstrip("/")
    return re.sub(r'href="/(?!/)', f'href="{root}/', html)


@login_required
def programme_pdf(request: HttpRequest) -> HttpResponse:
    from weasyprint import HTML

    current = access.active_programme_or_404(request.user)
    css_path = finders.find("kniewijs/css/site.css")
    css = Path(css_path).read_text(encoding="utf-8") if css_path else ""
    context = programme_context(current, local_today(request.user)) | {"css": css}
    html = absolute_links(render_to_string("recovery/programme_pdf.html", context, request=request), request)
    response = HttpResponse(
        HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = 'attachment; filename="herstelprogramma.pdf"'
    return _no_store(response)


def calendar(request: HttpRequest, token: str) -> HttpResponse:
    """A calendar app subscribes without a session: the signed token in the address is the key."""
    try:
        user_id = int(_signer().unsign(token))
    except (signing.BadSignature, ValueError):
        raise Http404 from None
    user = get_user_model().objects.filter(pk=user_id).first()
    current = access.active_programme(user) if user else None
    if current is None:
        raise Http404
    response = HttpResponse(
        calendar_bytes(current, local_today(user)), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="kniewijs.ics"'
    return _no_store(response)
