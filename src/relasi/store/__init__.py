"""Storage: the schema and its migrations, opening SQLite or PostgreSQL, the one writer, and queries.

Only this package contains SQL. Everything else hands it model objects and gets model objects or
plain dicts back.
"""

from relasi.store.database import DEFAULT_DB, Database, open_database
from relasi.store.errors import SchemaTooNew, StoreError, StoreMissing
from relasi.store.queries import EventFilter, iter_events, load_article, stats
from relasi.store.writer import Item, Outcome, Writer

__all__ = [
    "DEFAULT_DB", "Database", "EventFilter", "Item", "Outcome", "SchemaTooNew", "StoreError", "StoreMissing",
    "Writer", "iter_events", "load_article", "open_database", "stats",
]
