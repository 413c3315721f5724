"""Storage: the schema and its migrations, opening SQLite or PostgreSQL, the one writer, and queries.

Only this package contains SQL. Everything else hands it model objects and gets model objects or
plain dicts back.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from relasi.store.database import DEFAULT_DB, Database, open_database
    from relasi.store.errors import SchemaTooNew, StoreError, StoreMissing
    from relasi.store.queries import EventFilter, iter_events, load_article, stats
    from relasi.store.writer import Item, Outcome, Writer

# Loaded on first use (PEP 562): a worker that only makes store records (store/records.py) never imports SQLAlchemy.
_EXPORTS = {
    "DEFAULT_DB": "database", "Database": "database", "open_database": "database", "SchemaTooNew": "errors",
    "StoreError": "errors", "StoreMissing": "errors", "EventFilter": "queries", "iter_events": "queries",
    "load_article": "queries", "stats": "queries", "Item": "writer", "Outcome": "writer", "Writer": "writer",
}

__all__ = [
    "DEFAULT_DB", "Database", "EventFilter", "Item", "Outcome", "SchemaTooNew", "StoreError", "StoreMissing",
    "Writer", "iter_events", "load_article", "open_database", "stats",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'relasi.store' has no attribute {name!r}")
    return getattr(import_module(f"relasi.store.{module}"), name)
