"""The access log is append-only: the model, its queryset and the database itself refuse changes."""

import pytest
from django.db import DatabaseError, connection, transaction

from kniewijs.audit.log import pseudonym, record
from kniewijs.audit.models import AccessEvent, AppendOnlyError

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(runner, physio, clinic):
    return record(
        actor=physio,
        role="physio",
        subject=pseudonym(runner.pk),
        category="training",
        action="read",
        clinic=clinic,
    )


def unchanged(entry):
    fresh = AccessEvent.objects.get(pk=entry.pk)
    return fresh.actor_name == entry.actor_name == "Femke de Vries" and fresh.action == "read"


def test_saving_an_existing_entry_is_refused(entry):
    entry.actor_name = "Iemand anders"
    with pytest.raises(AppendOnlyError):
        entry.save()
    entry.actor_name = "Femke de Vries"
    assert unchanged(entry)


def test_deleting_an_entry_is_refused(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AccessEvent.objects.filter(pk=entry.pk).exists()


def test_a_queryset_update_is_refused(entry):
    with pytest.raises(AppendOnlyError):
        AccessEvent.objects.filter(pk=entry.pk).update(actor_name="Iemand anders")
    assert unchanged(entry)


def test_a_queryset_delete_is_refused(entry):
    with pytest.raises(AppendOnlyError):
        AccessEvent.objects.all().delete()
    assert AccessEvent.objects.filter(pk=entry.pk).exists()


def test_a_bulk_update_is_refused(entry):
    entry.actor_name = "Iemand anders"
    with pytest.raises(AppendOnlyError):
        AccessEvent.objects.bulk_update([entry], ["actor_name"])


def test_the_database_refuses_a_raw_update(entry):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_accessevent SET actor_name = %s WHERE id = %s", ["Iemand anders", entry.pk]
        )
    entry.actor_name = "Femke de Vries"
    assert unchanged(entry)


def test_the_database_refuses_a_raw_delete(entry):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite has no DELETE trigger on purpose: Django's test runner empties tables with DELETE there "
            "(see audit migration 0002); the model and queryset refuse deletes in code"
        )
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_accessevent WHERE id = %s", [entry.pk])
    assert AccessEvent.objects.filter(pk=entry.pk).exists()


def test_new_entries_can_still_be_added(entry, runner, physio):
    record(actor=physio, role="physio", subject=pseudonym(runner.pk), category="pain", action="read")
    assert AccessEvent.objects.count() == 2
