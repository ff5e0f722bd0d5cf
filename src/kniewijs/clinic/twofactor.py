"""Two-factor sign-in for physiotherapists and clinic administrators: after the password, a six-digit code
from an authenticator app (TOTP, django-otp). A first sign-in sets the app up with a QR code.

Runners sign in with a password only; their accounts hold their own data, a physio's holds many people's.
"""

from __future__ import annotations

from base64 import b32encode
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import quote

import django_otp
import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import therapist_of
from .invitations import after_two_factor, waiting_for_code
from .models import Therapist


def needs_two_factor(user: Any) -> bool:
    """Physios, administrators, and whoever accepted an invitation to become a physio (invitations.py)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser or hasattr(user, "therapist"):
        return True
    return waiting_for_code(user)


def two_factor_url(next_url: str = "") -> str:
    url = reverse("physio:verify")
    return f"{url}?next={quote(next_url)}" if next_url else url


def physio_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view receives the therapist; anonymous -> login, not a physio -> 403, no code yet -> the code page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        therapist: Therapist | None = therapist_of(request.user)
        if therapist is None:
            raise PermissionDenied
        if not request.user.is_verified():  # type: ignore[union-attr]
            return HttpResponseRedirect(two_factor_url(request.get_full_path()))
        response = view(request, therapist, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    return wrapped


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
        error_messages={
            "required": _("Enter the six digits from your authenticator app."),
            "min_length": _("The code has six digits."),
            "max_length": _("The code has six digits."),
        },
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().replace(" ", "")
        if not code.isdigit():
            raise forms.ValidationError(_("The code has six digits."))
        return code


def _safe_next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    if therapist_of(request.user) is not None:
        return reverse("physio:dashboard")
    return resolve_url("admin:index") if request.user.is_staff else resolve_url("pages:home")  # type: ignore[union-attr]


def _confirmed_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    if not needs_two_factor(request.user):
        raise PermissionDenied
    if _confirmed_device(request.user) is None:
        return HttpResponseRedirect(reverse("physio:setup") + f"?next={quote(_safe_next(request))}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # match_token tries the user's devices; TOTPDevice throttles repeated wrong codes itself.
        device = django_otp.match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            after_two_factor(request, set_up=False)
            return HttpResponseRedirect(_safe_next(request))
        form.add_error("code", _("This code is not right or has expired. Try the code your app shows now."))
    return render(request, "clinic/twofactor/verify.html", {"form": form, "next": _safe_next(request)})


def _qr_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg: bytes = image.to_string(encoding="unicode")  # type: ignore[assignment]
    return str(svg)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """First sign-in: show a QR code for a new device, confirm it with a first code."""
    if not needs_two_factor(request.user):
        raise PermissionDenied
    if _confirmed_device(request.user) is not None:
        return HttpResponseRedirect(two_factor_url(_safe_next(request)))
    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=request.user, name=str(_("authenticator app")), confirmed=False
            )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            after_two_factor(request, set_up=True)
            return HttpResponseRedirect(_safe_next(request))
        form.add_error("code", _("This code is not right or has expired. Try the code your app shows now."))
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "clinic/twofactor/setup.html",
        {
            "form": form,
            "qr": mark_safe(_qr_svg(device)),  # noqa: S308 - generated by qrcode from our own URL
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": _safe_next(request),
        },
    )
