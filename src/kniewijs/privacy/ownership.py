"""Which rows in the database belong to one account, found from the models themselves.

A model belongs to the account when it has a foreign key (or one-to-one) to the user model, or a CASCADE
foreign key to a model that belongs to it (recovery.SessionLog -> Programme -> user). Only CASCADE keys are
followed one level down: a PROTECT or SET_NULL key means the row has a life of its own (a booking of a physio's
calendar is the patient's, not the physio's). New models are picked up without a change here; the erasure test
fails when one has no test row yet.

Secrets never leave through this map: login devices, sessions, lockout records and the admin's own log are
left out by app, and `SECRET_FIELDS` by field name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

# Apps whose rows are secrets or security records, not the runner's own data.
SECRET_APPS = frozenset(
    {"otp_totp", "otp_static", "otp_hotp", "otp_email", "django_otp", "sessions", "axes", "admin"}
)
# Field names that hold keys, hashes or tokens wherever they appear.
SECRET_FIELDS = frozenset(
    {"password", "key", "secret", "token", "token_hash", "session_key", "session_data", "bin_key"}
)
# Rows that belong to the account but are not data about the runner: earlier export archives (a copy of
# everything else; putting them in the next zip would make every export hold all the earlier ones).
NOT_EXPORTED = frozenset({"privacy.DataExport"})


@dataclass(frozen=True)
class OwnedModel:
    model: type[models.Model]
    paths: tuple[str, ...]  # lookups that end at the user, e.g. ("user",) or ("programme__user",)

    @property
    def label(self) -> str:
        return self.model._meta.label

    def rows_of(self, user_id: int) -> models.QuerySet[Any]:
        condition = models.Q()
        for path in self.paths:
            condition |= models.Q(**{path: user_id})
        return self.model._default_manager.filter(condition).order_by("pk")


def _relations(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [
        f
        for f in model._meta.get_fields()
        if getattr(f, "concrete", False)
        and f.is_relation
        and (f.many_to_one or f.one_to_one)
        and f.related_model
    ]


def user_relations() -> list[tuple[type[models.Model], models.Field[Any, Any]]]:
    """Every (model, field) with a foreign key or one-to-one to the user model, secret apps included: the
    erasure test uses this to demand a row in each."""
    user_model = get_user_model()
    return [
        (model, field)
        for model in apps.get_models()
        for field in _relations(model)
        if field.related_model is user_model
    ]


def owned_models(*, include_secret: bool = False) -> list[OwnedModel]:
    """The models holding an account's rows, direct ones first, then those reached through CASCADE keys."""
    user_model = get_user_model()
    paths: dict[type[models.Model], list[str]] = {}
    for model, field in user_relations():
        if model is not user_model:
            paths.setdefault(model, []).append(field.name)
    frontier = dict(paths)
    while frontier:
        found: dict[type[models.Model], list[str]] = {}
        for model in apps.get_models():
            if model is user_model:
                continue
            for field in _relations(model):
                parent = field.related_model
                if parent in frontier and field.remote_field.on_delete is models.CASCADE:
                    for path in frontier[parent]:
                        longer = f"{field.name}__{path}"
                        if model not in paths and longer not in found.get(model, []):
                            found.setdefault(model, []).append(longer)
        paths.update(found)
        frontier = found
    owned = [OwnedModel(model, tuple(p)) for model, p in paths.items()]
    if not include_secret:
        owned = [o for o in owned if o.model._meta.app_label not in SECRET_APPS]
    return owned


def file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
