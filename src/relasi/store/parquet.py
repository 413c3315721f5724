"""Parquet files of the store's tables, for DuckDB, Polars, Spark or pandas to query in place.

    DIR/documents/*.parquet    one row per input, with its article's metadata, story and body
    DIR/mentions/*.parquet     one row per actor mention, actor fields flattened
    DIR/events/*.parquet       one row per evidence sentence (EVENT_COLUMNS + story_id, group_id)
    DIR/articles/*.parquet, DIR/event_groups/*.parquet     (export only: both change as stories grow)

Two writers, one set of row queries: `ParquetSink` (ingest --parquet) writes one partition per committed
batch, read back from the database right after the commit, so ids, stories and groups are the stored ones;
`write_parquet` (export --format parquet) streams a whole table into partitions of PART_ROWS rows. Both read
the same rows, so an ingest's partitions and an export of the same database hold the same data. The database
stays the reference: a crash between a commit and its partition loses that partition, and an export rebuilds
all of them. pyarrow loads only when Parquet is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from relasi.store import schema as t
from relasi.store.bulk import chunks
from relasi.store.database import Database
from relasi.store.queries import ARTICLE_COLUMNS, EVENT_COLUMNS, EventFilter, _events_query, action_geo
from relasi.store.stories import GROUP_COLUMNS

if TYPE_CHECKING:
    import pyarrow as pa

    from relasi.store.writer import Outcome

PART_ROWS = 100_000
BATCH_ROWS = 5_000                # rows per record batch: what is held in memory while writing
INGEST_TABLES: tuple[str, ...] = ("documents", "mentions", "events")
TABLES: tuple[str, ...] = (*INGEST_TABLES, "articles", "event_groups")

_STRING, _INT, _INT32, _FLOAT, _BOOL = "string", "int64", "int32", "float64", "bool"
# Typed dates, so DuckDB and Polars compare and bucket them as dates: an event's date is its first day
# ("2023-10" is stored as 2023-10-01; `date_precision` says how precise it is); ingest times are UTC instants.
_DATE, _TIME = "date32", "timestamp"
_ACTOR = ("code", "kind", "name", "country", "sector", "role")
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("id", _INT), ("source", _STRING), ("content_sha1", _STRING), ("status", _STRING), ("step", _STRING),
        ("reason", _STRING), ("detail", _STRING), ("ingested_at", _TIME), ("run_id", _INT),
        ("article_id", _STRING), ("story_id", _STRING), ("url", _STRING), ("outlet", _STRING),
        ("published", _STRING), ("title", _STRING), ("language", _STRING), ("body", _STRING),
    ),
    "mentions": (
        ("id", _INT), ("article_id", _STRING), ("start", _INT32), ("end", _INT32), ("text", _STRING),
        ("rule", _STRING), ("part", _BOOL), ("extent_start", _INT32), ("extent_end", _INT32),
        *((f"actor_{f}", _STRING) for f in _ACTOR),
    ),
    "events": tuple(
        (name, {"id": _INT, "goldstein": _FLOAT, "confidence": _FLOAT, "quad_class": _INT32, "start": _INT32,
                "end": _INT32, "negated": _BOOL, "counted": _BOOL, "group_id": _INT, "date": _DATE,
                "ActionGeo_Type": _INT32, "ActionGeo_Lat": _FLOAT, "ActionGeo_Long": _FLOAT,
                "ActionGeo_FeatureID": _INT}.get(name, _STRING))
        for name in (*EVENT_COLUMNS, "story_id", "group_id")
    ),
    "articles": tuple((name, _DATE if name == "published_date" else _STRING) for name in ARTICLE_COLUMNS),
    "event_groups": tuple(
        (name, {"id": _INT, "goldstein": _FLOAT, "quad_class": _INT32, "num_mentions": _INT, "num_articles": _INT,
                "num_sources": _INT, "first_event_id": _INT, "date": _DATE}.get(name, _STRING))
        for name in GROUP_COLUMNS if name != "sentence"
    ),
}


def arrow_schema(table: str) -> pa.Schema:
    import pyarrow as pa

    types = {_STRING: pa.string(), _INT: pa.int64(), _INT32: pa.int32(), _FLOAT: pa.float64(), _BOOL: pa.bool_(),
             _DATE: pa.date32(), _TIME: pa.timestamp("us", tz="UTC")}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])


# -- rows ----------------------------------------------------------------------------------------------

def _documents_query() -> sa.Select:
    d, a = t.documents, t.articles
    return (sa.select(d.c.id, d.c.source, d.c.content_sha1, d.c.status, d.c.step, d.c.reason, d.c.detail,
                      d.c.ingested_at, d.c.run_id, d.c.article_id, a.c.story_id, d.c.url, d.c.outlet,
                      d.c.published, a.c.title, a.c.language, a.c.body)
            .join(a, a.c.id == d.c.article_id, isouter=True).order_by(d.c.id))


def _mentions_query() -> sa.Select:
    m, actor = t.mentions, t.actors
    return (sa.select(m.c.id, m.c.article_id, m.c.start, m.c.end, m.c.text, m.c.rule, m.c.part, m.c.extent_start,
                      m.c.extent_end, *(actor.c[f].label(f"actor_{f}") for f in _ACTOR))
            .join(actor, actor.c.id == m.c.actor_id).order_by(m.c.id))


def _events_rows_query() -> sa.Select:
    return (_events_query(EventFilter(include_all=True)).order_by(None).order_by(t.events.c.id)
            .add_columns(t.articles.c.story_id, t.events.c.group_id))


def _whole_table_query(table: str) -> sa.Select:
    if table == "documents":
        return _documents_query()
    if table == "mentions":
        return _mentions_query()
    if table == "events":
        return _events_rows_query()
    if table == "articles":
        return sa.select(*(t.articles.c[c] for c in ARTICLE_COLUMNS)).order_by(t.articles.c.id)
    g = t.event_groups
    return sa.select(*(g.c[name] for name, _ in COLUMNS["event_groups"])).order_by(g.c.id)


def _clean(row: dict[str, Any], table: str) -> dict[str, Any]:
    out = {}
    for name, kind in COLUMNS[table]:
        value = row.get(name)
        if value is not None and kind == _STRING and not isinstance(value, str):
            value = value.isoformat() if hasattr(value, "isoformat") else str(value)
        elif value is not None and kind == _BOOL:
            value = bool(value)
        elif value is not None and kind == _DATE:
            value = _as_date(value)
        elif isinstance(value, datetime) and value.tzinfo is None:   # SQLite hands back naive UTC
            value = value.replace(tzinfo=UTC)
        out[name] = value
    return out


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    text = str(value)
    try:
        return date.fromisoformat(text[:10] if len(text) >= 10 else (text[:7] + "-01" if len(text) >= 7
                                                                   else text[:4] + "-01-01"))
    except ValueError:
        return None


def _stream(conn: Connection, query: sa.Select, table: str) -> Iterator[dict[str, Any]]:
    for row in conn.execution_options(yield_per=1000).execute(query).mappings():
        yield _clean({**row, **action_geo(row)} if table == "events" else dict(row), table)


def table_rows(db: Database, table: str) -> Iterator[dict[str, Any]]:
    """Every row of `table` (one of TABLES), flat, in id order, streamed."""
    with db.read() as conn:
        yield from _stream(conn, _whole_table_query(table), table)


def batch_rows(conn: Connection, table: str, sources: Sequence[str], article_ids: Sequence[str]) -> Iterator[dict]:
    """Rows of one ingest batch: its documents (by source), and the mentions and events of its new articles."""
    if table == "documents":
        for chunk in chunks(list(sources)):
            yield from _stream(conn, _documents_query().where(t.documents.c.source.in_(chunk)), table)
        return
    column = t.mentions.c.article_id if table == "mentions" else t.events.c.article_id
    query = _mentions_query() if table == "mentions" else _events_rows_query()
    for chunk in chunks(list(article_ids)):
        yield from _stream(conn, query.where(column.in_(chunk)), table)


# -- writing ----------------------------------------------------------------------------------------------

def _write_file(path: Path, table: str, rows: Iterable[dict[str, Any]], empty: bool = False) -> int:
    """Write `rows` to one Parquet file in record batches; no file for no rows unless `empty` asks for one."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    writer = None
    count = 0
    buffer: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer
        if writer is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            writer = pq.ParquetWriter(str(path) + ".tmp", schema, compression="zstd")
        writer.write_batch(pa.RecordBatch.from_pylist(buffer, schema=schema))
        buffer.clear()

    try:
        for row in rows:
            buffer.append(row)
            count += 1
            if len(buffer) >= BATCH_ROWS:
                flush()
        if buffer or (empty and writer is None):
            flush()
    finally:
        if writer is not None:
            writer.close()
    if writer is not None:
        Path(str(path) + ".tmp").replace(path)   # a reader never sees half a file
    return count


