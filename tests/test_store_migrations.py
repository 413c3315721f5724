"""Schema versions: creation, reopening, upgrades that keep rows, failed upgrades that change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from relasi.store import SchemaTooNew, StoreMissing, Writer, open_database
from relasi.store import schema as t
from relasi.store.database import WRITER_CACHE_KIB
from relasi.store.migrations import LATEST_VERSION, MIGRATIONS, Migration
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
    with db.write() as conn:   # the writer's connection caches more pages (bounded)
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -WRITER_CACHE_KIB
    db.close()


def _runtime_imports(path: Path) -> set[str]:
    """relasi.store modules a module imports when it runs (imports for type checking only are left out)."""
    import ast

    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "relasi.store":
                found.update(f"relasi.store.{alias.name}" for alias in node.names)
            elif node.module.startswith("relasi.store."):
                found.add(node.module)
    return found


def test_store_migrations_store_modules_import_no_circle() -> None:
    """Issue 12: schema → stories → database → schema was a circle; migrations depend on the tables, never the
    other way round, and no module of store/ imports one that imports it back."""
    folder = Path(t.__file__).parent
    graph = {f"relasi.store.{p.stem}": _runtime_imports(p) for p in folder.glob("*.py") if p.stem != "__init__"}
    assert graph["relasi.store.schema"] == set()
    state: dict[str, int] = {}

    def visit(module: str, trail: tuple[str, ...]) -> None:
        if state.get(module) == 2:
            return
        assert state.get(module) != 1, " → ".join((*trail, module))
        state[module] = 1
        for imported in graph.get(module, ()):
            visit(imported, (*trail, module))
        state[module] = 2

    for module in graph:
        visit(module, ())
