"""Booking the free knee check online: choose a clinic, a time and fill in your details. Looking at it later,
moving and cancelling it through the mailed link are in booking_link_views.py.

Nothing is stored before the runner confirms; the self-check answers they bring along travel in a hidden
field and are only stored with the booking when they tick the consent box.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kniewijs.core.text import normalise_language

from . import booking as service
from . import emails, links
from . import slots as free
from .booking_forms import Carry, DetailsForm, carry_from, parse_slot
from .care_first import care_first_page, care_needed
from .models import AppointmentType, Booking, Clinic


def _lang() -> str:
    return normalise_language(get_language())


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"  # pages with personal details must not linger in caches
    return response


def _taken_message() -> str:
    return _("Sorry, this time was just taken by someone else. Please choose another time.")


def _clinic_or_404(slug: str) -> Clinic:
    return get_object_or_404(Clinic, slug=slug, active=True)


def _appointment_type(clinic: Clinic, raw: str | None) -> AppointmentType:
    """The chosen type of this clinic; the knee check (first in order) when none or a wrong one is asked."""
    types = list(clinic.appointment_types.filter(active=True))
    if not types:
        raise Http404("This clinic has no bookable appointment types.")
    return next((t for t in types if str(t.pk) == raw), types[0])


def _programme_answers(user: Any) -> dict[str, Any] | None:
    """The self-check behind a logged-in runner's active recovery programme, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    from kniewijs.recovery.access import active_programme

    programme = active_programme(user)
    return dict(programme.answers) if programme is not None and programme.answers else None


