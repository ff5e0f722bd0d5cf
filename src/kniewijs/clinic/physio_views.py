"""The physiotherapist's pages: appointments, the practice agenda, consenting patients, their record
and notes.

Every view goes through `physio_required` (password + TOTP), and reaches a runner through
`access.patient_or_404` or an appointment through `access.bookings_open_to`; each category of a runner's
data that a page shows is written to the access log.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kniewijs.audit.log import record_many
from kniewijs.audit.models import AccessEvent
from kniewijs.core.content.knowledge import EXERCISE_BY_KEY
from kniewijs.core.sharing import Sharing
from kniewijs.privacy.models import PracticeDetails
from kniewijs.recovery.access import active_programme
from kniewijs.recovery.models import Review

from . import access, patient_record
from .access import Category, Patient
from .models import Booking, PatientNote, Therapist
from .twofactor import physio_required

UPCOMING_DAYS = 14
STRENGTH_CHOICES = [(k, e.name.nl) for k, e in EXERCISE_BY_KEY.items() if e.kind == "strength"]


def _day_bounds(day: datetime) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day.date(), time.min))
    return start, start + timedelta(days=1)


@require_GET
@physio_required
def dashboard(request: HttpRequest, therapist: Therapist) -> HttpResponse:
    now = timezone.localtime()
    day_start, day_end = _day_bounds(now)
    # The therapist's own appointments, through the rule that opens them: also those of a former practice.
    mine = access.bookings_open_to(therapist).filter(therapist=therapist, status=Booking.Status.ACTIVE)
    today = list(mine.filter(starts_at__gte=day_start, starts_at__lt=day_end))
    upcoming = list(
        mine.filter(starts_at__gte=day_end, starts_at__lt=day_end + timedelta(days=UPCOMING_DAYS))
    )
    patients = access.patients_of(therapist)
    # Names, e-mail addresses and appointments: one access-log line per runner listed.
    access.log_dashboard(request, today + upcoming, patients)
    return render(
        request,
        "clinic/physio/dashboard.html",
        {
            "therapist": therapist,
            "today": today,
            "upcoming": upcoming,
            "patients": patients,
            "upcoming_days": UPCOMING_DAYS,
        },
    )


# The agenda's day picker stays within dates that have a day before and after them.
AGENDA_FIRST_DAY, AGENDA_LAST_DAY = date(2000, 1, 1), date(2999, 12, 31)


def _agenda_day(raw: str | None) -> date:
    """?dag=YYYY-MM-DD, or today (local) when it is missing or not a date."""
    today = timezone.localdate()
    try:
        day = date.fromisoformat(raw or "")
    except ValueError:
        return today
    return day if AGENDA_FIRST_DAY <= day <= AGENDA_LAST_DAY else today


@require_GET
@physio_required
def agenda(request: HttpRequest, therapist: Therapist) -> HttpResponse:
    """One day of the practice: every active appointment `access.bookings_open_to` the therapist, so every
    row opens, and nothing opens that a colleague's agenda leaves out."""
    day = _agenda_day(request.GET.get("dag"))
    start = timezone.make_aware(datetime.combine(day, time.min))
    end = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))  # 23 or 25 hours at DST
    rows = list(
        access.bookings_open_to(therapist)
        .filter(status=Booking.Status.ACTIVE, starts_at__gte=start, starts_at__lt=end)
        .order_by("starts_at", "therapist__name", "pk")
    )
    # Names and appointments: one access-log line per appointment listed, as on the dashboard.
    access.log_dashboard(request, rows, ())
    clinics = access.clinics_of(therapist)
    return render(
        request,
        "clinic/physio/agenda.html",
        {
            "therapist": therapist,
            "day": day,
            "is_today": day == timezone.localdate(),
            "previous_day": day - timedelta(days=1) if day > AGENDA_FIRST_DAY else None,
            "next_day": day + timedelta(days=1) if day < AGENDA_LAST_DAY else None,
            "rows": rows,
            "clinics": clinics,
            # Name the practice per row only when there is more than one (or an own one at a former practice).
            "show_clinic": len(clinics) > 1 or any(b.clinic not in clinics for b in rows),
        },
    )


@require_GET
@physio_required
def appointment(request: HttpRequest, therapist: Therapist, pk: int) -> HttpResponse:
    booking = access.booking_for_therapist_or_404(request, therapist, pk)
    access.log_booking(request, booking)
    report = None
    if access.report_visible_to(therapist, booking):
        report = patient_record.report_context(booking.selfcheck_answers or {})
        access.log_booking_report(request, booking)
    is_patient = booking.runner_id is not None and bool(access.patient_consents(therapist, booking.runner_id))
    return render(
        request,
        "clinic/physio/appointment.html",
        {
            "booking": booking,
            "report": report,
            "is_patient": is_patient,
            "own": access.is_own_booking(therapist, booking),
        },
    )


def _patient(request: HttpRequest, therapist: Therapist, runner_id: int) -> Patient:
    try:
        return access.patient_or_404(therapist, runner_id)
    except Http404:
        access.log_refused(request, runner_id, "record")
        raise


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("New note"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Write the note first.")},
    )


