"""Full-text search over article titles and bodies and over evidence sentences, on both backends.

SQLite: two FTS5 tables with external content (`articles_fts` over articles.title/body, `events_fts` over
events.sentence), so the text is stored once; the writer indexes each batch's new rows in the batch's
transaction, and migration 3 indexes what was there before. Datasette finds them as the tables' FTS.
PostgreSQL: a generated `tsvector` column on each table with a GIN index, which the server keeps in step itself.
Both use no stemming ('simple' / unicode61): the texts are Indonesian and English, and a stemmer for one
language mangles the other. SQLite also folds diacritics ("Díaz" finds "Diaz").

What a reader types is never passed as query syntax: words and "quoted phrases" are turned into a query that
matches all of them (FTS5 strings, PostgreSQL's websearch_to_tsquery), so a hyphen or a quote is no error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement

from relasi.store import schema as t
from relasi.store.bulk import chunks

if TYPE_CHECKING:
    from relasi.store.database import Database

Kind = Literal["all", "articles", "events"]
KINDS: tuple[str, ...] = ("all", "articles", "events")
SNIPPET_CHARS = 240
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
_SQLITE_TOKENIZER = "unicode61 remove_diacritics 2"
_PG_CONFIG = "simple"


# -- the index ----------------------------------------------------------------------------------------------

def create_index(conn: Connection) -> None:
    """Build the full-text index for the backend and fill it with the rows already stored (migration 3)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', "
                             f"content_rowid='rowid', tokenize='{_SQLITE_TOKENIZER}')")
        conn.exec_driver_sql(f"CREATE VIRTUAL TABLE events_fts USING fts5(sentence, content='events', "
                             f"content_rowid='id', tokenize='{_SQLITE_TOKENIZER}')")
        conn.exec_driver_sql("INSERT INTO articles_fts(rowid, title, body) SELECT rowid, title, body FROM articles")
        conn.exec_driver_sql("INSERT INTO events_fts(rowid, sentence) SELECT id, sentence FROM events")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('{_PG_CONFIG}', coalesce(title, '') || ' ' || body)) STORED")
        conn.exec_driver_sql(
            "ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('{_PG_CONFIG}', sentence)) STORED")
        conn.exec_driver_sql("CREATE INDEX ix_articles_search ON articles USING gin (search)")
        conn.exec_driver_sql("CREATE INDEX ix_events_search ON events USING gin (search)")


def index_articles(conn: Connection, article_ids: Sequence[str]) -> None:
    """Index newly inserted articles and their events (SQLite; PostgreSQL's generated columns need nothing)."""
    if conn.dialect.name != "sqlite" or not article_ids:
        return
    # In rowid order: FTS5 flushes its pending terms to a new segment whenever a rowid is not above the last
    # one written, so rows in id (sha1) order cost a segment, and merges, per article; same terms either way.
    for chunk in map(list, chunks(article_ids)):
        marks = ", ".join("?" * len(chunk))
        conn.exec_driver_sql("INSERT INTO articles_fts(rowid, title, body) SELECT rowid, title, body FROM articles "
                             f"WHERE id IN ({marks}) ORDER BY rowid", tuple(chunk))
        conn.exec_driver_sql("INSERT INTO events_fts(rowid, sentence) SELECT id, sentence FROM events "
                             f"WHERE article_id IN ({marks}) ORDER BY id", tuple(chunk))


# -- queries ------------------------------------------------------------------------------------------------

def terms(query: str) -> list[str]:
    """The words and quoted phrases of what a reader typed, in order."""
    found = []
    for phrase, word in _TOKEN.findall(query):
        text = " ".join(_WORD.findall(phrase or word))
        if text:
            found.append(text)
    return found


def fts5_query(query: str) -> str | None:
    """An FTS5 query matching every word and phrase, each as a string (no operator can slip in)."""
    parts = [f'"{part}"' for part in terms(query)]
    return " ".join(parts) or None


@dataclass(frozen=True, slots=True)
class Hits:
    total: int
    rows: list[dict[str, Any]]


def search_articles(db: Database, query: str, *, limit: int = 20, offset: int = 0) -> Hits:
    """Articles whose title or body match, best first: id, title, url, outlet, published, language, body."""
    a = t.articles
    columns = (a.c.id, a.c.title, a.c.url, a.c.outlet, a.c.published, a.c.language, a.c.body)
    with db.read() as conn:
        if conn.dialect.name == "sqlite":
            match = fts5_query(query)
            if match is None:
                return Hits(0, [])
            fts = sa.table("articles_fts", sa.column("rowid"), sa.column("rank"))
            where = sa.text("articles_fts MATCH :match").bindparams(match=match)
            base = sa.select(*columns).join(fts, fts.c.rowid == sa.literal_column("articles.rowid")).where(where)
            order: Iterable[Any] = (fts.c.rank, a.c.id)
        else:
            if not terms(query):
                return Hits(0, [])
            tsquery = sa.func.websearch_to_tsquery(_PG_CONFIG, " ".join(_pg_terms(query)))
            search = sa.literal_column("articles.search")
            base = sa.select(*columns).where(search.op("@@")(tsquery))
            order = (sa.func.ts_rank(search, tsquery).desc(), a.c.id)
        total = conn.execute(sa.select(sa.func.count()).select_from(base.subquery())).scalar_one()
        rows = [dict(row) for row in conn.execute(base.order_by(*order).limit(limit).offset(offset)).mappings()]
    return Hits(int(total), rows)


class _SentenceMatch(ColumnElement[bool]):
    """`events` rows whose sentence matches a full-text query, compiled for whichever backend runs it."""

    inherit_cache = True
    type = sa.Boolean()

    def __init__(self, query: str) -> None:
        self.sqlite = sa.bindparam("fts_sentence", fts5_query(query) or '""', unique=True)
        self.postgresql = sa.bindparam("ts_sentence", " ".join(_pg_terms(query)), unique=True)


@compiles(_SentenceMatch, "sqlite")
def _sentence_match_sqlite(element: _SentenceMatch, compiler: Any, **kw: Any) -> str:
    return (f"events.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH "
            f"{compiler.process(element.sqlite, **kw)})")


@compiles(_SentenceMatch)
def _sentence_match_postgresql(element: _SentenceMatch, compiler: Any, **kw: Any) -> str:
    return f"events.search @@ websearch_to_tsquery('{_PG_CONFIG}', {compiler.process(element.postgresql, **kw)})"


def sentence_matches(query: str) -> ColumnElement[bool]:
    """A WHERE clause on `events` for the evidence sentences that match `query`, on either backend."""
    return _SentenceMatch(query)


def _pg_terms(query: str) -> list[str]:
    # websearch_to_tsquery reads "a b" as a phrase, OR and a leading minus as operators: keep words and phrases.
    return [f'"{term}"' if " " in term else term for term in terms(query)]


def snippet(text: str, query: str, width: int = SNIPPET_CHARS) -> str:
    """About `width` characters of `text` around the first matching word (plain text: the page escapes it)."""
    words = [w.casefold() for term in terms(query) for w in term.split()]
    lowered = text.casefold()
    first = min((i for w in words if (i := _word_at(lowered, w)) >= 0), default=0)
    start = max(0, first - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + width)
    piece = " ".join(text[start:end].split())
    return ("… " if start else "") + piece + (" …" if end < len(text) else "")


def _word_at(text: str, word: str) -> int:
    found = re.search(rf"(?<!\w){re.escape(word)}", text)
    return found.start() if found else -1
