"""Bookings and absences in the admin: the front desk's phone bookings under the online booking's rules.

A booking typed in here is made by `booking.book`, the service the online page uses, with the therapist
given: one lock, one test of the time (slots.free_therapists), one confirmation e-mail (emails.deliver). The
form asks the same test first only to say, in words a practice manager can act on (desk.py), why a time
cannot be taken, instead of the database's constraint name. An absence over a booking is refused the same
way, naming the bookings to move or cancel first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _plain
from django.utils.translation import gettext_lazy as _

from kniewijs.audit.models import AccessEvent

from . import access, desk, emails
from . import booking as service
from .admin_scope import ClinicFilter, ClinicScopedAdmin
from .models import AvailabilityException, Booking, Clinic
from .slots import clinic_tz

ADD_FIELDS = ["clinic", "therapist", "appointment_type", "starts_at", "name", "email", "phone", "language"]


def _local(moment: datetime | None) -> str:
    return "" if moment is None else f"{timezone.localtime(moment, clinic_tz()):%d-%m-%Y %H:%M}"


def _shown_to(request: HttpRequest) -> list[int]:
    if request.user.is_superuser:  # type: ignore[union-attr]
        return list(Clinic.objects.values_list("pk", flat=True))
    return list(access.administered_clinics(request.user).values_list("pk", flat=True))


class AbsenceForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = AvailabilityException
        fields = ["therapist", "starts_at", "ends_at", "reason"]

    def __init__(self, *args: Any, shown_to: list[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to or []

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("The absence has to end after it starts."))
        elif start and end and data.get("therapist") is not None:
            candidate = AvailabilityException(therapist=data["therapist"], starts_at=start, ends_at=end)
            problem = desk.absence_problem(candidate, self.shown_to)
            if problem:
                raise forms.ValidationError(problem, code="bookings_in_the_way")
        return data

    def validate_constraints(self, exclude: Any = None) -> None:
        pass  # `clean` says it in words; the database's constraint stays the last line


@admin.register(AvailabilityException)
class AvailabilityExceptionAdmin(ClinicScopedAdmin):
    form = AbsenceForm
    clinic_path = "therapist__clinics"
    through_many = True
    list_display = ["therapist", "local_start", "local_end", "reason"]
    list_filter = ["reason", ("therapist", admin.RelatedOnlyFieldListFilter)]
    date_hierarchy = "starts_at"

    @admin.display(description=_("from"), ordering="starts_at")
    def local_start(self, obj: AvailabilityException) -> str:
        return _local(obj.starts_at)

    @admin.display(description=_("until"), ordering="ends_at")
    def local_end(self, obj: AvailabilityException) -> str:
        return _local(obj.ends_at)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        shown_to = _shown_to(request)

        class Scoped(form):  # type: ignore[misc, valid-type]
            def __init__(self, *args: Any, **inner: Any) -> None:
                super().__init__(*args, shown_to=shown_to, **inner)

        return Scoped


class BookingForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Booking
        # `selfcheck_answers` is deliberately absent: health data is not for the admin.
        fields = [*ADD_FIELDS, "ends_at", "status"]

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
        starts_at = data.get("starts_at")
        if self.instance.pk is None and not self.errors and None not in (clinic, therapist, kind, starts_at):
            for problem in desk.booking_problems(clinic, kind, therapist, starts_at):
                self.add_error("starts_at", problem)
        return data

    def validate_constraints(self, exclude: Any = None) -> None:
        pass  # the service and `clean` decide; the database's constraint stays the last line


@admin.register(Booking)
class BookingAdmin(ClinicScopedAdmin):
    """Bookings as the front desk needs them. Once made, a booking's time is changed through the runner's
    link or by cancelling, so times are read-only then."""

    form = BookingForm
    list_display = ["when", "therapist", "appointment_type", "status", "name"]
    list_filter = ["status", ClinicFilter, ("therapist", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "email", "phone"]
    date_hierarchy = "starts_at"
    ordering = ["-starts_at"]
    list_select_related = ["therapist", "appointment_type", "clinic"]
    # `selfcheck_answers` is deliberately absent: health data is not for the admin.
    change_fields = [
        "clinic",
        "therapist",
        "appointment_type",
        "when",
        "status",
        "name",
        "email",
        "phone",
        "language",
        "report_attached",
        "booked_on",
        "cancelled_on",
        "reminder_sent",
    ]
    change_readonly = [
        "clinic",
        "therapist",
        "appointment_type",
        "when",
        "report_attached",
        "booked_on",
        "cancelled_on",
        "reminder_sent",
    ]

    @admin.display(description=_("when"), ordering="starts_at")
    def when(self, obj: Booking) -> str:
        end = timezone.localtime(obj.ends_at, clinic_tz())
        return f"{_local(obj.starts_at)}-{end:%H:%M}"

    @admin.display(description=_("booked on"))
    def booked_on(self, obj: Booking) -> str:
        return _local(obj.created_at)

    @admin.display(description=_("cancelled on"))
    def cancelled_on(self, obj: Booking) -> str:
        return _local(obj.cancelled_at)

    @admin.display(description=_("reminder sent"))
    def reminder_sent(self, obj: Booking) -> str:
        return _local(obj.reminder_sent_at)

    @admin.display(description=_("self-check attached"), boolean=True)
    def report_attached(self, obj: Booking) -> bool:
        return obj.report_consent_at is not None

    def get_fields(self, request: HttpRequest, obj: Booking | None = None) -> list[str]:
        return ADD_FIELDS if obj is None else self.change_fields

    def get_readonly_fields(self, request: HttpRequest, obj: Booking | None = None) -> list[str]:
        if obj is None:
            return []
        if obj.status == Booking.Status.CANCELLED:
            return [*self.change_readonly, "status"]  # bringing it back could clash with a newer booking
        return self.change_readonly

    def get_queryset(self, request: HttpRequest) -> QuerySet[Booking]:
        return super().get_queryset(request).defer("selfcheck_answers")

    def has_delete_permission(self, request: HttpRequest, obj: Booking | None = None) -> bool:
        return False  # cancel instead: the runner's links end, the time is free, the record stays

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

    def add_view(
        self, request: HttpRequest, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        try:
            return super().add_view(request, form_url, extra_context)
        except service.SlotTaken:
            # Taken online between the form's check and the booking's lock; the admin's transaction rolled
            # back, so nothing was written. The form comes back for another time.
            self.message_user(
                request,
                _plain("Someone else booked this time a moment ago. Choose another time."),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request: HttpRequest, obj: Booking, form: Any, change: bool) -> None:
        if not change:
            self._book_by_phone(request, obj)
            return
        # Cancelling here must end the runner's links and tell them, as cancelling online does.
        cancelled = "status" in form.changed_data and obj.status == Booking.Status.CANCELLED
        if cancelled:
            obj.cancelled_at = timezone.now()
            obj.link_version += 1
        super().save_model(request, obj, form, change)
        access.log_admin_bookings(request, [obj], AccessEvent.Action.CHANGE)
        if cancelled:
            self._mail(request, emails.CANCELLED, obj)

    def _book_by_phone(self, request: HttpRequest, obj: Booking) -> None:
        made = service.book(
            clinic=obj.clinic,
            appointment_type=obj.appointment_type,
            starts_at=obj.starts_at,
            therapist=obj.therapist,
            booker=service.Booker(name=obj.name, email=obj.email, phone=obj.phone, language=obj.language),
        )
        for field in Booking._meta.concrete_fields:  # the admin goes on with `obj` (its message, its log)
            setattr(obj, field.attname, getattr(made, field.attname))
        obj._state.adding = False
        obj._state.db = made._state.db
        access.log_admin_bookings(request, [made], AccessEvent.Action.CHANGE)
        self._mail(request, emails.CONFIRMATION, made)

    def _mail(self, request: HttpRequest, kind: str, booking: Booking) -> None:
        if not booking.email:
            return
        if emails.deliver(kind, booking, base_url=request.build_absolute_uri("/")):
            self.message_user(
                request,
                _plain("An e-mail about this goes to %(email)s.") % {"email": booking.email},
                messages.INFO,
            )
        else:
            self.message_user(
                request,
                _plain(
                    "The change stands, but the e-mail to %(email)s could not be sent. Please phone them"
                    " yourself."
                )
                % {"email": booking.email},
                messages.WARNING,
            )
