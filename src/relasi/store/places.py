"""Places in the store: the place columns of an article's events and dateline, and migration 4's backfill.

The writer calls `article_place_rows` for each new article, so places are resolved in the batch's transaction
with everything else; an event whose sentence names no place takes the article's dateline (method "dateline"),
as a reader would. The gazetteer loads on the first place to resolve, not at import.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from relasi.model import Article
from relasi.places import Place, article_countries
from relasi.places.gazetteer import gazetteer
from relasi.places.geocode import Reading, read_place, settle
from relasi.store import schema as t
from relasi.store.records import LOCATION, Record

FIELDS: tuple[str, ...] = tuple(name for name, _ in t.PLACE_FIELDS)
PLACE_COLUMNS = FIELDS          # in this order after the prefix: place_name, ..., dateline_name, ...
_BATCH = 500
_NO_PLACE: tuple[None, ...] = (None,) * len(FIELDS)


def place_columns(prefix: str, place: Place | None) -> dict[str, Any]:
    """`{prefix}_name`, `{prefix}_country`, ... for one place (all None when there is none)."""
    values = {name: None for name in FIELDS} if place is None else {
        "name": place.name, "country": place.country, "adm1": place.adm1, "lat": place.lat, "lon": place.lon,
        "geonames_id": place.geonames_id, "precision": place.precision, "method": place.method}
    return {f"{prefix}_{name}": value for name, value in values.items()}


def resolve(dateline: str | None, locations: list[str | None], countries: list[str]) -> tuple[Place | None,
                                                                                                list[Place | None]]:
    """The dateline's place and each event's: its own location, else the dateline's."""
    home = _geocode(dateline, countries) if dateline else None
    hints = [home.country] + countries if home and home.country else countries
    places = []
    for location in locations:
        own = _geocode(location, hints) if location else None
        places.append(own or (home.with_method("dateline") if home else None))
    return home, places


def _geocode(text: str, hints: Sequence[str]) -> Place | None:
    """`geocode` with the default gazetteer, its reading of the text kept."""
    return settle(text, _reading(text), hints)


@lru_cache(maxsize=1 << 14)
def _reading(text: str) -> Reading:
    # The writer reads the same datelines and locations over and over, each article with its own countries: what
    # the text alone says is kept (a Place is frozen), and the countries only choose among the places it names.
    return read_place(text, gazetteer())


def article_place_rows(article: Article) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Place columns for the article row and for each of its events, in order."""
    if not article.dateline and not any(e.location for e in article.events):
        return place_columns("dateline", None), [place_columns("place", None) for _ in article.events]
    home, places = resolve(article.dateline, [e.location for e in article.events], article_countries(article))
    return place_columns("dateline", home), [place_columns("place", p) for p in places]


def record_places(record: Record) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """`article_place_rows` for a store Record, as tuples in PLACE_COLUMNS order."""
    locations = [event[LOCATION] for event in record.events]
    if not record.dateline and not any(locations):
        return _NO_PLACE, [_NO_PLACE] * len(locations)
    home, places = resolve(record.dateline, locations, list(record.countries))
    return place_values(home), [place_values(place) for place in places]


def place_values(place: Place | None) -> tuple[Any, ...]:
    if place is None:
        return _NO_PLACE
    return (place.name, place.country, place.adm1, place.lat, place.lon, place.geonames_id, place.precision,
            place.method)


def backfill_places(conn: Connection) -> None:
    """Migration 4: resolve the places of the articles and events stored before there were place columns."""
    a, e = t.articles, t.events
    wanted = (sa.select(a.c.id, a.c.dateline).where(sa.or_(
        a.c.dateline.is_not(None), a.c.id.in_(sa.select(e.c.article_id).where(e.c.location.is_not(None)))))
        .order_by(a.c.id))
    rows = conn.execute(wanted).all()
    for start in range(0, len(rows), _BATCH):
        chunk = rows[start:start + _BATCH]
        ids = [row.id for row in chunk]
        countries = _countries_of(conn, ids)
        events: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
        for event_id, article_id, location in conn.execute(
                sa.select(e.c.id, e.c.article_id, e.c.location).where(e.c.article_id.in_(ids)).order_by(e.c.id)):
            events[article_id].append((event_id, location))
        for article_id, dateline in chunk:
            mine = events.get(article_id, [])
            home, places = resolve(dateline, [location for _, location in mine], countries.get(article_id, []))
            conn.execute(a.update().where(a.c.id == article_id).values(**place_columns("dateline", home)))
            for (event_id, _), place in zip(mine, places, strict=True):
                if place is not None:
                    conn.execute(e.update().where(e.c.id == event_id).values(**place_columns("place", place)))


def _countries_of(conn: Connection, article_ids: list[str]) -> dict[str, list[str]]:
    """Each article's actor countries, busiest first (as relasi.places.article_countries does for an Article)."""
    m, actor = t.mentions, t.actors
    n = sa.func.count()
    query = (sa.select(m.c.article_id, actor.c.country, n).join(actor, actor.c.id == m.c.actor_id)
             .where(m.c.article_id.in_(article_ids), actor.c.country.is_not(None))
             .group_by(m.c.article_id, actor.c.country).order_by(m.c.article_id, n.desc(), actor.c.country))
    out: dict[str, list[str]] = defaultdict(list)
    for article_id, country, _ in conn.execute(query):
        out[article_id].append(country)
    return out
