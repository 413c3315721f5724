"""Stories and aggregated events in the store: linking new articles to earlier near-duplicates, keeping
`event_groups` in step with the events, and reading both back. The tables are described in schema.py
(version 2); the similarity itself is relasi.dedup, which knows nothing of SQL.

Both `StoryIndex.link` and `regroup` run inside the writer's batch transaction, after the batch's articles,
events and documents rows are written: a batch lands with its stories and groups or not at all.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from relasi.dedup import (
    DEFAULT_THRESHOLD,
    INDEX_SKIP_SIMILARITY,
    MAX_CANDIDATES_PER_BAND,
    DedupConfig,
    Match,
    best_match,
)
from relasi.store import schema as t
from relasi.store.bulk import IN_CHUNK, Bulk, chunks
from relasi.store.queries import dyad_conditions
from relasi.store.records import COUNTED, EVENT_COLUMNS, Record

if TYPE_CHECKING:
    from relasi.store.database import Database

_VALUES_CHUNK = 2000    # rows of a VALUES list: 8,000 parameters, under every backend's limit
DEFAULT_WINDOW_DAYS = 14
"""Near-duplicates are looked for among articles published this many days before or after (and among
articles with no date). News copies and rewrites appear within days; the window keeps the number of LSH
candidates proportional to a few weeks of news rather than to the whole archive."""
_EPOCH = date(1970, 1, 1)


# -- configuration ----------------------------------------------------------------------------------------

def load_config(conn: Connection) -> DedupConfig | None:
    row = conn.execute(sa.select(t.dedup_config.c.config).where(t.dedup_config.c.id == 1)).scalar()
    return None if row is None else DedupConfig.from_json(json.loads(row))


def ensure_config(db: Database, default: DedupConfig | None = None) -> DedupConfig:
    """The database's signature settings, stored now from `default` if it has none yet."""
    with db.read() as conn:
        found = load_config(conn)
    if found is not None:
        return found
    with db.write() as conn:
        return _config_in(conn, default)


def _config_in(conn: Connection, default: DedupConfig | None) -> DedupConfig:
    found = load_config(conn)
    if found is None:
        found = (default or DedupConfig()).resolved()
        conn.execute(t.dedup_config.insert().values(id=1, config=json.dumps(found.to_json())))
    return found


# -- linking ----------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Link:
    """The story an article was put in; `match` is the earlier article it resembled, None if it started it."""

    story_id: str
    match: Match | None


@dataclass(slots=True)
class _Pending:
    article_id: str
    story_id: str
    signature: bytes
    keys: list[int]
    day: int | None
    match: Match | None