class ParquetSink:
    """`ingest --parquet DIR`: after each committed batch, one partition per table under DIR/<table>/."""

    def __init__(self, db: Database, out: str | Path) -> None:
        self.db = db
        self.out = Path(out)
        self.batches = 0
        self.rows = dict.fromkeys(INGEST_TABLES, 0)

    def __call__(self, run_id: int, outcomes: Sequence[Outcome]) -> None:
        sources = [o.source for o in outcomes if o.status != "repeated"]
        stored = [o.article_id for o in outcomes if o.status == "stored" and o.article_id]
        if not sources:
            return
        self.batches += 1
        with self.db.read() as conn:
            for table in INGEST_TABLES:
                # Named by ingest run and batch: a resumed or later ingest adds files, never overwrites.
                path = self.out / table / f"run-{run_id:05d}-part-{self.batches:06d}.parquet"
                written = _write_file(path, table, batch_rows(conn, table, sources, stored))
                if not written and not any(path.parent.glob("*.parquet")):
                    _write_file(path, table, (), empty=True)    # readers need one file to learn the columns
                self.rows[table] += written


def write_parquet(db: Database, table: str, out: str) -> int:
    """The exporter: `table` (or "all") into `out`/<table>/part-NNNNN.parquet, PART_ROWS rows per file.
    Returns the rows written."""
    if out == "-":
        raise ValueError("Parquet needs a directory: give --out DIR")
    tables = TABLES if table == "all" else (table,)
    root = Path(out)
    total = 0
    for name in tables:
        folder = root / name
        if folder.exists():
            for old in folder.glob("part-*.parquet"):   # a re-export replaces, never mixes with, the last one
                old.unlink()
        with db.read() as conn:
            rows = _stream(conn, _whole_table_query(name), name)
            part = 0
            while True:
                chunk = _take(rows, PART_ROWS)
                # An empty table still gets its first file, so readers find its columns.
                written = _write_file(folder / f"part-{part:05d}.parquet", name, chunk, empty=part == 0)
                total += written
                if written < PART_ROWS:
                    break
                part += 1
    return total


def _take(rows: Iterator[dict[str, Any]], count: int) -> Iterator[dict[str, Any]]:
    for _ in range(count):
        try:
            yield next(rows)
        except StopIteration:
            return
