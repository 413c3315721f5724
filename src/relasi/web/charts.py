"""Plotly figures as plain dicts (data + layout), built on the server and embedded in pages as JSON.

No plotly Python objects: the dicts are what plotly.js takes, and building them needs no import of
plotly's large Python package. Text from the database goes through `label()`: plotly.js reads a few
HTML-like tags in text (<b>, <br>, <a href>), so data must never bring its own.
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from relasi.store.analytics import QUAD_CLASSES
from relasi.web.layout import force_layout

QUAD_COLOURS = {1: "#74c476", 2: "#238b45", 3: "#fd8d3c", 4: "#d7301f"}
GOLDSTEIN_SCALE = [[0.0, "#c0392b"], [0.5, "#b3b3b3"], [1.0, "#1e8449"]]
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"}
Figure = dict[str, Any]


def label(text: object) -> str:
    return html.escape(str(text), quote=False)


def _layout(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "height": 340, "margin": {"l": 48, "r": 16, "t": 16, "b": 40},
        "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 12},
        "legend": {"orientation": "h", "y": -0.18},
        "hovermode": "closest",
    }
    base.update(extra)
    return base


def time_axis(starts: Sequence[str], interval: str) -> dict[str, Any]:
    """A date axis with one tick per bucket, or per few buckets: plotly's own choice puts day ticks
    (Jan 1, Jan 29, Feb 26) under monthly bars, and zooms to milliseconds around a single bucket."""
    axis: dict[str, Any] = {"type": "date", "tickformat": "%b %Y" if interval == "month" else "%d %b %Y"}
    if not starts:
        return axis
    first, last = date.fromisoformat(starts[0]), date.fromisoformat(starts[-1])
    if interval == "month":
        months = (last.year - first.year) * 12 + last.month - first.month
        axis["dtick"] = f"M{max(1, math.ceil(months / 8))}"
        pad = timedelta(days=20)
    else:
        step = 7 if interval == "week" else 1
        axis["dtick"] = 86_400_000 * step * max(1, math.ceil((last - first).days / step / 8))
        pad = timedelta(days=step * 0.7)
    if first == last:   # one bucket: give it room instead of letting plotly zoom in on an instant
        axis["range"] = [(first - pad).isoformat(), (first + pad).isoformat()]
    return axis


def quad_timeline(series: Sequence[dict[str, Any]], interval: str = "month") -> Figure:
    """Stacked bars: events per bucket and quad class, summed over the given series (both directions)."""
    counts: dict[str, dict[int, int]] = defaultdict(lambda: dict.fromkeys(QUAD_CLASSES, 0))
    for one in series:
        for bucket in one["buckets"]:
            for cell in bucket["quad_classes"]:
                counts[bucket["start"]][cell["quad_class"]] += cell["events"]
    starts = sorted(counts)
    # An explicit bar width (ms): plotly's own guess for a single date is a hairline.
    width = 86_400_000 * {"month": 24, "week": 5.5}.get(interval, 0.8)
    data = [
        {"type": "bar", "name": name, "x": starts, "y": [counts[s][quad] for s in starts], "width": width,
         "marker": {"color": QUAD_COLOURS[quad]}, "hovertemplate": f"%{{x}}<br>{name}: %{{y}}<extra></extra>"}
        for quad, name in QUAD_CLASSES.items()
    ]
    return {"data": data, "layout": _layout(barmode="stack", xaxis=time_axis(starts, interval),
                                            yaxis={"title": {"text": "events"}, "rangemode": "tozero"})}


def goldstein_lines(named: Sequence[tuple[str, dict[str, Any]]], interval: str = "month") -> Figure:
    """Mean Goldstein per bucket, one line per direction of the dyad."""
    colours = ("#1f77b4", "#9467bd")
    data = []
    starts = sorted({b["start"] for _, one in named for b in one["buckets"]})
    for index, (name, one) in enumerate(named):
        scored = [b for b in one["buckets"] if b["goldstein_mean"] is not None]
        data.append({
            "type": "scatter", "mode": "lines+markers", "name": label(name),
            "x": [b["start"] for b in scored], "y": [b["goldstein_mean"] for b in scored],
            "customdata": [b["events"] for b in scored],
            "line": {"color": colours[index % len(colours)]},
            "hovertemplate": "%{x}<br>mean Goldstein %{y:.2f} (%{customdata} events)<extra></extra>",
        })
    return {"data": data, "layout": _layout(
        xaxis=time_axis(starts, interval),
        yaxis={"title": {"text": "mean Goldstein"}, "range": [-10.5, 10.5], "zeroline": True,
               "zerolinecolor": "#888"})}


def plover_bars(by_plover: dict[str, int]) -> Figure:
    kinds = [k for k in by_plover if k]
    colours = [QUAD_COLOURS[2] if k in COOPERATIVE else QUAD_COLOURS[4] for k in kinds]
    data = [{"type": "bar", "x": [label(k) for k in kinds], "y": [by_plover[k] for k in kinds],
             "marker": {"color": colours}, "hovertemplate": "%{x}: %{y}<extra></extra>"}]
    return {"data": data, "layout": _layout(showlegend=False, yaxis={"title": {"text": "counted events"}})}


def goldstein_colour(value: float | None) -> str:
    """The colour of GOLDSTEIN_SCALE at `value` (-10..10), as rgb()."""
    if value is None:
        return "rgb(179,179,179)"
    where = min(max((value + 10) / 20, 0.0), 1.0)
    low, high = (GOLDSTEIN_SCALE[0], GOLDSTEIN_SCALE[1]) if where <= 0.5 else (GOLDSTEIN_SCALE[1], GOLDSTEIN_SCALE[2])
    share = (where - low[0]) / (high[0] - low[0])
    a, b = _rgb(str(low[1])), _rgb(str(high[1]))
    r, g, bl = (round(x + (y - x) * share) for x, y in zip(a, b, strict=True))
    return f"rgb({r},{g},{bl})"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def undirected(dyads: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Directed dyads merged per pair: summed counts and the event-weighted mean Goldstein."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for dyad in dyads:
        if dyad["source"] == dyad["target"]:
            continue
        a, b = sorted((dyad["source"], dyad["target"]))
        pair = pairs.setdefault((a, b), {"a": a, "b": b, "events": 0, "total": 0.0, "scored": 0})
        pair["events"] += dyad["events"]
        if dyad["goldstein_mean"] is not None:
            pair["total"] += dyad["goldstein_mean"] * dyad["events"]
            pair["scored"] += dyad["events"]
    out = [{"a": p["a"], "b": p["b"], "events": p["events"],
            "goldstein_mean": round(p["total"] / p["scored"], 3) if p["scored"] else None}
           for p in pairs.values()]
    return sorted(out, key=lambda p: (-p["events"], p["a"], p["b"]))


def network(pairs: Sequence[dict[str, Any]], names: dict[str, str], max_nodes: int) -> tuple[Figure, list[str]]:
    """The actor network of the `max_nodes` busiest actors; returns the figure and the node codes."""
    totals: dict[str, int] = defaultdict(int)
    for pair in pairs:
        totals[pair["a"]] += pair["events"]
        totals[pair["b"]] += pair["events"]
    nodes = sorted(totals, key=lambda code: (-totals[code], code))[:max_nodes]
    index = {code: i for i, code in enumerate(nodes)}
    kept = [p for p in pairs if p["a"] in index and p["b"] in index]
    heaviest = max((p["events"] for p in kept), default=1)
    positions = force_layout(len(nodes), [(index[p["a"]], index[p["b"]], p["events"] / heaviest) for p in kept])

    data: list[dict[str, Any]] = []
    for pair in kept:
        (x0, y0), (x1, y1) = positions[index[pair["a"]]], positions[index[pair["b"]]]
        data.append({"type": "scatter", "mode": "lines", "x": [x0, x1], "y": [y0, y1], "hoverinfo": "skip",
                     "showlegend": False, "name": f"{label(pair['a'])}-{label(pair['b'])}",
                     "line": {"width": 1 + 7 * pair["events"] / heaviest,
                              "color": goldstein_colour(pair["goldstein_mean"])}})
    # Hover targets at the middle of each edge; they also carry the Goldstein colour bar.
    data.append({
        "type": "scatter", "mode": "markers", "name": "dyads", "showlegend": False,
        "x": [(positions[index[p["a"]]][0] + positions[index[p["b"]]][0]) / 2 for p in kept],
        "y": [(positions[index[p["a"]]][1] + positions[index[p["b"]]][1]) / 2 for p in kept],
        "customdata": [[p["a"], p["b"]] for p in kept],
        "text": [f"{label(p['a'])} – {label(p['b'])}: {p['events']} events, mean Goldstein "
                 f"{'n/a' if p['goldstein_mean'] is None else format(p['goldstein_mean'], '.2f')}" for p in kept],
        "hoverinfo": "text",
        "marker": {"size": 9, "opacity": 0.9, "color": [p["goldstein_mean"] or 0.0 for p in kept],
                   "colorscale": GOLDSTEIN_SCALE, "cmin": -10, "cmax": 10,
                   "colorbar": {"title": {"text": "mean<br>Goldstein"}, "thickness": 12, "len": 0.8}},
    })
    biggest = max((totals[c] for c in nodes), default=1)
    data.append({
        "type": "scatter", "mode": "markers+text", "name": "actors", "showlegend": False,
        "x": [positions[i][0] for i in range(len(nodes))], "y": [positions[i][1] for i in range(len(nodes))],
        "text": [label(code) for code in nodes], "customdata": nodes, "textposition": "top center",
        "hovertext": [f"{label(names.get(code, code))} ({label(code)}): {totals[code]} events" for code in nodes],
        "hoverinfo": "text",
        "marker": {"size": [12 + 26 * math.sqrt(totals[c] / biggest) for c in nodes], "color": "#34495e",
                   "line": {"color": "#fff", "width": 1}},
    })
    # No fixed aspect ratio: the drawing stretches to the panel, wide on a laptop, tall on a phone.
    hidden = {"visible": False, "range": [-1.2, 1.2], "fixedrange": False}
    return {"data": data, "layout": _layout(height=560, xaxis=hidden, yaxis={**hidden, "range": [-1.15, 1.3]},
                                            margin={"l": 8, "r": 8, "t": 8, "b": 8})}, nodes


def event_map(points: Sequence[dict[str, Any]], colour: str = "quad", links: Sequence[str] = ()) -> Figure:
    """Events as points on a world map: area by count, colour by the dominant quad class or the mean Goldstein.

    The countries come from the topojson relasi serves itself (app.js points plotly's topojsonURL at it);
    `links` are the events-page URLs each point opens."""
    biggest = max((p["events"] for p in points), default=1)
    sizes = [8 + 32 * math.sqrt(p["events"] / biggest) for p in points]
    text = [f"{label(p['name'])}{', ' + label(p['country']) if p['country'] else ''}: {p['events']} events, "
            f"mean Goldstein {'n/a' if p['goldstein_mean'] is None else format(p['goldstein_mean'], '.2f')}"
            for p in points]
    common = {"type": "scattergeo", "mode": "markers", "hoverinfo": "text"}
    data: list[dict[str, Any]]
    if colour == "goldstein":
        data = [{**common, "name": "places", "lon": [p["lon"] for p in points], "lat": [p["lat"] for p in points],
                 "text": text, "customdata": list(links),
                 "marker": {"size": sizes, "opacity": 0.8, "line": {"color": "#fff", "width": 0.5},
                            "color": [p["goldstein_mean"] or 0.0 for p in points], "colorscale": GOLDSTEIN_SCALE,
                            "cmin": -10, "cmax": 10,
                            "colorbar": {"title": {"text": "mean<br>Goldstein"}, "thickness": 12, "len": 0.7}}}]
    else:
        data = []
        for quad, name in QUAD_CLASSES.items():
            mine = [i for i, p in enumerate(points)
                    if max(p["quad_classes"], key=lambda q: (p["quad_classes"][q], -q)) == quad]
            data.append({**common, "name": name, "lon": [points[i]["lon"] for i in mine],
                         "lat": [points[i]["lat"] for i in mine], "text": [text[i] for i in mine],
                         "customdata": [links[i] for i in mine] if links else [],
                         "marker": {"size": [sizes[i] for i in mine], "color": QUAD_COLOURS[quad], "opacity": 0.8,
                                    "line": {"color": "#fff", "width": 0.5}}})
    geo = {"projection": {"type": "natural earth"}, "resolution": 110, "showcountries": True,
           "countrycolor": "#b8c2cc", "showland": True, "landcolor": "#eef1f4", "showocean": True,
           "oceancolor": "#f8fbfd", "showcoastlines": True, "coastlinecolor": "#b8c2cc", "showframe": False}
    return {"data": data, "layout": _layout(height=520, geo=geo, margin={"l": 0, "r": 0, "t": 8, "b": 8})}
