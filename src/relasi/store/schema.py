"""Tables (SQLAlchemy Core) as they stand at the latest schema version, and their shapes at older versions.

The same definitions serve SQLite and PostgreSQL. The numbered migrations that build and upgrade them live in
`store/migrations.py`, which depends on this module and never the other way round: this module imports nothing
of relasi. Migration 1 builds the tables as they were at version 1 from `_V1_TABLES`, so keep that list
describing version 1 (copy a table's old definition before changing it here).
"""

from __future__ import annotations

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

# Tables as they stand at version 1, in creation order (foreign keys point backwards). Copies in their own
# MetaData, taken before version 2 adds columns to `documents` and `events` below.
_V1_METADATA = sa.MetaData()
_V1_TABLES: tuple[sa.Table, ...] = tuple(
    table.to_metadata(_V1_METADATA) for table in (ingest_runs, articles, documents, actors, mentions, events))
DATA_TABLES: tuple[str, ...] = tuple(table.name for table in _V1_TABLES)

# -- version 2: near-duplicate stories and aggregated events ------------------------------------------------
#
# Stories. `articles.story_id` (there since version 1) names a near-duplicate cluster by the id of its first
# article. What links an article to a cluster is its MinHash signature (relasi.dedup), kept in
# `article_signatures` so that a later ingest compares new articles with earlier ones without recomputing,
# and the LSH buckets are rows of `signature_bands`: (band key, day, signature) with the key first in the
# primary key, so "which earlier articles share a band with this one, published within N days" is one index
# range per band, and nothing about the corpus has to be held in memory.
#
# Aggregated events (GDELT-style). The events table stays what it was: one row per evidence sentence (a
# mention). Counted events with the same (story, date, source code, target code, CAMEO code) form one
# `event_groups` row, the real-world event, named by `key`; `events.group_id` points at it, so every evidence
# sentence stays queryable under its group. The group's counts are derived from its events and the
# documents that carry them (an exact copy of an article from a second source is a second document):
#   num_mentions  evidence sentences, over every document that carries them
#   num_articles  documents that carry the event (GDELT's NumArticles)
#   num_sources   distinct outlets among those documents (a document with no known outlet counts as its own)
#   first_seen / last_seen   earliest and latest publication time of those documents (ISO text as printed)
# The writer recomputes the counts of every group a batch touches, in the batch's transaction, so they never
# drift from the rows they summarise. Events that are not counted (intended, negated, denied, no PLOVER
# type) belong to no group.

NO_DAY = -1_000_000
"""`signature_bands.day` of an article with no publication date (the column is part of the primary key)."""

dedup_config = sa.Table(
    "dedup_config", metadata,
    sa.Column("id", sa.Integer, primary_key=True),            # one row: 1
    sa.Column("config", sa.Text, nullable=False),             # JSON of relasi.dedup.DedupConfig
)

article_signatures = sa.Table(
    "article_signatures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id"), nullable=False, unique=True),
    sa.Column("signature", sa.LargeBinary, nullable=False),   # num_perm little-endian uint32
    sa.Column("matched_article_id", sa.Text),                 # the earlier article it joined; null: first of its story
    sa.Column("similarity", sa.Float),                        # estimated Jaccard similarity to that article
)

signature_bands = sa.Table(
    "signature_bands", metadata,
    sa.Column("band_key", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("day", sa.Integer, primary_key=True, autoincrement=False),   # days since 1970-01-01, or NO_DAY
    sa.Column("signature_id", sa.Integer, sa.ForeignKey("article_signatures.id"), primary_key=True,
              autoincrement=False),
    sqlite_with_rowid=False,      # the primary key is the whole row: store it once, as the index
)

event_groups = sa.Table(
    "event_groups", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.Text, nullable=False, unique=True),   # story|date|source|target|cameo (date may be empty)
    sa.Column("story_id", sa.Text, nullable=False, index=True),
    sa.Column("date", sa.Text, index=True),
    sa.Column("source_code", sa.Text, nullable=False),
    sa.Column("target_code", sa.Text, nullable=False),
    sa.Column("cameo", sa.Text, nullable=False, index=True),
    sa.Column("plover", sa.Text, index=True),
    sa.Column("goldstein", sa.Float),
    sa.Column("quad_class", sa.Integer),
    sa.Column("num_mentions", sa.Integer, nullable=False, default=0),
    sa.Column("num_articles", sa.Integer, nullable=False, default=0),
    sa.Column("num_sources", sa.Integer, nullable=False, default=0),
    sa.Column("first_seen", sa.Text),
    sa.Column("last_seen", sa.Text),
    sa.Column("first_event_id", sa.Integer),                  # its earliest evidence sentence, for display
    sa.Index("ix_event_groups_dyad", "source_code", "target_code"),
)

