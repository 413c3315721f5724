"""The dashboard: server-rendered Jinja2 pages over the same store functions as the API.

Each page gathers plain data, builds its plotly figures as dicts (charts.py) and hands both to a
template. Templates autoescape; figures travel as `|tojson` inside <script type="application/json">,
which app.js parses and draws, so no page has inline script.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from relasi import __version__
from relasi.model import PLOVER_TYPES
from relasi.store import analytics, queries
from relasi.store.analytics import EventSearch
from relasi.store.database import Database
from relasi.store.queries import EventFilter
from relasi.web import charts
from relasi.web.api import ARTICLE_ID, SearchKind, get_db, load_article, search_everything
from relasi.web.highlight import Span, http_url, marked, marked_terms, runs
from relasi.web.params import (
    MAX_OFFSET,
    MAX_PAGE,
    EventParams,
    actor_code,
    actor_query,
    blank,
    date_query,
    event_params,
    text,
    text_query,
)

router = APIRouter(include_in_schema=False)
NAV = (("/", "Overview"), ("/dyad", "Dyads"), ("/network", "Network"), ("/map", "Map"), ("/events", "Events"),
       ("/articles", "Articles"))

TEMPLATES = Environment(loader=PackageLoader("relasi.web", "templates"), autoescape=True,
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
TEMPLATES.filters["http_url"] = http_url
TEMPLATES.filters["gold"] = lambda value: "–" if value is None else f"{value:+.1f}"
TEMPLATES.globals.update(nav=NAV, version=__version__, marked=marked, marked_terms=marked_terms)

DB = Annotated[Database, Depends(get_db)]
Events = Annotated[EventParams, Depends(event_params)]


def render(request: Request, template: str, *, status: int = 200, active: str = "",
           figures: dict[str, Any] | None = None, **context: Any) -> HTMLResponse:
    def url_with(**changes: Any) -> str:
        """This page's URL with some query parameters changed (None drops one)."""
        params = dict(request.query_params)
        params.update({k: v for k, v in changes.items() if v is not None})
        for key in [k for k, v in changes.items() if v is None]:
            params.pop(key, None)
        params = {k: v for k, v in params.items() if v != ""}
        return request.url.path + ("?" + urlencode(params) if params else "")

    html = TEMPLATES.get_template(template).render(
        active=active, figures=figures or {}, url_with=url_with, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, detail: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, detail=detail)


Timeline = Literal["dense", "all"]


def by_sentence(events: list[dict[str, Any]], limit: int | None = None) -> list[dict[str, Any]]:
    """Events told by the same sentence of the same article, together: the sentence once, all its codes."""
    groups: dict[tuple[str, int, int], dict[str, Any]] = {}
    for event in events:
        key = (event["article_id"], event["start"], event["end"])
        groups.setdefault(key, {"events": []})["events"].append(event)
    return list(groups.values())[:limit]


def window_for(db: Database, flt: EventFilter, search: EventSearch, timeline: Timeline) -> analytics.Window:
    """The dense window of the matching events, or all of them when the reader asked for that."""
    window = analytics.dense_window(analytics.event_dates(db, flt, search))
    if timeline == "all" and window.first and window.last:
        everything = analytics.dense_window([(window.first, 1), (window.last, 1)])
        return replace(everything, since=window.first, until=None, outside=0)
    return window


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, db: DB, timeline: Timeline = "dense") -> HTMLResponse:
    data = queries.stats(db, top=10)
    _, latest = analytics.events_page(db, EventFilter(), EventSearch(sort="-date"), limit=60)
    window = window_for(db, EventFilter(), EventSearch(), timeline)
    series = analytics.dyad_series(db, None, None, window.interval, since=window.since, until=window.until)
    codes = [a["code"] for a in data["top_actors"]]
    codes += [side for d in data["top_dyads"] for side in (d["source"], d["target"])]
    figures = {"chart-timeline": charts.quad_timeline([series], window.interval),
               "chart-plover": charts.plover_bars(data["by_plover"])}
    return render(request, "overview.html", active="Overview", figures=figures, stats=data,
                  latest=by_sentence(latest, 12), names=analytics.names_for(db, sorted(set(codes))),
                  skipped=series["skipped"], coverage=analytics.coverage(db), window=window, timeline=timeline)