class StoryIndex:
    """Puts each new article in a story: the story of its most similar earlier article if the estimated
    Jaccard similarity reaches `threshold`, else a new one named by the article's id.

    Stories never merge afterwards (an article resembling two stories joins the closer one), so a story id,
    once given, is stable: exports, links and counts made yesterday stay valid.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, window_days: int | None = DEFAULT_WINDOW_DAYS,
                 config: DedupConfig | None = None) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("the dedup threshold is a similarity between 0 (excluded) and 1")
        self.threshold = threshold
        self.window_days = window_days
        self.default_config = config       # used only by a database that has no config yet
        self._config: DedupConfig | None = None

    def config(self, conn: Connection) -> DedupConfig:
        if self._config is None:
            self._config = _config_in(conn, self.default_config)
        return self._config

    def link(self, conn: Connection, fresh: Sequence[Record]) -> dict[str, Link]:
        """Assign stories to `fresh` (new articles, in input order, already inserted); store their signatures,
        band keys and story ids. The earlier articles they may resemble are looked up for the whole batch at
        once (`_stored_candidates`); each article is then compared with those and with the batch's own
        earlier articles, in order, as if they had come one by one."""
        links: dict[str, Link] = {}
        batch: list[_Pending] = []
        local: dict[int, list[int]] = defaultdict(list)     # band key -> positions in `batch`
        signed = [(record, _day(record.published)) for record in fresh if record.signature is not None]
        stored = self._stored_candidates(conn, [(record.band_keys or (), day) for record, day in signed])
        for record in fresh:
            if record.signature is None:
                links[record.id] = Link(record.id, None)
        for (record, day), candidates in zip(signed, stored, strict=True):
            sig, keys = record.signature, list(record.band_keys or ())
            assert sig is not None
            earlier = sorted({p for key in keys for p in local.get(key, ()) if self._near(batch[p].day, day)})
            candidates += [(batch[p].article_id, batch[p].story_id, batch[p].signature) for p in earlier]
            match = best_match(sig, candidates, self.threshold)
            story_id = match.story_id if match else record.id
            links[record.id] = Link(story_id, match)
            if _indexed(match):
                for key in keys:
                    local[key].append(len(batch))
            batch.append(_Pending(record.id, story_id, sig, keys, day, match))
        self._save(conn, batch, {record.id: links[record.id] for record in fresh})
        return links

    def _near(self, a: int | None, b: int | None) -> bool:
        return self.window_days is None or a is None or b is None or abs(a - b) <= self.window_days

    def _stored_candidates(self, conn: Connection, wanted: list[tuple[Sequence[int], int | None]]
                           ) -> list[list[tuple[str, str, bytes]]]:
        """For each (band keys, day): the stored articles sharing a band with it, dated within the window (or
        undated), as (article_id, story_id, signature) in the order they were stored; of a crowded band only
        the MAX_CANDIDATES_PER_BAND most recent. Two statements per batch (chunked), not two per article."""
        per_key: list[dict[int, list[int]]] = [defaultdict(list) for _ in wanted]
        windowed = [(pos, key, day - self.window_days, day + self.window_days)
                    for pos, (keys, day) in enumerate(wanted) if day is not None and self.window_days is not None
                    for key in keys]
        anyday = [(pos, key) for pos, (keys, day) in enumerate(wanted) if day is None or self.window_days is None
                  for key in keys]
        for pos, key, signature_id in self._band_rows(conn, windowed, anyday):
            per_key[pos][key].append(signature_id)
        chosen: list[set[int]] = []
        for keyed in per_key:
            ids: set[int] = set()
            for found in keyed.values():
                ids.update(sorted(found)[-MAX_CANDIDATES_PER_BAND:])    # the most recent of a crowded band
            chosen.append(ids)
        rows: dict[int, tuple[str, str, bytes]] = {}
        s, a = t.article_signatures, t.articles
        for chunk in chunks(sorted(set().union(*chosen))):
            for signature_id, article_id, story_id, sig in conn.execute(
                    sa.select(s.c.id, s.c.article_id, a.c.story_id, s.c.signature)
                    .join(a, a.c.id == s.c.article_id).where(s.c.id.in_(chunk))):
                rows[signature_id] = (article_id, story_id or article_id, bytes(sig))
        return [[rows[i] for i in sorted(ids) if i in rows] for ids in chosen]

    def _band_rows(self, conn: Connection, windowed: list[tuple[int, int, int, int]],
                   anyday: list[tuple[int, int]]) -> Iterator[tuple[int, int, int]]:
        """(position, band key, signature id) of the stored bands each (position, key[, lo, hi]) asks for: with
        a window, two index ranges per key (dated within it, and undated) rather than one OR the planner may
        turn into a scan. The asks are a VALUES list on SQLite, arrays on PostgreSQL (one parameter each)."""
        dated = ("SELECT q.pos, b.band_key, b.signature_id FROM q JOIN signature_bands b "
                 "ON b.band_key = q.k AND b.day BETWEEN q.lo AND q.hi "
                 "UNION ALL SELECT q.pos, b.band_key, b.signature_id FROM q JOIN signature_bands b "
                 f"ON b.band_key = q.k AND b.day = {t.NO_DAY}")
        undated = "SELECT q.pos, b.band_key, b.signature_id FROM q JOIN signature_bands b ON b.band_key = q.k"
        if conn.dialect.name == "postgresql":
            if windowed:
                yield from conn.exec_driver_sql(
                    "WITH q AS (SELECT * FROM unnest(%s::int[], %s::bigint[], %s::int[], %s::int[]) "
                    f"AS q(pos, k, lo, hi)) {dated}", tuple(list(column) for column in zip(*windowed, strict=True)))
            if anyday:
                yield from conn.exec_driver_sql(
                    f"WITH q AS (SELECT * FROM unnest(%s::int[], %s::bigint[]) AS q(pos, k)) {undated}",
                    tuple(list(column) for column in zip(*anyday, strict=True)))
            return
        for chunk in chunks(windowed, _VALUES_CHUNK):
            values = ", ".join(["(?, ?, ?, ?)"] * len(chunk))
            yield from conn.exec_driver_sql(f"WITH q(pos, k, lo, hi) AS (VALUES {values}) {dated}",
                                            tuple(chain.from_iterable(chunk))).fetchall()
        for chunk in chunks(anyday, _VALUES_CHUNK):
            values = ", ".join(["(?, ?)"] * len(chunk))
            yield from conn.exec_driver_sql(f"WITH q(pos, k) AS (VALUES {values}) {undated}",
                                            tuple(chain.from_iterable(chunk))).fetchall()

    def _save(self, conn: Connection, batch: list[_Pending], links: dict[str, Link]) -> None:
        bulk = Bulk(conn)
        if batch:
            bulk.insert("article_signatures", ("article_id", "signature", "matched_article_id", "similarity"),
                        [(p.article_id, p.signature, p.match.article_id if p.match else None,
                          round(p.match.similarity, 4) if p.match else None) for p in batch])
            ids = dict(bulk.select_in("article_signatures", ("article_id", "id"), "article_id",
                                      [p.article_id for p in batch]))
            bulk.insert("signature_bands", ("band_key", "day", "signature_id"),
                        [(key, t.NO_DAY if p.day is None else p.day, ids[p.article_id])
                         for p in batch if _indexed(p.match) for key in sorted(set(p.keys))])
        bulk.update("articles", "id", ("story_id",),
                    [(article_id, link.story_id) for article_id, link in links.items()], ("text", "text"))


def _indexed(match: Match | None) -> bool:
    """Whether an article's band keys go into the index (see dedup.INDEX_SKIP_SIMILARITY)."""
    return match is None or match.similarity < INDEX_SKIP_SIMILARITY


