"""Query parameters shared by the API and the pages, validated once.

Blank values mean "no filter": an HTML form submits empty fields, and a page should treat them as
absent instead of answering 422. Patterns are declared in the OpenAPI spec, so clients (and
schemathesis) know the shape of a valid value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError

from relasi.actors.names import name_index
from relasi.model import PLOVER_TYPES
from relasi.store.analytics import EventSearch, has_actor_code
from relasi.store.database import Database
from relasi.store.queries import EventFilter

MAX_PAGE = 500            # rows per JSON page; downloads stream and have no cap
MAX_OFFSET = 1_000_000_000


def blank(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def code(value: str | None) -> str | None:
    value = blank(value)
    return value.upper() if value else None


def text(value: str | None) -> str | None:
    # PostgreSQL text cannot hold NUL; the writer stores U+FFFD in its place, so search for that.
    value = blank(value)
    return value.replace("\x00", "\ufffd") if value else None


_CODE = r"^\s*([A-Za-z][A-Za-z0-9_-]{0,15})?\s*$"
# A code or a name in any pack's language ("IDN", "Amerika Serikat", "Côte d'Ivoire", "PBB").
_ACTOR = r"^[\w .,'’&()-]{0,80}$"
_NUMBER = r"-?[0-9]{1,3}(\.[0-9]{1,8})?"
_BBOX = rf"^({_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER})?$"
_CODE_SHAPE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,15}$")
# Years from 1000: dates are compared as ISO text, and a day past the month's end is harmless.
_DATE = r"^([1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$"
_PLOVER = "^(" + "|".join(("", *PLOVER_TYPES)) + ")$"

# Parameters stay plain `str | None` for validation; route code normalises them with the functions above
# (a validator that turned "" into None would run before the length and pattern checks and trip them).
Sort = Literal["date", "-date", "goldstein", "-goldstein"]
Interval = Literal["day", "week", "month"]


def code_query(description: str) -> Any:
    return Query(pattern=_CODE, max_length=40, description=description)


def actor_query(description: str, alias: str | None = None) -> Any:
    return Query(pattern=_ACTOR, max_length=80, alias=alias,
                 description=description + " A code (IDN) or a name in any pack's language (Indonesia, RI).")


def bad_parameter(name: str, message: str, value: Any = None) -> RequestValidationError:
    """A 422 that names the query parameter, in FastAPI's own error shape."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": message, "input": value}])


def actor_code(db: Database, parameter: str, value: str | None) -> str | None:
    """The code a typed actor stands for; an unknown one is a 422 that suggests the nearest names."""
    value = blank(value)
    if value is None:
        return None
    found = name_index().resolve(value)
    if found.code:
        return found.code
    if _CODE_SHAPE.match(value) and has_actor_code(db, value.upper()):
        return value.upper()
    hint = f"; did you mean: {', '.join(found.suggestions)}?" if found.suggestions else ""
    raise bad_parameter(parameter, f"no actor is named {value!r}{hint}", value)


def reject_unknown_parameters(request: Request) -> None:
    """A query parameter the route does not take is a 422, not silently ignored (`?q=Gaza` is no filter)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    taken = set(_query_names(dependant))
    unknown = sorted(set(request.query_params) - taken)
    if unknown:
        expected = ", ".join(sorted(taken)) or "none"
        raise RequestValidationError([
            {"type": "extra_forbidden", "loc": ("query", name), "input": request.query_params[name],
             "msg": f"unknown parameter {name!r}; this endpoint takes: {expected}"} for name in unknown])


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """west,south,east,north in degrees; out of range or south above north is a 422 naming `bbox`."""
    value = blank(value)
    if value is None:
        return None
    west, south, east, north = (float(part) for part in value.split(","))
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise bad_parameter("bbox", "west and east must lie in -180..180, south and north in -90..90, "
                                    "south not above north", value)
    return west, south, east, north


def _query_names(dependant: Any) -> Iterator[str]:
    """The query parameters a route takes, its dependencies' included."""
    for param in dependant.query_params:
        yield param.alias
    for sub in dependant.dependencies:
        yield from _query_names(sub)


def date_query(description: str) -> Any:
    return Query(pattern=_DATE, description=description)


def text_query(description: str, max_length: int = 200) -> Any:
    return Query(max_length=max_length, description=description)


@dataclass(frozen=True, slots=True)
class EventParams:
    flt: EventFilter
    search: EventSearch


def event_params(
    request: Request,
    actor: Annotated[str | None, actor_query("Either side of the dyad.")] = None,
    source: Annotated[str | None, actor_query("Source actor.")] = None,
    target: Annotated[str | None, actor_query("Target actor.")] = None,
    plover: Annotated[str | None, Query(alias="type", pattern=_PLOVER, description="PLOVER type.")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^[0-9]{0,4}$",
                                       description="CAMEO code prefix: 04 matches 040-046.")] = None,
    since: Annotated[str | None, date_query("Event date on or after (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, date_query("Event date on or before (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    outlet: Annotated[str | None, text_query("Outlet of the article, exactly.")] = None,
    sentence: Annotated[str | None, Query(alias="text", max_length=200,
                                          description="Substring of the evidence sentence (any case).")] = None,
    words: Annotated[str | None, Query(alias="q", max_length=200, description=(
        'Full-text search in the evidence sentence: every word and "quoted phrase" must occur.'))] = None,
    place_country: Annotated[str | None, Query(pattern=r"^([A-Za-z]{3})?$", description=(
        "ISO3 code of the country the event happened in (its resolved place).")) ] = None,
    bbox: Annotated[str | None, Query(pattern=_BBOX, description=(
        "Events whose place lies in the box west,south,east,north (degrees; west > east crosses 180°)."))] = None,
    include_all: Annotated[bool, Query(alias="all", description=(
        "Also events that are not counted: intended, hypothetical, negated, denied, no PLOVER type."))] = False,
    sort: Annotated[Sort, Query(description="date, -date (newest first), goldstein or -goldstein.")] = "date",
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> EventParams:
    db = request.app.state.db
    flt = EventFilter(actor=actor_code(db, "actor", actor), source=actor_code(db, "source", source),
                      target=actor_code(db, "target", target), plover=blank(plover),
                      place_country=code(place_country), bbox=parse_bbox(bbox),
                      cameo=blank(cameo), since=blank(since), until=blank(until), include_all=include_all)
    return EventParams(flt, EventSearch(outlet=text(outlet), text=text(sentence), query=text(words), sort=sort,
                                        offset=offset))
