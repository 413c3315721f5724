"""Updated sources: an earlier version moves to `document_versions`, and what it alone carried is removed.

When a source comes back with other content, the writer stores the new article as usual and points the
source's documents row at it; this module, in the same transaction, keeps a history row of the version it
replaces and deletes the replaced article when no other document carries it (its text is kept in the history
row): its mentions, events, signature, LSH bands and search entries go, and the event groups it fed are
recounted, so nothing of the old version is counted twice or at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from relasi.store import schema as t

_CHUNK = 500


def keep_history(conn: Connection, done: dict[str, Any], run_id: int, now: datetime) -> None:
    """A history row for the documents row `done` (source, content_sha1, article_id, ...) about to be replaced."""
    d = t.documents
    row = conn.execute(sa.select(d.c.source, d.c.content_sha1, d.c.article_id, d.c.ingested_at, d.c.run_id,
                                 d.c.url, d.c.published).where(d.c.source == done["source"])).mappings().one()
    conn.execute(t.document_versions.insert().values(**row, replaced_at=now, replaced_by_run=run_id))


def drop_orphans(conn: Connection, article_ids: Iterable[str]) -> list[str]:
    """Delete the articles among `article_ids` that no document carries any more; returns those deleted."""
    d, a, e = t.documents, t.articles, t.events
    wanted = sorted(set(article_ids))
    if not wanted:
        return []
    carried = set(conn.execute(sa.select(d.c.article_id).distinct().where(d.c.article_id.in_(wanted))).scalars())
    orphans = [article_id for article_id in wanted if article_id not in carried]
    for start in range(0, len(orphans), _CHUNK):
        chunk = orphans[start:start + _CHUNK]
        _keep_text(conn, chunk)
        groups = set(conn.execute(sa.select(e.c.group_id).distinct()
                                  .where(e.c.article_id.in_(chunk), e.c.group_id.is_not(None))).scalars())
        _unindex(conn, chunk)
        conn.execute(t.mentions.delete().where(t.mentions.c.article_id.in_(chunk)))
        conn.execute(e.delete().where(e.c.article_id.in_(chunk)))
        _drop_extra_rows(conn, chunk)
        signatures = sa.select(t.article_signatures.c.id).where(t.article_signatures.c.article_id.in_(chunk))
        conn.execute(t.signature_bands.delete().where(t.signature_bands.c.signature_id.in_(signatures)))
        conn.execute(t.article_signatures.delete().where(t.article_signatures.c.article_id.in_(chunk)))
        conn.execute(a.delete().where(a.c.id.in_(chunk)))
        _recount_groups(conn, sorted(groups))
    return orphans


def _keep_text(conn: Connection, article_ids: list[str]) -> None:
    a, v = t.articles, t.document_versions
    for row in conn.execute(sa.select(a.c.id, a.c.title, a.c.body).where(a.c.id.in_(article_ids))):
        conn.execute(v.update().where(v.c.article_id == row.id, v.c.body.is_(None))
                     .values(title=row.title, body=row.body))


def _unindex(conn: Connection, article_ids: list[str]) -> None:
    """SQLite's external-content FTS5 tables must be told what is deleted (PostgreSQL's columns go with the row)."""
    if conn.dialect.name != "sqlite" or not sa.inspect(conn).has_table("articles_fts"):
        return
    marks = ", ".join("?" * len(article_ids))
    conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts, rowid, title, body) "
                         f"SELECT 'delete', rowid, title, body FROM articles WHERE id IN ({marks})", tuple(article_ids))
    conn.exec_driver_sql("INSERT INTO events_fts(events_fts, rowid, sentence) "
                         f"SELECT 'delete', id, sentence FROM events WHERE article_id IN ({marks})", tuple(article_ids))


def _drop_extra_rows(conn: Connection, article_ids: list[str]) -> None:
    """Rows of tables added by later migrations that point at an article (found by their article_id column)."""
    known = {"mentions", "events", "article_signatures", "documents", "articles"}
    for table in t.metadata.sorted_tables:
        if table.name in known or "article_id" not in table.c:
            continue
        if any(fk.column.table is t.articles for fk in table.c.article_id.foreign_keys):
            conn.execute(table.delete().where(table.c.article_id.in_(article_ids)))


def _recount_groups(conn: Connection, group_ids: list[int]) -> None:
    """Groups that lost events: recounted from what is left, deleted when nothing is."""
    from relasi.store.stories import _recount

    if not group_ids:
        return
    e, g = t.events, t.event_groups
    live = set(conn.execute(sa.select(e.c.group_id).distinct().where(e.c.group_id.in_(group_ids))).scalars())
    empty = [gid for gid in group_ids if gid not in live]
    if empty:
        conn.execute(g.delete().where(g.c.id.in_(empty)))
    if live:
        _recount(conn, sorted(live))
