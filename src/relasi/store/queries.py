"""Reads: articles back as model objects, filtered events, statistics, rows for export.

Every filter value reaches SQL as a bound parameter through SQLAlchemy Core expressions.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from relasi.model import Actor, Article, Event, Mention
from relasi.store import schema as t

if TYPE_CHECKING:
    from relasi.store.database import Database

STREAM = {"yield_per": 1000}  # stream big reads instead of loading them (server-side cursor on PostgreSQL)

_src = t.actors.alias("src")
_tgt = t.actors.alias("tgt")
_ACTOR_FIELDS = ("code", "kind", "name", "country", "sector", "role")
_EVENT_FIELDS = ("cameo", "plover", "goldstein", "quad_class", "date", "date_precision", "location",
                 "modality", "negated", "sentence", "start", "end", "pattern", "confidence")

ACTION_GEO_COLUMNS: tuple[str, ...] = (
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID",
)
_GEO_TYPES = {("country", False): 1, ("region", True): 2, ("city", True): 3, ("city", False): 4,
              ("region", False): 5}

# Flat columns of an exported event, in order (CSV header; a Parquet schema can follow the same list).
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "article_id", "date", "date_precision",
    *(f"source_{f}" for f in _ACTOR_FIELDS), *(f"target_{f}" for f in _ACTOR_FIELDS),
    "cameo", "plover", "goldstein", "quad_class", "location", "modality", "negated", "counted",
    "sentence", "start", "end", "pattern", "confidence", "url", "title", "outlet",
    # Where it happened, as GDELT's ActionGeo columns (country codes are ISO3, not FIPS; ADM1 is ISO 3166-2
    # for the curated Indonesian provinces, GeoNames' "CC.code" otherwise), and how the place was found.
    *ACTION_GEO_COLUMNS, "place_precision", "place_method",
)
PLACE_JSON_FIELDS: tuple[str, ...] = ("name", "country", "adm1", "lat", "lon", "geonames_id", "precision", "method")
ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "url", "outlet", "title", "published", "published_date", "authors", "dateline", "language",
    "story_id", "first_source", "body",
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None         # either side of the dyad
    source: str | None = None
    target: str | None = None
    plover: str | None = None
    cameo: str | None = None         # code prefix: "04" matches 040..046
    place_country: str | None = None  # ISO3 of the country the event happened in (its resolved place)
    bbox: tuple[float, float, float, float] | None = None   # west, south, east, north (degrees) of its place
    since: str | None = None         # inclusive, ISO date
    until: str | None = None         # inclusive, ISO date
    include_all: bool = False        # also intended, negated, denied and unmapped events
    limit: int | None = None
    group_id: int | None = None      # only the evidence sentences of one aggregated event (event_groups.id)


# -- articles ---------------------------------------------------------------------------------------------

def load_article(conn: Connection, article_id: str) -> Article | None:
    """The stored article with its mentions and events, as the pipeline produced it."""
    row = conn.execute(sa.select(t.articles).where(t.articles.c.id == article_id)).mappings().first()
    if row is None:
        return None
    actor_cache: dict[int, Actor] = {}

    def actor(actor_id: int) -> Actor:
        if actor_id not in actor_cache:
            found = conn.execute(sa.select(t.actors).where(t.actors.c.id == actor_id)).mappings().one()
            actor_cache[actor_id] = Actor(*(found[f] for f in _ACTOR_FIELDS))
        return actor_cache[actor_id]

    mention_rows = conn.execute(sa.select(t.mentions).where(t.mentions.c.article_id == article_id)
                                .order_by(t.mentions.c.id)).mappings()
    mentions = tuple(
        Mention(m["start"], m["end"], m["text"], actor(m["actor_id"]), m["rule"],
                extent=None if m["extent_start"] is None else (m["extent_start"], m["extent_end"]),
                part=bool(m["part"]))
        for m in mention_rows
    )
    event_rows = conn.execute(sa.select(t.events).where(t.events.c.article_id == article_id)
                              .order_by(t.events.c.id)).mappings()
    events = tuple(
        Event(source=actor(e["source_actor_id"]), target=actor(e["target_actor_id"]),
              **{f: e[f] for f in _EVENT_FIELDS})
        for e in event_rows
    )
    return Article(
        id=row["id"], source=row["first_source"], body=row["body"], url=row["url"], outlet=row["outlet"],
        title=row["title"], published=row["published"], authors=tuple(json.loads(row["authors"])),
        dateline=row["dateline"], language=row["language"],
        sentences=tuple(tuple(span) for span in json.loads(row["sentences"])),  # type: ignore[misc]
        mentions=mentions, events=events, warnings=tuple(json.loads(row["warnings"])),
    )


def done_sources(conn: Connection, documents: Iterable[tuple[str, str | None]]) -> set[str]:
    """Sources already stored with the same content: an ingest skips these before the pipeline."""
    wanted = dict(documents)
    done: set[str] = set()
    keys = list(wanted)
    for index in range(0, len(keys), 500):
        query = (sa.select(t.documents.c.source, t.documents.c.content_sha1)
                 .where(t.documents.c.source.in_(keys[index:index + 500]), t.documents.c.status == "ok"))
        for source, sha1 in conn.execute(query):
            if wanted[source] is None or wanted[source] == sha1:
                done.add(source)
    return done


# -- events ---------------------------------------------------------------------------------------------

def _events_query(flt: EventFilter) -> sa.Select:
    e = t.events
    query = (
        # The events' own source_code/target_code equal the actors' codes; take those from the actors.
        sa.select(*(c for c in e.c if c.name not in ("source_code", "target_code")),
                  *(_src.c[f].label(f"source_{f}") for f in _ACTOR_FIELDS),
                  *(_tgt.c[f].label(f"target_{f}") for f in _ACTOR_FIELDS),
                  t.articles.c.url, t.articles.c.title, t.articles.c.outlet)
        .join(_src, _src.c.id == e.c.source_actor_id)
        .join(_tgt, _tgt.c.id == e.c.target_actor_id)
        .join(t.articles, t.articles.c.id == e.c.article_id)
    )
    if not flt.include_all:
        query = query.where(e.c.counted.is_(True))
    query = query.where(*dyad_conditions(e, flt), *place_conditions(e, flt))
    if flt.group_id is not None:
        query = query.where(e.c.group_id == flt.group_id)
    query = query.order_by(e.c.date, e.c.id)
    if flt.limit is not None:
        query = query.limit(flt.limit)
    return query


def dyad_conditions(table: sa.Table, flt: Any) -> list[Any]:
    """WHERE clauses for the actor, side, type, code-prefix and date fields that EventFilter and
    stories.GroupFilter share, on any table with source_code, target_code, plover, cameo and date columns."""
    c, conditions = table.c, []
    if flt.actor:
        conditions.append(sa.or_(c.source_code == flt.actor, c.target_code == flt.actor))
    if flt.source:
        conditions.append(c.source_code == flt.source)
    if flt.target:
        conditions.append(c.target_code == flt.target)
    if flt.plover:
        conditions.append(c.plover == flt.plover.upper())
    if flt.cameo:
        conditions.append(c.cameo.startswith(flt.cameo, autoescape=True))
    if flt.since:
        conditions.append(c.date >= flt.since)
    if flt.until:
        # "2023-10-31" must keep "2023-10-31" itself; dates are ISO text, so compare on the prefix.
        conditions.append(sa.func.substr(c.date, 1, len(flt.until)) <= flt.until)
    return conditions


def place_conditions(table: sa.Table, flt: EventFilter) -> list[Any]:
    """WHERE clauses on an event's resolved place: its country, and a box (west may exceed east across 180°)."""
    c, conditions = table.c, []
    if flt.place_country:
        conditions.append(c.place_country == flt.place_country)
    if flt.bbox:
        west, south, east, north = flt.bbox
        conditions.append(c.place_lat.between(south, north))
        longitude = (c.place_lon.between(west, east) if west <= east
                     else sa.or_(c.place_lon >= west, c.place_lon <= east))
        conditions.append(longitude)
    return conditions


