"""Named store errors; the CLI turns them into one-line messages."""


class StoreError(Exception):
    """Something is wrong with the database itself (missing, unreachable, wrong version)."""


class StoreMissing(StoreError):
    """A command that only reads was pointed at a database that does not exist yet."""


class SchemaTooNew(StoreError):
    """The database was written by a newer relasi; opening it with this one could lose data."""
