"""The JSON API under /api: events (paged, and streamed as CSV or JSON), series, actors, dyads, articles,
stats and health. Every route only reads; the database underneath is opened read-only as well."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from relasi.store import analytics, queries
from relasi.store import search as search_store
from relasi.store.database import Database
from relasi.store.queries import EVENT_COLUMNS
from relasi.web import schemas
from relasi.web.params import (
    MAX_OFFSET,
    MAX_PAGE,
    EventParams,
    Interval,
    actor_code,
    actor_query,
    blank,
    date_query,
    event_params,
    reject_unknown_parameters,
    text,
    text_query,
)

# Downloads have no page cap, but a limit past what SQLite and PostgreSQL integers hold broke the stream after
# its 200 headers (issue 11): bounded like the CLI's limits, so it is a 422 instead.
MAX_DOWNLOAD = 1_000_000_000
Download = Annotated[int | None, Query(ge=1, le=MAX_DOWNLOAD)]

router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(reject_unknown_parameters)])
ARTICLE_ID = r"^[0-9a-f]{40}$"
SearchKind = Literal["all", "articles", "events"]
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.Problem, "description": "No such article."}}
_CHUNK_ROWS = 200     # rows per streamed chunk: fewer, larger writes than one per row


def get_db(request: Request) -> Database:
    return request.app.state.db


DB = Annotated[Database, Depends(get_db)]
Events = Annotated[EventParams, Depends(event_params)]


@router.get("/health", response_model=schemas.Health, summary="The server can read its database")
def health(db: DB) -> dict[str, Any]:
    return {"status": "ok", "schema_version": db.version(), "read_only": True}


@router.get("/stats", response_model=schemas.Stats, summary="What the database holds")
def stats(db: DB, top: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    data = queries.stats(db, top=top)
    data["by_plover"] = {str(k): v for k, v in data["by_plover"].items()}
    data["dropped_by_reason"] = {str(k): v for k, v in data["dropped_by_reason"].items()}
    return data


@router.get("/events", response_model=schemas.EventPage, summary="Events matching the filters, one page")
def events(db: DB, params: Events, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> dict[str, Any]:
    """Counted events (asserted, not negated, with a PLOVER type) unless `all=true`, oldest first
    unless `sort` says otherwise. `total` counts every match, so `offset` can page through them."""
    total, rows = analytics.events_page(db, params.flt, params.search, limit=limit)
    return {"total": total, "limit": limit, "offset": params.search.offset, "events": rows}


_CSV_DOC: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                                                   "description": "One row per event; header row first."}}
_JSON_DOC: dict[int | str, dict[str, Any]] = {200: {"content": {"application/json": {"schema": {
    "type": "array", "items": {"$ref": "#/components/schemas/EventOut"}}}}, "description": "A JSON array of events."}}


@router.get("/events.csv", response_class=StreamingResponse, responses=_CSV_DOC,
            summary="Download the events matching the filters as CSV")
def events_csv(db: DB, params: Events, limit: Download = None) -> StreamingResponse:
    """Streams every match (no page cap). Cells that a spreadsheet would run as a formula (starting
    with = + - @ or a tab) get a leading apostrophe: article text is untrusted."""
    rows = analytics.iter_event_rows(db, params.flt, params.search, limit=limit)
    return StreamingResponse(_csv_chunks(rows), media_type="text/csv; charset=utf-8",
                             headers=_attachment("events.csv"))


@router.get("/events.json", response_class=StreamingResponse, responses=_JSON_DOC,
            summary="Download the events matching the filters as a JSON array")
def events_json(db: DB, params: Events, limit: Download = None) -> StreamingResponse:
    rows = analytics.iter_event_objects(db, params.flt, params.search, limit=limit)
    return StreamingResponse(_json_chunks(rows),
                             media_type="application/json", headers=_attachment("events.json"))


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def _csv_chunks(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    for number, row in enumerate(rows, 1):
        writer.writerow({key: _inert(value) for key, value in row.items()})
        if number % _CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _inert(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _json_chunks(objects: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    separator = "\n"
    chunk: list[str] = []
    for obj in objects:
        chunk.append(separator + json.dumps(obj, ensure_ascii=False))
        separator = ",\n"
        if len(chunk) == _CHUNK_ROWS:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk) + "\n]\n"


@router.get("/search", response_model=schemas.SearchResult, summary="Full-text search in articles and evidence")
def search(
    db: DB,
    q: Annotated[str, Query(min_length=1, max_length=200,
                            description='Words and "quoted phrases", all of which must occur.')],
    kind: Annotated[SearchKind, Query(description="Search articles (title and body), events (evidence), or both.")]
    = "all",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    """Articles best match first, with a plain-text snippet; events (counted and not, with their modality and
    negation) newest first. Diacritics are folded on SQLite; no stemming in either language."""
    return search_everything(db, q, kind, limit=limit, offset=offset)


def search_everything(db: Database, q: str, kind: SearchKind, *, limit: int, offset: int) -> dict[str, Any]:
    q = q.replace("\x00", "\ufffd")
    out: dict[str, Any] = {"query": q, "terms": search_store.terms(q), "articles": None, "events": None}
    if kind in ("all", "articles"):
        hits = search_store.search_articles(db, q, limit=limit, offset=offset)
        out["articles"] = {"total": hits.total, "articles": [
            {**{k: v for k, v in row.items() if k != "body"}, "snippet": search_store.snippet(row["body"], q)}
            for row in hits.rows]}
    if kind in ("all", "events"):
        flt = queries.EventFilter(include_all=True)
        total, rows = analytics.events_page(db, flt, analytics.EventSearch(query=q, sort="-date", offset=offset),
                                            limit=limit)
        out["events"] = {"total": total, "events": rows}
    return out


@router.get("/series", response_model=schemas.Series, summary="Dyad time series by quad class")
def series(
    db: DB,
    source: Annotated[str | None, actor_query("Source actor; omit for any.")] = None,
    target: Annotated[str | None, actor_query("Target actor; omit for any.")] = None,
    interval: Interval = "month",
    since: Annotated[str | None, date_query("Event date on or after.")] = None,
    until: Annotated[str | None, date_query("Event date on or before.")] = None,
    include_all: Annotated[bool, Query(alias="all", description="Also events that are not counted.")] = False,
) -> dict[str, Any]:
    """Events from `source` to `target` per day, week (from Monday) or month: counts and mean
    Goldstein in all and per quad class. Omit both codes for the whole database's timeline."""
    return analytics.dyad_series(db, actor_code(db, "source", source), actor_code(db, "target", target), interval,
                                 since=blank(since), until=blank(until),
                                 include_all=include_all)


