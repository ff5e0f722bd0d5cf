"""The runner's privacy zones. The rule itself (which point is inside) lives in kniewijs.core.privacy_zones."""

from __future__ import annotations

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
