"""Query parameters shared by the API and the pages, validated once.

Blank values mean "no filter": an HTML form submits empty fields, and a page should treat them as
absent instead of answering 422. Patterns are declared in the OpenAPI spec, so clients (and
schemathesis) know the shape of a valid value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Query
from pydantic import AfterValidator

from relasi.model import PLOVER_TYPES
from relasi.store.analytics import EventSearch
from relasi.store.queries import EventFilter

MAX_PAGE = 500            # rows per JSON page; downloads stream and have no cap
MAX_OFFSET = 1_000_000_000


def _blank_is_none(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def _code(value: str | None) -> str | None:
    value = _blank_is_none(value)
    return value.upper() if value else None


def _text(value: str | None) -> str | None:
    # PostgreSQL text cannot hold NUL; the writer stores U+FFFD in its place, so search for that.
    value = _blank_is_none(value)
    return value.replace("\x00", "\ufffd") if value else None


_CODE = r"^\s*([A-Za-z][A-Za-z0-9_-]{0,15})?\s*$"
# Years from 1000: dates are compared as ISO text, and a day past the month's end is harmless.
_DATE = r"^([1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$"
_PLOVER = "^(" + "|".join(("", *PLOVER_TYPES)) + ")$"

Code = Annotated[str | None, AfterValidator(_code)]
Text = Annotated[str | None, AfterValidator(_text)]
Day = Annotated[str | None, AfterValidator(_blank_is_none)]
Plover = Annotated[str | None, AfterValidator(_blank_is_none)]
Sort = Literal["date", "-date", "goldstein", "-goldstein"]
Interval = Literal["day", "week", "month"]


def code_query(description: str) -> object:
    return Query(pattern=_CODE, max_length=40, description=description)


def date_query(description: str) -> object:
    return Query(pattern=_DATE, description=description)


@dataclass(frozen=True, slots=True)
class EventParams:
    flt: EventFilter
    search: EventSearch


def event_params(
    actor: Annotated[Code, code_query("Either side of the dyad (ISO3 or IGO code).")] = None,
    source: Annotated[Code, code_query("Source actor code.")] = None,
    target: Annotated[Code, code_query("Target actor code.")] = None,
    plover: Annotated[Plover, Query(alias="type", pattern=_PLOVER, description="PLOVER type.")] = None,
    cameo: Annotated[Day, Query(pattern=r"^[0-9]{0,4}$", description="CAMEO code prefix: 04 matches 040-046.")]
    = None,
    since: Annotated[Day, date_query("Event date on or after (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[Day, date_query("Event date on or before (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    outlet: Annotated[Text, Query(max_length=200, description="Outlet of the article, exactly.")] = None,
    text: Annotated[Text, Query(max_length=200, description="Substring of the evidence sentence (any case).")]
    = None,
    include_all: Annotated[bool, Query(alias="all", description=(
        "Also events that are not counted: intended, hypothetical, negated, denied, no PLOVER type."))] = False,
    sort: Annotated[Sort, Query(description="date, -date (newest first), goldstein or -goldstein.")] = "date",
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> EventParams:
    flt = EventFilter(actor=actor, source=source, target=target, plover=plover, cameo=cameo, since=since,
                      until=until, include_all=include_all)
    return EventParams(flt, EventSearch(outlet=outlet, text=text, sort=sort, offset=offset))
