"""Bulk writes straight to the driver, for the writer's thousands of rows per batch: SQLAlchemy's per-row parameter
handling cost more than the inserts themselves. SQLite gets `executemany`, PostgreSQL `COPY` (psycopg's copy),
which also spares the server a statement per row. Values are given as the driver takes them (`Bulk.bound` turns
one into what SQLAlchemy would have bound), and driver errors come out as SQLAlchemy's, like any statement's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

IN_CHUNK = 500  # keys per `IN (...)` list: under every backend's bound-parameter limit


def chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    """`values` in runs of `size`: one `IN (...)` list or VALUES list each."""
    for index in range(0, len(values), size):
        yield values[index:index + size]


class Bulk:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.postgres = conn.dialect.name == "postgresql"
        self.mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        self._bound: dict[sa.Column, Any] = {}

    def insert(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert `rows` (values in the order of `columns`) into `table`."""
        if not rows:
            return
        names = ", ".join(f'"{name}"' for name in columns)
        if not self.postgres:
            marks = ", ".join([self.mark] * len(columns))
            self.conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            return
        statement = f"COPY {table} ({names}) FROM STDIN"
        dbapi = self.conn.dialect.loaded_dbapi
        try:
            with self.conn.connection.dbapi_connection.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        except dbapi.Error as error:
            raise sa.exc.DBAPIError.instance(statement, None, error, dbapi.Error) from error

    def select_in(self, table: str, columns: Sequence[str], key: str, keys: Sequence[Any],
                  chunk: int = IN_CHUNK) -> list[tuple[Any, ...]]:
        """The `columns` of the rows of `table` whose `key` column is one of `keys` (queried `chunk` at a time):
        the writer looks thousands of keys up per batch, and SQLAlchemy's expanding IN cost more than the query."""
        names = ", ".join(f'"{name}"' for name in columns)
        found: list[tuple[Any, ...]] = []
        for part in map(tuple, chunks(keys, chunk)):
            marks = ", ".join([self.mark] * len(part))
            found += self.conn.exec_driver_sql(f'SELECT {names} FROM {table} WHERE "{key}" IN ({marks})', part).all()
        return found

    def update(self, table: str, key: str, columns: Sequence[str], rows: Sequence[Sequence[Any]],
               types: Sequence[str]) -> None:
        """Set `columns` of the rows of `table` whose `key` column is each row's first value (a row: the key, then
        the values of `columns`; keys unique). `types` are the SQL types of the key and the columns: PostgreSQL
        takes each column as one array parameter."""
        if not rows:
            return
        if not self.postgres:
            sets = ", ".join(f'"{name}" = {self.mark}' for name in columns)
            self.conn.exec_driver_sql(f'UPDATE {table} SET {sets} WHERE "{key}" = {self.mark}',
                                      [(*row[1:], row[0]) for row in rows])
            return
        names = ", ".join(f'"{name}"' for name in (key, *columns))
        arrays = ", ".join(f"%s::{kind}[]" for kind in types)
        sets = ", ".join(f'"{name}" = v."{name}"' for name in columns)
        self.conn.exec_driver_sql(f'UPDATE {table} SET {sets} FROM unnest({arrays}) AS v({names}) '
                                  f'WHERE {table}."{key}" = v."{key}"',
                                  tuple(list(column) for column in zip(*rows, strict=True)))

    def bound(self, column: sa.Column, value: Any) -> Any:
        """`value` as SQLAlchemy would bind it to `column` (SQLite keeps dates and times as text)."""
        if column not in self._bound:
            self._bound[column] = column.type.bind_processor(self.conn.dialect)
        process = self._bound[column]
        return value if process is None else process(value)
