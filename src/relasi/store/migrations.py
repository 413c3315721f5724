"""The numbered migrations: what builds a database's tables and upgrades an older one.

A database records its version in `schema_version`; opening an older one applies the missing migrations in one
transaction, so an upgrade either completes or leaves the file as it was. Migrations only ever add: no step drops
a table or a column with rows. Data migrations (filling a new table from existing rows) call the module that
owns those rows (stories, search, places); those modules depend on the tables in `schema.py`, never on this one.

Adding a migration: append `Migration(n + 1, "what it does", function)` to MIGRATIONS and change the tables in
`schema.py` to their new shape.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from relasi.store.errors import SchemaTooNew
from relasi.store.places import backfill_places
from relasi.store.schema import (
    _V1_TABLES,
    _V2_COLUMNS,
    _V2_INDEXES,
    _V5_COLUMNS,
    _V5_INDEXES,
    V4_COLUMNS,
    V4_TABLES,
    article_signatures,
    dedup_config,
    event_groups,
    schema_version,
    signature_bands,
    version_of,
)
from relasi.store.search import create_index
from relasi.store.stories import backfill_v2
from relasi.store.views import create_views


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def add_columns(conn: Connection, columns: Sequence[tuple[sa.Table, sa.Column]]) -> None:
    """ALTER TABLE ... ADD COLUMN for each (table, column), with its type and reference, on either backend."""
    preparer = conn.dialect.identifier_preparer
    for table, column in columns:
        kind = column.type.compile(dialect=conn.dialect)
        references = ""
        for fk in column.foreign_keys:
            references = f" REFERENCES {preparer.quote(fk.column.table.name)} ({preparer.quote(fk.column.name)})"
        conn.exec_driver_sql(f"ALTER TABLE {preparer.quote(table.name)} "
                             f"ADD COLUMN {preparer.quote(column.name)} {kind}{references}")


def _create_v1(conn: Connection) -> None:
    for table in _V1_TABLES:
        table.create(conn, checkfirst=True)


def _create_v2(conn: Connection) -> None:
    for table in (dedup_config, article_signatures, signature_bands, event_groups):
        table.create(conn, checkfirst=True)
    add_columns(conn, _V2_COLUMNS)
    for index in _V2_INDEXES:
        index.create(conn)
    backfill_v2(conn)


def _create_v4(conn: Connection) -> None:
    for table in V4_TABLES:
        table.create(conn, checkfirst=True)
    add_columns(conn, V4_COLUMNS)


def _create_v5(conn: Connection) -> None:
    add_columns(conn, _V5_COLUMNS)
    for index in _V5_INDEXES:
        index.create(conn)
    backfill_places(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, articles, actors, mentions, events, ingest_runs", _create_v1),
    Migration(2, "near-duplicate stories (signatures, LSH bands) and aggregated events (event_groups)",
              _create_v2),
    Migration(3, "full-text search over article titles and bodies and evidence sentences", create_index),
    Migration(4, "updated sources (document_versions), run liveness (ingest_runs host, pid, heartbeat), web "
                 "intake state (web_resources, feed_items)", _create_v4),
    Migration(5, "places: events' locations and articles' datelines resolved to gazetteer entries", _create_v5),
    Migration(6, "views for ad-hoc SQL: counted_events (with names, places, articles), dyad_months", create_views),
)
LATEST_VERSION = MIGRATIONS[-1].version


def pending(current: int, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    return [m for m in migrations if m.version > current]


def migrate(conn: Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Bring the schema up to the last migration inside the caller's transaction; returns versions applied."""
    schema_version.create(conn, checkfirst=True)
    current = version_of(conn)
    latest = migrations[-1].version if migrations else 0
    if current > latest:
        raise SchemaTooNew(f"database schema is version {current}; this relasi knows up to {latest}")
    applied = []
    for migration in pending(current, migrations):
        migration.apply(conn)
        conn.execute(schema_version.insert().values(
            version=migration.version, description=migration.description, applied_at=datetime.now(UTC)))
        applied.append(migration.version)
    return applied
