"""Inserting an import's new activities in one `executemany`, their ids read back after.

`bulk_create` compiles the SQL of every value of every row (37 columns of 2,000 activities: a third of the
time spent storing an export, docs/benchmarks.md). Here one INSERT statement serves all rows and each
value is only adapted for the database (`get_db_prep_save`, after `pre_save` for fields such as
`created_at`), as bulk_create would do. `executemany` returns no ids, so they are read back: every row
inserted here belongs to one of the import's new files, and ids grow in the order rows are inserted under
the runner's lock (SQLite's rowid, PostgreSQL's sequence).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from .models import Activity


class RowsLost(RuntimeError):
    """Fewer rows read back than were inserted: the batch is rolled back."""


def insert_activities(rows: Sequence[Activity]) -> None:
    """Insert `rows` (new, each with a saved source) and give each its id."""
    if not rows:
        return
    fields = [f for f in Activity._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    sql = (
        f"INSERT INTO {quote(Activity._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    )
    for row in rows:
        if row.pk is not None or row.source is None or row.source.pk is None:
            raise ValueError("only new activities of a stored file are inserted here")
        row.source_id = row.source.pk
    sources = {row.source_id for row in rows}
    of_sources = Activity.objects.filter(source_id__in=sources).values_list("pk", flat=True)
    before = set(of_sources.all())  # a cut-off run taken over by one of these files already has its row
    params = [[f.get_db_prep_save(f.pre_save(row, True), connection) for f in fields] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
    fresh = sorted(set(of_sources.all()) - before)
    if len(fresh) != len(rows):
        raise RowsLost(f"{len(rows)} activities inserted, {len(fresh)} found")
    for row, pk in zip(rows, fresh, strict=True):
        row.pk = pk
        row._state.adding = False
        row._state.db = connection.alias
