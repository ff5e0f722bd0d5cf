"""The invited person's pages (namespace `physio`): open the mailed link, sign in, accept, then two-step sign-in.
The steps themselves, and who may take them, are in invitations.py."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from . import invitations
from .links import token_from
from .models import TherapistInvitation
from .twofactor import two_factor_url

Status = invitations.Status
# A refusal that concerns the account (403) and one that concerns the invitation (410).
STATUS_FOR = {invitations.Refused.OWN: 403, invitations.Refused.ADDRESS: 403, invitations.Refused.CLOSED: 410}


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@sensitive_post_parameters("token")
@require_http_methods(["GET", "POST"])
def link(request: HttpRequest) -> HttpResponse:
    """GET: the page whose script posts the key after the `#`. POST: remember the invitation, then show it."""
    if request.method == "GET":
        return render(request, "clinic/invitation/link.html")
    try:
        invitation = invitations.open_link(request, token_from(request.POST.get("token", "")))
    except invitations.Refused:
        return _no_store(render(request, "clinic/invitation/problem.html", status=404))
    return redirect("physio:invitation", invitation.pk)


@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, pk: int) -> HttpResponse:
    found = invitations.opened(request, pk)
    if found is None:
        raise Http404
    user = request.user
    if not user.is_authenticated:
        if request.method == "POST":
            return redirect(reverse("accounts:login") + f"?next={request.path}")
        return _no_store(render(request, "clinic/invitation/invitation.html", {"invitation": found}))
    if found.status == Status.DONE and found.accepted_by_id == user.pk:
        return redirect("physio:dashboard")
    if request.method == "POST":
        try:
            found = invitations.accept(request, found)
        except invitations.Refused as refused:
            return _page(request, found, refused.reason)
        if found.status == Status.DONE:
            messages.success(
                request,
                _("Welcome: you are now a physiotherapist of %(clinic)s.") % {"clinic": found.clinic.name},
            )
            return redirect("physio:dashboard")
        return redirect(two_factor_url(request.path))
    return _page(request, found, invitations.problem(user, found))


def _page(request: HttpRequest, found: TherapistInvitation, reason: str) -> HttpResponse:
    context = {
        "invitation": found,
        "reason": reason,
        "waiting": not reason and found.status == Status.ACCEPTED,
        "code_url": two_factor_url(request.path),
    }
    status = STATUS_FOR.get(reason, 200)
    return _no_store(render(request, "clinic/invitation/invitation.html", context, status=status))
