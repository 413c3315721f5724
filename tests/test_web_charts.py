"""relasi.web.charts and relasi.web.layout: figures as plotly dicts, the network layout."""

from __future__ import annotations

import json
import math

import pytest

from relasi.web.charts import (
    goldstein_colour,
    goldstein_lines,
    network,
    plover_bars,
    quad_timeline,
    time_axis,
    undirected,
)
from relasi.web.layout import force_layout


def _series(*buckets: tuple[str, dict[int, int], float | None]) -> dict:
    return {"buckets": [
        {"start": start, "events": sum(quads.values()), "goldstein_mean": mean,
         "quad_classes": [{"quad_class": q, "name": str(q), "events": quads.get(q, 0), "goldstein_mean": None}
                          for q in (1, 2, 3, 4)]}
        for start, quads, mean in buckets]}


@pytest.mark.parametrize("both", [True])
def test_charts_quad_timeline_sums_both_directions(both: bool) -> None:
    ab = _series(("2023-01-01", {1: 1}, 1.0), ("2023-02-01", {3: 1, 4: 1}, -6.0))
    ba = _series(("2023-01-01", {1: 1}, 3.0), ("2023-03-01", {4: 1}, -6.5))
    figure = quad_timeline([ab, ba])
    assert [t["name"] for t in figure["data"]] == ["verbal cooperation", "material cooperation", "verbal conflict",
                                                   "material conflict"]
    assert figure["data"][0]["x"] == ["2023-01-01", "2023-02-01", "2023-03-01"]
    assert [t["y"] for t in figure["data"]] == [[2, 0, 0], [0, 0, 0], [0, 1, 0], [0, 1, 1]]
    assert figure["layout"]["barmode"] == "stack"


@pytest.mark.parametrize("name", ["USA → CHN"])
def test_charts_goldstein_lines_skip_buckets_without_scores(name: str) -> None:
    figure = goldstein_lines([(name, _series(("2023-01-01", {1: 1}, 1.0), ("2023-02-01", {}, None)))])
    assert figure["data"][0]["x"] == ["2023-01-01"] and figure["data"][0]["y"] == [1.0]
    assert figure["data"][0]["name"] == name


@pytest.mark.parametrize("hostile", ["<a href='javascript:alert(1)'>x</a>", "<b>bold</b>"])
def test_charts_escape_plotly_markup_in_data(hostile: str) -> None:
    pairs = undirected([{"source": hostile, "target": "CHN", "events": 2, "goldstein_mean": -2.0}])
    figure, _ = network(pairs, {hostile: hostile}, 10)
    # What plotly draws as text; customdata stays raw, it only feeds encodeURIComponent in app.js.
    shown = json.dumps([{k: t.get(k) for k in ("name", "text", "hovertext")} for t in figure["data"]])
    assert "<a " not in shown and "<b>" not in shown
    assert "&lt;" in shown
    assert "<" not in json.dumps(plover_bars({hostile: 1})["data"][0]["x"])


@pytest.mark.parametrize(("value", "expected"), [
    (-10.0, "rgb(192,57,43)"), (0.0, "rgb(179,179,179)"), (10.0, "rgb(30,132,73)"), (None, "rgb(179,179,179)"),
    (-99.0, "rgb(192,57,43)"),
])
def test_charts_goldstein_colour_runs_red_grey_green(value: float | None, expected: str) -> None:
    assert goldstein_colour(value) == expected


@pytest.mark.parametrize("dyads", [[
    {"source": "USA", "target": "CHN", "events": 3, "goldstein_mean": -4.0},
    {"source": "CHN", "target": "USA", "events": 1, "goldstein_mean": 4.0},
    {"source": "IDN", "target": "AUS", "events": 1, "goldstein_mean": None},
    {"source": "IDN", "target": "IDN", "events": 5, "goldstein_mean": 1.0},
]])
def test_charts_undirected_merges_directions_with_weighted_means(dyads: list[dict]) -> None:
    assert undirected(dyads) == [
        {"a": "CHN", "b": "USA", "events": 4, "goldstein_mean": -2.0},
        {"a": "AUS", "b": "IDN", "events": 1, "goldstein_mean": None},
    ]


@pytest.mark.parametrize("max_nodes", [2, 3])
def test_charts_network_keeps_the_busiest_actors(max_nodes: int) -> None:
    pairs = undirected([{"source": "USA", "target": "CHN", "events": 5, "goldstein_mean": -1.0},
                        {"source": "IDN", "target": "CHN", "events": 2, "goldstein_mean": 2.0},
                        {"source": "IDN", "target": "AUS", "events": 1, "goldstein_mean": 8.0}])
    figure, nodes = network(pairs, {}, max_nodes)
    assert nodes == ["CHN", "USA", "IDN"][:max_nodes]
    actors = next(t for t in figure["data"] if t["name"] == "actors")
    assert actors["customdata"] == nodes
    edges = [t for t in figure["data"] if t.get("mode") == "lines"]
    assert len(edges) == {2: 1, 3: 2}[max_nodes]


@pytest.mark.parametrize("count", [1, 2, 5, 40])
def test_layout_is_deterministic_and_inside_the_box(count: int) -> None:
    edges = [(i, (i + 1) % count, 1.0) for i in range(count)] if count > 1 else []
    first, second = force_layout(count, edges), force_layout(count, edges)
    assert first == second and len(first) == count
    assert all(-1.0001 <= x <= 1.0001 and -1.0001 <= y <= 1.0001 for x, y in first)
    if count > 2:   # no two nodes on top of each other
        closest = min(math.dist(p, q) for i, p in enumerate(first) for q in first[i + 1:])
        assert closest > 0.05


@pytest.mark.parametrize(("starts", "interval", "dtick", "tickformat"), [
    (["2023-01-01", "2023-03-01"], "month", "M1", "%b %Y"),
    (["2015-01-01", "2024-12-01"], "month", "M15", "%b %Y"),
    (["2023-01-02", "2023-01-30"], "week", 86_400_000 * 7, "%d %b %Y"),
    (["2023-01-01", "2023-12-31"], "day", 86_400_000 * 46, "%d %b %Y"),
    (["2023-05-01"], "month", "M1", "%b %Y"),
])
def test_charts_time_axis_ticks_follow_the_interval(starts: list[str], interval: str, dtick: object,
                                                    tickformat: str | None) -> None:
    axis = time_axis(starts, interval)
    assert axis["type"] == "date"
    assert axis.get("dtick") == dtick and axis.get("tickformat") == tickformat
    if len(starts) == 1:      # a single bucket gets a range around it
        assert axis["range"] == ["2023-04-11", "2023-05-21"]
    else:
        assert "range" not in axis