def event_row(row: dict[str, Any] | RowMapping) -> dict[str, Any]:
    """One event as a flat EVENT_COLUMNS row (CSV, Parquet), its place as GDELT-style ActionGeo columns."""
    geo = action_geo(row)
    return {column: geo[column] if column in geo else row[column] for column in EVENT_COLUMNS}


def action_geo(row: dict[str, Any] | RowMapping) -> dict[str, Any]:
    if row["place_name"] is None:
        return dict.fromkeys(ACTION_GEO_COLUMNS) | {"place_precision": None, "place_method": None}
    full = row["place_name"]
    if row["place_precision"] != "country" and row["place_country"]:
        from relasi.places.gazetteer import gazetteer

        country = gazetteer().countries.get(row["place_country"])
        full = f"{full}, {country.name}" if country and country.name != full else full
    return {
        "ActionGeo_Type": _GEO_TYPES.get((row["place_precision"], row["place_country"] == "USA")),
        "ActionGeo_FullName": full, "ActionGeo_CountryCode": row["place_country"],
        "ActionGeo_ADM1Code": row["place_adm1"], "ActionGeo_Lat": row["place_lat"], "ActionGeo_Long": row["place_lon"],
        "ActionGeo_FeatureID": row["place_geonames_id"], "place_precision": row["place_precision"],
        "place_method": row["place_method"],
    }


