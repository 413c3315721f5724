"""Query parameters shared by the API and the pages, validated once.

Blank values mean "no filter": an HTML form submits empty fields, and a page should treat them as
absent instead of answering 422. Patterns are declared in the OpenAPI spec, so clients (and
schemathesis) know the shape of a valid value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Query

from relasi.model import PLOVER_TYPES
from relasi.store.analytics import EventSearch
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
# Years from 1000: dates are compared as ISO text, and a day past the month's end is harmless.
_DATE = r"^([1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$"
_PLOVER = "^(" + "|".join(("", *PLOVER_TYPES)) + ")$"

# Parameters stay plain `str | None` for validation; route code normalises them with the functions above
# (a validator that turned "" into None would run before the length and pattern checks and trip them).
Sort = Literal["date", "-date", "goldstein", "-goldstein"]
Interval = Literal["day", "week", "month"]


def code_query(description: str) -> Any:
    return Query(pattern=_CODE, max_length=40, description=description)


def date_query(description: str) -> Any:
    return Query(pattern=_DATE, description=description)


def text_query(description: str, max_length: int = 200) -> Any:
    return Query(max_length=max_length, description=description)


@dataclass(frozen=True, slots=True)
class EventParams:
    flt: EventFilter
    search: EventSearch


def event_params(
    actor: Annotated[str | None, code_query("Either side of the dyad (ISO3 or IGO code).")] = None,
    source: Annotated[str | None, code_query("Source actor code.")] = None,
    target: Annotated[str | None, code_query("Target actor code.")] = None,
    plover: Annotated[str | None, Query(alias="type", pattern=_PLOVER, description="PLOVER type.")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^[0-9]{0,4}$",
                                       description="CAMEO code prefix: 04 matches 040-046.")] = None,
    since: Annotated[str | None, date_query("Event date on or after (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, date_query("Event date on or before (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    outlet: Annotated[str | None, text_query("Outlet of the article, exactly.")] = None,
    sentence: Annotated[str | None, Query(alias="text", max_length=200,
                                          description="Substring of the evidence sentence (any case).")] = None,
    include_all: Annotated[bool, Query(alias="all", description=(
        "Also events that are not counted: intended, hypothetical, negated, denied, no PLOVER type."))] = False,
    sort: Annotated[Sort, Query(description="date, -date (newest first), goldstein or -goldstein.")] = "date",
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> EventParams:
    flt = EventFilter(actor=code(actor), source=code(source), target=code(target), plover=blank(plover),
                      cameo=blank(cameo), since=blank(since), until=blank(until), include_all=include_all)
    return EventParams(flt, EventSearch(outlet=text(outlet), text=text(sentence), sort=sort, offset=offset))
