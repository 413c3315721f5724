"""Tables (SQLAlchemy Core) and the numbered migrations that build them.

The same definitions serve SQLite and PostgreSQL. A database records its version in `schema_version`;
opening an older one applies the missing migrations in one transaction, so an upgrade either completes
or leaves the file as it was. Migrations only ever add: no step drops a table or a column with rows.

Adding a migration: append `Migration(n + 1, "what it does", function)` to MIGRATIONS and change the
tables below to their new shape. Migration 1 builds the tables as they were at version 1 from
`_V1_TABLES`, so keep that list describing version 1 (copy a table's old definition into the migration
before changing it here).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

ingest_runs = sa.Table(
    "ingest_runs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished", sa.DateTime(timezone=True)),
    sa.Column("inputs", sa.Text, nullable=False),            # JSON list of the paths as given
    sa.Column("documents", sa.Integer, nullable=False, default=0),
    sa.Column("articles", sa.Integer, nullable=False, default=0),
    sa.Column("events", sa.Integer, nullable=False, default=0),
    sa.Column("dropped", sa.Integer, nullable=False, default=0),
    sa.Column("skipped", sa.Integer, nullable=False, default=0),
    sa.Column("status", sa.Text, nullable=False),      # running | ok | interrupted | failed
)

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Text, primary_key=True),        # Article.id: sha1 of the normalised body
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text),                         # as the article gave it (ISO 8601)
    sa.Column("published_date", sa.Date, index=True),        # its date part, for range filters
    sa.Column("authors", sa.Text, nullable=False),           # JSON list
    sa.Column("dateline", sa.Text),
    sa.Column("language", sa.Text),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("sentences", sa.Text, nullable=False),         # JSON list of [start, end]
    sa.Column("warnings", sa.Text, nullable=False),          # JSON list
    sa.Column("story_id", sa.Text, index=True),              # near-duplicate cluster, filled by dedup later
    sa.Column("first_source", sa.Text, nullable=False),
)

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False, unique=True),
    sa.Column("content_sha1", sa.Text),                # null when the input could not be read
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), index=True),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id"), nullable=False),
    sa.Column("status", sa.Text, nullable=False),       # ok | dropped
    sa.Column("step", sa.Text),
    sa.Column("reason", sa.Text),
    sa.Column("detail", sa.Text),
    sa.CheckConstraint("status IN ('ok', 'dropped')", name="documents_status"),
)

# SQL unique constraints treat NULLs as distinct, so (code, kind, name, NULL, ...) would repeat; `key`
# is the canonical text of all six fields and carries the uniqueness instead.
actors = sa.Table(
    "actors", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.Text, nullable=False, unique=True),
    sa.Column("code", sa.Text, nullable=False, index=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("sector", sa.Text),
    sa.Column("role", sa.Text),
)

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), nullable=False, index=True),
    sa.Column("rule", sa.Text, nullable=False),
    sa.Column("extent_start", sa.Integer),       # the whole actor phrase, when wider than the mention
    sa.Column("extent_end", sa.Integer),
    sa.Column("part", sa.Boolean, nullable=False),  # a piece of a wider phrase, not an actor alone
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), nullable=False, index=True),
    sa.Column("source_actor_id", sa.Integer, sa.ForeignKey("actors.id"), nullable=False),
    sa.Column("target_actor_id", sa.Integer, sa.ForeignKey("actors.id"), nullable=False),
    sa.Column("source_code", sa.Text, nullable=False, index=True),   # copies of the actors' codes so
    sa.Column("target_code", sa.Text, nullable=False, index=True),   # filters need no join
    sa.Column("cameo", sa.Text, nullable=False, index=True),
    sa.Column("plover", sa.Text, index=True),
    sa.Column("goldstein", sa.Float),
    sa.Column("quad_class", sa.Integer),
    sa.Column("date", sa.Text, index=True),                    # "2023-10-03", or shorter if coarser
    sa.Column("date_precision", sa.Text, nullable=False),
    sa.Column("location", sa.Text),
    sa.Column("modality", sa.Text, nullable=False),
    sa.Column("negated", sa.Boolean, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("pattern", sa.Text, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("counted", sa.Boolean, nullable=False),   # asserted, not negated, plover not null
    sa.Index("ix_events_counted_date", "counted", "date"),
    sa.Index("ix_events_dyad", "source_code", "target_code"),
)

# Tables as they stand at version 1, in creation order (foreign keys point backwards).
_V1_TABLES: tuple[sa.Table, ...] = (ingest_runs, articles, documents, actors, mentions, events)
DATA_TABLES: tuple[str, ...] = tuple(table.name for table in _V1_TABLES)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _create_v1(conn: Connection) -> None:
    for table in _V1_TABLES:
        table.create(conn, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, articles, actors, mentions, events, ingest_runs", _create_v1),
)
LATEST_VERSION = MIGRATIONS[-1].version


def version_of(conn: Connection) -> int:
    """The schema version recorded in the database; 0 for an empty database."""
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(sa.select(sa.func.coalesce(sa.func.max(schema_version.c.version), 0))).scalar_one()


def pending(current: int, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    return [m for m in migrations if m.version > current]


def migrate(conn: Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Bring the schema up to the last migration inside the caller's transaction; returns versions applied."""
    from datetime import UTC, datetime

    from relasi.store.errors import SchemaTooNew

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