@router.get("/actors", response_model=schemas.ActorList, summary="Actors by number of events, or a search")
def actors(
    db: DB,
    q: Annotated[str | None, text_query("Prefix of an actor code or of any of its names.", 100)] = None,
    include_all: Annotated[bool, Query(alias="all", description="Count events that are not counted too.")] = False,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    return {"actors": analytics.top_actors(db, prefix=text(q), include_all=include_all, limit=limit, offset=offset)}


@router.get("/dyads", response_model=schemas.DyadList, summary="Directed dyads by number of events")
def dyads(db: DB, params: Events, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> dict[str, Any]:
    """The same filters as /api/events (sort and offset do not apply): the network's edges."""
    return {"dyads": analytics.dyad_edges(db, params.flt, params.search, limit=limit)}


@router.get("/articles", response_model=schemas.ArticlePage, summary="Stored articles, newest first")
def articles(
    db: DB,
    outlet: Annotated[str | None, text_query("Outlet, exactly.")] = None,
    title: Annotated[str | None, text_query("Substring of the title (any case).")] = None,
    since: Annotated[str | None, date_query("Published on or after.")] = None,
    until: Annotated[str | None, date_query("Published on or before.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    total, rows = analytics.articles_page(db, outlet=text(outlet), title=text(title), since=blank(since),
                                          until=blank(until), limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "articles": rows}


@router.get("/articles/{article_id}", response_model=schemas.ArticleDetail, responses=_NOT_FOUND,
            summary="One article with its body, mentions and events")
def article(db: DB, article_id: Annotated[str, Path(pattern=ARTICLE_ID)]) -> dict[str, Any]:
    found = load_article(db, article_id)
    if found is None:
        raise HTTPException(404, "no such article")
    return found


def load_article(db: Database, article_id: str) -> dict[str, Any] | None:
    """The article as the API returns it: body, metadata, mentions and events with their ids."""
    with db.read() as conn:
        stored = queries.load_article(conn, article_id)
    if stored is None:
        return None
    out = stored.to_json()
    out["mentions"] = [{**m.to_json(), "rule": m.rule} for m in stored.mentions]
    out["events"] = analytics.article_events(db, article_id)
    return out
