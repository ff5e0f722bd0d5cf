"""The admin for the clinic's own data: the clinic, its therapists' hours and absences, and bookings.

The site itself is django-otp's OTPAdminSite (see admin_site.py), so every page here needs a TOTP code.
Health data stays out: a booking's attached self-check is neither listed nor shown here; physios read it,
with the access logged, in their own pages.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    AppointmentType,
    AvailabilityException,
    Booking,
    Clinic,
    FaqItem,
    Therapist,
    WeeklyAvailability,
)


class FaqItemInline(admin.StackedInline):
    model = FaqItem
    extra = 0
    fields = ["order", "question_nl", "answer_nl", "question_en", "answer_en"]


class AppointmentTypeInline(admin.TabularInline):
    model = AppointmentType
    extra = 0
    fields = ["name_nl", "name_en", "duration_minutes", "is_knee_check", "free_of_charge", "active"]


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "cancel_hours_before", "booking_days_ahead", "active"]
    list_filter = ["active"]
    search_fields = ["name", "address"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AppointmentTypeInline, FaqItemInline]


class WeeklyAvailabilityInline(admin.TabularInline):
    model = WeeklyAvailability
    extra = 0
    fields = ["clinic", "weekday", "start_time", "end_time"]


@admin.register(Therapist)
class TherapistAdmin(admin.ModelAdmin):
    list_display = ["name", "active"]
    list_filter = ["active", "clinics"]
    search_fields = ["name"]
    filter_horizontal = ["clinics"]
    raw_id_fields = ["user"]
    inlines = [WeeklyAvailabilityInline]


@admin.register(AvailabilityException)
class AvailabilityExceptionAdmin(admin.ModelAdmin):
    list_display = ["therapist", "starts_at", "ends_at", "reason"]
    list_filter = ["reason", "therapist"]
    date_hierarchy = "starts_at"


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Bookings as the front desk needs them. A clinic may enter a phone booking here; once made, its
    time is changed through the runner's link or by cancelling, so times are read-only."""

    list_display = ["starts_at", "therapist", "appointment_type", "status", "name"]
    list_filter = ["status", "clinic", "therapist"]
    search_fields = ["name", "email", "phone"]
    date_hierarchy = "starts_at"
    ordering = ["-starts_at"]
    list_select_related = ["therapist", "appointment_type"]
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

    @admin.display(description=_("self-check attached"), boolean=True)
    def report_attached(self, obj: Booking) -> bool:
        return obj.report_consent_at is not None

    def save_model(self, request: HttpRequest, obj: Booking, form: Any, change: bool) -> None:
        # Cancelling here must end the runner's links too, as cancelling online does.
        if change and "status" in form.changed_data and obj.status == Booking.Status.CANCELLED:
            obj.cancelled_at = timezone.now()
            obj.link_version += 1
        super().save_model(request, obj, form, change)
