"""The one writer: stores a batch of pipeline results, documents rows included, in one transaction.

A batch either lands whole or not at all, which is what makes an interrupted ingest safe to rerun:
a source is marked done in the same transaction that stores its article. Articles are keyed by the
sha1 of their body, so the same text from a second source links to the stored article and adds no
events twice. In the same transaction each new article is put in a story (near-duplicates, see
store/stories.py) and its counted events in their aggregated groups.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from relasi.model import Actor, Article, Dropped, Event
from relasi.store import runs, versions
from relasi.store import schema as t
from relasi.store.database import Database
from relasi.store.places import article_place_rows
from relasi.store.search import index_articles
from relasi.store.stories import StoryIndex, regroup

IN_CHUNK = 500  # keeps `IN (...)` lists under every backend's bound-parameter limit

Status = Literal["stored", "linked", "dropped", "repeated"]


@dataclass(frozen=True, slots=True)
class Item:
    """One pipeline result with the document it came from."""

    source: str                      # the Document's source: the key that marks the input done
    content_sha1: str | None         # sha1 of the document as read; None when it could not be read
    result: Article | Dropped
    signature: bytes | None = None   # MinHash of the article's body when the worker computed it (relasi.dedup)


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
        doc_rows: dict[str, dict[str, Any]] = {}       # source -> row to write, last decision wins
        articles: dict[str, Article] = {}              # candidates to insert, first source wins
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
            row = {"source": item.source, "content_sha1": item.content_sha1, "ingested_at": now,
                   "run_id": run_id}
            if isinstance(result, Dropped):
                row.update(status="dropped", article_id=None, step=result.step, reason=result.reason,
                           detail=result.detail or None, url=None, outlet=None, published=None)
                outcomes.append(Outcome(item.source, "dropped", dropped=result))
            else:
                row.update(status="ok", article_id=result.id, step=None, reason=None, detail=None,
                           url=result.url, outlet=result.outlet, published=result.published)
                if result.id in articles:   # the same body earlier in this batch
                    outcomes.append(Outcome(item.source, "linked", result.id))
                else:
                    articles[result.id] = result
                    signatures[result.id] = item.signature
                    outcomes.append(Outcome(item.source, "stored", result.id, len(result.events)))
                # A later item with the same source in this batch is then a repeat, like a done one.
                known[item.source] = {"status": "ok", "content_sha1": item.content_sha1,
                                      "article_id": result.id}
            doc_rows[item.source] = row

        stored = self._insert_articles(conn, list(articles.values()), new_actor_ids)
        outcomes = [_linked_unless_stored(o, stored) for o in outcomes]
        _save_documents(conn, doc_rows, existing=in_database)
        # Earlier versions: gone with what they alone carried; an article another source still has stays.
        earlier = {article_id for article_id in replaced.values() if article_id}
        kept = earlier - set(versions.drop_orphans(conn, earlier))
        links = self.stories.link(conn, [(article, signatures.get(article.id)) for article in stored.values()])
        # A document linked to an already stored article adds to the counts of that article's event groups.
        copied = {o.article_id for o in outcomes if o.status == "linked" and o.article_id}
        regroup(conn, [*stored, *((copied | kept) - set(stored))])
        return [_with_story(replace(o, updated=True) if o.source in replaced else o, links) for o in outcomes]

    def _insert_articles(self, conn: Connection, candidates: list[Article],
                         new_actor_ids: dict[str, int]) -> dict[str, Article]:
        """Insert the articles not yet in the database; returns those inserted, by id."""
        existing = set(_select_in(conn, t.articles.c.id, [a.id for a in candidates]))
        fresh = [a for a in candidates if a.id not in existing]
        if not fresh:
            return {}
        actor_ids = self._actor_ids_for(conn, _actors_of(fresh), new_actor_ids)
        places = {a.id: article_place_rows(a) for a in fresh}
        conn.execute(t.articles.insert(), [_nul_free({**_article_row(a), **places[a.id][0]}) for a in fresh])
        mention_rows = [
            {"article_id": a.id, "start": m.start, "end": m.end, "text": m.text,
             "actor_id": actor_ids[actor_key(m.actor)], "rule": m.rule,
             "extent_start": m.extent[0] if m.extent else None,
             "extent_end": m.extent[1] if m.extent else None, "part": m.part}
            for a in fresh for m in a.mentions
        ]
        event_rows = [{**_event_row(a.id, e, actor_ids), **place}
                      for a in fresh for e, place in zip(a.events, places[a.id][1], strict=True)]
        if any("\x00" in a.body for a in fresh):   # mention texts and sentences are slices of the body
            mention_rows = [_nul_free(row) for row in mention_rows]
            event_rows = [_nul_free(row) for row in event_rows]
        if mention_rows:
            conn.execute(t.mentions.insert(), mention_rows)
        if event_rows:
            conn.execute(t.events.insert(), event_rows)
        index_articles(conn, [a.id for a in fresh])
        return {a.id: a for a in fresh}

    def _actor_ids_for(self, conn: Connection, found: dict[str, Actor],
                       new_actor_ids: dict[str, int]) -> dict[str, int]:
        ids = {key: self._actor_ids[key] for key in found if key in self._actor_ids}
        missing = [key for key in found if key not in ids]
        if missing:
            ids.update(_select_in(conn, t.actors.c.key, missing, value=t.actors.c.id))
            absent = [key for key in missing if key not in ids]
            if absent:
                conn.execute(t.actors.insert(), [_nul_free(_actor_row(key, found[key])) for key in absent])
                inserted = _select_in(conn, t.actors.c.key, absent, value=t.actors.c.id)
                ids.update(inserted)
            new_actor_ids.update({key: ids[key] for key in missing})
        return ids


@lru_cache(maxsize=1 << 16)   # the same few thousand actors recur in every batch
def actor_key(actor: Actor) -> str:
    """Canonical text of all six actor fields: the actors table's uniqueness key."""
    return json.dumps([actor.code, actor.kind, actor.name, actor.country, actor.sector, actor.role],
                      ensure_ascii=False, separators=(",", ":"))