def _week_param(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _problem_note(request: HttpRequest, unreadable: bool) -> None:
    if unreadable:
        messages.warning(
            request,
            _("Your self-check answers could not be read, so they do not come along. You can still book."),
        )


# --- choosing the clinic and the type ------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    carry, unreadable = carry_from(request.POST)
    _problem_note(request, unreadable)
    if (advice := care_needed(request, carry)) is not None:
        return care_first_page(request, advice, carry)
    clinics = list(Clinic.objects.filter(active=True))
    if len(clinics) == 1:
        return _clinic_page(request, clinics[0], carry)
    return render(request, "clinic/booking/choose_clinic.html", {"clinics": clinics, "carry": carry})


@require_http_methods(["GET", "POST"])
def clinic_page(request: HttpRequest, slug: str) -> HttpResponse:
    carry, unreadable = carry_from(request.POST)
    _problem_note(request, unreadable)
    clinic = _clinic_or_404(slug)
    if (advice := care_needed(request, carry)) is not None:
        return care_first_page(request, advice, carry)
    return _clinic_page(request, clinic, carry)


def _clinic_page(request: HttpRequest, clinic: Clinic, carry: Carry) -> HttpResponse:
    lang = _lang()
    types = [(t, t.name(lang)) for t in clinic.appointment_types.filter(active=True)]
    context = {
        "clinic": clinic,
        "types": types,
        "default_type": types[0][0].pk if types else None,
        "faq": [(item.question(lang), item.answer(lang)) for item in clinic.faq.all()],
        "carry": carry,
        # For the first (default) type: the knee check, the appointment this page is about.
        "hours": free.opening_hours(clinic, types[0][0]) if types else [],
    }
    return render(request, "clinic/booking/clinic.html", context)


# --- choosing a time -------------------------------------------------------------------------------------
def _slot_context(
    request: HttpRequest,
    clinic: Clinic,
    appointment_type: AppointmentType,
    *,
    page_url: str,
    extra_query: dict[str, Any],
    ignore: Booking | None = None,
) -> dict[str, Any]:
    now = timezone.now()
    week = free.week_grid(
        clinic, appointment_type, now=now, monday=_week_param(request.GET.get("week")), ignore=ignore
    )

    def week_url(monday: date | None) -> str:
        return f"{page_url}?{urlencode(extra_query | {'week': monday.isoformat()})}" if monday else ""

    return {
        "clinic": clinic,
        "appointment_type": appointment_type,
        "appointment": appointment_type.name(_lang()),
        "next_offers": free.next_offers(clinic, appointment_type, now=now, ignore=ignore),
        "week": week,
        "previous_url": week_url(week.previous),
        "next_url": week_url(week.next),
    }


def _render_slots(
    request: HttpRequest,
    clinic: Clinic,
    appointment_type: AppointmentType,
    carry: Carry,
    *,
    message: str = "",
    status: int = 200,
) -> HttpResponse:
    context = _slot_context(
        request,
        clinic,
        appointment_type,
        page_url=reverse("booking:slots", args=[clinic.slug]),
        extra_query={"soort": appointment_type.pk},
    )
    context |= {
        "carry": carry,
        "slot_action": reverse("booking:details", args=[clinic.slug]),
        "message": message,
        "moving": None,
    }
    return _no_store(render(request, "clinic/booking/slots.html", context, status=status))


@require_http_methods(["GET", "POST"])
def slots(request: HttpRequest, slug: str) -> HttpResponse:
    clinic = _clinic_or_404(slug)
    appointment_type = _appointment_type(clinic, request.GET.get("soort") or request.POST.get("soort"))
    carry, unreadable = carry_from(request.POST)
    _problem_note(request, unreadable)
    if (advice := care_needed(request, carry)) is not None:
        return care_first_page(request, advice, carry, appointment_type)
    return _render_slots(request, clinic, appointment_type, carry)


# --- the details and the booking itself ------------------------------------------------------------------
def _report_label(clinic: Clinic, source: str) -> str:
    if source == "programme":
        return _(
            "Yes, send %(clinic)s the self-check my recovery programme started from, with this booking."
        ) % {"clinic": clinic.name}
    return _("Yes, send %(clinic)s my self-check answers and result with this booking.") % {
        "clinic": clinic.name
    }


@require_POST
def details(request: HttpRequest, slug: str) -> HttpResponse:
    clinic = _clinic_or_404(slug)
    appointment_type = _appointment_type(clinic, request.POST.get("soort"))
    carry, _unreadable = carry_from(request.POST)
    if (advice := care_needed(request, carry)) is not None:
        # Never a booking with an urgent result attached without the word first, however the form came.
        go_on = reverse("booking:slots", args=[clinic.slug])
        return care_first_page(request, advice, carry, appointment_type, go_on)
    starts_at = parse_slot(request.POST.get("slot"))
    if starts_at is None:
        return _render_slots(
            request, clinic, appointment_type, carry, message=_("Please choose a time first."), status=400
        )
    answers, source = carry.answers, "selfcheck"
    if answers is None:
        answers, source = _programme_answers(request.user), "programme"
    report_label = _report_label(clinic, source) if answers else None

    if "confirm" not in request.POST:
        if not free.free_therapists(
            clinic, appointment_type, free.bookable_therapists(clinic), starts_at, now=timezone.now()
        ):
            return _render_slots(
                request, clinic, appointment_type, carry, message=_taken_message(), status=409
            )
        user = request.user
        initial = {
            "name": carry.name or (user.get_full_name() if user.is_authenticated else ""),
            "email": carry.email or (user.email if user.is_authenticated else ""),
            "phone": carry.phone,
            # Only ticked again when the runner ticked it themselves before their time was taken.
            "send_report": carry.send_report,
        }
        form = DetailsForm(initial=initial, report_label=report_label)
        return _render_details(request, clinic, appointment_type, starts_at, carry, form)

    form = DetailsForm(request.POST, report_label=report_label)
    if not form.is_valid():
        return _render_details(request, clinic, appointment_type, starts_at, carry, form)
    data = form.cleaned_data
    booker = service.Booker(
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        language=_lang(),
        runner=request.user if request.user.is_authenticated else None,
        selfcheck_answers=answers if data.get("send_report") else None,
    )
    try:
        booking = service.book(
            clinic=clinic, appointment_type=appointment_type, starts_at=starts_at, booker=booker
        )
    except service.SlotTaken:
        # `carry` holds the details just typed, so they are filled in again after choosing another time.
        return _render_slots(request, clinic, appointment_type, carry, message=_taken_message(), status=409)
    _send(request, emails.CONFIRMATION, booking)
    links.grant(request.session, booking)  # this browser booked it: it may show it without the mailed link
    return redirect(links.done_path(booking))


def _render_details(
    request: HttpRequest,
    clinic: Clinic,
    appointment_type: AppointmentType,
    starts_at: Any,
    carry: Carry,
    form: DetailsForm,
) -> HttpResponse:
    context = {
        "clinic": clinic,
        "appointment_type": appointment_type,
        "appointment": appointment_type.name(_lang()),
        "starts_at": starts_at,
        "slot_value": starts_at.isoformat(),
        "carry_state": carry.state,
        "care_seen": carry.care_seen,
        "form": form,
    }
    return _no_store(render(request, "clinic/booking/details.html", context))


def _send(request: HttpRequest, kind: str, booking: Booking) -> None:
    """Send a booking mail; the booking stands even when the mail server is down, so say so instead.
    In a clinic deployment a worker sends it (and retries)."""
    if not emails.deliver(kind, booking, base_url=_base_url(request)):
        messages.warning(request, _("We could not send the e-mail. Please note the details on this page."))
