"""The one writer: stores a batch of pipeline results, documents rows included, in one transaction.

A batch either lands whole or not at all, which is what makes an interrupted ingest safe to rerun:
a source is marked done in the same transaction that stores its article. Articles are keyed by the
sha1 of their body, so the same text from a second source links to the stored article and adds no
events twice. In the same transaction each new article is put in a story (near-duplicates, see
store/stories.py) and its counted events in their aggregated groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from relasi.dedup import DedupConfig
from relasi.model import Article, Dropped
from relasi.store import runs, versions
from relasi.store import schema as t
from relasi.store.bulk import Bulk
from relasi.store.database import Database
from relasi.store.places import PLACE_COLUMNS, record_places
from relasi.store.records import (
    ARTICLE_COLUMNS,
    COUNTED,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    Record,
    actor_fields,
    nul_free,
)
from relasi.store.search import index_articles
from relasi.store.stories import StoryIndex, event_key, group_events, recount, regroup

Status = Literal["stored", "linked", "dropped", "repeated"]

ARTICLE_INSERT = (*ARTICLE_COLUMNS, *(f"dateline_{name}" for name in PLACE_COLUMNS))
MENTION_INSERT = ("article_id", *MENTION_COLUMNS)
EVENT_INSERT = ("article_id", *EVENT_COLUMNS, *(f"place_{name}" for name in PLACE_COLUMNS), "group_id")
ACTOR_INSERT = ("key", "code", "kind", "name", "country", "sector", "role")
DOCUMENT_INSERT = ("source", "content_sha1", "article_id", "ingested_at", "run_id", "status", "step", "reason",
                   "detail", "url", "outlet", "published")


@dataclass(frozen=True, slots=True)
class Item:
    """One pipeline result with the document it came from."""

    source: str                      # the Document's source: the key that marks the input done
    content_sha1: str | None         # sha1 of the document as read; None when it could not be read
    result: Article | Record | Dropped   # a Record: the article as rows, made by the ingest's workers
    signature: bytes | None = None   # MinHash of an Article's body when the worker computed it (relasi.dedup)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the batch did with one item.

    stored: a new article; linked: its body was already stored (from another source);
    dropped: recorded as dropped (or refused, see `dropped.reason`); repeated: the same source with
    the same content was already done, nothing to do.
    """

    source: str
    status: Status
    article_id: str | None = None
    events: int = 0
    dropped: Dropped | None = None
    story_id: str | None = None      # stored: the story it was put in
    near_duplicate: bool = False     # stored: it joined an earlier story (rather than starting one)
    updated: bool = False            # stored or linked: a new version of a source stored before


