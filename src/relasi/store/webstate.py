"""What the web intake remembers between runs: validators per URL (conditional requests) and, per feed or
sitemap, the items already stored, so a `watch` restarted after a crash fetches only what it had not finished."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import sqlalchemy as sa

from relasi.store import schema as t
from relasi.store.database import Database

_CHUNK = 500


def validators(db: Database, urls: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
    """{url: (etag, last_modified)} for the URLs polled before."""
    r = t.web_resources
    wanted = sorted(set(urls))
    found: dict[str, tuple[str | None, str | None]] = {}
    with db.read() as conn:
        for start in range(0, len(wanted), _CHUNK):
            query = sa.select(r.c.url, r.c.etag, r.c.last_modified).where(r.c.url.in_(wanted[start:start + _CHUNK]))
            found.update({row.url: (row.etag, row.last_modified) for row in conn.execute(query)})
    return found


def save_validators(db: Database, rows: Iterable[tuple[str, str, str | None, str | None, str]]) -> None:
    """Record (url, kind, etag, last_modified, status) of what was polled; one row per URL, the last wins."""
    r = t.web_resources
    latest = {row[0]: row for row in rows}
    if not latest:
        return
    now = datetime.now(UTC)
    with db.write() as conn:
        present = set(conn.execute(sa.select(r.c.url).where(r.c.url.in_(list(latest)))).scalars())
        for url, kind, etag, modified, status in latest.values():
            values = {"kind": kind, "etag": etag, "last_modified": modified, "checked_at": now, "status": status}
            if url in present:
                conn.execute(r.update().where(r.c.url == url).values(**values))
            else:
                conn.execute(r.insert().values(url=url, **values))


def seen_items(db: Database, feed_url: str, item_urls: Iterable[str]) -> tuple[set[str], set[str]]:
    """The items of a feed stored before, and of those the ones not marked seen: stored as an article under their
    URL by a `watch` killed after a batch's articles were committed and before its items were marked. Neither is
    fetched again; the caller marks the second."""
    f, d = t.feed_items, t.documents
    wanted = sorted(set(item_urls))
    marked: set[str] = set()
    stored: set[str] = set()
    with db.read() as conn:
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            marked.update(conn.execute(sa.select(f.c.item_url).where(
                f.c.feed_url == feed_url, f.c.item_url.in_(chunk))).scalars())
            stored.update(conn.execute(sa.select(d.c.source).where(d.c.source.in_(chunk), d.c.status == "ok"))
                          .scalars())
    return marked | stored, stored - marked


def mark_seen(db: Database, pairs: Iterable[tuple[str, str]]) -> int:
    """Record (feed_url, item_url) pairs as stored; pairs already recorded are left alone. Returns how many new."""
    f = t.feed_items
    wanted = set(pairs)
    if not wanted:
        return 0
    now = datetime.now(UTC)
    with db.write() as conn:
        fresh = []
        for feed in {feed for feed, _ in wanted}:
            items = [item for other, item in wanted if other == feed]
            known = set()
            for start in range(0, len(items), _CHUNK):
                known.update(conn.execute(sa.select(f.c.item_url).where(
                    f.c.feed_url == feed, f.c.item_url.in_(items[start:start + _CHUNK]))).scalars())
            fresh += [{"feed_url": feed, "item_url": item, "seen_at": now} for item in items if item not in known]
        if fresh:
            conn.execute(f.insert(), fresh)
    return len(fresh)
