"""The access log (NEN 7513): every look at, change to, export or print of a runner's health data by anyone
but the runner.

Append-only. The model and its queryset refuse updates and deletes; on PostgreSQL a trigger refuses them in
the database too (migration 0002), on SQLite a trigger refuses updates. No foreign keys: the log outlives
the accounts it mentions, so the runner is stored as a keyed pseudonym (`audit.log.pseudonym`) and the
actor by id and name as they were at the time.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    """Raised on any attempt to change or remove an access-log entry."""


class AccessEventQuerySet(models.QuerySet["AccessEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The access log is append-only.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("The access log is append-only.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The access log is append-only.")


class AccessEvent(models.Model):
    class Role(models.TextChoices):
        PHYSIO = "physio", _("Physiotherapist")
        ADMIN = "admin", _("Clinic administrator")
        INVITEE = "invitee", _("Invited physiotherapist")
        SYSTEM = "system", _("System")

    class Action(models.TextChoices):
        READ = "read", _("Viewed")
        CHANGE = "change", _("Changed")
        EXPORT = "export", _("Exported")
        PRINT = "print", _("Printed")

    class Outcome(models.TextChoices):
        ALLOWED = "allowed", _("Allowed")
        DENIED = "denied", _("Refused")

    at = models.DateTimeField(default=timezone.now, db_index=True)  # stored in UTC (USE_TZ)
    actor_id = models.BigIntegerField(null=True)
    actor_name = models.CharField(max_length=150)
    actor_role = models.CharField(max_length=10, choices=Role.choices)
    acting_for_id = models.BigIntegerField(null=True)  # the clinic the actor worked for
    acting_for = models.CharField(max_length=120, blank=True)
    subject = models.CharField(max_length=64, db_index=True)  # pseudonym of the runner
    # clinic.Consent.Category, or "booking", "notes", "patient-list", "clinic-role" (clinic.access)
    category = models.CharField(max_length=20)
    action = models.CharField(max_length=10, choices=Action.choices)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    consent_id = models.BigIntegerField(null=True)
    basis = models.CharField(max_length=200, blank=True)  # the consent relied on, in words
    source = models.CharField(max_length=100, blank=True)  # client address, or the command that ran
    detail = models.CharField(max_length=300, blank=True)  # the page or object

    objects = AccessEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.category}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("An access-log entry cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("An access-log entry cannot be removed.")