class Writer:
    """Stores batches into one Database. Keeps an actor id cache across batches (rows never change)."""

    def __init__(self, db: Database, stories: StoryIndex | None = None) -> None:
        self.db = db
        self.stories = stories or StoryIndex()
        self._actor_ids: dict[str, int] = {}

    # -- runs -----------------------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str]) -> int:
        """A new run record; runs whose process died without finishing are closed first (store/runs.py)."""
        with self.db.write() as conn:
            return runs.start(conn, inputs)

    def finish_run(self, run_id: int, *, status: str, skipped: int, **_tallies: int) -> None:
        """Record how the run ended. Its documents, articles, events and drops are counted from the rows it
        committed (store/runs.py), so the record is right however the run was interrupted."""
        with self.db.write() as conn:
            runs.finish(conn, run_id, status=status, skipped=skipped)

    # -- batches --------------------------------------------------------------------------------------

    def write_batch(self, run_id: int, items: Sequence[Item]) -> list[Outcome]:
        """Store `items` in one transaction; returns one Outcome per item, in order."""
        new_actor_ids: dict[str, int] = {}
        with self.db.write() as conn:
            outcomes = self._write(conn, run_id, items, new_actor_ids)
            runs.beat(conn, run_id)
        # Only after the commit: a rolled-back batch must not leave ids of actors that do not exist.
        self._actor_ids.update(new_actor_ids)
        return outcomes

    def store_article(self, article: Article, run_id: int | None = None) -> Outcome:
        """Store one article outside an ingest (tests, imports); starts its own run when none is given."""
        own_run = run_id is None
        run_id = self.start_run([article.source]) if run_id is None else run_id
        # The body's sha1 stands in for the document's: the same source with another body is a new version.
        outcome = self.write_batch(run_id, [Item(article.source, article.id, article)])[0]
        if own_run:
            stored = outcome.status == "stored"
            self.finish_run(run_id, status="ok", documents=1, articles=int(stored), events=outcome.events,
                            dropped=0, skipped=int(outcome.status == "repeated"))
        return outcome

    def _write(self, conn: Connection, run_id: int, items: Sequence[Item],
               new_actor_ids: dict[str, int]) -> list[Outcome]:
        known = _documents_by_source(conn, {item.source for item in items})
        in_database = set(known)
        outcomes: list[Outcome] = []
        doc_rows: dict[str, tuple[Any, ...]] = {}       # source -> row to write, last decision wins
        articles: dict[str, Article | Record] = {}      # candidates to insert, first source wins
        signatures: dict[str, bytes | None] = {}
        replaced: dict[str, str | None] = {}           # updated source -> the article its earlier version had
        now = _now()
        for item in items:
            done = known.get(item.source)
            if done is not None and done["status"] == "ok":
                if not (_is_update(item, done) and item.source in in_database and item.source not in replaced):
                    outcomes.append(_against_done(item, done))
                    continue
                versions.keep_history(conn, done, run_id, now)
                replaced[item.source] = done["article_id"]
            result = item.result
            if isinstance(result, Dropped):
                doc_rows[item.source] = (item.source, item.content_sha1, None, now, run_id, "dropped", result.step,
                                         result.reason, result.detail or None, None, None, None)
                outcomes.append(Outcome(item.source, "dropped", dropped=result))
                continue
            doc_rows[item.source] = (item.source, item.content_sha1, result.id, now, run_id, "ok", None, None, None,
                                     result.url, result.outlet, result.published)
            if result.id in articles:   # the same body earlier in this batch
                outcomes.append(Outcome(item.source, "linked", result.id))
            else:
                articles[result.id] = result
                signatures[result.id] = item.signature
                outcomes.append(Outcome(item.source, "stored", result.id, len(result.events)))
            # A later item with the same source in this batch is then a repeat, like a done one.
            known[item.source] = {"status": "ok", "content_sha1": item.content_sha1, "article_id": result.id}

        config = self.stories.config(conn)
        existing = set(_select_in(conn, t.articles.c.id, list(articles)))
        fresh = [_record(article, signatures[article_id], config)
                 for article_id, article in articles.items() if article_id not in existing]
        stored = {record.id for record in fresh}
        outcomes = [_linked_unless_stored(o, stored) for o in outcomes]
        # A document linked to an already stored article adds to the counts of that article's event groups.
        copied = {o.article_id for o in outcomes if o.status == "linked" and o.article_id} - stored
        rows = Bulk(conn)
        actor_ids = self._actor_ids_for(conn, fresh, new_actor_ids, rows)
        places = [record_places(record) for record in fresh]
        rows.insert("articles", ARTICLE_INSERT,
                    [(*record.article, *home) for record, (home, _) in zip(fresh, places, strict=True)])
        rows.insert("mentions", MENTION_INSERT,
                    [(record.id, start, end, text, ids[actor], rule, extent_start, extent_end, part)
                     for record in fresh for ids in (_ids_of(record, actor_ids),)
                     for start, end, text, actor, rule, extent_start, extent_end, part in record.mentions])
        if replaced or conn.dialect.name != "sqlite":
            # Grouped by SQL, after the events are inserted. On PostgreSQL the server does that work, and groups
            # take their ids in the order its plan yields them. A batch that updates sources drops what their
            # earlier versions alone carried before stories are looked up, and after the new events took their
            # ids (SQLite reuses the highest ids of deleted rows).
            self._insert_events(rows, fresh, actor_ids, places, None)
            index_articles(conn, [record.id for record in fresh])
            _save_documents(conn, rows, doc_rows, existing=in_database)
            earlier = {article_id for article_id in replaced.values() if article_id}
            kept = earlier - set(versions.drop_orphans(conn, earlier))
            links = self.stories.link(conn, fresh)
            regroup(conn, [*stored, *((copied | kept) - stored)])
        else:
            # SQLite, the usual batch: stories first, then each event is inserted with its group (created here
            # as `regroup` would, same ids), which spares this process two statements that cost more than all
            # the Python they take.
            _save_documents(conn, rows, doc_rows, existing=in_database)
            links = self.stories.link(conn, fresh)
            story = {record.id: links[record.id].story_id for record in fresh}
            groups = group_events(conn, [(r.id, story[r.id], r.events) for r in fresh], [*stored, *copied])
            self._insert_events(rows, fresh, actor_ids, places, (story, groups))
            index_articles(conn, [record.id for record in fresh])
            recount(conn, groups.values())
            if copied:
                regroup(conn, copied)
        return [_with_story(replace(o, updated=True) if o.source in replaced else o, links) for o in outcomes]

    @staticmethod
    def _insert_events(rows: Bulk, fresh: list[Record], actor_ids: dict[str, int],
                       places: list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]],
                       groups: tuple[dict[str, str], dict[str, int]] | None) -> None:
        """The events of `fresh`. With `groups` (each article's story, and the group id of each key, see
        stories.group_events) each counted event is inserted in its group; without, they wait for `regroup`."""
        out = []
        for record, (_, event_places) in zip(fresh, places, strict=True):
            ids = _ids_of(record, actor_ids)
            story = groups[0][record.id] if groups is not None else ""
            for event, place in zip(record.events, event_places, strict=True):
                group = groups[1][event_key(story, event)] if groups is not None and event[COUNTED] else None
                out.append((record.id, ids[event[0]], ids[event[1]], *event[2:], *place, group))
        rows.insert("events", EVENT_INSERT, out)

    def _actor_ids_for(self, conn: Connection, fresh: list[Record], new_actor_ids: dict[str, int],
                       rows: Bulk) -> dict[str, int]:
        """Ids of every actor `fresh` names, inserting the actors not yet stored."""
        known = self._actor_ids
        missing = list(dict.fromkeys(key for record in fresh for key in record.actors
                                     if key not in known and key not in new_actor_ids))
        if missing:
            # The key column holds the NUL-free key; the ids are kept under the key as the records give it.
            stored_as = {key: nul_free((key,))[0] for key in missing}
            found = _select_in(conn, t.actors.c.key, list(stored_as.values()), value=t.actors.c.id)
            absent = [key for key in missing if stored_as[key] not in found]
            if absent:
                rows.insert("actors", ACTOR_INSERT, [nul_free(actor_fields(key)) for key in absent])
                found.update(_select_in(conn, t.actors.c.key, [stored_as[key] for key in absent],
                                        value=t.actors.c.id))
            new_actor_ids.update({key: found[stored_as[key]] for key in missing})
        if not new_actor_ids:
            return known
        return {**known, **new_actor_ids}


