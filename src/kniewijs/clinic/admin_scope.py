"""Clinic administrators see and change only their own clinics in the admin.

An administrator belongs to clinics through `Clinic.administrators`, which only a superuser sets; a superuser
sees everything. `ClinicScopedAdmin` narrows a model admin to the administrator's clinics everywhere Django's
admin reads or writes: the list and its filters, the object pages (view, change, delete, history: another
clinic's object is "does not exist"), and the choices of every clinic, therapist and appointment type field, so
that a forged POST naming another clinic's id is an invalid choice.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .access import administered_clinics
from .models import AppointmentType, Clinic, Therapist


def scoped_choices(model: type[Model], request: HttpRequest) -> QuerySet[Any] | None:
    """The rows of `model` this administrator may pick in a form; None for a superuser (no narrowing)."""
    if request.user.is_superuser:  # type: ignore[union-attr]
        return None
    clinics = administered_clinics(request.user)
    if model is Clinic:
        return clinics
    if model is Therapist:
        return Therapist.objects.filter(clinics__in=clinics).distinct()
    if model is AppointmentType:
        return AppointmentType.objects.filter(clinic__in=clinics)
    return None


class ScopedChoices:
    """Clinic, therapist and appointment-type fields offer only the administrator's own (inlines use it too)."""

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        choices = scoped_choices(db_field.related_model, request)
        if choices is not None:
            kwargs["queryset"] = choices
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        choices = scoped_choices(db_field.related_model, request)
        if choices is not None:
            kwargs["queryset"] = choices
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]


class ClinicScopedAdmin(ScopedChoices, admin.ModelAdmin):  # type: ignore[type-arg]
    """`clinic_path` leads from the model to its clinic(s); `through_many` when that path crosses a
    many-to-many relation (rows could repeat)."""

    clinic_path = "clinic"
    through_many = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        rows = super().get_queryset(request)
        if request.user.is_superuser:  # type: ignore[union-attr]
            return rows
        rows = rows.filter(**{f"{self.clinic_path}__in": administered_clinics(request.user)})
        return rows.distinct() if self.through_many else rows

    def in_scope(self, request: HttpRequest, obj: Any) -> bool:
        if obj is None or request.user.is_superuser:  # type: ignore[union-attr]
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and self.in_scope(request, obj)


class ClinicFilter(admin.SimpleListFilter):
    """Filter by clinic, offering only the administrator's own clinics."""

    title = _("clinic")
    parameter_name = "praktijk"

    def __init__(self, request: HttpRequest, params: Any, model: Any, model_admin: Any) -> None:
        self.clinic_path = getattr(model_admin, "clinic_path", "clinic")
        super().__init__(request, params, model, model_admin)

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(str(clinic.pk), clinic.name) for clinic in administered_clinics(request.user)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(**{self.clinic_path: int(value)})
