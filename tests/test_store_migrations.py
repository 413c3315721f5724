"""Schema versions: creation, reopening, upgrades that keep rows, failed upgrades that change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from relasi.store import SchemaTooNew, StoreMissing, Writer, open_database
from relasi.store import schema as t
from relasi.store.schema import LATEST_VERSION, MIGRATIONS, Migration
from tests.store_support import make_article

pytest_plugins = ("tests.store_fixtures",)  # fixtures: db, db_url, fresh_db (both backends)


def _versions(db) -> list[int]:
    with db.read() as conn:
        return conn.execute(sa.select(t.schema_version.c.version).order_by(t.schema_version.c.version)
                            ).scalars().all()


def _articles(db) -> int:
    with db.read() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar_one()


def test_store_migrations_new_database_is_latest(db_url: str) -> None:
    db = open_database(db_url)
    assert db.version() == LATEST_VERSION == MIGRATIONS[-1].version
    assert _versions(db) == [m.version for m in MIGRATIONS]
    tables = set(sa.inspect(db.engine).get_table_names())
    assert {"documents", "articles", "actors", "mentions", "events", "ingest_runs", "schema_version"} <= tables
    db.close()


def test_store_migrations_reopen_keeps_rows_and_version(db_url: str) -> None:
    db = open_database(db_url)
    Writer(db).store_article(make_article())
    db.close()
    again = open_database(db_url)
    assert again.version() == LATEST_VERSION
    assert _versions(again) == [m.version for m in MIGRATIONS]
    assert _articles(again) == 1
    again.close()


def _add_note_column(conn: sa.Connection) -> None:
    conn.execute(sa.text("ALTER TABLE articles ADD COLUMN note TEXT"))
    conn.execute(sa.text("UPDATE articles SET note = 'migrated'"))


def test_store_migrations_upgrade_keeps_rows(db_url: str) -> None:
    db = open_database(db_url)
    Writer(db).store_article(make_article())
    db.close()
    upgraded = open_database(db_url, migrations=(*MIGRATIONS, Migration(LATEST_VERSION + 1, "articles.note",
                                                                            _add_note_column)))
    assert upgraded.version() == LATEST_VERSION + 1
    assert _articles(upgraded) == 1
    with upgraded.read() as conn:
        assert conn.execute(sa.text("SELECT note FROM articles")).scalar_one() == "migrated"
    upgraded.close()


def _half_done(conn: sa.Connection) -> None:
    conn.execute(sa.text("CREATE TABLE half_done (x INTEGER)"))
    conn.execute(sa.text("DELETE FROM events"))
    raise RuntimeError("migration failed half way")


def test_store_migrations_failed_upgrade_changes_nothing(db_url: str) -> None:
    db = open_database(db_url)
    Writer(db).store_article(make_article())
    db.close()
    with pytest.raises(RuntimeError, match="half way"):
        open_database(db_url, migrations=(*MIGRATIONS, Migration(LATEST_VERSION + 1, "broken", _half_done)))
    db = open_database(db_url)
    assert db.version() == LATEST_VERSION
    assert "half_done" not in sa.inspect(db.engine).get_table_names()   # DDL rolled back too
    with db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.events)).scalar_one() == 1
    db.close()


def test_store_migrations_refuses_newer_schema(db_url: str) -> None:
    db = open_database(db_url)
    with db.write() as conn:
        conn.execute(t.schema_version.insert().values(version=99, description="from the future",
                                                      applied_at=sa.func.now()))
    db.close()
    with pytest.raises(SchemaTooNew, match="version 99"):
        open_database(db_url)


def test_store_migrations_read_only_open_needs_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    with pytest.raises(StoreMissing, match="relasi ingest"):
        open_database(missing, create=False)
    assert not missing.exists()


def test_store_migrations_sqlite_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "r.db")
    with db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    db.close()
