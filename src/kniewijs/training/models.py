"""The training log: shoes, imported files, activities, daily entries and import jobs.

Every row belongs to one runner (`user`); the access helpers in access.py are the only way views fetch
them, so a runner never sees another runner's data.
"""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SPORT_CHOICES = [
    ("running", _("Running")),
    ("cycling", _("Cycling")),
    ("swimming", _("Swimming")),
    ("walking", _("Walking")),
    ("other", _("Other")),
]
PAIN_LOCATIONS = [
    ("front", _("Front of the knee")),
    ("kneecap", _("Around the kneecap")),
    ("outside", _("Outside")),
    ("inside", _("Inside")),
    ("back", _("Back of the knee")),
]
PAIN = [MinValueValidator(0), MaxValueValidator(10)]
# Who decided the sport: the file named it, Kniewijs guessed it from the data, or the runner chose it.
SPORT_SOURCES = [
    ("file", _("From the file")),
    ("guessed", _("Guessed from the data")),
    ("runner", _("Chosen by you")),
]
# Where an activity came from: a file the runner gave, or a service's export (shared/contracts/connectors.md).
ORIGINS = [
    ("file", _("A file you imported")),
    ("apple_health", _("Apple Health")),
]


class RunnerSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="runner_settings"
    )
    # Validated against zoneinfo in the form; no choices here, so a tzdata update needs no migration.
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Amsterdam")
    language = models.CharField(_("language"), max_length=2, default="nl", choices=settings.LANGUAGES)

    def __str__(self) -> str:
        return f"settings of {self.user_id}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


class Shoe(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shoes")
    name = models.CharField(_("name"), max_length=80)
    limit_km = models.PositiveIntegerField(
        _("replace after (km)"), default=700, validators=[MinValueValidator(600), MaxValueValidator(800)]
    )
    start_km = models.FloatField(
        _("km already run before the log"), default=0, validators=[MinValueValidator(0)]
    )
    is_default = models.BooleanField(_("default shoe for new runs"), default=False)
    retired_on = models.DateField(_("retired on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["retired_on", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(is_default=True), name="one_default_shoe_per_runner"
            ),
        ]

    def __str__(self) -> str:
        return self.name


def original_file_path(instance: ImportedFile, filename: str) -> str:
    """A generated name: the runner's upload name never reaches the file system."""
    suffix = (
        "".join(c for c in filename.rsplit(".", 1)[-1].lower() if c.isalnum())[:8]
        if "." in filename
        else "bin"
    )
    return f"originals/{instance.user_id}/{uuid.uuid4().hex}.{suffix}"


class ImportedFile(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="imported_files"
    )
    sha256 = models.CharField(max_length=64)
    original_name = models.CharField(max_length=255)
    stored = models.FileField(upload_to=original_file_path, max_length=255)
    size = models.PositiveBigIntegerField()  # of the file as read (a .gz unpacked); sha256 is of these bytes
    # Of the original as kept, compressed where it came compressed: what the storage quota counts.
    stored_size = models.PositiveBigIntegerField(default=0)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "sha256"], name="one_copy_of_each_file")]

    def __str__(self) -> str:
        return self.original_name