# Columns version 2 adds to version-1 tables: what each document itself printed (an exact copy of an article
# from another outlet has its own outlet, url and date), and the group of each event.
_V2_COLUMNS: tuple[tuple[sa.Table, sa.Column], ...] = (
    (documents, sa.Column("url", sa.Text)),
    (documents, sa.Column("outlet", sa.Text)),
    (documents, sa.Column("published", sa.Text)),
    (events, sa.Column("group_id", sa.Integer, sa.ForeignKey("event_groups.id"))),
)
for _table, _column in _V2_COLUMNS:
    _table.append_column(_column)
_V2_INDEXES: tuple[sa.Index, ...] = (sa.Index("ix_events_group_id", events.c.group_id),)


# -- version 4: updated sources, live runs, and what the web intake remembers --------------------------------
#
# A source whose content changed is re-coded: its documents row points at the new article, and the version it
# replaces moves to `document_versions` (with the replaced article's text when no other document carries that
# article, whose row, mentions and events are then deleted so nothing of the old version is counted).
# `ingest_runs` gains who runs it (host, pid) and a heartbeat per committed batch, so a run killed without a
# word (SIGKILL, power loss) is recognised and closed by the next run instead of staying `running` forever.
# `web_resources` keeps, per URL the fetcher polled (a page, a feed, a sitemap), the validators for conditional
# requests; `feed_items` the items each feed or sitemap listed once they are stored, so a `watch` restarted
# after a crash fetches only what it had not finished.

document_versions = sa.Table(
    "document_versions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False, index=True),
    sa.Column("content_sha1", sa.Text),
    sa.Column("article_id", sa.Text),                      # the article it was coded as (may be gone)
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("run_id", sa.Integer),
    sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("replaced_by_run", sa.Integer),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("body", sa.Text),                            # null when the article lives on for another source
)

web_resources = sa.Table(
    "web_resources", metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),            # page | feed | sitemap
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("checked_at", sa.DateTime(timezone=True)),
    sa.Column("status", sa.Text),                          # what the last request gave: 200, 304, a reason
)

feed_items = sa.Table(
    "feed_items", metadata,
    sa.Column("feed_url", sa.Text, primary_key=True),
    sa.Column("item_url", sa.Text, primary_key=True),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
)

V4_TABLES: tuple[sa.Table, ...] = (document_versions, web_resources, feed_items)
V4_COLUMNS: tuple[tuple[sa.Table, sa.Column], ...] = (
    (ingest_runs, sa.Column("host", sa.Text)),
    (ingest_runs, sa.Column("pid", sa.Integer)),
    (ingest_runs, sa.Column("heartbeat", sa.DateTime(timezone=True))),
)
for _table, _column in V4_COLUMNS:
    _table.append_column(_column)


# -- version 5: where events happened ---------------------------------------------------------------------
#
# Each event's place and each article's dateline resolved to a gazetteer entry (relasi.places): the entry's name,
# country (ISO3), first-level division, coordinates, GeoNames id, precision (city, region, country) and how it was
# found. Flat columns rather than a places table: filters and Datasette facets need no join, and a curated entry
# (a province, a strait) has no GeoNames id to key a table on. The raw text stays in `location` / `dateline`.
PLACE_FIELDS: tuple[tuple[str, type[sa.types.TypeEngine]], ...] = (
    ("name", sa.Text), ("country", sa.Text), ("adm1", sa.Text), ("lat", sa.Float), ("lon", sa.Float),
    ("geonames_id", sa.Integer), ("precision", sa.Text), ("method", sa.Text),
)
_V5_COLUMNS: tuple[tuple[sa.Table, sa.Column], ...] = (
    *((events, sa.Column(f"place_{name}", kind)) for name, kind in PLACE_FIELDS),
    *((articles, sa.Column(f"dateline_{name}", kind)) for name, kind in PLACE_FIELDS),
)
for _table, _column in _V5_COLUMNS:
    _table.append_column(_column)
_V5_INDEXES: tuple[sa.Index, ...] = (
    sa.Index("ix_events_place_country", events.c.place_country),
    sa.Index("ix_events_place_lat_lon", events.c.place_lat, events.c.place_lon),
)


def version_of(conn: Connection) -> int:
    """The schema version recorded in the database; 0 for an empty database."""
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(sa.select(sa.func.coalesce(sa.func.max(schema_version.c.version), 0))).scalar_one()
