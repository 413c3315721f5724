"""Parquet: partitions written during an ingest and an export of the same database, read back with DuckDB
and Polars, hold the stored rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from relasi.ingest import ingest
from relasi.model import Article, Document, Dropped
from relasi.store import open_database
from relasi.store import schema as t
from relasi.store.export import EXPORTERS
from relasi.store.parquet import COLUMNS, ParquetSink
from tests.store_support import fake_runner, make_article, write_corpus

duckdb = pytest.importorskip("duckdb")
pl = pytest.importorskip("polars")


def _with_mentions(doc: Document) -> Article | Dropped:
    """The stand-in pipeline, plus the two mentions of tests.store_support.make_article."""
    result = fake_runner(doc)
    if isinstance(result, Dropped):
        return result
    return make_article(body=result.body, source=result.source, events=result.events, outlet=None)


def _make_runner():  # noqa: ANN201 - a RunnerFactory
    return _with_mentions


@pytest.fixture
def ingested(tmp_path: Path) -> tuple[Path, Path]:
    """A database of 30 articles (one a copy, one unreadable input) ingested with --parquet, in two runs."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 20)
    (corpus / "copy.txt").write_text((corpus / "doc00003.txt").read_text())
    (corpus / "empty.txt").write_text("")
    db = open_database(tmp_path / "r.db")
    sink = ParquetSink(db, tmp_path / "ingest")
    ingest([str(corpus)], db, make_runner=_make_runner, batch_size=8, after_batch=sink)
    write_corpus(corpus, 10, start=20)
    ingest([str(corpus)], db, make_runner=_make_runner, batch_size=8, after_batch=sink)
    db.close()
    return tmp_path / "r.db", tmp_path / "ingest"


def _count(path: Path, table: sa.Table, *where) -> int:
    db = open_database(path, create=False)
    with db.read() as conn:
        value = conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar_one()
    db.close()
    return value


def test_store_parquet_ingest_partitions_read_with_duckdb(ingested: tuple[Path, Path]) -> None:
    database, folder = ingested
    files = sorted(p.name for p in (folder / "events").glob("*.parquet"))
    assert files[0].startswith("run-00001-part-") and any(f.startswith("run-00002-") for f in files)
    con = duckdb.connect()
    for table in ("mentions", "events"):
        rows = con.execute(f"SELECT count(*) FROM read_parquet('{folder}/{table}/*.parquet')").fetchone()[0]
        assert rows == _count(database, getattr(t, table)), table
    # The empty input was dropped in both runs: each attempt is a row (same id), the database keeps the last.
    documents = con.execute(
        f"SELECT status, count(*), count(DISTINCT id) FROM read_parquet('{folder}/documents/*.parquet') "
        "GROUP BY 1 ORDER BY 1").fetchall()
    assert documents == [("dropped", 2, 1), ("ok", 31, 31)]
    assert _count(database, t.documents) == 32
    counted = con.execute(
        f"SELECT count(*), count(DISTINCT story_id), count(group_id) FROM read_parquet('{folder}/events/*.parquet') "
        "WHERE counted").fetchone()
    assert counted[0] == _count(database, t.events, t.events.c.counted.is_(True)) == counted[2]


def test_store_parquet_export_matches_ingest_partitions(ingested: tuple[Path, Path], tmp_path: Path) -> None:
    database, folder = ingested
    db = open_database(database, create=False)
    written = EXPORTERS["parquet"](db, "all", str(tmp_path / "export"))
    db.close()
    assert written > 0
    for table in ("documents", "mentions", "events"):
        # A retried input has a row per attempt in the partitions (files sort in run order): keep the last.
        during = (pl.read_parquet(folder / table / "*.parquet").unique(subset="id", keep="last", maintain_order=True)
                  .sort("id"))
        after = pl.read_parquet(tmp_path / "export" / table / "*.parquet").sort("id")
        assert during.columns == after.columns == [name for name, _ in COLUMNS[table]]
        if table == "documents":   # the retry's time and run differ from the first attempt's, as stored
            during, after = (frame.drop("ingested_at", "run_id") for frame in (during, after))
        assert during.equals(after), table
    groups = pl.read_parquet(tmp_path / "export" / "event_groups" / "*.parquet")
    assert groups.height == _count(database, t.event_groups) and groups["num_mentions"].sum() > 0
    articles = pl.read_parquet(tmp_path / "export" / "articles" / "*.parquet")
    assert articles.height == 30 and articles["story_id"].null_count() == 0


def test_store_parquet_export_of_an_empty_table_keeps_its_columns(tmp_path: Path) -> None:
    db = open_database(tmp_path / "empty.db")
    EXPORTERS["parquet"](db, "event_groups", str(tmp_path / "out"))
    db.close()
    frame = pl.read_parquet(tmp_path / "out" / "event_groups" / "*.parquet")
    assert frame.height == 0 and "num_sources" in frame.columns


def test_store_parquet_needs_a_directory(tmp_path: Path) -> None:
    db = open_database(tmp_path / "r.db")
    with pytest.raises(ValueError, match="directory"):
        EXPORTERS["parquet"](db, "events", "-")
    db.close()