class Activity(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activities")
    source = models.ForeignKey(
        ImportedFile, on_delete=models.SET_NULL, null=True, blank=True, related_name="activities"
    )
    sport = models.CharField(_("sport"), max_length=16, choices=SPORT_CHOICES, default="running")
    sub_sport = models.CharField(max_length=40, blank=True)
    name = models.CharField(_("name"), max_length=120, blank=True)
    start = models.DateTimeField(_("start"))
    local_date = models.DateField(db_index=True)
    # Moving time when the file gives it, else elapsed time: what pace and session load are counted on.
    duration_s = models.FloatField(_("duration (s)"), null=True, blank=True)
    moving_s = models.FloatField(null=True, blank=True)  # time in motion, pauses left out
    elapsed_s = models.FloatField(null=True, blank=True)  # first to last moment, pauses included
    pauses = models.PositiveSmallIntegerField(default=0)
    sport_source = models.CharField(max_length=8, choices=SPORT_SOURCES, default="file")
    origin = models.CharField(max_length=16, choices=ORIGINS, default="file")
    # Why the sport was guessed ("geraden uit 24,4 km/u"), in both languages; empty when not guessed.
    sport_evidence_nl = models.CharField(max_length=200, blank=True)
    sport_evidence_en = models.CharField(max_length=200, blank=True)
    # What was lost when the file stops early or is partly damaged; empty for a whole recording.
    partial_nl = models.CharField(max_length=300, blank=True)
    partial_en = models.CharField(max_length=300, blank=True)
    distance_m = models.FloatField(_("distance (m)"), null=True, blank=True)
    records = models.PositiveIntegerField(default=0)
    avg_heart_rate = models.FloatField(null=True, blank=True)
    max_heart_rate = models.FloatField(null=True, blank=True)
    avg_cadence_spm = models.FloatField(null=True, blank=True)
    avg_vertical_oscillation_mm = models.FloatField(null=True, blank=True)
    avg_ground_contact_ms = models.FloatField(null=True, blank=True)
    avg_stride_length_m = models.FloatField(null=True, blank=True)
    ascent_m = models.FloatField(null=True, blank=True)
    rpe = models.PositiveSmallIntegerField(_("effort (RPE 0-10)"), null=True, blank=True, validators=PAIN)
    shoe = models.ForeignKey(
        Shoe, on_delete=models.SET_NULL, null=True, blank=True, related_name="activities"
    )
    device = models.CharField(max_length=120, blank=True)  # the runner's own; never shown to a clinic
    track = models.BinaryField(null=True, blank=True)  # compressed channels, see training.tracks
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start"]
        indexes = [models.Index(fields=["user", "start"])]

    def __str__(self) -> str:
        return f"{self.sport} {self.start:%Y-%m-%d %H:%M}"

    @property
    def distance_km(self) -> float | None:
        return None if self.distance_m is None else self.distance_m / 1000

    @property
    def end_epoch(self) -> float:
        """The last moment of the recording: pauses count, so the elapsed time when it is known."""
        return self.start.timestamp() + (self.elapsed_s or self.duration_s or 0)

    @property
    def active_s(self) -> float | None:
        """The time pace and session load are counted on: moving time when known, else the duration."""
        return self.moving_s if self.moving_s else self.duration_s

    @property
    def paused_s(self) -> float | None:
        """Time standing still or paused: elapsed minus moving, when both are known and differ."""
        if self.moving_s is None or self.elapsed_s is None or self.elapsed_s - self.moving_s < 1:
            return None
        return self.elapsed_s - self.moving_s

    @property
    def pace_s_per_km(self) -> float | None:
        """Seconds per km over the moving time (pauses do not make a run slower)."""
        active = self.active_s
        if not active or not self.distance_m or self.distance_m < 10:
            return None
        return active / (self.distance_m / 1000)

    @property
    def sport_guessed(self) -> bool:
        return self.sport_source == "guessed"

    @property
    def is_partial(self) -> bool:
        return bool(self.partial_nl or self.partial_en)

    def sport_evidence(self, lang: str) -> str:
        return (self.sport_evidence_en if lang == "en" else self.sport_evidence_nl) or self.sport_evidence_nl

    def partial_note(self, lang: str) -> str:
        """The reader's note as a sentence of its own: a capital first, a full stop last."""
        note = ((self.partial_en if lang == "en" else self.partial_nl) or self.partial_nl).strip()
        if not note:
            return ""
        note = note[0].upper() + note[1:]
        return note if note[-1] in ".!?" else note + "."


class DailyEntry(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daily_entries")
    date = models.DateField(_("date"))
    resting_heart_rate = models.PositiveSmallIntegerField(
        _("resting heart rate"),
        null=True,
        blank=True,
        validators=[MinValueValidator(25), MaxValueValidator(140)],
    )
    sleep_hours = models.FloatField(
        _("hours of sleep"), null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(24)]
    )
    pain_during = models.PositiveSmallIntegerField(
        _("knee pain while running"), null=True, blank=True, validators=PAIN
    )
    pain_after = models.PositiveSmallIntegerField(
        _("knee pain right after"), null=True, blank=True, validators=PAIN
    )
    pain_next_morning = models.PositiveSmallIntegerField(
        _("knee pain the next morning"), null=True, blank=True, validators=PAIN
    )
    pain_location = models.CharField(_("where"), max_length=10, choices=PAIN_LOCATIONS, blank=True)
    swelling = models.BooleanField(_("swollen knee"), default=False)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["user", "date"], name="one_entry_per_day")]

    def __str__(self) -> str:
        return f"entry {self.date}"


class ImportJob(models.Model):
    """An upload being processed; the page polls it for the progress bar.

    The rows are the import queue (training.queue): WAITING jobs start oldest first when a slot is free,
    RUNNING means a run holds the job's lock, so nothing about the queue lives only in a broker or a thread.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    results = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    # When a run was last asked for (Celery message or thread); None while it waits for a slot.
    dispatched_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="import_job_queue")]

    def __str__(self) -> str:
        return f"import {self.pk} ({self.status})"

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)
