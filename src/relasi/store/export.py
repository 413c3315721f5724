"""Export a stored table to a file, by format. Formats are a registry so Parquet can join without edits here.

An exporter is `fn(db, table, out) -> rows written`, where `table` is one of TABLES and `out` a path
or "-" for stdout. To add one (the scale work does this for Parquet, streaming the same rows into
pyarrow record batches):

    from relasi.store.export import register_exporter
    register_exporter("parquet", write_parquet)

`relasi export --format` accepts every registered name, checked when the command runs.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from relasi.store.database import Database
from relasi.store.queries import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    EventFilter,
    iter_article_rows,
    iter_event_rows,
    iter_events,
)

TABLES: tuple[str, ...] = ("events", "articles", "documents", "mentions", "event_groups")
Exporter = Callable[[Database, str, str], int]
EXPORTERS: dict[str, Exporter] = {}

_EVERY_EVENT = EventFilter(include_all=True)   # an export is the whole table, counted or not


def register_exporter(name: str, exporter: Exporter) -> None:
    EXPORTERS[name] = exporter


def columns_of(table: str) -> tuple[str, ...]:
    if table in ("events", "articles"):
        return {"events": EVENT_COLUMNS, "articles": ARTICLE_COLUMNS}[table]
    from relasi.store.parquet import COLUMNS

    return tuple(name for name, _ in COLUMNS[table])


def flat_rows(db: Database, table: str) -> Iterator[dict[str, Any]]:
    """Rows with scalar values only (`columns_of(table)` keys): for CSV and columnar formats."""
    if table == "events":
        yield from iter_event_rows(db, _EVERY_EVENT)
        return
    if table != "articles":   # documents, mentions, event_groups: the rows the Parquet files hold
        from relasi.store.parquet import table_rows

        yield from table_rows(db, table)
        return
    for row in iter_article_rows(db):
        row["authors"] = json.dumps(row["authors"], ensure_ascii=False)
        yield row


def nested_rows(db: Database, table: str) -> Iterator[dict[str, Any]]:
    """Rows as JSON objects: events as `relasi events --format jsonl` prints them."""
    if table in ("events", "articles"):
        return iter_events(db, _EVERY_EVENT) if table == "events" else iter_article_rows(db)
    return flat_rows(db, table)


@contextmanager
def _open_text(out: str) -> Iterator[TextIO]:
    if out == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(out, "w", encoding="utf-8", newline="") as handle:
        yield handle


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_row(row: dict[str, Any]) -> dict[str, Any]:
    """A CSV row a spreadsheet will not run: text cells that start like a formula get a leading quote.

    Article text is untrusted; a title "=HYPERLINK(...)" opened in a spreadsheet would be live.
    """
    return {key: "'" + value if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value
            for key, value in row.items()}


def write_csv(db: Database, table: str, out: str) -> int:
    count = 0
    with _open_text(out) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns_of(table))
        writer.writeheader()
        for row in flat_rows(db, table):
            writer.writerow(inert_row(row))
            count += 1
    return count


def write_jsonl(db: Database, table: str, out: str) -> int:
    count = 0
    with _open_text(out) as handle:
        for row in nested_rows(db, table):
            handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def write_parquet(db: Database, table: str, out: str) -> int:
    """`out` is a directory; `table` may also be "all" (see relasi.store.parquet)."""
    from relasi.store.parquet import write_parquet as write

    return write(db, table, out)


register_exporter("csv", write_csv)
register_exporter("jsonl", write_jsonl)
if importlib.util.find_spec("pyarrow") is not None:   # the `scale` extra
    register_exporter("parquet", write_parquet)
