"""Read-only queries for the web app that `queries.py` lacks: pages, sorting, series, networks, actors.

Filters reuse `queries._events_query`, so an event means the same thing in the CLI, an export and the
web; what the web adds (outlet, a sentence substring, an order, an offset) narrows that same query.
Every value reaches SQL as a bound parameter. Grouping happens in SQL; only what is not portable between
SQLite and PostgreSQL (calendar buckets) is done in Python on already-grouped rows.

`open_reader` opens a database the web can only read: SQLite with `mode=ro` and `query_only`,
PostgreSQL with read-only transactions. It never creates or migrates anything.
"""

from __future__ import annotations

import calendar
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool

from relasi.actors.names import name_index
from relasi.store import schema as t
from relasi.store.database import BUSY_TIMEOUT_MS, Database, checked, to_url
from relasi.store.errors import SchemaTooNew, StoreError, StoreMissing
from relasi.store.migrations import LATEST_VERSION
from relasi.store.queries import STREAM, EventFilter, _events_query, event_json, event_row
from relasi.store.search import sentence_matches

Sort = Literal["date", "-date", "goldstein", "-goldstein"]
Interval = Literal["day", "week", "month"]
SORTS: tuple[str, ...] = ("date", "-date", "goldstein", "-goldstein")
INTERVALS: tuple[str, ...] = ("day", "week", "month")
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
}


class SchemaTooOld(StoreError):
    """The database predates this relasi; a reader must not migrate it, so it asks the user to."""


@dataclass(frozen=True, slots=True)
class EventSearch:
    """What the web adds to an EventFilter: outlet, sentence substring, order and page offset."""

    outlet: str | None = None
    text: str | None = None          # case-insensitive substring of the evidence sentence
    query: str | None = None         # full-text query over the evidence sentence (words, "phrases")
    between: tuple[str, str] | None = None   # both directions of one dyad
    sort: Sort = "date"
    offset: int = 0


# -- opening --------------------------------------------------------------------------------------------

def open_reader(target: str | Path) -> Database:
    """Open an existing, current relasi database for reading only."""
    url = to_url(target)
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database:
            raise StoreError("an in-memory database has nothing to read; give a file path")
        path = Path(url.database)
        if not path.is_file():
            raise StoreMissing(f"no relasi database at {path} (run `relasi ingest` first)")
        engine, shown = _sqlite_reader(path), str(path)
    elif backend == "postgresql":
        # Every transaction of this engine is READ ONLY: the server refuses writes, whatever the code does.
        engine = sa.create_engine(url, pool_pre_ping=True,
                                  connect_args={"options": "-c default_transaction_read_only=on"})
        shown = url.render_as_string(hide_password=True)
    else:
        raise StoreError(f"unsupported database URL {url.render_as_string(hide_password=True)}")
    return checked(Database(engine, shown), _check_version)


