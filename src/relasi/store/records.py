"""What the writer stores of an article, already in the shape of its rows: a `Record`.

During an ingest the record is made where the pipeline ran (a pool or Dask worker, see relasi.ingest), so the
single writer receives plain tuples instead of a tree of frozen model objects: unpickling them costs a fraction,
and the per-row work (JSON columns, actor keys, the MinHash band keys, NUL repairs) is spread over the workers.
`Record.of` is a pure function of the article and the database's signature settings; the writer makes the same
record itself from an Article it is handed directly (`Writer.store_article`, tests), so both ways store the
same rows.

This module imports no SQL library: workers load it without SQLAlchemy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from relasi.dedup import DedupConfig, band_keys, signature
from relasi.model import Actor, Article
from relasi.pickling import reduce_by_fields
from relasi.places.geocode import article_countries

# Column order of the tuples below; the writer inserts them under these names (store/schema.py).
ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "url", "outlet", "title", "published", "published_date", "authors", "dateline", "language", "body",
    "sentences", "warnings", "story_id", "first_source",
)
MENTION_COLUMNS: tuple[str, ...] = (    # after article_id; actor_id holds the actor's index in Record.actors
    "start", "end", "text", "actor_id", "rule", "extent_start", "extent_end", "part",
)
EVENT_COLUMNS: tuple[str, ...] = (      # after article_id; the actor ids hold indexes in Record.actors
    "source_actor_id", "target_actor_id", "source_code", "target_code", "cameo", "plover", "goldstein",
    "quad_class", "date", "date_precision", "location", "modality", "negated", "sentence", "start", "end",
    "pattern", "confidence", "counted",
)
LOCATION = EVENT_COLUMNS.index("location")
COUNTED = EVENT_COLUMNS.index("counted")


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Record:
    """One article as rows: `article` (ARTICLE_COLUMNS), `mentions` and `events` (MENTION_COLUMNS and
    EVENT_COLUMNS, without the article id), the canonical keys of the actors they name (`actor_key`), what
    places are resolved from (the dateline in `article`, each event's location, `countries`), and the body's
    MinHash signature with its band keys (relasi.dedup; None for a body with nothing to sign)."""

    id: str
    source: str
    url: str | None
    outlet: str | None
    published: str | None
    article: tuple[Any, ...]
    actors: tuple[str, ...]
    mentions: tuple[tuple[Any, ...], ...]
    events: tuple[tuple[Any, ...], ...]
    countries: tuple[str, ...]
    signature: bytes | None
    band_keys: tuple[int, ...] | None

    @property
    def dateline(self) -> str | None:
        return self.article[7]

    @staticmethod
    def of(article: Article, config: DedupConfig, sig: bytes | None = None, *, signed: bool = False) -> Record:
        """The record of `article`; its signature is computed with `config` unless given (`signed`)."""
        if not signed:
            sig = signature(article.body, config)
        actors: dict[str, int] = {}

        def index(actor: Actor) -> int:
            key = actor_key(actor)
            found = actors.get(key)
            if found is None:
                found = actors[key] = len(actors)
            return found

        mentions = tuple((m.start, m.end, m.text, index(m.actor), m.rule, m.extent[0] if m.extent else None,
                          m.extent[1] if m.extent else None, m.part) for m in article.mentions)
        events = tuple((index(e.source), index(e.target), e.source.code, e.target.code, e.cameo, e.plover,
                        e.goldstein, e.quad_class, e.date, e.date_precision, e.location, e.modality, e.negated,
                        e.sentence, e.start, e.end, e.pattern, e.confidence, e.counted) for e in article.events)
        if "\x00" in article.body:        # mention texts and sentences are slices of the body
            mentions = tuple(nul_free(row) for row in mentions)
            events = tuple(nul_free(row) for row in events)
        row = nul_free((
            article.id, article.url, article.outlet, article.title, article.published,
            date_part(article.published), json.dumps(list(article.authors), ensure_ascii=False), article.dateline,
            article.language, article.body, json.dumps([list(span) for span in article.sentences]),
            json.dumps(list(article.warnings), ensure_ascii=False), None, article.source))
        return Record(article.id, article.source, article.url, article.outlet, article.published, row,
                      tuple(actors), mentions, events, tuple(article_countries(article)), sig,
                      None if sig is None else tuple(band_keys(sig, config)))


@lru_cache(maxsize=1 << 16)   # the same few thousand actors recur in every article
def actor_key(actor: Actor) -> str:
    """Canonical text of all six actor fields: the actors table's uniqueness key."""
    return json.dumps([actor.code, actor.kind, actor.name, actor.country, actor.sector, actor.role],
                      ensure_ascii=False, separators=(",", ":"))


def actor_fields(key: str) -> tuple[Any, ...]:
    """The actors row of `key`: the key and the six fields it was made from."""
    return (key, *json.loads(key))


def nul_free(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """PostgreSQL text cannot hold NUL; U+FFFD takes its place one for one, so offsets stay right."""
    if not any(isinstance(value, str) and "\x00" in value for value in row):
        return row
    return tuple(value.replace("\x00", "\ufffd") if isinstance(value, str) else value for value in row)


def date_part(published: str | None) -> str | None:
    """The calendar date of an ISO 8601 timestamp or date, as YYYY-MM-DD; None when there is none."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None
