"""The database refuses to change or remove an access-log entry, whatever code asks.

PostgreSQL: a row trigger refuses UPDATE and DELETE. SQLite: a trigger refuses UPDATE; DELETE stays
possible there because Django's test runner empties tables with DELETE (PostgreSQL's TRUNCATE does not fire
row triggers), and the model and queryset refuse it in code.
"""

from django.db import migrations

PG_CREATE = """
CREATE OR REPLACE FUNCTION audit_accessevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_accessevent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_accessevent_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_accessevent
    FOR EACH ROW EXECUTE FUNCTION audit_accessevent_append_only();
"""
PG_DROP = """
DROP TRIGGER IF EXISTS audit_accessevent_no_update_or_delete ON audit_accessevent;
DROP FUNCTION IF EXISTS audit_accessevent_append_only();
"""
SQLITE_CREATE = """
CREATE TRIGGER audit_accessevent_no_update BEFORE UPDATE ON audit_accessevent
BEGIN SELECT RAISE(ABORT, 'audit_accessevent is append-only (UPDATE refused)'); END;
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS audit_accessevent_no_update;"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_CREATE, params=None)  # no placeholders: keep the % of RAISE as it is
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_DROP)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