def _sqlite_reader(path: Path) -> Engine:
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"

    def connect() -> sqlite3.Connection:
        # isolation_level=None: transactions are opened by the "begin" listener below, as in database.py.
        return sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)

    # A creator with a bare URL would get SQLAlchemy's in-memory pool (one connection per thread);
    # a file wants the ordinary queue pool shared by the server's worker threads.
    engine = sa.create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool)

    @sa_event.listens_for(engine, "connect")
    def _configure(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA query_only=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @sa_event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # One snapshot per request: a page's several queries see the same committed batches (WAL).
        conn.exec_driver_sql("BEGIN")

    return engine


def _check_version(db: Database) -> None:
    with db.read() as conn:
        current = t.version_of(conn)
    if current == 0:
        raise StoreMissing(f"no relasi database at {db.display} (run `relasi ingest` first)")
    if current > LATEST_VERSION:
        raise SchemaTooNew(f"database schema is version {current}; this relasi knows up to {LATEST_VERSION}")
    if current < LATEST_VERSION:
        raise SchemaTooOld(f"database schema is version {current}, this relasi reads {LATEST_VERSION}: run"
                           f" `relasi stats --db {db.display}` once to upgrade it, then serve again")


# -- events ---------------------------------------------------------------------------------------------

def _search_query(flt: EventFilter, search: EventSearch) -> sa.Select:
    """The CLI's event query narrowed by the web's extras, without order or limit."""
    query = _events_query(replace(flt, limit=None)).order_by(None)
    if search.outlet:
        query = query.where(t.articles.c.outlet == search.outlet)
    if search.text:
        query = query.where(t.events.c.sentence.icontains(search.text, autoescape=True))
    if search.query:
        query = query.where(sentence_matches(search.query))
    if search.between:
        first, second = search.between
        e = t.events
        query = query.where(sa.or_(sa.and_(e.c.source_code == first, e.c.target_code == second),
                                   sa.and_(e.c.source_code == second, e.c.target_code == first)))
    return query


def _ordered(query: sa.Select, sort: Sort) -> sa.Select:
    e = t.events
    # NULLs last both ways, stated explicitly: SQLite and PostgreSQL disagree on the default.
    keys = {
        "date": (e.c.date.asc().nulls_last(), e.c.id.asc()),
        "-date": (e.c.date.desc().nulls_last(), e.c.id.desc()),
        "goldstein": (e.c.goldstein.asc().nulls_last(), e.c.date.asc().nulls_last(), e.c.id.asc()),
        "-goldstein": (e.c.goldstein.desc().nulls_last(), e.c.date.asc().nulls_last(), e.c.id.asc()),
    }[sort]
    return query.order_by(*keys)


def events_page(db: Database, flt: EventFilter, search: EventSearch = EventSearch(),
                limit: int = 50) -> tuple[int, list[dict[str, Any]]]:
    """(number of events matching, one page of them as event objects)."""
    query = _search_query(flt, search)
    with db.read() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
        page = _ordered(query, search.sort).limit(limit).offset(search.offset)
        rows = [event_json(row) for row in conn.execute(page).mappings()]
    return int(total), rows


def iter_event_rows(db: Database, flt: EventFilter, search: EventSearch = EventSearch(),
                    limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Matching events as flat EVENT_COLUMNS rows, streamed (downloads)."""
    return _iter_events(db, flt, search, limit, event_row)


def iter_event_objects(db: Database, flt: EventFilter, search: EventSearch = EventSearch(),
                       limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Matching events as event objects (with their place), streamed (JSON downloads)."""
    return _iter_events(db, flt, search, limit, event_json)


def _iter_events(db: Database, flt: EventFilter, search: EventSearch, limit: int | None,
                 shape: Callable[[Any], dict[str, Any]]) -> Iterator[dict[str, Any]]:
    query = _ordered(_search_query(flt, search), search.sort).offset(search.offset)
    if limit is not None:
        query = query.limit(limit)
    with db.read() as conn:
        for row in conn.execution_options(**STREAM).execute(query).mappings():
            yield shape(row)


def article_events(db: Database, article_id: str) -> list[dict[str, Any]]:
    """Every event of one article, counted or not, in text order, with ids for anchors."""
    query = (_search_query(EventFilter(include_all=True), EventSearch())
             .where(t.events.c.article_id == article_id)
             .order_by(t.events.c.start, t.events.c.id))
    with db.read() as conn:
        return [event_json(row) for row in conn.execute(query).mappings()]


# -- dyad time series -----------------------------------------------------------------------------------

def dyad_series(db: Database, source: str | None, target: str | None, interval: Interval = "month", *,
                since: str | None = None, until: str | None = None,
                include_all: bool = False) -> dict[str, Any]:
    """Events from `source` to `target` per calendar bucket: counts and mean Goldstein per quad class.

    A side left as None matches any actor, so (None, None) is the whole database's timeline.

    A bucket is named by its first day (weeks start on Monday). Events without a date, or dated more
    coarsely than the interval (a year-only date in a monthly series), cannot be placed and are counted
    in `skipped` instead of being put in a bucket they may not belong to.
    """
    flt = EventFilter(source=source, target=target, since=since, until=until, include_all=include_all)
    sq = _search_query(flt, EventSearch()).subquery()
    query = (sa.select(sq.c.date, sq.c.quad_class, sa.func.count().label("n"),
                       sa.func.sum(sq.c.goldstein).label("total"), sa.func.count(sq.c.goldstein).label("scored"))
             .group_by(sq.c.date, sq.c.quad_class))
    with db.read() as conn:
        grouped = conn.execute(query).all()

    buckets: dict[str, dict[str, Any]] = {}
    skipped = {"undated": 0, "too_coarse": 0}
    for day, quad, n, total, scored in grouped:
        start = _bucket_start(day, interval)
        if start is None:
            skipped["undated" if not day else "too_coarse"] += n
            continue
        bucket = buckets.setdefault(start, {"n": 0, "total": 0.0, "scored": 0,
                                            "quads": {q: [0, 0.0, 0] for q in QUAD_CLASSES}})
        bucket["n"] += n
        bucket["total"] += total or 0.0
        bucket["scored"] += scored
        if quad in QUAD_CLASSES:
            cell = bucket["quads"][quad]
            cell[0] += n
            cell[1] += total or 0.0
            cell[2] += scored
    return {
        "source": source, "target": target, "interval": interval, "counted_only": not include_all,
        "buckets": [
            {"start": start, "events": b["n"], "goldstein_mean": _mean(b["total"], b["scored"]),
             "quad_classes": [{"quad_class": q, "name": QUAD_CLASSES[q], "events": cell[0],
                               "goldstein_mean": _mean(cell[1], cell[2])}
                              for q, cell in b["quads"].items()]}
            for start, b in sorted(buckets.items())
        ],
        "skipped": skipped,
    }


def _bucket_start(day: str | None, interval: Interval) -> str | None:
    if not day:
        return None
    if interval == "month":
        return f"{day[:7]}-01" if len(day) >= 7 else None
    if len(day) < 10:
        return None
    try:
        parsed = date.fromisoformat(day[:10])
    except ValueError:
        return None
    if interval == "week":
        parsed -= timedelta(days=parsed.weekday())
    return parsed.isoformat()


def _mean(total: float, scored: int) -> float | None:
    return round(total / scored, 3) if scored else None


# -- actors and the network -----------------------------------------------------------------------------

def top_actors(db: Database, *, prefix: str | None = None, include_all: bool = False, limit: int = 20,
               offset: int = 0) -> list[dict[str, Any]]:
    """Actor codes by the number of events they take part in, optionally those whose code or any
    of whose names starts with `prefix` (case-insensitive)."""
    e, a = t.events, t.actors
    sides = [sa.select(e.c.source_code.label("code"), sa.literal(1).label("src"), sa.literal(0).label("tgt")),
             sa.select(e.c.target_code.label("code"), sa.literal(0).label("src"), sa.literal(1).label("tgt"))]
    if not include_all:
        sides = [side.where(e.c.counted.is_(True)) for side in sides]
    both = sa.union_all(*sides).subquery()
    total = sa.func.count().label("events")
    query = (sa.select(both.c.code, total, sa.func.sum(both.c.src).label("as_source"),
                       sa.func.sum(both.c.tgt).label("as_target"))
             .group_by(both.c.code).order_by(total.desc(), both.c.code).limit(limit).offset(offset))
    if prefix:
        named = sa.select(a.c.code).where(sa.or_(
            a.c.code.startswith(prefix.upper(), autoescape=True),
            sa.func.lower(a.c.name).startswith(prefix.lower(), autoescape=True)))
        query = query.where(both.c.code.in_(named))
    with db.read() as conn:
        rows = conn.execute(query).all()
        labels = actor_labels(conn, [row.code for row in rows])
    return [{"code": row.code, "name": labels.get(row.code, row.code), "events": int(row.events),
             "as_source": int(row.as_source), "as_target": int(row.as_target)} for row in rows]


def actor_labels(conn: Connection, codes: list[str]) -> dict[str, str]:
    """A readable name per code: the state or organisation itself, not one of its officials.

    The packs' display name comes first, so a code reads the same on every page whatever the stored
    actors happen to be (India is "India" even where only its ministers were stored); stored names cover
    codes the packs do not know."""
    a = t.actors
    index = name_index()
    labels: dict[str, str] = {code: name for code in codes if (name := index.name(code))}
    codes = [code for code in codes if code not in labels]
    for index in range(0, len(codes), 500):
        query = (sa.select(a.c.code, a.c.name).where(a.c.code.in_(codes[index:index + 500]),
                                                     a.c.kind.in_(("STATE", "IGO")))
                 .order_by(a.c.code, sa.func.length(a.c.name), a.c.name))
        for code, name in conn.execute(query):
            labels.setdefault(code, name)
    return labels


def coverage(db: Database) -> dict[str, Any]:
    """How wide the counted events reach: first and last date, distinct actors and directed dyads."""
    e = t.events
    counted = e.c.counted.is_(True)
    codes = sa.union(sa.select(e.c.source_code.label("code")).where(counted),
                     sa.select(e.c.target_code.label("code")).where(counted)).subquery()
    dyads = sa.select(e.c.source_code, e.c.target_code).where(counted).distinct().subquery()
    with db.read() as conn:
        first, last = conn.execute(sa.select(sa.func.min(e.c.date), sa.func.max(e.c.date)).where(counted)).one()
        actors = conn.execute(sa.select(sa.func.count()).select_from(codes)).scalar_one()
        pairs = conn.execute(sa.select(sa.func.count()).select_from(dyads)).scalar_one()
    return {"first": first, "last": last, "actors": int(actors), "dyads": int(pairs)}


def names_for(db: Database, codes: list[str]) -> dict[str, str]:
    with db.read() as conn:
        return actor_labels(conn, codes)


def dyad_edges(db: Database, flt: EventFilter, search: EventSearch = EventSearch(),
               limit: int | None = None) -> list[dict[str, Any]]:
    """Directed dyads with their event count and mean Goldstein, most events first."""
    sq = _search_query(flt, search).subquery()
    n = sa.func.count().label("events")
    query = (sa.select(sq.c.source_code, sq.c.target_code, n, sa.func.avg(sq.c.goldstein).label("mean"))
             .group_by(sq.c.source_code, sq.c.target_code).order_by(n.desc(), sq.c.source_code, sq.c.target_code)
             .limit(limit))
    with db.read() as conn:
        return [{"source": s, "target": tg, "events": int(count),
                 "goldstein_mean": None if mean is None else round(float(mean), 3)}
                for s, tg, count, mean in conn.execute(query)]


# -- articles -------------------------------------------------------------------------------------------

def articles_page(db: Database, *, outlet: str | None = None, title: str | None = None,
                  since: str | None = None, until: str | None = None, limit: int = 50,
                  offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Stored articles, newest first, with their counted-event and mention counts."""
    art, e, m = t.articles, t.events, t.mentions
    events_n = (sa.select(sa.func.count()).where(e.c.article_id == art.c.id, e.c.counted.is_(True))
                .scalar_subquery().label("events"))
    mentions_n = sa.select(sa.func.count()).where(m.c.article_id == art.c.id).scalar_subquery().label("mentions")
    conditions = []
    if outlet:
        conditions.append(art.c.outlet == outlet)
    if title:
        conditions.append(art.c.title.icontains(title, autoescape=True))
    if since:
        conditions.append(art.c.published_date >= _first_day(since))
    if until:
        conditions.append(art.c.published_date <= _last_day(until))
    query = (sa.select(art.c.id, art.c.url, art.c.outlet, art.c.title, art.c.published, art.c.language,
                       events_n, mentions_n)
             .where(*conditions)
             .order_by(art.c.published_date.desc().nulls_last(), art.c.id))
    with db.read() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(art).where(*conditions)).scalar_one()
        rows = [dict(row) for row in conn.execute(query.limit(limit).offset(offset)).mappings()]
    return int(total), rows


def _first_day(value: str) -> date:
    year, month, day = _date_parts(value, last=False)
    return date(year, month, day)


def _last_day(value: str) -> date:
    year, month, day = _date_parts(value, last=True)
    return date(year, month, day)


def _date_parts(value: str, *, last: bool) -> tuple[int, int, int]:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first or last day it covers; a day past the month's end
    ("2023-02-31") means the month's last day rather than an error."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if last else 1)
    month_end = calendar.monthrange(year, month)[1]
    day = parts[2] if len(parts) > 2 else (month_end if last else 1)
    return year, month, min(day, month_end)


def has_actor_code(db: Database, code: str) -> bool:
    """Whether any stored actor has this code (codes the packs do not know, from older dictionaries)."""
    with db.read() as conn:
        return conn.execute(sa.select(t.actors.c.id).where(t.actors.c.code == code).limit(1)).first() is not None


# -- where a timeline is dense --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Window:
    """The dates a timeline shows by default, and what it leaves out."""

    since: str | None          # first day shown (None: no dated events)
    until: str | None          # last day shown
    outside: int               # dated events before `since` or after `until`
    first: str | None          # earliest and latest dated event over all
    last: str | None
    interval: Interval         # buckets that fit the window: days up to a month, weeks up to half a year


_OUTLIER_SHARE = 0.1        # an end is an outlier only if it holds at most this share of the events...
_MIN_GAP_DAYS = 90          # ...and lies further from the rest than the rest spans (and at least this far)


def event_dates(db: Database, flt: EventFilter, search: EventSearch = EventSearch()) -> list[tuple[str, int]]:
    """(date, events) for the matching events dated to a month or better, in date order."""
    sq = _search_query(flt, search).subquery()
    query = (sa.select(sq.c.date, sa.func.count()).where(sa.func.length(sq.c.date) >= 7)
             .group_by(sq.c.date).order_by(sq.c.date))
    with db.read() as conn:
        return [(day, int(n)) for day, n in conn.execute(query)]


def dense_window(dates: list[tuple[str, int]]) -> Window:
    """Trim lone events at either end (a 1951 event in a 2023 corpus) so the bars are readable.

    An end date is trimmed while it holds at most a tenth of the events and its gap to the next date is
    longer than the remaining dates span (and longer than three months); what was trimmed is counted."""
    points = [(_ordinal(day), day, n) for day, n in dates]
    points = [p for p in points if p[0] is not None]
    if not points:
        return Window(None, None, 0, None, None, "month")
    total = sum(n for _, _, n in points)
    kept = sorted(points)
    changed = True
    while changed and len(kept) > 1:
        changed = False
        for end in (0, -1):
            if len(kept) < 2:
                break
            edge, neighbour, far = (kept[0], kept[1], kept[-1]) if end == 0 else (kept[-1], kept[-2], kept[0])
            gap, rest = abs(edge[0] - neighbour[0]), abs(far[0] - neighbour[0])
            edge_events = sum(n for o, _, n in kept if o == edge[0])
            if edge_events <= _OUTLIER_SHARE * total and gap > max(rest, _MIN_GAP_DAYS):
                kept = [p for p in kept if p[0] != edge[0]]
                changed = True
    since, until = kept[0][1], _last_of(kept[-1][1])
    outside = total - sum(n for _, _, n in kept)
    span = kept[-1][0] - kept[0][0]
    interval: Interval = "day" if span <= 31 else "week" if span <= 180 else "month"
    return Window(since, until, outside, min(points)[1], max(points)[1], interval)


def _ordinal(day: str) -> int | None:
    try:
        return date.fromisoformat(day[:10] if len(day) >= 10 else f"{day[:7]}-01").toordinal()
    except ValueError:
        return None


def _last_of(day: str) -> str:
    """A month-precision date ("2023-10") as its last day, so `until` keeps the whole month."""
    return day if len(day) >= 10 else _last_day(day[:7]).isoformat()


# -- the map --------------------------------------------------------------------------------------------

def place_points(db: Database, flt: EventFilter, search: EventSearch = EventSearch(),
                 limit: int = 2000) -> list[dict[str, Any]]:
    """Matching events per resolved place: count, mean Goldstein, count per quad class; busiest first."""
    sq = _search_query(flt, search).where(t.events.c.place_lat.is_not(None)).subquery()
    n = sa.func.count().label("events")
    quads = [sa.func.sum(sa.case((sq.c.quad_class == q, 1), else_=0)).label(f"q{q}") for q in QUAD_CLASSES]
    query = (sa.select(sq.c.place_name, sq.c.place_country, sq.c.place_lat, sq.c.place_lon, sq.c.place_precision,
                       n, sa.func.avg(sq.c.goldstein).label("mean"), *quads)
             .group_by(sq.c.place_name, sq.c.place_country, sq.c.place_lat, sq.c.place_lon, sq.c.place_precision)
             .order_by(n.desc(), sq.c.place_name).limit(limit))
    with db.read() as conn:
        rows = conn.execute(query).mappings().all()
    return [{"name": r["place_name"], "country": r["place_country"], "lat": float(r["place_lat"]),
             "lon": float(r["place_lon"]), "precision": r["place_precision"], "events": int(r["events"]),
             "goldstein_mean": None if r["mean"] is None else round(float(r["mean"]), 3),
             "quad_classes": {q: int(r[f"q{q}"] or 0) for q in QUAD_CLASSES}} for r in rows]
