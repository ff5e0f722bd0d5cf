"""The admin for the clinic's own data: the clinic, its therapists' hours and absences, bookings and invitations.

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
from django.contrib.admin.utils import unquote
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _plain
from django.utils.translation import gettext_lazy as _

from kniewijs.audit.log import pseudonym
from kniewijs.audit.models import AccessEvent

from . import access, invitations
from .admin_scope import ClinicFilter, ClinicScopedAdmin, ScopedChoices
from .models import (
    AppointmentType,
    AvailabilityException,
    Booking,
    Clinic,
    FaqItem,
    Therapist,
    TherapistInvitation,
    WeeklyAvailability,
)


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

    def get_exclude(self, request: HttpRequest, obj: Clinic | None = None) -> Any:
        # Who administers a clinic is for a superuser to say, never for its administrators.
        return None if _is_superuser(request) else ["administrators"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _is_superuser(request)

    def has_delete_permission(self, request: HttpRequest, obj: Clinic | None = None) -> bool:
        return _is_superuser(request)


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
    list_display = ["name", "account", "active"]
    list_filter = ["active", ClinicFilter]
    search_fields = ["name"]
    fields = ["account", "name", "active", "clinics"]
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    inlines = [WeeklyAvailabilityInline]

    @admin.display(description=_("account"))
    def account(self, obj: Therapist) -> str:
        return obj.user.email

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # through an invitation that the person accepts themselves (invitations.py)

    def has_delete_permission(self, request: HttpRequest, obj: Therapist | None = None) -> bool:
        return _is_superuser(request) and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Therapist | None = None) -> list[str]:
        readonly = ["account"]
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
                _log_role(request, obj, clinic, step)

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
            _log_role(request, therapist, clinic, "taken off the clinic")


def _log_role(request: HttpRequest, therapist: Therapist, clinic: Clinic, step: str) -> None:
    invitations.log_role(
        request,
        actor=request.user,
        role=AccessEvent.Role.ADMIN,
        subject=pseudonym(therapist.user_id),
        clinic=clinic,
        step=step,
        basis="clinic administration",
    )


@admin.register(AvailabilityException)
class AvailabilityExceptionAdmin(ClinicScopedAdmin):
    clinic_path = "therapist__clinics"
    through_many = True
    list_display = ["therapist", "starts_at", "ends_at", "reason"]
    list_filter = ["reason", ("therapist", admin.RelatedOnlyFieldListFilter)]
    date_hierarchy = "starts_at"


class BookingForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Booking
        # `selfcheck_answers` is deliberately absent: health data is not for the admin.
        fields = [
            "clinic",
            "therapist",
            "appointment_type",
            "starts_at",
            "ends_at",
            "status",
            "name",
            "email",
            "phone",
            "language",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        clinic, therapist, kind = data.get("clinic"), data.get("therapist"), data.get("appointment_type")
        if (
            clinic is not None
            and therapist is not None
            and not therapist.clinics.filter(pk=clinic.pk).exists()
        ):
            self.add_error("therapist", _("This physiotherapist does not work at this clinic."))
        if clinic is not None and kind is not None and kind.clinic_id != clinic.pk:
            self.add_error("appointment_type", _("This appointment type belongs to another clinic."))
        return data


@admin.register(Booking)
class BookingAdmin(ClinicScopedAdmin):
    """Bookings as the front desk needs them. A clinic may enter a phone booking here; once made, its
    time is changed through the runner's link or by cancelling, so times are read-only."""

    form = BookingForm
    list_display = ["starts_at", "therapist", "appointment_type", "status", "name"]
    list_filter = ["status", ClinicFilter, ("therapist", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "email", "phone"]
    date_hierarchy = "starts_at"
    ordering = ["-starts_at"]
    list_select_related = ["therapist", "appointment_type", "clinic"]
    # `selfcheck_answers` is deliberately absent: health data is not for the admin.
    fields = [
        "clinic",
        "therapist",
        "appointment_type",
        "starts_at",
        "ends_at",
        "status",
        "name",
        "email",
        "phone",
        "language",
        "report_attached",
        "created_at",
        "cancelled_at",
        "reminder_sent_at",
    ]
    change_readonly = [
        "clinic",
        "therapist",
        "appointment_type",
        "starts_at",
        "ends_at",
        "report_attached",
        "created_at",
        "cancelled_at",
        "reminder_sent_at",
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Booking | None = None) -> list[str]:
        if obj is None:
            return ["report_attached", "created_at", "cancelled_at", "reminder_sent_at"]
        if obj.status == Booking.Status.CANCELLED:
            return [*self.change_readonly, "status"]  # bringing it back could clash with a newer booking
        return self.change_readonly

    def get_queryset(self, request: HttpRequest) -> QuerySet[Booking]:
        return super().get_queryset(request).defer("selfcheck_answers")

    def has_delete_permission(self, request: HttpRequest, obj: Booking | None = None) -> bool:
        return False  # cancel instead: the runner's links end, the time is free, the record stays

    @admin.display(description=_("self-check attached"), boolean=True)
    def report_attached(self, obj: Booking) -> bool:
        return obj.report_consent_at is not None

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None:
            access.log_admin_bookings(request, changelist.result_list)
        return response

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        shown = self.get_object(request, unquote(object_id))
        if shown is None:
            other = (
                Booking.objects.select_related("clinic").filter(pk=object_id).first()
                if object_id.isdigit()
                else None
            )
            if other is not None:
                access.log_admin_booking_refused(request, other)
        elif response.status_code == 200:
            access.log_admin_bookings(request, [shown])  # the page was shown (a save is logged in save_model)
        return response

    def save_model(self, request: HttpRequest, obj: Booking, form: Any, change: bool) -> None:
        # Cancelling here must end the runner's links too, as cancelling online does.
        if change and "status" in form.changed_data and obj.status == Booking.Status.CANCELLED:
            obj.cancelled_at = timezone.now()
            obj.link_version += 1
        super().save_model(request, obj, form, change)
        access.log_admin_bookings(request, [obj], AccessEvent.Action.CHANGE)


class InvitationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = TherapistInvitation
        fields = ["clinic", "email", "name"]

    def __init__(self, *args: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

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