class ProgrammeAdjustForm(forms.Form):
    exercises = forms.MultipleChoiceField(
        label=gettext_lazy("Strength exercises"),
        choices=STRENGTH_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one strength exercise.")},
    )
    reviewed = forms.BooleanField(
        label=gettext_lazy("I have examined the knee today: the programme may go on"), required=False
    )


def _record_context(
    request: HttpRequest, therapist: Therapist, patient: Patient, action: str = AccessEvent.Action.READ
) -> dict[str, Any]:
    runner = patient.runner
    sharing = Sharing.of(patient.consents)
    context: dict[str, Any] = {"patient": patient, "runner": runner, "categories": Category}
    context |= patient_record.shared_record(runner, therapist, sharing)
    context["details"] = PracticeDetails.objects.filter(user=runner).first()
    # One access-log line per category shown, and per clinic whose notes are shown, written in one go.
    seen = [
        access.view_entry(request, therapist, patient, category, action)
        for category in (Category.SELFCHECK, Category.TRAINING, Category.PAIN, Category.RECOVERY)
        if patient.allows(category)
    ]
    programme = (context.get("recovery") or {}).get("programme")
    if programme is not None:
        context["adjust_form"] = ProgrammeAdjustForm(initial={"exercises": programme.exercises})
    clinics = {c.clinic_id for c in patient.consents.values()}
    context["notes"] = PatientNote.objects.filter(runner=runner, clinic_id__in=clinics).select_related(
        "author"
    )
    seen += access.notes_entries(request, patient, action)
    record_many(seen)
    context["note_form"] = NoteForm()
    return context


@require_GET
@physio_required
def patient(request: HttpRequest, therapist: Therapist, runner_id: int) -> HttpResponse:
    found = _patient(request, therapist, runner_id)
    return render(request, "clinic/physio/patient.html", _record_context(request, therapist, found))


@require_GET
@physio_required
def patient_pdf(request: HttpRequest, therapist: Therapist, runner_id: int) -> HttpResponse:
    """The shared record on paper; logged as a print of each category in it."""
    from weasyprint import HTML

    found = _patient(request, therapist, runner_id)
    context = _record_context(request, therapist, found, AccessEvent.Action.PRINT) | {
        "css": _css(),
        "printed_by": therapist,
        "printed_at": timezone.now(),
        "practice": ", ".join(sorted({c.clinic.name for c in found.consents.values()})),
    }
    html = render_to_string("clinic/physio/patient_pdf.html", context, request=request)
    response = HttpResponse(
        HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="dossier-{runner_id}.pdf"'
    return response


def _css() -> str:
    from pathlib import Path

    from django.contrib.staticfiles import finders

    found = finders.find("kniewijs/css/site.css")
    return Path(found).read_text(encoding="utf-8") if found else ""


@require_POST
@physio_required
def add_note(request: HttpRequest, therapist: Therapist, runner_id: int) -> HttpResponse:
    found = _patient(request, therapist, runner_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        form.fields["text"].widget.attrs["autofocus"] = True  # the browser scrolls the error into view
        context = _record_context(request, therapist, found) | {"note_form": form}
        return render(request, "clinic/physio/patient.html", context, status=400)
    consent = next(iter(found.consents.values()))
    with transaction.atomic():
        PatientNote.objects.create(
            clinic=consent.clinic, runner=found.runner, author=therapist, text=form.cleaned_data["text"]
        )
        access.log_note(request, found, consent)
    messages.success(request, _("Note saved."), extra_tags="in-place notes")
    return HttpResponseRedirect(reverse("physio:patient", args=[runner_id]) + "#notes")


@require_POST
@physio_required
def adjust_programme(request: HttpRequest, therapist: Therapist, runner_id: int) -> HttpResponse:
    found = _patient(request, therapist, runner_id)
    if not found.allows(Category.RECOVERY):
        access.log_view(request, therapist, found, Category.RECOVERY, AccessEvent.Action.CHANGE)
        raise Http404
    programme = active_programme(found.runner)
    if programme is None:
        raise Http404
    form = ProgrammeAdjustForm(request.POST)
    if not form.is_valid():
        form.fields["exercises"].widget.attrs["autofocus"] = True
        context = _record_context(request, therapist, found) | {"adjust_form": form}
        return render(request, "clinic/physio/patient.html", context, status=400)
    with transaction.atomic():
        programme.exercises = list(form.cleaned_data["exercises"])
        programme.save(update_fields=["exercises"])
        if form.cleaned_data["reviewed"]:
            Review.objects.create(programme=programme, date=timezone.localdate())
        access.log_view(request, therapist, found, Category.RECOVERY, AccessEvent.Action.CHANGE)
    messages.success(
        request,
        _("The programme has been changed. The runner sees it at once."),
        extra_tags="in-place recovery",
    )
    return HttpResponseRedirect(reverse("physio:patient", args=[runner_id]) + "#recovery")