def _is_update(item: Item, done: dict[str, Any]) -> bool:
    """A source stored before that now reads as an article with other content."""
    return (not isinstance(item.result, Dropped) and item.content_sha1 is not None
            and item.content_sha1 != done["content_sha1"])


def _against_done(item: Item, done: dict[str, Any]) -> Outcome:
    """An item whose source is already stored and is no update: the same content is a no-op; other content
    twice in one batch is refused."""
    if isinstance(item.result, Dropped):
        # Stored before, unreadable now: report it but keep what was stored.
        return Outcome(item.source, "dropped", dropped=item.result)
    if item.content_sha1 is None or item.content_sha1 == done["content_sha1"]:
        return Outcome(item.source, "repeated", done["article_id"])
    refusal = Dropped(item.source, "store", "duplicate_source",
                      "two versions of one source in one batch; the first is kept")
    return Outcome(item.source, "dropped", dropped=refusal)


def _with_story(outcome: Outcome, links: dict[str, Any]) -> Outcome:
    link = links.get(outcome.article_id or "") if outcome.status == "stored" else None
    if link is None:
        return outcome
    return replace(outcome, story_id=link.story_id, near_duplicate=link.match is not None)


def _linked_unless_stored(outcome: Outcome, stored: set[str]) -> Outcome:
    if outcome.status != "stored" or outcome.article_id in stored:
        return outcome
    return Outcome(outcome.source, "linked", outcome.article_id, 0)


def _record(article: Article | Record, sig: bytes | None, config: DedupConfig) -> Record:
    """The record of an article handed over as such (the ingest's workers send records)."""
    if isinstance(article, Record):
        return article
    return Record.of(article, config, sig, signed=sig is not None)


def _ids_of(record: Record, actor_ids: dict[str, int]) -> list[int]:
    return [actor_ids[key] for key in record.actors]


def _documents_by_source(conn: Connection, sources: set[str]) -> dict[str, dict[str, Any]]:
    columns = ("id", "source", "status", "content_sha1", "article_id")
    rows = Bulk(conn).select_in("documents", columns, "source", sorted(sources))
    return {row[1]: dict(zip(columns, row, strict=True)) for row in rows}


def _save_documents(conn: Connection, rows: Bulk, documents: dict[str, tuple[Any, ...]], existing: set[str]) -> None:
    stamp = DOCUMENT_INSERT.index("ingested_at")
    cleaned = {source: nul_free(row) for source, row in documents.items()}
    rows.insert("documents", DOCUMENT_INSERT,
                [(*row[:stamp], rows.bound(t.documents.c.ingested_at, row[stamp]), *row[stamp + 1:])
                 for source, row in cleaned.items() if source not in existing])
    for source, row in cleaned.items():
        if source in existing:  # a dropped source retried: update its row, never add a second one
            values = dict(zip(DOCUMENT_INSERT[1:], row[1:], strict=True))
            conn.execute(t.documents.update().where(t.documents.c.source == source).values(**values))


def _select_in(conn: Connection, key_col: sa.Column, keys: Iterable[Any],
               value: sa.Column | None = None) -> dict[Any, Any]:
    """{key: value} for the rows whose `key_col` is in `keys`, queried in chunks."""
    columns = (key_col.name,) if value is None else (key_col.name, value.name)
    rows = Bulk(conn).select_in(key_col.table.name, columns, key_col.name, list(keys))
    return {row[0]: row[-1] for row in rows}


def _now() -> datetime:
    return datetime.now(UTC)
