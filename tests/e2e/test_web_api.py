"""The JSON API end to end: a real uvicorn server on 127.0.0.1 over a database filled by the real writer,
`relasi serve` itself, and serving while an ingest writes to the same SQLite file."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from relasi.store.queries import EVENT_COLUMNS
from tests.conftest import EXAMPLES, REPO
from tests.test_web_server import (
    FORMULA,
    HOSTILE_TITLE,
    SCRIPT,
    corpus,
    counted,
    fill_database,
    hostile_article,
    live_server,
)

COUNTED = len(counted(corpus()))
ALL = sum(len(a.events) for a in corpus())


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    path = fill_database(tmp_path_factory.mktemp("api") / "relasi.db")
    with live_server(path) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield client


def _ok(response: httpx.Response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("path", ["/api/health"])
def test_web_api_health(api: httpx.Client, path: str) -> None:
    assert _ok(api.get(path))["status"] == "ok"


@pytest.mark.parametrize(("params", "expected"), [
    ({}, COUNTED),
    ({"all": "true"}, ALL),
    ({"actor": "usa"}, 5),                 # codes in any case
    ({"source": "USA", "target": "CHN"}, 3),
    ({"type": "ASSAULT"}, 1),
    ({"cameo": "04"}, 2),
    ({"since": "2023-02", "until": "2023-03"}, 3),
    ({"until": "2023-02-04"}, 3),
    ({"outlet": "Global Desk"}, 2),
    ({"text": "china"}, 6),
    ({"text": "'; DROP TABLE events; --"}, 0),
    ({"actor": "", "since": "", "type": ""}, COUNTED),   # blank form fields are no filter
])
def test_web_api_events_filters(api: httpx.Client, params: dict, expected: int) -> None:
    page = _ok(api.get("/api/events", params=params))
    assert page["total"] == expected == len(page["events"])
    assert _ok(api.get("/api/stats"))["events"]["all"] == ALL       # the quoted text wrote nothing


@pytest.mark.parametrize(("limit", "offset"), [(3, 0), (3, 3), (3, 9), (500, 0)])
def test_web_api_events_pages(api: httpx.Client, limit: int, offset: int) -> None:
    everything = _ok(api.get("/api/events", params={"limit": 500}))["events"]
    page = _ok(api.get("/api/events", params={"limit": limit, "offset": offset}))
    assert page["total"] == COUNTED and page["limit"] == limit and page["offset"] == offset
    assert page["events"] == everything[offset:offset + limit]


@pytest.mark.parametrize("params", [{"limit": 501}, {"limit": 0}, {"offset": -1}, {"since": "yesterday"},
                                    {"type": "HUG"}, {"sort": "random"}, {"actor": "U S A"}, {"cameo": "abc"}])
def test_web_api_events_rejects_bad_parameters(api: httpx.Client, params: dict) -> None:
    assert api.get("/api/events", params=params).status_code == 422


@pytest.mark.parametrize(("sort", "field", "reverse"), [("goldstein", "goldstein", False),
                                                         ("-goldstein", "goldstein", True)])
def test_web_api_events_sort(api: httpx.Client, sort: str, field: str, reverse: bool) -> None:
    values = [e[field] for e in _ok(api.get("/api/events", params={"sort": sort}))["events"]]
    assert values == sorted(values, reverse=reverse)


@pytest.mark.parametrize("params", [{}, {"actor": "CHN", "sort": "-goldstein"}, {"all": "true", "limit": "4"}])
def test_web_api_downloads_match_the_query(api: httpx.Client, params: dict) -> None:
    expected = _ok(api.get("/api/events", params={**params, "limit": params.get("limit", 500)}))["events"]
    as_json = api.get("/api/events.json", params=params)
    assert as_json.headers["content-type"].startswith("application/json")
    assert "attachment" in as_json.headers["content-disposition"]
    assert json.loads(as_json.text) == expected
    as_csv = api.get("/api/events.csv", params=params)
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert tuple(rows[0].keys() if rows else EVENT_COLUMNS) == EVENT_COLUMNS
    assert [int(r["id"]) for r in rows] == [e["id"] for e in expected]


@pytest.mark.parametrize("text", [FORMULA])
def test_web_api_csv_neutralises_spreadsheet_formulas(api: httpx.Client, text: str) -> None:
    rows = list(csv.DictReader(io.StringIO(api.get("/api/events.csv", params={"type": "THREATEN"}).text)))
    assert [r["sentence"][:len(text) + 1] for r in rows] == ["'" + text]
    assert json.loads(api.get("/api/events.json", params={"type": "THREATEN"}).text)[0]["sentence"].startswith(text)


@pytest.mark.parametrize(("params", "starts", "quads"), [
    ({"source": "USA", "target": "CHN"}, ["2023-01-01", "2023-02-01"], [{1: 1}, {3: 1, 4: 1}]),
    ({"source": "USA", "target": "CHN", "interval": "day"}, ["2023-01-10", "2023-02-04", "2023-02-05"],
     [{1: 1}, {4: 1}, {3: 1}]),
    ({"source": "USA", "target": "CHN", "all": "true"}, ["2023-01-01", "2023-02-01", "2023-03-01"],
     [{1: 1}, {3: 1, 4: 1}, {1: 1}]),
])
def test_web_api_series(api: httpx.Client, params: dict, starts: list[str], quads: list[dict]) -> None:
    series = _ok(api.get("/api/series", params=params))
    assert [b["start"] for b in series["buckets"]] == starts
    got = [{c["quad_class"]: c["events"] for c in b["quad_classes"] if c["events"]} for b in series["buckets"]]
    assert got == quads


@pytest.mark.parametrize(("q", "codes"), [(None, ["CHN", "USA", "RUS", "AUS", "IDN"]), ("jo", ["USA"]),
                                          ("zz", [])])
def test_web_api_actors(api: httpx.Client, q: str | None, codes: list[str]) -> None:
    actors = _ok(api.get("/api/actors", params={"q": q} if q else {}))["actors"]
    assert [a["code"] for a in actors] == codes
    assert all(a["events"] == a["as_source"] + a["as_target"] for a in actors)


@pytest.mark.parametrize("params", [{}, {"type": "ACCUSE"}])
def test_web_api_dyads_sum_to_the_events(api: httpx.Client, params: dict) -> None:
    dyads = _ok(api.get("/api/dyads", params=params))["dyads"]
    assert sum(d["events"] for d in dyads) == _ok(api.get("/api/events", params=params))["total"]


@pytest.mark.parametrize("limit", [2, 50])
def test_web_api_articles(api: httpx.Client, limit: int) -> None:
    page = _ok(api.get("/api/articles", params={"limit": limit}))
    assert page["total"] == len(corpus()) and len(page["articles"]) == min(limit, len(corpus()))
    published = [a["published"] for a in page["articles"] if a["published"]]
    assert published == sorted(published, reverse=True)


@pytest.mark.parametrize("article", [hostile_article()])
def test_web_api_article_returns_the_text_as_data(api: httpx.Client, article) -> None:  # type: ignore[no-untyped-def]
    found = _ok(api.get(f"/api/articles/{article.id}"))
    assert found["title"] == HOSTILE_TITLE and SCRIPT in found["body"]   # JSON carries the text unchanged
    assert [e["start"] for e in found["events"]] == [e.start for e in article.events]
    assert [m["text"] for m in found["mentions"]] == [m.text for m in article.mentions]


@pytest.mark.parametrize(("article_id", "status"), [("0" * 40, 404), ("not-an-id", 422), ("A" * 40, 422)])
def test_web_api_article_errors(api: httpx.Client, article_id: str, status: int) -> None:
    assert api.get(f"/api/articles/{article_id}").status_code == status


@pytest.mark.parametrize("top", [3])
def test_web_api_stats(api: httpx.Client, top: int) -> None:
    stats = _ok(api.get("/api/stats", params={"top": top}))
    assert stats["events"] == {"counted": COUNTED, "all": ALL}
    assert len(stats["top_actors"]) == top


# -- serving while an ingest writes ---------------------------------------------------------------------

def _poll_until_done(client: httpx.Client, done: threading.Event | subprocess.Popen) -> list[tuple[int, int]]:
    """Poll several endpoints until the writer is done; every answer must be 200 and counts may only grow."""
    seen: list[tuple[int, int]] = []
    finished = (lambda: done.poll() is not None) if isinstance(done, subprocess.Popen) else done.is_set
    while True:
        last_round = finished()
        stats = client.get("/api/stats")
        events = client.get("/api/events", params={"limit": 5, "sort": "-date"})
        series = client.get("/api/series", params={"interval": "week"})
        page = client.get("/")
        for response in (stats, events, series, page):
            assert response.status_code == 200, response.text[:500]
        counts = (stats.json()["events"]["all"], events.json()["total"])
        if seen:
            assert counts[0] >= seen[-1][0] and counts[1] >= seen[-1][1], (seen[-1], counts)
        seen.append(counts)
        if last_round:
            return seen


@pytest.mark.slow
@pytest.mark.parametrize(("batches", "per_batch"), [(15, 6)])
def test_web_api_serves_while_a_writer_commits(tmp_path: Path, batches: int, per_batch: int) -> None:
    path = fill_database(tmp_path / "relasi.db", corpus()[:1])
    with live_server(path) as url, httpx.Client(base_url=url, timeout=60) as client:
        writer = subprocess.Popen(
            [sys.executable, "-c", "import sys; from tests.test_web_server import write_batches; "
                                   f"write_batches(sys.argv[1], {batches}, {per_batch}, 0.02)", str(path)],
            cwd=REPO, stderr=subprocess.PIPE, text=True)
        try:
            seen = _poll_until_done(client, writer)
        finally:
            writer.wait(timeout=120)
        assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
        assert seen[0][0] < seen[-1][0] == 2 + batches * per_batch
        assert len({count for count, _ in seen}) > 2          # the polls really saw batches landing
        final = client.get("/api/events.csv").text.count("\n") - 1
        assert final == 2 + batches * per_batch


@pytest.mark.slow
@pytest.mark.parametrize("first", ["01_id_jokowi_kyiv_moskow.txt"])
def test_web_api_serves_while_relasi_ingest_runs(tmp_path: Path, relasi_bin: str, first: str) -> None:
    path = tmp_path / "relasi.db"
    subprocess.run([relasi_bin, "ingest", str(EXAMPLES / first), "--db", str(path)], check=True,
                   capture_output=True)
    rest = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html") and p.name != first)[:6]
    with live_server(path) as url, httpx.Client(base_url=url, timeout=60) as client:
        ingest = subprocess.Popen([relasi_bin, "ingest", *map(str, rest), "--db", str(path), "--batch-size", "1"],
                                  stderr=subprocess.PIPE, text=True)
        try:
            seen = _poll_until_done(client, ingest)
        finally:
            ingest.wait(timeout=300)
        assert ingest.returncode in (0, 1), ingest.stderr.read() if ingest.stderr else ""  # 1: some input dropped
        assert seen[-1][0] > seen[0][0]


# -- the command ----------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
@pytest.mark.parametrize("pages", [("/", "/dyad", "/network", "/events", "/articles", "/api", "/api/openapi.json")])
def test_web_api_relasi_serve_on_the_demo_database(tmp_path: Path, relasi_bin: str, pages: tuple[str, ...]) -> None:
    """What `make demo` tells the user to run: ingest the examples, then `relasi serve --db demo.db`."""
    db = tmp_path / "demo.db"
    ingest = subprocess.run([relasi_bin, "ingest", str(EXAMPLES), "--db", str(db)], capture_output=True, text=True)
    assert ingest.returncode in (0, 1), ingest.stderr
    port = _free_port()
    env = {**os.environ, "RELASI_DB": str(db)}          # the --db default comes from RELASI_DB, like the CLI
    server = subprocess.Popen([relasi_bin, "serve", "--port", str(port)], env=env, stderr=subprocess.PIPE,
                              text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/api/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "relasi serve did not come up"
            time.sleep(0.2)
        for page in pages:
            assert httpx.get(base + page).status_code == 200, page
        stats = httpx.get(base + "/api/stats").json()
        assert stats["articles"] > 0 and stats["events"]["counted"] > 0
        first = httpx.get(base + "/api/articles", params={"limit": 1}).json()["articles"][0]
        assert httpx.get(f"{base}/articles/{first['id']}").status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=15)
    assert "read-only at http://127.0.0.1" in (server.stderr.read() if server.stderr else "")


@pytest.mark.parametrize("name", ["nothing-here.db"])
def test_web_api_relasi_serve_refuses_a_missing_database(tmp_path: Path, relasi_bin: str, name: str) -> None:
    result = subprocess.run([relasi_bin, "serve", "--db", str(tmp_path / name)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1
    assert "no relasi database" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / name).exists()
