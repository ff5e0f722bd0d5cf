"""After booking: the summary, the calendar file, the runner's own list, and looking at, moving or cancelling a
booking through the mailed link (namespace `booking`).

The mailed link is `/afspraak/beheer/#<token>` (links.py): the key after the `#` never reaches a server, the
page's script posts it to `link`, which checks it and remembers the booking in this browser's session. The
pages behind it are addressed by the booking's public id. A GET only ever shows; moving and cancelling are
POSTs (CSRF-protected) from those pages.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from . import access, emails, ics, links
from . import booking as service
from .booking_forms import Carry, parse_slot
from .booking_views import _base_url, _lang, _no_store, _send, _slot_context, _taken_message
from .models import Booking


def _newest_link(booking: Booking, version: int | None) -> bool:
    """Whether the visitor's link was the last one mailed for `booking`. Moving raises the version and mails a
    new link; cancelling raises it too but mails none, so for a cancelled booking the link just before the
    cancellation is the newest there is (the admin cancels without raising it)."""
    if version is None or booking.is_active:
        return False
    return version >= booking.link_version - 1


def _link_problem(request: HttpRequest, problem: links.LinkError) -> HttpResponse:
    booking = problem.booking
    if booking is not None and isinstance(problem, links.LinkReplaced):
        booking.refresh_from_db()  # a change that raced this request is the state to tell about
    context = {
        "problem": type(problem).__name__,
        "booking": booking,
        "is_over": booking is not None and booking.ends_at <= timezone.now(),
        # What the page says follows the booking's real state, not only that the link stopped working.
        "is_cancelled": booking is not None and not booking.is_active,
        "newest": booking is not None and _newest_link(booking, problem.version),
    }
    return _no_store(render(request, "clinic/booking/link_problem.html", context, status=problem.status))


def _booking_context(booking: Booking, request: HttpRequest | None = None) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "booking": booking,
        # Every move raises the version from 1; the page then says this is the new time.
        "was_moved": booking.link_version > 1 and booking.is_active,
        "via_account": bool(user is not None and user.is_authenticated and booking.runner_id == user.pk),
        "clinic": booking.clinic,
        "appointment": booking.appointment_type.name(_lang()),
        "can_change": booking.can_change(),
        "manage_url": reverse("booking:manage", args=[booking.public_id]),
        "ics_url": reverse("booking:ics", args=[booking.public_id]),
    }


# --- the mailed link ---------------------------------------------------------------------------------------
@sensitive_post_parameters("token")
@require_http_methods(["GET", "POST"])
def link(request: HttpRequest) -> HttpResponse:
    """GET: the page whose script posts the key after the `#` (or where it can be pasted). POST: check the key,
    let this browser see the booking, and show it."""
    if request.method == "GET":
        return _no_store(render(request, "clinic/booking/link.html", {}))
    try:
        booking = links.open_booking(links.token_from(request.POST.get("token", "")), for_change=False)
    except links.LinkError as problem:
        return _link_problem(request, problem)
    links.grant(request.session, booking)
    target = "booking:manage" if booking.can_change() else "booking:done"
    return redirect(reverse(target, args=[booking.public_id]))


@require_GET
def legacy_link(request: HttpRequest, token: str) -> HttpResponse:
    """A link from a mail sent before the key moved behind the `#`: the same page, with the key behind it. The
    request itself did carry the key; `kniewijs.logs` masks it in the logs."""
    return HttpResponseRedirect(reverse("booking:link") + "#" + quote(token, safe=":-_"))


# --- what the booking looks like -----------------------------------------------------------------------------
@require_GET
def done(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    try:
        booking, _version = access.booking_for_visitor(request, public_id, for_change=False)
    except links.LinkError as problem:
        return _link_problem(request, problem)
    return _no_store(render(request, "clinic/booking/done.html", _booking_context(booking)))


@require_GET
def calendar_file(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    try:
        booking, _version = access.booking_for_visitor(request, public_id, for_change=False)
    except links.LinkError as problem:
        return _link_problem(request, problem)
    manage_url = _base_url(request) + links.manage_link(booking) if booking.can_change() else ""
    response = HttpResponse(ics.booking_ics(booking, ics.REQUEST, manage_url), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{ics.filename(booking)}"'
    return _no_store(response)


@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    rows = Booking.objects.filter(runner=request.user).select_related(
        "clinic", "therapist", "appointment_type"
    )
    lang = _lang()
    upcoming, past = [], []
    for booking in rows.order_by("starts_at"):
        entry = {
            "booking": booking,
            "appointment": booking.appointment_type.name(lang),
            "manage_url": links.manage_path(booking) if booking.can_change(now) else "",
            "done_url": links.done_path(booking) if booking.is_active and booking.ends_at > now else "",
        }
        (upcoming if booking.is_active and booking.ends_at > now else past).append(entry)
    past.reverse()  # the most recent first
    return _no_store(render(request, "clinic/booking/mine.html", {"upcoming": upcoming, "past": past}))


# --- moving and cancelling ---------------------------------------------------------------------------------
@require_GET
def manage(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    try:
        booking, _version = access.booking_for_visitor(request, public_id, for_change=True)
    except links.LinkError as problem:
        return _link_problem(request, problem)
    return _no_store(render(request, "clinic/booking/manage.html", _booking_context(booking, request)))


@require_http_methods(["GET", "POST"])
def reschedule(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """GET: the free times (and other weeks). POST with a time: move the booking there."""
    try:
        booking, version = access.booking_for_visitor(request, public_id, for_change=True)
    except links.LinkError as problem:
        return _link_problem(request, problem)
    message, status = "", 200
    if request.method == "POST":
        starts_at = parse_slot(request.POST.get("slot"))
        if starts_at is None:
            message, status = _("Please choose a time first."), 400
        else:
            try:
                moved = service.reschedule(booking, starts_at=starts_at, expected_version=version)
            except service.SlotTaken:
                message, status = _taken_message(), 409
            except service.StaleLink:
                return _link_problem(request, links.LinkReplaced(booking, version))
            except service.NotChangeable:
                return _link_problem(request, links.LinkExpired(booking))
            else:
                links.grant(request.session, moved)  # the one who moved it may go on seeing it
                _send(request, emails.RESCHEDULED, moved)
                messages.success(request, _("Your appointment has been moved. We have sent you an e-mail."))
                return redirect(links.done_path(moved))
    page_url = reverse("booking:reschedule", args=[booking.public_id])
    context = _slot_context(
        request, booking.clinic, booking.appointment_type, page_url=page_url, extra_query={}, ignore=booking
    )
    context |= {
        "carry": Carry(),
        "slot_action": page_url,
        "message": message,
        "moving": booking,
        "manage_url": reverse("booking:manage", args=[booking.public_id]),
    }
    return _no_store(render(request, "clinic/booking/slots.html", context, status=status))


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """GET: are you sure? POST (the button on that page): cancel."""
    try:
        booking, version = access.booking_for_visitor(request, public_id, for_change=True)
    except links.LinkError as problem:
        return _link_problem(request, problem)
    if request.method == "GET":
        return _no_store(render(request, "clinic/booking/cancel.html", _booking_context(booking)))
    try:
        cancelled = service.cancel(booking, expected_version=version)
    except service.StaleLink:
        return _link_problem(request, links.LinkReplaced(booking, version))
    except service.NotChangeable:
        return _link_problem(request, links.LinkExpired(booking))
    _send(request, emails.CANCELLED, cancelled)
    context = {
        "booking": cancelled,
        "clinic": cancelled.clinic,
        "appointment": cancelled.appointment_type.name(_lang()),
    }
    return _no_store(render(request, "clinic/booking/cancelled.html", context))
