"""One access helper per resource: the only way a view fetches a runner's rows. Someone else's row is a 404,
so a guessed id does not even reveal that it exists."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.shortcuts import get_object_or_404

from .models import Activity, DailyEntry, ImportJob, RunnerSettings, Shoe


def runner_settings(user: AbstractBaseUser | AnonymousUser) -> RunnerSettings:
    settings, _created = RunnerSettings.objects.get_or_create(user=user)
    return settings


def activity_for(user: AbstractBaseUser | AnonymousUser, pk: int) -> Activity:
    return get_object_or_404(Activity, pk=pk, user=user)


def shoe_for(user: AbstractBaseUser | AnonymousUser, pk: int) -> Shoe:
    return get_object_or_404(Shoe, pk=pk, user=user)


def entry_for(user: AbstractBaseUser | AnonymousUser, pk: int) -> DailyEntry:
    return get_object_or_404(DailyEntry, pk=pk, user=user)


def import_job_for(user: AbstractBaseUser | AnonymousUser, pk: str) -> ImportJob:
    return get_object_or_404(ImportJob, pk=pk, user=user)