def _is_update(item: Item, done: dict[str, Any]) -> bool:
    """A source stored before that now reads as an article with other content."""
    return (isinstance(item.result, Article) and item.content_sha1 is not None
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


def _linked_unless_stored(outcome: Outcome, stored: dict[str, Article]) -> Outcome:
    if outcome.status != "stored" or outcome.article_id in stored:
        return outcome
    return Outcome(outcome.source, "linked", outcome.article_id, 0)


def _documents_by_source(conn: Connection, sources: set[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    columns = (t.documents.c.id, t.documents.c.source, t.documents.c.status, t.documents.c.content_sha1,
               t.documents.c.article_id)
    for chunk in _chunks(sorted(sources)):
        query = sa.select(*columns).where(t.documents.c.source.in_(chunk))
        for row in conn.execute(query).mappings():
            found[row["source"]] = dict(row)
    return found


def _save_documents(conn: Connection, rows: dict[str, dict[str, Any]], existing: set[str]) -> None:
    rows = {source: _nul_free(row) for source, row in rows.items()}
    inserts = [row for source, row in rows.items() if source not in existing]
    if inserts:
        conn.execute(t.documents.insert(), inserts)
    for source, row in rows.items():
        if source in existing:  # a dropped source retried: update its row, never add a second one
            values = {k: v for k, v in row.items() if k != "source"}
            conn.execute(t.documents.update().where(t.documents.c.source == source).values(**values))


def _select_in(conn: Connection, key_col: sa.Column, keys: Iterable[Any],
               value: sa.Column | None = None) -> dict[Any, Any]:
    """{key: value} for the rows whose `key_col` is in `keys`, queried in chunks."""
    out: dict[Any, Any] = {}
    columns = (key_col,) if value is None else (key_col, value)
    for chunk in _chunks(list(keys)):
        for row in conn.execute(sa.select(*columns).where(key_col.in_(chunk))):
            out[row[0]] = row[0] if value is None else row[1]
    return out


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for index in range(0, len(values), IN_CHUNK):
        yield values[index:index + IN_CHUNK]


def _actors_of(articles_: Iterable[Article]) -> dict[str, Actor]:
    found: dict[str, Actor] = {}
    for article in articles_:
        for mention in article.mentions:
            found.setdefault(actor_key(mention.actor), mention.actor)
        for ev in article.events:
            found.setdefault(actor_key(ev.source), ev.source)
            found.setdefault(actor_key(ev.target), ev.target)
    return found


def _actor_row(key: str, actor: Actor) -> dict[str, Any]:
    return {"key": key, "code": actor.code, "kind": actor.kind, "name": actor.name,
            "country": actor.country, "sector": actor.sector, "role": actor.role}


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "url": article.url, "outlet": article.outlet, "title": article.title,
        "published": article.published, "published_date": date_part(article.published),
        "authors": json.dumps(list(article.authors), ensure_ascii=False), "dateline": article.dateline,
        "language": article.language, "body": article.body,
        "sentences": json.dumps([list(span) for span in article.sentences]),
        "warnings": json.dumps(list(article.warnings), ensure_ascii=False),
        "story_id": None, "first_source": article.source,
    }


def _event_row(article_id: str, ev: Event, actor_ids: dict[str, int]) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "source_actor_id": actor_ids[actor_key(ev.source)],
        "target_actor_id": actor_ids[actor_key(ev.target)],
        "source_code": ev.source.code, "target_code": ev.target.code,
        "cameo": ev.cameo, "plover": ev.plover, "goldstein": ev.goldstein, "quad_class": ev.quad_class,
        "date": ev.date, "date_precision": ev.date_precision, "location": ev.location,
        "modality": ev.modality, "negated": ev.negated, "sentence": ev.sentence,
        "start": ev.start, "end": ev.end, "pattern": ev.pattern, "confidence": ev.confidence,
        "counted": ev.counted,
    }


def _nul_free(row: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL text cannot hold NUL; U+FFFD takes its place one for one, so offsets stay right."""
    for key, value in row.items():
        if isinstance(value, str) and "\x00" in value:
            row[key] = value.replace("\x00", "\ufffd")
    return row


def date_part(published: str | None) -> date | None:
    """The calendar date of an ISO 8601 timestamp or date; None when there is none."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _now() -> datetime:
    return datetime.now(UTC)