def iter_events(db: Database, flt: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
    """Events as `relasi process` event objects plus id, counted, article_id, url, title, outlet, place."""
    with db.read() as conn:
        for row in conn.execution_options(**STREAM).execute(_events_query(flt)).mappings():
            yield event_json(row)


def iter_event_rows(db: Database, flt: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
    """Events as flat rows with the EVENT_COLUMNS keys (CSV, Parquet)."""
    with db.read() as conn:
        for row in conn.execution_options(**STREAM).execute(_events_query(flt)).mappings():
            yield event_row(row)


def event_json(row: dict[str, Any] | RowMapping) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": row["id"], "article_id": row["article_id"],
        "source": {f: row[f"source_{f}"] for f in _ACTOR_FIELDS},
        "target": {f: row[f"target_{f}"] for f in _ACTOR_FIELDS},
    }
    out.update({f: row[f] for f in _EVENT_FIELDS})
    out["negated"] = bool(out["negated"])
    out.update(counted=bool(row["counted"]), url=row["url"], title=row["title"], outlet=row["outlet"])
    out["place"] = None if row.get("place_name") is None else {
        field: row[f"place_{field}"] for field in PLACE_JSON_FIELDS}
    return out


def iter_article_rows(db: Database) -> Iterator[dict[str, Any]]:
    columns = [t.articles.c[c] for c in ARTICLE_COLUMNS]
    with db.read() as conn:
        query = sa.select(*columns).order_by(t.articles.c.published_date, t.articles.c.id)
        for row in conn.execution_options(**STREAM).execute(query).mappings():
            out = dict(row)
            out["authors"] = json.loads(out["authors"])
            out["published_date"] = out["published_date"].isoformat() if out["published_date"] else None
            yield out


# -- statistics -----------------------------------------------------------------------------------------

def stats(db: Database, top: int = 10, runs: int = 5) -> dict[str, Any]:
    """Counts for `relasi stats`: what is stored, what was dropped, what the last runs did."""
    e, d = t.events, t.documents
    count = sa.func.count()
    with db.read() as conn:
        def scalar(query: sa.Select) -> int:
            return int(conn.execute(query).scalar_one() or 0)

        by_status = dict(conn.execute(sa.select(d.c.status, count).group_by(d.c.status)).all())
        counted = e.c.counted.is_(True)
        by_plover = conn.execute(
            sa.select(e.c.plover, count).where(counted).group_by(e.c.plover)
            .order_by(count.desc(), e.c.plover)
        ).all()
        actors: Counter[str] = Counter()
        for column in (e.c.source_code, e.c.target_code):
            actors.update(dict(conn.execute(sa.select(column, count).where(counted).group_by(column)).all()))
        dyads = conn.execute(
            sa.select(e.c.source_code, e.c.target_code, count).where(counted)
            .group_by(e.c.source_code, e.c.target_code)
            .order_by(count.desc(), e.c.source_code, e.c.target_code).limit(top)
        ).all()
        dropped = conn.execute(
            sa.select(d.c.reason, count).where(d.c.status == "dropped").group_by(d.c.reason)
            .order_by(count.desc(), d.c.reason)
        ).all()
        last_runs = conn.execute(
            sa.select(t.ingest_runs).order_by(t.ingest_runs.c.id.desc()).limit(runs)
        ).mappings().all()
        return {
            "database": db.display,
            "schema_version": t.version_of(conn),
            "documents": {"all": sum(by_status.values()), "ok": by_status.get("ok", 0),
                          "dropped": by_status.get("dropped", 0)},
            "articles": scalar(sa.select(count).select_from(t.articles)),
            "stories": scalar(sa.select(sa.func.count(sa.distinct(t.articles.c.story_id)))),
            "event_groups": scalar(sa.select(count).select_from(t.event_groups)
                                   .where(t.event_groups.c.num_mentions > 0)),
            "events": {"counted": scalar(sa.select(count).select_from(e).where(counted)),
                       "all": scalar(sa.select(count).select_from(e))},
            "by_plover": {plover: n for plover, n in by_plover},
            "top_actors": [{"code": code, "events": n}
                           for code, n in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[:top]],
            "top_dyads": [{"source": s, "target": tg, "events": n} for s, tg, n in dyads],
            "dropped_by_reason": {reason: n for reason, n in dropped},
            "last_runs": [_run_json(run) for run in last_runs],
        }


def _run_json(run: RowMapping) -> dict[str, Any]:
    out = dict(run)
    out["inputs"] = json.loads(out["inputs"])
    for key, value in out.items():   # started, finished, and any later timestamp (heartbeat)
        if hasattr(value, "isoformat"):
            out[key] = value.isoformat()
    return out
