"""The clinic side: practices, their physiotherapists, appointment types, opening times, bookings, the
runner's consent and the physio's notes.

A physio sees a runner's data only through `access.py`, and only for the categories the runner has
consented to for one of the physio's clinics.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Every clinic is in the Netherlands: names of times are in settings.TIME_ZONE, whatever a request activated.
_CLINIC_TZ = timezone.get_default_timezone

# Words the booking pages use themselves under /afspraak/; a clinic cannot take them as its address.
RESERVED_SLUGS = frozenset({"mijn", "bevestigd", "beheer"})


def _not_a_booking_path(value: str) -> None:
    from django.core.exceptions import ValidationError

    if value in RESERVED_SLUGS:
        raise ValidationError(_("This short name is used by Kniewijs itself; choose another."))


class Clinic(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name in addresses"), unique=True, validators=[_not_a_booking_path])
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    cancel_hours_before = models.PositiveSmallIntegerField(
        _("reschedule or cancel online until (hours before)"),
        default=24,
        validators=[MaxValueValidator(168)],
    )
    booking_days_ahead = models.PositiveSmallIntegerField(
        _("bookable days ahead"), default=28, validators=[MinValueValidator(1), MaxValueValidator(180)]
    )
    active = models.BooleanField(_("taking bookings"), default=True)
    # Who manages this clinic in the admin. Only a superuser changes this (admin.ClinicAdmin); an administrator
    # sees and changes nothing of a clinic that is not listed for them here.
    administrators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="administered_clinics",
        limit_choices_to={"is_staff": True},
        verbose_name=_("administrators"),
        help_text=_("Staff accounts that manage this clinic in the admin. Only a superuser can change this."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("clinic")
        verbose_name_plural = _("clinics")

    def __str__(self) -> str:
        return self.name


class Therapist(models.Model):
    """A physiotherapist's profile; the user logs in with a password and a TOTP code."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="therapist",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=120)
    clinics = models.ManyToManyField(Clinic, related_name="therapists", verbose_name=_("clinics"))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("physiotherapist")
        verbose_name_plural = _("physiotherapists")

    def __str__(self) -> str:
        return self.name


def _works_at(row: models.Model) -> str:
    return str(_("%(therapist)s at %(clinic)s") % {"therapist": row.therapist, "clinic": row.clinic})  # type: ignore[attr-defined]


# Django makes the row model of `clinics` itself, named "Therapist_clinics object (3)" on the admin's delete
# and history pages. A model of our own would drop the clinics field from the admin's form (admin.E013), so
# the made one is given words instead.
_WorksAt = Therapist.clinics.through
_WorksAt.__str__ = _works_at  # type: ignore[method-assign, assignment]
_WorksAt._meta.verbose_name = _("physiotherapist at a clinic")
_WorksAt._meta.verbose_name_plural = _("physiotherapists at clinics")


class TherapistInvitation(models.Model):
    """An administrator asks someone to work as a physiotherapist of their clinic. Only the invited person can
    make it happen: they open the mailed link, sign in with the invited address, accept, and set up (or use)
    two-step sign-in; only then do they become a therapist of the clinic (`invitations.py`). The one who sent
    the invitation can never be the one who accepts it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the invited person")
        ACCEPTED = "accepted", _("Accepted, waiting for two-step sign-in")
        DONE = "done", _("Physiotherapist of the clinic")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    clinic = models.ForeignKey(
        Clinic, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("clinic")
    )
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name as runners will see it"), max_length=120)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by (account)"),
    )
    invited_by_name = models.CharField(_("invited by"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by (account)"),
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    completed_at = models.DateTimeField(_("physiotherapist since"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("physiotherapist invitation")
        verbose_name_plural = _("physiotherapist invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "email"],
                condition=Q(status__in=["pending", "accepted"]),
                name="one_open_invitation_per_address",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.clinic})"

    def is_open(self, now: datetime | None = None) -> bool:
        """Still usable: not finished or withdrawn, and not past its date."""
        open_states = (self.Status.PENDING, self.Status.ACCEPTED)
        return self.status in open_states and (now or timezone.now()) < self.expires_at


class AppointmentType(models.Model):
    clinic = models.ForeignKey(
        Clinic, on_delete=models.CASCADE, related_name="appointment_types", verbose_name=_("clinic")
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=20, validators=[MinValueValidator(5), MaxValueValidator(240)]
    )
    is_knee_check = models.BooleanField(_("this is the free knee check"), default=False)
    free_of_charge = models.BooleanField(_("free of charge"), default=False)
    active = models.BooleanField(_("bookable"), default=True)

    class Meta:
        ordering = ["-is_knee_check", "name_nl"]
        verbose_name = _("appointment type")
        verbose_name_plural = _("appointment types")

    def __str__(self) -> str:
        return self.name_nl

    def name(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name_nl

    @property
    def label(self) -> str:
        """The name in the language of the current request."""
        from django.utils.translation import get_language

        return self.name(get_language() or "nl")


class WeeklyAvailability(models.Model):
    """A recurring block in which a therapist takes bookings at one clinic."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    therapist = models.ForeignKey(
        Therapist, on_delete=models.CASCADE, related_name="availability", verbose_name=_("physiotherapist")
    )
    clinic = models.ForeignKey(
        Clinic, on_delete=models.CASCADE, related_name="availability", verbose_name=_("clinic")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))

    class Meta:
        ordering = ["weekday", "start_time"]
        verbose_name = _("weekly availability")
        verbose_name_plural = _("weekly availability")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="availability_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}-{self.end_time:%H:%M}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if (
            self.therapist_id
            and self.clinic_id
            and not self.therapist.clinics.filter(pk=self.clinic_id).exists()
        ):
            raise ValidationError({"clinic": _("This physiotherapist does not work at this clinic.")})


