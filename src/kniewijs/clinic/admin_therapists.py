"""Therapists in the admin: their name, their weekly hours, taking a clinic away, and resetting a lost
authenticator.

Nobody becomes a physiotherapist here: the admin sends an invitation, which only the invited person can
accept (invitations.py). A physio who lost their phone asks the practice manager, who resets their two-step
sign-in here: the authenticator is deleted, every session that passed it with that device stops being
verified (django-otp checks the device on each request), and on their next sign-in with their password the
physio sets up a new app (twofactor.setup). Only for a therapist of the manager's own clinics, and written
to the access log like every other change to someone's role.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _plain
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from kniewijs.audit.log import pseudonym
from kniewijs.audit.models import AccessEvent

from . import access, invitations
from .admin_scope import ClinicFilter, ClinicScopedAdmin, ScopedChoices
from .models import Clinic, Therapist, WeeklyAvailability


def _is_superuser(request: HttpRequest) -> bool:
    return bool(request.user.is_superuser)  # type: ignore[union-attr]


def log_role(request: HttpRequest, therapist: Therapist, clinic: Clinic, step: str) -> None:
    invitations.log_role(
        request,
        actor=request.user,
        role=AccessEvent.Role.ADMIN,
        subject=pseudonym(therapist.user_id),
        clinic=clinic,
        step=step,
        basis="clinic administration",
    )


class WeeklyAvailabilityInline(ScopedChoices, admin.TabularInline):  # type: ignore[type-arg]
    model = WeeklyAvailability
    extra = 0
    fields = ["clinic", "weekday", "start_time", "end_time"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[WeeklyAvailability]:
        rows = super().get_queryset(request)
        return (
            rows
            if _is_superuser(request)
            else rows.filter(clinic__in=access.administered_clinics(request.user))
        )

    def get_formset(self, request: HttpRequest, obj: Therapist | None = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        # Hours only at a clinic the therapist works at (and that this administrator manages).
        allowed = Clinic.objects.filter(therapists=obj) if obj is not None else Clinic.objects.none()
        if not _is_superuser(request):
            allowed = allowed.filter(pk__in=access.administered_clinics(request.user))
        formset.form.base_fields["clinic"].queryset = allowed
        return formset


@admin.register(Therapist)
class TherapistAdmin(ClinicScopedAdmin):
    """Therapists come from accepted invitations only. Here: the name, hours, and taking a clinic away."""

    clinic_path = "clinics"
    through_many = True
    list_display = ["name", "account", "two_step", "active"]
    list_filter = ["active", ClinicFilter]
    search_fields = ["name"]
    fields = ["account", "name", "active", "clinics", "two_step"]
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    inlines = [WeeklyAvailabilityInline]

    @admin.display(description=_("account"))
    def account(self, obj: Therapist) -> str:
        return obj.user.email

    @admin.display(description=_("two-step sign-in"))
    def two_step(self, obj: Therapist) -> str:
        if not TOTPDevice.objects.filter(user_id=obj.user_id, confirmed=True).exists():
            return _plain("Not set up yet: asked for at the next sign-in")
        url = reverse("admin:clinic_therapist_reset_totp", args=[obj.pk])
        return format_html('{} <a href="{}">{}</a>', _plain("Set up."), url, _plain("Reset (phone lost)"))

    def get_urls(self) -> list[Any]:
        reset = path(
            "<path:object_id>/authenticator-herstellen/",
            self.admin_site.admin_view(self.reset_totp_view),
            name="clinic_therapist_reset_totp",
        )
        return [reset, *super().get_urls()]

    def reset_totp_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        therapist = self.get_object(request, unquote(object_id))
        if therapist is None:
            raise Http404  # another clinic's therapist does not exist for this manager
        if not self.has_change_permission(request, therapist):
            raise PermissionDenied
        if therapist.user_id == request.user.pk or therapist.user.is_superuser:
            raise PermissionDenied  # one's own, or a superuser's: not for a practice manager to undo
        if request.method == "POST":
            with transaction.atomic():
                removed, _count = TOTPDevice.objects.filter(user_id=therapist.user_id).delete()
                clinics = therapist.clinics.all()
                if not _is_superuser(request):
                    clinics = clinics.filter(pk__in=access.administered_clinics(request.user))
                for clinic in clinics:
                    log_role(request, therapist, clinic, "two-step sign-in reset (authenticator deleted)")
            self.message_user(
                request,
                _plain("The authenticator of %(name)s is reset. At their next sign-in they set up a new one.")
                % {"name": therapist.name},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:clinic_therapist_change", args=[therapist.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _plain("Reset the authenticator of %(name)s") % {"name": therapist.name},
            "therapist": therapist,
            "opts": self.opts,
            "has_device": TOTPDevice.objects.filter(user_id=therapist.user_id).exists(),
        }
        return TemplateResponse(request, "admin/clinic/therapist/reset_totp.html", context)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # through an invitation that the person accepts themselves (invitations.py)

    def has_delete_permission(self, request: HttpRequest, obj: Therapist | None = None) -> bool:
        return _is_superuser(request) and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Therapist | None = None) -> list[str]:
        readonly = ["account", "two_step"]
        if obj is not None and not _is_superuser(request):
            managed = access.administered_clinics(request.user)
            if obj.clinics.exclude(pk__in=managed).exists():
                readonly.append("active")  # they work elsewhere too: that is not this clinic's to switch off
        return readonly

    def get_form(
        self, request: HttpRequest, obj: Therapist | None = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        if "clinics" not in form.base_fields:
            return form
        field = form.base_fields["clinics"]
        current = obj.clinics.all() if obj is not None else Clinic.objects.none()
        field.queryset = (
            current
            if _is_superuser(request)
            else current.filter(pk__in=access.administered_clinics(request.user))
        )
        field.required = False
        field.help_text = _(
            "Untick a clinic to take this physiotherapist off it. Adding a clinic goes through an invitation that"
            " they accept themselves."
        )
        return form

    def save_model(self, request: HttpRequest, obj: Therapist, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "active" in form.changed_data:
            step = "physiotherapist switched on" if obj.active else "physiotherapist switched off"
            for clinic in obj.clinics.all():
                log_role(request, obj, clinic, step)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        therapist: Therapist = form.instance
        before = set(therapist.clinics.all())
        offered = set(form.fields["clinics"].queryset) if "clinics" in form.fields else before
        super().save_related(request, form, formsets, change)  # sets clinics to the ticked ones of `offered`
        therapist.clinics.add(*(before - offered))  # the ones this administrator could not see stay
        removed = before - set(therapist.clinics.all())
        WeeklyAvailability.objects.filter(
            therapist=therapist, clinic__in=removed
        ).delete()  # no hours left there
        for clinic in removed:
            log_role(request, therapist, clinic, "taken off the clinic")