@router.get("/dyad", response_class=HTMLResponse)
def dyad(
    request: Request, db: DB,
    a: Annotated[str | None, actor_query("First actor.")] = None,
    b: Annotated[str | None, actor_query("Second actor.")] = None,
    interval: Annotated[str | None, Query(pattern="^(day|week|month)?$",
                                          description="Buckets; blank: what fits the dates.")] = None,
    since: Annotated[str | None, date_query("From.")] = None,
    until: Annotated[str | None, date_query("To.")] = None,
    include_all: Annotated[bool, Query(alias="all")] = False,
    timeline: Timeline = "dense",
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    a, b, since, until = actor_code(db, "a", a), actor_code(db, "b", b), blank(since), blank(until)
    if not (a and b):  # start on the busiest dyad rather than on an empty form
        busiest = analytics.dyad_edges(db, EventFilter(), limit=1)
        if busiest:
            a, b = a or busiest[0]["source"], b or busiest[0]["target"]
    actors = analytics.top_actors(db, limit=300)
    context: dict[str, Any] = {"a": a, "b": b, "interval": interval, "since": since, "until": until,
                               "include_all": include_all, "actors": actors, "events": [], "total": 0,
                               "offset": offset, "limit": 100, "skipped": None, "window": None,
                               "timeline": timeline, "asked_interval": blank(interval)}
    figures: dict[str, Any] = {}
    if a and b and a != b:
        flt = EventFilter(since=since, until=until, include_all=include_all)
        pair = EventSearch(between=(a, b))
        # The reader's own dates win; otherwise the window where this dyad's events are dense.
        window = window_for(db, flt, pair, "all" if since or until else timeline)
        shown_since, shown_until = (since, until) if since or until else (window.since, window.until)
        interval = blank(interval) or window.interval  # type: ignore[assignment]
        kwargs = {"since": shown_since, "until": shown_until, "include_all": include_all}
        ab = analytics.dyad_series(db, a, b, interval, **kwargs)
        ba = analytics.dyad_series(db, b, a, interval, **kwargs)
        figures = {"chart-dyad-counts": charts.quad_timeline([ab, ba], interval),
                   "chart-dyad-goldstein": charts.goldstein_lines([(f"{a} → {b}", ab), (f"{b} → {a}", ba)], interval)}
        total, events = analytics.events_page(db, flt, replace(pair, offset=offset), limit=100)
        skipped = {k: ab["skipped"][k] + ba["skipped"][k] for k in ab["skipped"]}
        extra = {k: v for k, v in (("since", since), ("until", until), ("all", "true" if include_all else None)) if v}
        downloads = {"ab": urlencode({"source": a, "target": b, **extra}),
                     "ba": urlencode({"source": b, "target": a, **extra})}
        context.update(events=by_sentence(events), total=total, skipped=skipped, downloads=downloads,
                       interval=interval, window=window if not (since or until) else None)
    context["names"] = analytics.names_for(db, [c for c in (a, b) if c])
    return render(request, "dyad.html", active="Dyads", figures=figures, **context)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, db: DB, params: Events,
            nodes: Annotated[int, Query(ge=2, le=100)] = 30) -> HTMLResponse:
    pairs = charts.undirected(analytics.dyad_edges(db, params.flt, params.search))
    codes = sorted({p["a"] for p in pairs} | {p["b"] for p in pairs})
    names = analytics.names_for(db, codes)
    figure, shown = charts.network(pairs, names, nodes)
    kept = set(shown)
    table = [p for p in pairs if p["a"] in kept and p["b"] in kept][:40]
    return render(request, "network.html", active="Network", figures={"chart-network": figure} if shown else {},
                  pairs=table, shown=shown, names=names, nodes=nodes, flt=params.flt, search=params.search,
                  colour=charts.goldstein_colour)


@router.get("/map", response_class=HTMLResponse)
def event_map(request: Request, db: DB, params: Events,
              colour: Annotated[str, Query(pattern="^(quad|goldstein)$")] = "quad") -> HTMLResponse:
    """Events where they happened, with the events page's filters; a point opens its events there."""
    points = analytics.place_points(db, params.flt, params.search)
    shared = {k: v for k, v in request.query_params.items() if k not in ("colour", "offset", "bbox") and v != ""}
    links = [f"/events?{urlencode({**shared, 'bbox': _box_around(p)})}" for p in points]
    unplaced = analytics.events_page(db, params.flt, params.search, limit=1)[0] - sum(p["events"] for p in points)
    figures = {"chart-map": charts.event_map(points, colour, links)} if points else {}
    return render(request, "map.html", active="Map", figures=figures, points=points[:25], links=links,
                  unplaced=unplaced, colour=colour, flt=params.flt, search=params.search,
                  plover_types=PLOVER_TYPES, events_link=urlencode(shared))