class AvailabilityException(models.Model):
    """Time a therapist is away (holiday, sick day): no slots inside it."""

    class Reason(models.TextChoices):
        HOLIDAY = "holiday", _("Holiday")
        SICK = "sick", _("Sick")
        OTHER = "other", _("Other")

    therapist = models.ForeignKey(
        Therapist, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("physiotherapist")
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices, default=Reason.HOLIDAY)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("absence")
        verbose_name_plural = _("absences")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="absence_ends_after_start"),
        ]

    def __str__(self) -> str:
        # Local dates: a holiday from midnight in Amsterdam starts the evening before in UTC.
        first, last = (
            timezone.localtime(self.starts_at, _CLINIC_TZ()),
            timezone.localtime(self.ends_at, _CLINIC_TZ()),
        )
        return f"{self.get_reason_display()} {first:%d-%m-%Y %H:%M} - {last:%d-%m-%Y %H:%M}"


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


class Booking(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    clinic = models.ForeignKey(
        Clinic, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("clinic")
    )
    therapist = models.ForeignKey(
        Therapist, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("physiotherapist")
    )
    appointment_type = models.ForeignKey(
        AppointmentType, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("appointment type")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bookings",
        verbose_name=_("runner's account"),
    )
    name = models.CharField(_("name"), max_length=120)
    # Blank for a phone booking of someone without an address: no mail goes out then.
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("The confirmation and the reminder go to this address.")
    )
    phone = models.CharField(_("phone"), max_length=40)
    language = models.CharField(
        _("language of the e-mails"), max_length=2, choices=Language.choices, default=Language.DUTCH
    )
    # The self-check answers the runner chose to send along, with the moment they agreed to it.
    selfcheck_answers = models.JSONField(_("self-check answers"), null=True, blank=True)
    report_consent_at = models.DateTimeField(_("self-check sent along on"), null=True, blank=True)
    # Raised on every reschedule and cancel: links signed with an older version stop working.
    link_version = models.PositiveIntegerField(_("link version"), default=1)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("booked on"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            # The database itself refuses a second active booking of one therapist's slot.
            models.UniqueConstraint(
                fields=["therapist", "starts_at"],
                condition=Q(status="active"),
                name="one_active_booking_per_slot",
            ),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="booking_ends_after_start"),
        ]

    def __str__(self) -> str:
        # The admin's headings use this: the clinic's wall clock, never UTC.
        return f"{self.appointment_type} {timezone.localtime(self.starts_at, _CLINIC_TZ()):%d-%m-%Y %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def has_report(self) -> bool:
        return bool(self.selfcheck_answers) and self.report_consent_at is not None

    def change_deadline(self) -> datetime:
        from datetime import timedelta

        return self.starts_at - timedelta(hours=self.clinic.cancel_hours_before)

    def can_change(self, now: datetime | None = None) -> bool:
        return self.is_active and (now or timezone.now()) < self.change_deadline()


class FaqItem(models.Model):
    """A question and answer on the clinic's booking page, written and ordered by the clinic."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="faq", verbose_name=_("clinic"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    question_nl = models.CharField(_("question (Dutch)"), max_length=200)
    answer_nl = models.TextField(_("answer (Dutch)"))
    question_en = models.CharField(_("question (English)"), max_length=200, blank=True)
    answer_en = models.TextField(_("answer (English)"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def __str__(self) -> str:
        return self.question_nl

    def question(self, language: str) -> str:
        return self.question_en if language == "en" and self.question_en else self.question_nl

    def answer(self, language: str) -> str:
        return self.answer_en if language == "en" and self.answer_en else self.answer_nl


class ConsentQuerySet(models.QuerySet["Consent"]):
    def active(self) -> ConsentQuerySet:
        return self.filter(revoked_at__isnull=True)


class Consent(models.Model):
    """A runner lets one clinic see one category of their data, from `granted_at` until `revoked_at`.
    Rows are never deleted while the account lives: the access log refers to them."""

    class Category(models.TextChoices):
        SELFCHECK = "selfcheck", _("Self-check reports")
        TRAINING = "training", _("Training log")
        PAIN = "pain", _("Pain log")
        RECOVERY = "recovery", _("Recovery programme")

    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents", verbose_name=_("runner")
    )
    clinic = models.ForeignKey(
        Clinic, on_delete=models.CASCADE, related_name="consents", verbose_name=_("clinic")
    )
    category = models.CharField(_("what is shared"), max_length=10, choices=Category.choices)
    granted_at = models.DateTimeField(_("given on"), default=timezone.now)
    revoked_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["runner", "clinic", "category"],
                condition=Q(revoked_at__isnull=True),
                name="one_active_consent_per_category",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.clinic}"

    def basis(self) -> str:
        """How the access log names this consent (it outlives the row)."""
        return f"consent #{self.pk} ({self.category}, {self.granted_at:%Y-%m-%d})"


class PatientNote(models.Model):
    """A physio's note about a consenting runner; the clinic's colleagues see it, nobody else."""

    clinic = models.ForeignKey(
        Clinic, on_delete=models.CASCADE, related_name="notes", verbose_name=_("clinic")
    )
    runner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="clinic_notes",
        verbose_name=_("runner"),
    )
    author = models.ForeignKey(
        Therapist,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notes_written",
        verbose_name=_("written by"),
    )
    text = models.TextField(_("note"), max_length=4000)
    created_at = models.DateTimeField(_("written on"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self) -> str:
        return _("Note of %(date)s") % {
            "date": timezone.localtime(self.created_at, _CLINIC_TZ()).strftime("%d-%m-%Y")
        }
