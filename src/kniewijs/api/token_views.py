"""The runner's API token pages: the list, a new token (its secret shown once) and revoking one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .auth import rate_per_minute
from .models import ApiToken
from .token_forms import NewTokenForm


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"  # a page with a secret on it must never come back from a cache
    return response


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = ApiToken.objects.filter(owner=request.user)
    context = {
        "active": [t for t in tokens if t.is_active],
        "revoked": [t for t in tokens if not t.is_active][:20],
        "docs_url": request.build_absolute_uri(reverse("api_v1:openapi-json")),
        "rate": rate_per_minute(),
    }
    return _no_store(render(request, "api/tokens.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def token_create(request: HttpRequest) -> HttpResponse:
    form = NewTokenForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            token, secret = ApiToken.issue(
                request.user, form.cleaned_data["name"], form.cleaned_data["scope"]
            )
        # Rendered here, not after a redirect: the secret is never stored anywhere, not even in the session.
        return _no_store(render(request, "api/token_created.html", {"token": token, "secret": secret}))
    return _no_store(render(request, "api/token_new.html", {"form": form}))


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; only a POST revokes. Someone else's token is a 404."""
    token = get_object_or_404(ApiToken, pk=pk, owner=request.user, revoked_at__isnull=True)
    if request.method == "POST":
        with transaction.atomic():
            ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
        messages.success(request, _("The token has been revoked. Apps that used it no longer have access."))
        return redirect("api_tokens:list")
    return _no_store(render(request, "api/token_revoke.html", {"token": token}))