def _day(published: str | None) -> int | None:
    if not published or len(published) < 10:
        return None
    try:
        return (date.fromisoformat(published[:10]) - _EPOCH).days
    except ValueError:
        return None


# -- event groups ----------------------------------------------------------------------------------------

def _story_of(a: sa.Table) -> sa.ColumnElement[str]:
    return sa.func.coalesce(a.c.story_id, a.c.id)


def _group_key(story: sa.ColumnElement[str], e: sa.Table) -> sa.ColumnElement[str]:
    """story|date|source|target|cameo, built in SQL so one statement can group a whole batch."""
    sep = sa.literal("|", sa.Text)
    return (story + sep + sa.func.coalesce(e.c.date, sa.literal("", sa.Text)) + sep + e.c.source_code + sep
            + e.c.target_code + sep + e.c.cameo)


def regroup(conn: Connection, article_ids: Iterable[str]) -> int:
    """Put the counted events of `article_ids` in their groups (creating groups as needed) and recompute the
    counts of every group those articles touch. Pass new articles and articles that gained a document.
    Returns the number of groups created."""
    e, a, g = t.events, t.articles, t.event_groups
    created = 0
    for chunk in chunks(sorted(set(article_ids))):
        key = _group_key(_story_of(a), e)
        missing = (
            sa.select(key, _story_of(a), e.c.date, e.c.source_code, e.c.target_code, e.c.cameo,
                      sa.func.max(e.c.plover), sa.func.max(e.c.goldstein), sa.func.max(e.c.quad_class),
                      sa.literal(0), sa.literal(0), sa.literal(0))
            .select_from(e.join(a, a.c.id == e.c.article_id))
            .where(e.c.article_id.in_(chunk), e.c.counted.is_(True), ~sa.exists().where(g.c.key == key))
            .group_by(key, _story_of(a), e.c.date, e.c.source_code, e.c.target_code, e.c.cameo)
        )
        result = conn.execute(g.insert().from_select(
            ["key", "story_id", "date", "source_code", "target_code", "cameo", "plover", "goldstein",
             "quad_class", "num_mentions", "num_articles", "num_sources"], missing))
        created += max(result.rowcount or 0, 0)
        # Both subqueries read the events row being updated: say so, or SQLAlchemy adds `events` to their FROM.
        story = sa.select(_story_of(a)).where(a.c.id == e.c.article_id).correlate_except(a).scalar_subquery()
        group_id = sa.select(g.c.id).where(g.c.key == _group_key(story, e)).correlate_except(g).scalar_subquery()
        # `counted` is tested in the SET, not the WHERE: with it in the WHERE, SQLite walks the counted index
        # (every counted event of the database) instead of the article_id index.
        conn.execute(e.update().where(e.c.article_id.in_(chunk))
                     .values(group_id=sa.case((e.c.counted.is_(True), group_id), else_=sa.null())))
        touched = conn.execute(sa.select(e.c.group_id).distinct()
                               .where(e.c.article_id.in_(chunk), e.c.group_id.is_not(None))).scalars().all()
        _recount(conn, touched)
    return created


