"""Exploring like an analyst (issue 12): names in filters, 422 for unknown parameters, timelines that show where
the data is, one row per sentence, API docs that need no CDN. A real uvicorn server over a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from relasi.model import Article
from relasi.store.analytics import dense_window
from tests.test_web_server import BIDEN, USA, XI, _article, _event, corpus, fill_database, live_server


def _history() -> Article:
    """A 1951 event in a 2023 corpus: it must not stretch the timeline."""
    body = "In 1951 the United States signed a treaty with Indonesia."
    event = _event(body, body, USA, replace(USA, code="IDN", name="Indonesia", country="IDN"), "057", "AGREE",
                   8.0, 1, "1951-09-08")
    return _article(7, body, (event,), {"United States": USA}, published="2023-05-01", title="History")


def _two_codes() -> Article:
    body = "Joe Biden met Xi Jinping and praised him."
    return _article(8, body, (_event(body, body, BIDEN, XI, "042", "CONSULT", 1.9, 1, "2023-06-01"),
                              _event(body, body, BIDEN, XI, "051", "SUPPORT", 3.4, 1, "2023-06-01")),
                    {"Joe Biden": BIDEN, "Xi Jinping": XI}, published="2023-06-01", title="Two codes")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    path = fill_database(tmp_path_factory.mktemp("explore") / "relasi.db", [*corpus(), _history(), _two_codes()])
    with live_server(path) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield client


@pytest.mark.parametrize("typed", ["IDN", "Indonesia", "RI", "indonesia"])
def test_web_explore_actor_filter_takes_names_and_aliases(site: httpx.Client, typed: str) -> None:
    by_code = site.get("/api/events", params={"actor": "IDN"}).json()
    by_name = site.get("/api/events", params={"actor": typed}).json()
    assert by_name["total"] == by_code["total"] > 0


def test_web_explore_an_unknown_actor_is_a_422_with_suggestions(site: httpx.Client) -> None:
    response = site.get("/api/events", params={"actor": "Indonesa"})
    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert problem["loc"] == ["query", "actor"]
    assert "Indonesia (IDN)" in problem["msg"]
    page = site.get("/events", params={"actor": "Indonesa"})
    assert page.status_code == 422 and "Indonesia (IDN)" in page.text


@pytest.mark.parametrize(("path", "params", "name"), [
    ("/api/events", {"query": "Gaza"}, "query"), ("/api/events.csv", {"actr": "IDN"}, "actr"),
    ("/api/series", {"interval": "month", "foo": "1"}, "foo"), ("/api/stats", {"limit": "3"}, "limit"),
    ("/api/events", {"limit": "many"}, "limit"), ("/api/events", {"since": "yesterday"}, "since"),
])
def test_web_explore_unknown_or_malformed_parameters_are_a_422_naming_them(site: httpx.Client, path: str,
                                                                         params: dict[str, str], name: str) -> None:
    response = site.get(path, params=params)
    assert response.status_code == 422
    assert ["query", name] in [problem["loc"] for problem in response.json()["detail"]]


def test_web_explore_api_docs_lead_to_the_offline_page(site: httpx.Client) -> None:
    response = site.get("/api/docs", follow_redirects=True)
    assert response.status_code == 200 and "cdn" not in response.text.lower()
    assert "/api/events" in response.text


def test_web_explore_overview_timeline_shows_the_dense_range(site: httpx.Client) -> None:
    page = site.get("/").text
    assert 'id="timeline-outside"' in page and "1 event lies outside" in page and "1951-09-08" in page
    everything = site.get("/", params={"timeline": "all"}).text
    assert 'id="timeline-outside"' not in everything


def test_web_explore_one_sentence_is_one_row_with_its_codes(site: httpx.Client) -> None:
    page = site.get("/events", params={"actor": "USA", "since": "2023-06-01", "until": "2023-06-01"}).text
    assert page.count("Joe Biden met Xi Jinping and praised him.") == 1
    assert "CONSULT" in page and "SUPPORT" in page


def test_web_explore_dyad_takes_names_and_fits_its_interval(site: httpx.Client) -> None:
    page = site.get("/dyad", params={"a": "Amerika Serikat", "b": "Tiongkok"}).text
    assert "United States" in page and "China" in page


@pytest.mark.parametrize(("dates", "since", "outside", "interval"), [
    ([("1951-09-08", 1), *((f"2023-{m:02d}-10", 5) for m in range(1, 11))], "2023-01-10", 1, "month"),
    ([("2023-10-07", 3), ("2023-10-09", 2), ("2023-10-20", 1)], "2023-10-07", 0, "day"),
    ([("2023-01-02", 4), ("2023-04-30", 4)], "2023-01-02", 0, "week"),
    ([], None, 0, "month"),
])
def test_web_explore_dense_window(dates: list[tuple[str, int]], since: str | None, outside: int,
                                  interval: str) -> None:
    window = dense_window(dates)
    assert (window.since, window.outside, window.interval) == (since, outside, interval)


def test_web_explore_chart_panels_fit_a_narrow_screen() -> None:
    css = (Path(__file__).parents[1] / "src/relasi/web/static/app.css").read_text()
    assert "grid-template-columns: minmax(0, 1fr)" in css


def test_web_explore_search_api_finds_articles_and_evidence(site: httpx.Client) -> None:
    found = site.get("/api/search", params={"q": "balloon"}).json()
    assert found["articles"]["total"] == 1 and "balloon" in found["articles"]["articles"][0]["snippet"]
    assert found["events"]["total"] == 1
    only = site.get("/api/search", params={"q": "balloon", "kind": "events"}).json()
    assert only["articles"] is None and only["events"]["total"] == 1
    assert site.get("/api/events", params={"q": "balloon"}).json()["total"] == 1


@pytest.mark.parametrize("query", ["criticised", "Bad", "script"])
def test_web_explore_search_page_highlights_matches_and_escapes_the_rest(site: httpx.Client, query: str) -> None:
    page = site.get("/search", params={"q": query}).text
    assert f"<mark>{query}</mark>" in page
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page or "&lt;" in page