def _box_around(point: dict[str, Any]) -> str:
    """A box of a hundredth of a degree around a point: its events, and no other place's."""
    lat, lon = point["lat"], point["lon"]
    west, south, east, north = max(lon - 0.01, -180), max(lat - 0.01, -90), min(lon + 0.01, 180), min(lat + 0.01, 90)
    return f"{west:.5f},{south:.5f},{east:.5f},{north:.5f}"


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, db: DB, params: Events,
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> HTMLResponse:
    total, rows = analytics.events_page(db, params.flt, params.search, limit=limit)
    download = {k: v for k, v in request.query_params.items() if k not in ("offset", "limit") and v != ""}
    return render(request, "events.html", active="Events", events=by_sentence(rows), total=total, limit=limit,
                  flt=params.flt, search=params.search, download=urlencode(download),
                  plover_types=PLOVER_TYPES)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, db: DB,
    q: Annotated[str | None, text_query("Words and phrases.")] = None,
    kind: SearchKind = "all",
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    query = text(q)
    result = search_everything(db, query, kind, limit=25, offset=offset) if query else None
    groups = by_sentence(result["events"]["events"]) if result and result["events"] else []
    return render(request, "search.html", active="Search", search_query=query or "", kind=kind, result=result,
                  groups=groups, offset=offset, limit=25)


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request, db: DB,
    outlet: Annotated[str | None, text_query("Outlet, exactly.")] = None,
    title: Annotated[str | None, text_query("Substring of the title.")] = None,
    since: Annotated[str | None, date_query("From.")] = None,
    until: Annotated[str | None, date_query("To.")] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    outlet, title, since, until = text(outlet), text(title), blank(since), blank(until)
    total, rows = analytics.articles_page(db, outlet=outlet, title=title, since=since, until=until,
                                          limit=50, offset=offset)
    return render(request, "articles.html", active="Articles", articles=rows, total=total, offset=offset,
                  limit=50, outlet=outlet, title=title, since=since, until=until)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, db: DB, article_id: Annotated[str, Path(pattern=ARTICLE_ID)]) -> HTMLResponse:
    found = load_article(db, article_id)
    if found is None:
        return error_page(request, 404, "no such article")
    mention_spans = [Span(m["start"], m["end"], i, _actor_label(m["actor"]))
                     for i, m in enumerate(found["mentions"])]
    event_spans = [Span(e["start"], e["end"], e["id"]) for e in found["events"]]
    actors: dict[tuple[str, str], dict[str, Any]] = {}
    for mention in found["mentions"]:
        actor = mention["actor"]
        entry = actors.setdefault((actor["code"], actor["name"]), {"actor": actor, "mentions": 0})
        entry["mentions"] += 1
    return render(request, "article.html", active="Articles", article=found,
                  runs=runs(found["body"], mention_spans, event_spans),
                  counted={e["id"] for e in found["events"] if e["counted"]},
                  actors=sorted(actors.values(), key=lambda x: (-x["mentions"], x["actor"]["code"])))


def _actor_label(actor: dict[str, Any]) -> str:
    role = f", {actor['role']}" if actor.get("role") else ""
    return f"{actor['code']} · {actor['name']}{role}"


@router.get("/api", response_class=HTMLResponse)
def api_index(request: Request) -> HTMLResponse:
    """The API described from its own OpenAPI spec, readable offline (Swagger UI needs a CDN)."""
    spec = request.app.openapi()
    routes = [{"method": method.upper(), "path": path, **operation}
              for path, methods in spec["paths"].items() for method, operation in methods.items()]
    return render(request, "api.html", routes=routes)


@router.get("/api/docs", response_class=RedirectResponse)
def api_docs() -> RedirectResponse:
    """Where FastAPI would serve Swagger UI from a CDN: the offline API page instead."""
    return RedirectResponse("/api", status_code=307)