_DATE, _SOURCE, _TARGET, _CAMEO, _PLOVER, _GOLDSTEIN, _QUAD = (EVENT_COLUMNS.index(name) for name in (
    "date", "source_code", "target_code", "cameo", "plover", "goldstein", "quad_class"))


def event_key(story_id: str, event: tuple[Any, ...]) -> str:
    """The group key of an event row of a store Record (`_group_key`, in Python)."""
    return f"{story_id}|{event[_DATE] or ''}|{event[_SOURCE]}|{event[_TARGET]}|{event[_CAMEO]}"


def group_events(conn: Connection, fresh: Sequence[tuple[str, str, Sequence[tuple[Any, ...]]]],
                 article_ids: Iterable[str]) -> dict[str, int]:
    """`regroup`'s first half for articles not yet inserted: the group id of each key of the counted events of
    `fresh` (article id, story id, event rows of its Record), creating the groups that do not exist.

    Groups are created as `regroup` creates them, so they get the same ids: per chunk of the sorted
    `article_ids` (fresh and the other articles the batch regroups), in the order of their keys. The events
    are then inserted with their group ids and the groups recounted (`recount`)."""
    by_article = {article_id: (story_id, events) for article_id, story_id, events in fresh}
    ids: dict[str, int] = {}
    bulk = Bulk(conn)
    for chunk in chunks(sorted(set(article_ids))):
        found: dict[str, list[Any]] = {}
        for article_id in chunk:
            story_id, events = by_article.get(article_id, ("", ()))
            for event in events:
                if not event[COUNTED]:
                    continue
                key = event_key(story_id, event)
                row = found.get(key)
                if row is None:
                    found[key] = [key, story_id, event[_DATE], event[_SOURCE], event[_TARGET], event[_CAMEO],
                                  event[_PLOVER], event[_GOLDSTEIN], event[_QUAD], 0, 0, 0]
                else:   # max() of each, as SQL's: NULLs ignored
                    for column, index in ((6, _PLOVER), (7, _GOLDSTEIN), (8, _QUAD)):
                        if event[index] is not None and (row[column] is None or event[index] > row[column]):
                            row[column] = event[index]
        unknown = [key for key in found if key not in ids]
        ids.update(bulk.select_in("event_groups", ("key", "id"), "key", unknown))
        missing = sorted(key for key in unknown if key not in ids)
        if missing:
            bulk.insert("event_groups", ("key", "story_id", "date", "source_code", "target_code", "cameo", "plover",
                                         "goldstein", "quad_class", "num_mentions", "num_articles", "num_sources"),
                        [tuple(found[key]) for key in missing])
            ids.update(bulk.select_in("event_groups", ("key", "id"), "key", missing))
    return ids


def recount(conn: Connection, group_ids: Iterable[int]) -> None:
    """Recompute the counts of `group_ids` from their events and the documents that carry them."""
    _recount(conn, sorted(set(group_ids)))


# Plain SQL: built by SQLAlchemy, its compilation and expanding IN cost the writer about as much as the query.
_COUNTS = ("SELECT e.group_id, count(*), count(DISTINCT d.id), count(DISTINCT coalesce(d.outlet, d.source)), "
           "min(d.published), max(d.published), min(e.id) "
           "FROM events AS e JOIN documents AS d ON d.article_id = e.article_id AND d.status = 'ok' "
           "WHERE e.group_id IN ({marks}) GROUP BY e.group_id")


def _recount(conn: Connection, group_ids: Sequence[int]) -> None:
    bulk = Bulk(conn)
    for chunk in chunks(sorted(group_ids)):
        marks = ", ".join([bulk.mark] * len(chunk))
        rows = conn.exec_driver_sql(_COUNTS.format(marks=marks), tuple(chunk)).all()
        bulk.update("event_groups", "id", ("num_mentions", "num_articles", "num_sources", "first_seen", "last_seen",
                                           "first_event_id"), rows,
                    ("integer", "integer", "integer", "integer", "text", "text", "integer"))


def backfill_v2(conn: Connection) -> None:
    """Migration 2 on a database that already holds articles: documents get their article's url, outlet and
    date, each article becomes its own story (articles stored before version 2 have no signature, so later
    near-duplicates of them start stories of their own), and their counted events are grouped."""
    d, a = t.documents, t.articles

    def from_article(column: sa.Column) -> sa.ScalarSelect:
        return sa.select(column).where(a.c.id == d.c.article_id).scalar_subquery()

    conn.execute(d.update().where(d.c.status == "ok").values(
        url=from_article(a.c.url), outlet=from_article(a.c.outlet), published=from_article(a.c.published)))
    conn.execute(a.update().where(a.c.story_id.is_(None)).values(story_id=a.c.id))
    last = ""
    while True:   # keyset pages: flat memory on any size of database
        page = conn.execute(sa.select(a.c.id).where(a.c.id > last).order_by(a.c.id).limit(IN_CHUNK)).scalars().all()
        if not page:
            return
        regroup(conn, page)
        last = page[-1]


