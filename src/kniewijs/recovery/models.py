"""A runner's recovery programme: how it started, and every session they logged. The programme's state
(phase, level, decisions, today's session) is never stored: the core replays it from these rows."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

PAIN = [MinValueValidator(0), MaxValueValidator(10)]


class Programme(models.Model):
    class Origin(models.TextChoices):
        SELFCHECK = "selfcheck", _("From the knee self-check")
        PHYSIO = "physio", _("Chosen by the physiotherapist")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programmes")
    started_on = models.DateField()
    severity = models.CharField(max_length=10)  # light | moderate | severe (core.plan.severity)
    condition_hint = models.CharField(max_length=40, blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.SELFCHECK)
    answers = models.JSONField(default=dict, blank=True)  # the self-check answers it started from
    exercises = models.JSONField(default=list, blank=True)  # strength exercise keys
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=Q(active=True), name="one_active_programme"),
        ]

    def __str__(self) -> str:
        return f"programme {self.pk} from {self.started_on}"


class SessionLog(models.Model):
    class Kind(models.TextChoices):
        RUN = "run", _("Walk-run session")
        STRENGTH = "strength", _("Strength exercises")
        MOBILITY = "mobility", _("Mobility")
        SQUAT_TEST = "squat_test", _("Deep-squat test")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    kind = models.CharField(_("session"), max_length=12, choices=Kind.choices, default=Kind.RUN)
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True)
    pain_during = models.PositiveSmallIntegerField(_("pain during"), null=True, blank=True, validators=PAIN)
    pain_after = models.PositiveSmallIntegerField(
        _("pain right after"), null=True, blank=True, validators=PAIN
    )
    pain_next_morning = models.PositiveSmallIntegerField(
        _("pain the next morning"), null=True, blank=True, validators=PAIN
    )
    swelling = models.BooleanField(_("the knee swelled"), default=False)
    giving_way = models.BooleanField(_("the knee gave way"), default=False)
    easy_and_pain_free = models.BooleanField(_("easy and pain-free"), default=False)
    squat_heels_down = models.BooleanField(_("deep squat with heels down"), null=True, blank=True)
    signs = models.JSONField(default=list, blank=True)  # red-flag signs noticed (core RED_FLAG_SIGNS)
    activity = models.ForeignKey(
        "training.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_sessions",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "created_at"]
        constraints = [
            # One record of a day's knee pain: a run's pain and swelling live in the training log's daily
            # entry (recovery.recording), never in a second copy here (docs/decisions.md).
            models.CheckConstraint(
                condition=~Q(kind="run")
                | Q(
                    pain_during__isnull=True,
                    pain_after__isnull=True,
                    pain_next_morning__isnull=True,
                    swelling=False,
                ),
                name="run_pain_lives_in_the_daily_entry",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.date}"


class Review(models.Model):
    """A GP or physiotherapist looked at the knee: advice the programme was waiting for has been followed."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="reviews")
    date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"review {self.date}"


class QuestionnaireResponse(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaires"
    )
    questionnaire = models.CharField(max_length=20)  # kujala | koos_pf
    date = models.DateField()
    answers = models.JSONField(default=dict)
    score = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.questionnaire} {self.date}"


class ReminderSent(models.Model):
    """One e-mail per programme per day, whatever runs the reminder command and how often."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="reminders")
    date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "date"], name="one_reminder_a_day")]

    def __str__(self) -> str:
        return f"reminder {self.date}"
