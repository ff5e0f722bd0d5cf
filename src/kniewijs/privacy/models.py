"""The runner's privacy zones. The rule itself (which point is inside) lives in kniewijs.core.privacy_zones."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kniewijs.core.privacy_zones import MAX_RADIUS_M, MIN_RADIUS_M, Zone

MIN_RADIUS = int(MIN_RADIUS_M)
MAX_RADIUS = int(MAX_RADIUS_M)


class PrivacyZone(models.Model):
    """A circle around a place of the runner's; no position inside it is shown to anyone else."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="privacy_zones")
    name = models.CharField(_("name"), max_length=60)
    lat = models.FloatField(_("latitude"), validators=[MinValueValidator(-90.0), MaxValueValidator(90.0)])
    lon = models.FloatField(_("longitude"), validators=[MinValueValidator(-180.0), MaxValueValidator(180.0)])
    radius_m = models.PositiveIntegerField(
        _("radius (m)"), validators=[MinValueValidator(MIN_RADIUS), MaxValueValidator(MAX_RADIUS)]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            # The same ranges as core.privacy_zones.Zone, so a row can always become a Zone.
            models.CheckConstraint(
                condition=models.Q(lat__gte=-90.0, lat__lte=90.0), name="privacy_zone_lat_range"
            ),
            models.CheckConstraint(
                condition=models.Q(lon__gte=-180.0, lon__lte=180.0), name="privacy_zone_lon_range"
            ),
            models.CheckConstraint(
                condition=models.Q(radius_m__gte=MIN_RADIUS, radius_m__lte=MAX_RADIUS),
                name="privacy_zone_radius_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.radius_m} m)"

    def as_zone(self) -> Zone:
        return Zone(lat=self.lat, lon=self.lon, radius_m=float(self.radius_m))


def export_archive_path(instance: DataExport, filename: str) -> str:
    """One name per run of an export (`run_token`), so a run taken over by another never touches its archive."""
    run = f"-{instance.run_token.hex[:12]}" if instance.run_token else ""
    return f"exports/{instance.user_id}/{instance.pk}{run}.zip"


class DataExport(models.Model):
    """One request for the runner's data as a zip, built in the background (a Celery task when REDIS_URL is
    set) because ten years of runs take longer than a web request may. The archive is kept for a few days."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        RUNNING = "running", _("Being made")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    archive = models.FileField(upload_to=export_archive_path, max_length=200, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    filename = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The run building it now: each run takes the export over with a fresh token and beats its heart while it
    # writes; a run whose token is gone stops (kniewijs.privacy.exports).
    run_token = models.UUIDField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"export {self.pk} ({self.status})"

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.WAITING, self.Status.RUNNING)


class PracticeDetails(models.Model):
    """What a practice needs to know who the runner is, given by the runner: shown to the physios of every
    clinic the runner shares anything with (and to no one else), beside whatever categories they share."""

    class Knee(models.TextChoices):
        LEFT = "left", _("Left knee")
        RIGHT = "right", _("Right knee")
        BOTH = "both", _("Both knees")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_details"
    )
    full_name = models.CharField(_("full name"), max_length=120, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    knee = models.CharField(_("which knee hurts"), max_length=5, choices=Knee.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("details for the practice")
        verbose_name_plural = _("details for the practice")

    def __str__(self) -> str:
        return f"practice details of {self.user_id}"
