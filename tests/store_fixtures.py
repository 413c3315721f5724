"""Database fixtures for the store and ingest tests, on SQLite and PostgreSQL.

Use them with `pytest_plugins = ("tests.store_fixtures",)` in a test module. The `db` and `db_url`
fixtures run each test on both backends; the PostgreSQL case needs env RELASI_TEST_PG (set by
`eval "$(bash .ci/postgres.sh)"`) and skips without it, except under CI, where it fails: a CI run that
silently skipped one backend would prove nothing about it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from relasi.store import Database, open_database
from relasi.store.database import to_url


def postgres_url() -> str:
    url = os.environ.get("RELASI_TEST_PG")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("RELASI_TEST_PG is not set in CI: run `eval \"$(bash .ci/postgres.sh)\"` first")
        pytest.skip("PostgreSQL tests need RELASI_TEST_PG (eval \"$(bash .ci/postgres.sh)\")")
    if "test" not in (to_url(url).database or ""):
        pytest.fail("RELASI_TEST_PG must name a database with 'test' in its name: the tests drop its tables")
    return url


def reset_postgres(url: str) -> None:
    """Drop every view and table, whatever version a previous test left, so each test starts from nothing."""
    engine = sa.create_engine(to_url(url))
    with engine.begin() as conn:
        for view in sa.inspect(conn).get_view_names():   # views (issue 12) hold the tables they read
            conn.exec_driver_sql(f'DROP VIEW IF EXISTS "{view}" CASCADE')
        tables = sa.MetaData()
        tables.reflect(conn)
        tables.drop_all(conn)
    engine.dispose()


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[Database]:
    """A new SQLite file in tmp_path."""
    db = open_database(tmp_path / "relasi.db")
    yield db
    db.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL or path of an empty database, on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "relasi.db")
    url = postgres_url()
    reset_postgres(url)
    return url


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()