# -- reading ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class GroupFilter:
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    plover: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    min_articles: int = 1
    limit: int | None = None


GROUP_COLUMNS: tuple[str, ...] = (
    "id", "story_id", "date", "source_code", "target_code", "cameo", "plover", "goldstein", "quad_class",
    "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen", "first_event_id", "sentence",
)


def iter_groups(db: Database, flt: GroupFilter = GroupFilter()) -> Iterator[dict[str, Any]]:
    """Aggregated events (GROUP_COLUMNS), oldest first; `sentence` is the group's first evidence sentence."""
    g, e = t.event_groups, t.events
    query = (sa.select(*(g.c[c] for c in GROUP_COLUMNS if c != "sentence"), e.c.sentence)
             .join(e, e.c.id == g.c.first_event_id, isouter=True))
    query = query.where(*dyad_conditions(g, flt))
    if flt.min_articles > 1:
        query = query.where(g.c.num_articles >= flt.min_articles)
    query = query.where(g.c.num_mentions > 0).order_by(g.c.date, g.c.id)
    if flt.limit is not None:
        query = query.limit(flt.limit)
    with db.read() as conn:
        for row in conn.execution_options(yield_per=1000).execute(query).mappings():
            yield dict(row)


def iter_stories(db: Database, *, limit: int | None = None, min_articles: int = 1) -> Iterator[dict[str, Any]]:
    """Stories, largest first, each with its articles (earliest first) and their other documents (exact
    copies from other sources)."""
    a, d, s = t.articles, t.documents, t.article_signatures
    size = sa.func.count().label("articles")
    query = (sa.select(a.c.story_id, size, sa.func.min(a.c.published).label("first_published"),
                       sa.func.max(a.c.published).label("last_published"))
             .where(a.c.story_id.is_not(None)).group_by(a.c.story_id)
             .order_by(size.desc(), sa.func.min(a.c.published), a.c.story_id))
    if min_articles > 1:
        query = query.having(size >= min_articles)
    if limit is not None:
        query = query.limit(limit)
    with db.read() as conn:
        stories = conn.execute(query).mappings().all()
        for story in stories:
            members = conn.execute(
                sa.select(a.c.id, a.c.outlet, a.c.title, a.c.url, a.c.published, a.c.first_source,
                          s.c.matched_article_id, s.c.similarity)
                .join(s, s.c.article_id == a.c.id, isouter=True)
                .where(a.c.story_id == story["story_id"]).order_by(a.c.published, a.c.id)).mappings().all()
            copies: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for doc in conn.execute(
                    sa.select(d.c.article_id, d.c.source, d.c.outlet, d.c.url, d.c.published)
                    .join(a, a.c.id == d.c.article_id)
                    .where(a.c.story_id == story["story_id"], d.c.status == "ok").order_by(d.c.id)).mappings():
                copies[doc["article_id"]].append(dict(doc))
            articles = []
            for member in members:
                item = dict(member)
                item["copies"] = [{k: v for k, v in doc.items() if k != "article_id"}
                                  for doc in copies.get(member["id"], []) if doc["source"] != member["first_source"]]
                articles.append(item)
            yield {"story_id": story["story_id"], "articles": story["articles"],
                   "documents": sum(1 + len(item["copies"]) for item in articles),
                   "first_published": story["first_published"], "last_published": story["last_published"],
                   "items": articles}


def story_counts(db: Database) -> dict[str, int]:
    """Stories, stories with more than one article, and aggregated events, for summaries."""
    a, g = t.articles, t.event_groups
    with db.read() as conn:
        sizes = sa.select(sa.func.count().label("n")).where(a.c.story_id.is_not(None)).group_by(a.c.story_id)
        sub = sizes.subquery()
        stories = conn.execute(sa.select(sa.func.count()).select_from(sub)).scalar_one()
        shared = conn.execute(sa.select(sa.func.count()).select_from(sub).where(sub.c.n > 1)).scalar_one()
        groups = conn.execute(sa.select(sa.func.count()).select_from(g).where(g.c.num_mentions > 0)).scalar_one()
    return {"stories": int(stories), "stories_with_duplicates": int(shared), "event_groups": int(groups)}
