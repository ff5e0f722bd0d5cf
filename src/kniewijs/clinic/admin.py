"""The admin for the clinic's own data: the clinic, its therapists' hours and absences, bookings and invitations.
Therapists are in admin_therapists.py, bookings and absences in admin_bookings.py; both are registered by
importing them here, where Django's admin looks.

The site itself is django-otp's OTPAdminSite (see admin_site.py), so every page here needs a TOTP code. An
administrator sees only the clinics a superuser named them for (`Clinic.administrators`, admin_scope.py).
Nobody becomes a physiotherapist here: the admin sends an invitation, which only the invited person can accept
(invitations.py); a therapist's clinics can be taken away here, never added. Health data stays out: a
booking's attached self-check is neither listed nor shown; physios read it, with the access logged, in their
own pages. Every booking list page and booking page shown is written to the access log, one line per booking.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _plain
from django.utils.translation import gettext_lazy as _

from . import admin_bookings, admin_therapists, invitations, slots
from .admin_scope import ClinicFilter, ClinicScopedAdmin
from .models import AppointmentType, Clinic, FaqItem, Therapist, TherapistInvitation

__all__ = ["admin_bookings", "admin_therapists"]  # imported for their @admin.register


def _is_superuser(request: HttpRequest) -> bool:
    return bool(request.user.is_superuser)  # type: ignore[union-attr]


class FaqItemInline(admin.StackedInline):  # type: ignore[type-arg]
    model = FaqItem
    extra = 0
    fields = ["order", "question_nl", "answer_nl", "question_en", "answer_en"]


class AppointmentTypeInline(admin.TabularInline):  # type: ignore[type-arg]
    model = AppointmentType
    extra = 0
    fields = ["name_nl", "name_en", "duration_minutes", "is_knee_check", "free_of_charge", "active"]


@admin.register(Clinic)
class ClinicAdmin(ClinicScopedAdmin):
    clinic_path = "pk"
    list_display = ["name", "phone", "cancel_hours_before", "booking_days_ahead", "active"]
    list_filter = ["active"]
    search_fields = ["name", "address"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["administrators"]
    inlines = [AppointmentTypeInline, FaqItemInline]
    readonly_fields = ["hours_from_the_schedule"]

    @admin.display(description=_("opening hours"))
    def hours_from_the_schedule(self, obj: Clinic) -> str:
        # Read from the therapists' weekly hours, which the free times come from, so that the two agree; a
        # text typed in here once said "di tot 20.00" while no slot was offered then.
        if obj.pk is None:
            return _plain("Shown once the clinic is saved and its physiotherapists have weekly hours.")
        kind = obj.appointment_types.filter(active=True).first()
        days = slots.opening_hours(obj, kind) if kind is not None else []
        if not days:
            return _plain("No weekly hours yet: add them on the page of each physiotherapist.")
        lines = format_html_join(
            "",
            "<li>{}: {}</li>",
            ((day.label, ", ".join(f"{r.first:%H:%M}-{r.last:%H:%M}" for r in day.ranges)) for day in days),
        )
        note = _plain(
            "The first and the last time an appointment (%(type)s) can start, from the weekly hours of the"
            " physiotherapists. Change those hours on each physiotherapist's page."
        ) % {"type": kind}
        return format_html('<ul class="hours">{}</ul><p class="help">{}</p>', lines, note)

    def get_exclude(self, request: HttpRequest, obj: Clinic | None = None) -> Any:
        # Who administers a clinic is for a superuser to say, never for its administrators.
        return None if _is_superuser(request) else ["administrators"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _is_superuser(request)

    def has_delete_permission(self, request: HttpRequest, obj: Clinic | None = None) -> bool:
        return _is_superuser(request)


class InvitationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = TherapistInvitation
        fields = ["clinic", "email", "name"]

    def __init__(self, *args: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        field = self.fields.get("clinic")
        if field is not None and request is not None and not self.is_bound:
            choices = list(field.queryset[:2])
            if len(choices) == 1:
                field.initial = choices[0].pk  # a manager of one practice has nothing to choose

    def clean_email(self) -> str:
        email = invitations.normalise(self.cleaned_data["email"])
        if self.request is not None and invitations.is_own_address(self.request.user, email):
            raise forms.ValidationError(
                _("You cannot invite yourself: another administrator of the clinic has to invite you.")
            )
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        clinic, email = data.get("clinic"), data.get("email")
        if clinic is not None and email:
            if Therapist.objects.filter(user__email__iexact=email, clinics=clinic).exists():
                self.add_error("email", _("This person is a physiotherapist of this clinic already."))
            open_ones = TherapistInvitation.objects.filter(
                clinic=clinic,
                email=email,
                status__in=[TherapistInvitation.Status.PENDING, TherapistInvitation.Status.ACCEPTED],
            )
            if open_ones.exists():
                self.add_error("email", _("An invitation to this address is still open. Withdraw it first."))
        return data


@admin.register(TherapistInvitation)
class TherapistInvitationAdmin(ClinicScopedAdmin):
    form = InvitationForm
    list_display = ["email", "clinic", "status", "created_at", "expires_at", "invited_by_name"]
    list_filter = ["status", ClinicFilter]
    search_fields = ["email", "name"]
    actions = ["withdraw"]
    readonly = [
        "clinic",
        "email",
        "name",
        "status",
        "invited_by_name",
        "created_at",
        "expires_at",
        "accepted_at",
        "completed_at",
    ]

    def get_fields(self, request: HttpRequest, obj: TherapistInvitation | None = None) -> list[str]:
        return ["clinic", "email", "name"] if obj is None else self.readonly

    def get_readonly_fields(self, request: HttpRequest, obj: TherapistInvitation | None = None) -> list[str]:
        return [] if obj is None else self.readonly

    def get_form(
        self,
        request: HttpRequest,
        obj: TherapistInvitation | None = None,
        change: bool = False,
        **kwargs: Any,
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)

        class WithRequest(form):  # type: ignore[misc, valid-type]
            def __init__(self, *args: Any, **inner: Any) -> None:
                super().__init__(*args, request=request, **inner)

        return WithRequest

    def has_delete_permission(self, request: HttpRequest, obj: TherapistInvitation | None = None) -> bool:
        return False  # withdraw instead; the record of who invited whom stays

    def save_model(self, request: HttpRequest, obj: TherapistInvitation, form: Any, change: bool) -> None:
        if change:
            return  # nothing of a sent invitation changes; withdraw it and send a new one
        invitations.invite(request, obj, request.build_absolute_uri("/"))

    @admin.action(description=_("Withdraw the chosen invitations"), permissions=["change"])
    def withdraw(self, request: HttpRequest, queryset: QuerySet[TherapistInvitation]) -> None:
        count = sum(invitations.withdraw(request, invitation) for invitation in queryset)
        self.message_user(
            request, _plain("Invitations withdrawn: %(count)d.") % {"count": count}, messages.SUCCESS
        )
