"""Open a database by path or URL: SQLite (default) or PostgreSQL (`postgresql://...`, driver psycopg 3).

SQLite runs in WAL mode so readers (the CLI, the web app) never wait for the ingest writer, with foreign
keys on and a busy timeout so a second writer waits instead of failing. pysqlite's own transaction
handling neither wraps DDL nor takes the write lock up front, so we issue BEGIN ourselves: migrations are
then atomic, and writes start with BEGIN IMMEDIATE (no lock-upgrade deadlock between two writers).
On PostgreSQL, writers serialise on a transaction-scoped advisory lock for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from relasi.store import migrations as m
from relasi.store import schema
from relasi.store.errors import StoreError, StoreMissing

DEFAULT_DB = "relasi.db"
BUSY_TIMEOUT_MS = 30_000
WRITER_CACHE_KIB = 65_536   # SQLite page cache of a connection that writes (the default is 2,000 KiB)
_WRITE_LOCK_KEY = 0x72656C617369  # "relasi": one advisory lock shared by every relasi writer


@dataclass(slots=True)
class Database:
    engine: Engine
    display: str                    # the URL without its password, for messages

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        with self.engine.connect() as conn:
            conn.execution_options(relasi_write=True)
            raw = conn.connection.dbapi_connection
            try:
                with conn.begin():
                    if self.dialect == "postgresql":
                        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_WRITE_LOCK_KEY)))
                    elif not conn.connection.info.get("relasi_writer"):
                        # The writer's batches insert at random places of large indexes (LSH bands, events by
                        # actor): with SQLite's default 2 MB of page cache, a third of its time went to reading
                        # pages back from the OS. Bounded, so memory stays flat; readers keep the default.
                        conn.exec_driver_sql(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
                        conn.connection.info["relasi_writer"] = True
                    yield conn
            except BaseException as error:
                if not isinstance(error, Exception):
                    # Ctrl-C inside a statement: SQLAlchemy gives the connection up without a rollback, and the
                    # traceback keeps it alive, SQLite's write lock with it. Rolling back here lets the run be
                    # recorded as interrupted (a closed connection would make the pool's own reset complain).
                    _rollback_quietly(raw)
                raise

    def version(self) -> int:
        with self.read() as conn:
            return schema.version_of(conn)

    def close(self) -> None:
        self.engine.dispose()


def to_url(target: str | Path) -> URL:
    """A path becomes a SQLite URL; `postgresql://` and `postgres://` get the psycopg 3 driver."""
    text = str(target)
    if "://" not in text:
        if text == ":memory:":
            return URL.create("sqlite")
        return URL.create("sqlite", database=str(Path(text).expanduser()))
    url = make_url(text)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def open_database(target: str | Path = DEFAULT_DB, *, create: bool = True,
                  migrations: tuple[m.Migration, ...] = m.MIGRATIONS) -> Database:
    """Open (and create or upgrade) the database at `target`.

    With create=False a missing SQLite file or an empty database raises StoreMissing instead of
    leaving an empty file behind: the read-only commands use that.
    """
    url = to_url(target)
    backend = url.get_backend_name()
    if backend == "sqlite":
        engine = _sqlite_engine(url, create)
    elif backend == "postgresql":
        engine = sa.create_engine(url, pool_pre_ping=True)
    else:
        raise StoreError(f"unsupported database URL {url.render_as_string(hide_password=True)}")
    shown = (url.database or ":memory:") if backend == "sqlite" else url.render_as_string(hide_password=True)
    def prepare(db: Database) -> None:
        with db.read() as conn:
            current = schema.version_of(conn)
        if not create and current == 0:
            raise StoreMissing(f"no relasi database at {db.display} (run `relasi ingest` first)")
        latest = migrations[-1].version if migrations else 0
        if current != latest:  # take the write lock only when there is something to do (or refuse)
            with db.write() as conn:
                m.migrate(conn, migrations)

    return checked(Database(engine, shown), prepare)


def checked(db: Database, check: Callable[[Database], None]) -> Database:
    """`db` once `check` has passed on it; closed (engine disposed) if it raises, a driver error as StoreError."""
    try:
        check(db)
    except sa.exc.DBAPIError as error:       # unreachable, refused, or a file that is not a database
        db.close()
        raise StoreError(f"cannot open {db.display}: {' '.join(str(error.orig).split())[:200]}") from error
    except BaseException:
        db.close()
        raise
    return db


def _sqlite_engine(url: URL, create: bool) -> Engine:
    path = url.database
    if path and not create and not Path(path).exists():
        raise StoreMissing(f"no relasi database at {path} (run `relasi ingest` first)")
    if path:
        engine = sa.create_engine(url)
    else:  # in memory: one shared connection, or every checkout would see a different empty database
        engine = sa.create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None          # we open transactions ourselves (see module doc)
        cursor = dbapi_conn.cursor()
        if path:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")   # WAL + NORMAL survives a killed process
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("relasi_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _rollback_quietly(raw: object) -> None:
    try:
        raw.rollback()  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - already broken; the point is only to let go of the lock
        pass
