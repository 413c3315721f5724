"""Ingest run records: what a run committed, counted from the rows it wrote, and runs that died unannounced.

The counts of a finished run are read from the database, not from the ingest's tallies: a Ctrl-C between a
batch's COMMIT and the tally would otherwise record fewer documents than were stored. A run keeps its host,
pid and a heartbeat (set by every batch); a later run closes the `running` runs whose process is gone (same
host) or whose heartbeat is older than STALE_AFTER (another host), as `killed`, with the counts they committed.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from relasi.store import schema as t

STALE_AFTER = timedelta(hours=6)     # a run on another host that has not committed for this long is dead


def start(conn: Connection, inputs: Sequence[str]) -> int:
    close_stale(conn)
    now = _now()
    result = conn.execute(t.ingest_runs.insert().values(
        started=now, inputs=json.dumps(list(inputs), ensure_ascii=False), status="running", documents=0,
        articles=0, events=0, dropped=0, skipped=0, host=socket.gethostname(), pid=os.getpid(), heartbeat=now))
    return int(result.inserted_primary_key[0])


def beat(conn: Connection, run_id: int) -> None:
    conn.execute(t.ingest_runs.update().where(t.ingest_runs.c.id == run_id).values(heartbeat=_now()))


def finish(conn: Connection, run_id: int, *, status: str, skipped: int, finished: datetime | None = None) -> None:
    conn.execute(t.ingest_runs.update().where(t.ingest_runs.c.id == run_id).values(
        finished=finished or _now(), status=status, skipped=skipped, **committed(conn, run_id)))


def committed(conn: Connection, run_id: int) -> dict[str, int]:
    """Documents, new articles, their events and dropped inputs that `run_id` committed."""
    d, a, e = t.documents, t.articles, t.events
    docs = conn.execute(sa.select(sa.func.count(), sa.func.count().filter(d.c.status == "dropped"))
                        .where(d.c.run_id == run_id)).one()
    # An article is new in the run whose document first stored it (articles.first_source).
    new = (sa.select(a.c.id).join(d, sa.and_(d.c.source == a.c.first_source, d.c.article_id == a.c.id))
           .where(d.c.run_id == run_id))
    articles = conn.execute(sa.select(sa.func.count()).select_from(new.subquery())).scalar_one()
    events = conn.execute(sa.select(sa.func.count()).select_from(e).where(e.c.article_id.in_(new))).scalar_one()
    return {"documents": docs[0], "dropped": docs[1], "articles": articles, "events": events}


def close_stale(conn: Connection) -> list[int]:
    """Mark `running` runs whose process is gone as `killed`; returns their ids."""
    r = t.ingest_runs
    here = socket.gethostname()
    closed = []
    for row in conn.execute(sa.select(r.c.id, r.c.host, r.c.pid, r.c.heartbeat, r.c.started)
                            .where(r.c.status == "running")).mappings():
        if not _dead(row, here):
            continue
        finish(conn, row["id"], status="killed", skipped=0, finished=row["heartbeat"] or row["started"])
        closed.append(row["id"])
    return closed


def _dead(row: Any, here: str) -> bool:
    if row["pid"] is not None and row["host"] == here:
        return not _alive(row["pid"])
    last = row["heartbeat"] or row["started"]
    if last.tzinfo is None:           # SQLite gives naive datetimes back
        last = last.replace(tzinfo=UTC)
    return _now() - last > STALE_AFTER


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _now() -> datetime:
    return datetime.now(UTC)
