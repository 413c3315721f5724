"""relasi.store.analytics: the read-only queries behind the web app, on the shared web corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from relasi.store import Database
from relasi.store.analytics import (
    EventSearch,
    article_events,
    articles_page,
    coverage,
    dyad_edges,
    dyad_series,
    events_page,
    iter_event_rows,
    open_reader,
    top_actors,
)
from relasi.store.queries import EventFilter
from tests.test_web_server import corpus, counted, fill_database

pytest_plugins = ("tests.store_fixtures",)  # fixture db_url: an empty database on each backend


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_reader(fill_database(tmp_path_factory.mktemp("analytics") / "relasi.db"))
    yield database
    database.close()


def _quads(bucket: dict) -> dict[int, int]:
    return {cell["quad_class"]: cell["events"] for cell in bucket["quad_classes"] if cell["events"]}


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("USA", "CHN", [("2023-01-01", {1: 1}, 1.0), ("2023-02-01", {3: 1, 4: 1}, -6.0)]),
    ("CHN", "USA", [("2023-01-01", {1: 1}, 3.0), ("2023-03-01", {4: 1}, -6.5)]),
    ("IDN", "AUS", [("2023-08-01", {1: 1}, 8.0)]),     # the negated accusation is not counted
])
def test_analytics_dyad_series_by_month(reader: Database, source: str, target: str, expected: list) -> None:
    series = dyad_series(reader, source, target, "month")
    got = [(b["start"], _quads(b), b["goldstein_mean"]) for b in series["buckets"]]
    assert got == expected
    assert all(len(b["quad_classes"]) == 4 for b in series["buckets"])


@pytest.mark.parametrize(("interval", "starts"), [
    ("day", ["2023-02-04", "2023-02-05"]),
    ("week", ["2023-01-30"]),          # Saturday 4 and Sunday 5 February share the week from Monday 30 January
    ("month", ["2023-02-01"]),
])
def test_analytics_dyad_series_intervals(reader: Database, interval: str, starts: list[str]) -> None:
    series = dyad_series(reader, "USA", "CHN", interval, since="2023-02-01", until="2023-02-28")  # type: ignore[arg-type]
    assert [b["start"] for b in series["buckets"]] == starts


@pytest.mark.parametrize(("include_all", "events"), [(False, 3), (True, 4)])
def test_analytics_dyad_series_counts_uncounted_only_when_asked(reader: Database, include_all: bool,
                                                                events: int) -> None:
    series = dyad_series(reader, "USA", "CHN", "month", include_all=include_all)
    assert sum(b["events"] for b in series["buckets"]) == events


@pytest.mark.parametrize(("source", "target"), [("AUS", "CHN"), (None, None)])
def test_analytics_dyad_series_reports_undated_events(reader: Database, source: str | None, target: str | None) -> None:
    series = dyad_series(reader, source, target, "week")
    assert series["skipped"] == {"undated": 1, "too_coarse": 0}
    placed = sum(b["events"] for b in series["buckets"])
    if source is None:
        assert placed + 1 == len(counted(corpus()))


@pytest.mark.parametrize(("sort", "key"), [
    ("date", lambda e: (e["date"] is None, e["date"] or "")),
    ("goldstein", lambda e: e["goldstein"]),
    ("-goldstein", lambda e: -e["goldstein"]),
])
def test_analytics_events_page_sorts(reader: Database, sort: str, key) -> None:  # type: ignore[no-untyped-def]
    total, rows = events_page(reader, EventFilter(), EventSearch(sort=sort), limit=100)  # type: ignore[arg-type]
    assert total == len(rows) == len(counted(corpus()))
    assert rows == sorted(rows, key=key)


@pytest.mark.parametrize("sort", ["-date"])
def test_analytics_events_page_newest_first_puts_undated_last(reader: Database, sort: str) -> None:
    _, rows = events_page(reader, EventFilter(), EventSearch(sort=sort), limit=100)  # type: ignore[arg-type]
    dates = [r["date"] for r in rows]
    assert dates[-1] is None and dates[:-1] == sorted(dates[:-1], reverse=True)


@pytest.mark.parametrize(("text", "hits"), [
    ("CHINA", 6),                   # any case
    ("<script>", 1),
    ("Biden%Xi", 0), ("Biden_spoke", 0),   # LIKE wildcards are literal...
    ("__pwned", 2),                        # ...and found where they really are
    ("'; DROP TABLE events; --", 0),
])
def test_analytics_text_filter_is_a_literal_substring(reader: Database, text: str, hits: int) -> None:
    total, _ = events_page(reader, EventFilter(), EventSearch(text=text))
    assert total == hits
    assert events_page(reader, EventFilter(), EventSearch())[0] == len(counted(corpus()))


@pytest.mark.parametrize(("search", "expected"), [
    (EventSearch(between=("CHN", "USA")), 5),
    (EventSearch(outlet="Global Desk"), 2),
    (EventSearch(offset=8), 2),
])
def test_analytics_events_page_search(reader: Database, search: EventSearch, expected: int) -> None:
    total, rows = events_page(reader, EventFilter(), search)
    assert len(rows) == expected
    if search.between:
        assert {(r["source"]["code"], r["target"]["code"]) for r in rows} == {("USA", "CHN"), ("CHN", "USA")}


@pytest.mark.parametrize("limit", [None, 3])
def test_analytics_iter_event_rows_matches_the_page(reader: Database, limit: int | None) -> None:
    flt, search = EventFilter(actor="CHN"), EventSearch(sort="-goldstein")
    _, page = events_page(reader, flt, search, limit=limit or 100)
    assert [r["id"] for r in iter_event_rows(reader, flt, search, limit=limit)] == [r["id"] for r in page]


@pytest.mark.parametrize(("prefix", "codes"), [
    (None, ["CHN", "USA", "RUS", "AUS", "IDN"]),
    ("xi", ["CHN"]),           # a person's name finds the state they act for
    ("us", ["USA"]),
    ("a", ["AUS"]),
    ("%", []),
])
def test_analytics_top_actors(reader: Database, prefix: str | None, codes: list[str]) -> None:
    actors = top_actors(reader, prefix=prefix)
    assert [a["code"] for a in actors] == codes
    names = {a["code"]: a["name"] for a in actors}
    assert names.get("USA", "United States") == "United States"   # the state, not one of its people


@pytest.mark.parametrize("flt", [EventFilter(), EventFilter(since="2023-02-01", until="2023-03-31")])
def test_analytics_dyad_edges_count_events(reader: Database, flt: EventFilter) -> None:
    edges = dyad_edges(reader, flt)
    total, _ = events_page(reader, flt, EventSearch())
    assert sum(e["events"] for e in edges) == total
    assert edges == sorted(edges, key=lambda e: (-e["events"], e["source"], e["target"]))


@pytest.mark.parametrize(("kwargs", "titles"), [
    ({"since": "2023-08", "until": "2023-08"}, ["RI-Australia teken perjanjian"]),
    ({"since": "2023-02-31", "until": "2023-03"}, ["China protests"]),   # 31 February means its last day
    ({"title": "BALLOON"}, ["US shoots down balloon"]),
    ({"outlet": "Lintas Negeri"}, ["RI-Australia teken perjanjian"]),
])
def test_analytics_articles_page_filters(reader: Database, kwargs: dict, titles: list[str]) -> None:
    total, rows = articles_page(reader, **kwargs)
    assert [r["title"] for r in rows] == titles and total == len(titles)


@pytest.mark.parametrize("index", [2, 4])
def test_analytics_article_events_include_uncounted_in_text_order(reader: Database, index: int) -> None:
    article = corpus()[index]
    events = article_events(reader, article.id)
    assert [e["start"] for e in events] == sorted(e.start for e in article.events)
    assert len(events) == len(article.events)


@pytest.mark.parametrize("name", ["relasi.db"])
def test_analytics_open_reader_sees_later_commits(tmp_path: Path, name: str) -> None:
    """WAL: a reader opened before a write sees the new rows in its next transaction."""
    path = fill_database(tmp_path / name, corpus()[:1])
    db = open_reader(path)
    try:
        before, _ = events_page(db, EventFilter(), EventSearch())
        fill_database(path, corpus()[1:2])
        after, _ = events_page(db, EventFilter(), EventSearch())
        assert (before, after) == (2, 4)
    finally:
        db.close()


@pytest.mark.parametrize("statement", ["DELETE FROM events"])
def test_analytics_same_answers_on_each_backend(db_url: str, statement: str) -> None:
    """The queries are portable: PostgreSQL gives what SQLite gives, and refuses writes as well."""
    fill_database(db_url)  # type: ignore[arg-type]
    db = open_reader(db_url)
    try:
        series = dyad_series(db, "USA", "CHN", "week")
        assert [(b["start"], _quads(b)) for b in series["buckets"]] == [
            ("2023-01-09", {1: 1}), ("2023-01-30", {3: 1, 4: 1})]
        assert dyad_series(db, None, None, "month")["skipped"] == {"undated": 1, "too_coarse": 0}
        assert events_page(db, EventFilter(), EventSearch(text="CHINA"))[0] == 6
        assert events_page(db, EventFilter(), EventSearch(text="Biden%Xi"))[0] == 0
        _, newest = events_page(db, EventFilter(), EventSearch(sort="-date"), limit=100)
        assert newest[-1]["date"] is None
        assert [a["code"] for a in top_actors(db, prefix="xi")] == ["CHN"]
        assert [a["code"] for a in top_actors(db)] == ["CHN", "USA", "RUS", "AUS", "IDN"]
        assert sum(e["events"] for e in dyad_edges(db, EventFilter())) == len(counted(corpus()))
        assert articles_page(db, since="2023-02-31", until="2023-03")[0] == 1
        assert coverage(db) == {"first": "2023-01-10", "last": "2023-09-16", "actors": 5, "dyads": 5}
        assert len(article_events(db, corpus()[2].id)) == 2
        with pytest.raises(sa.exc.DBAPIError), db.read() as conn:
            conn.exec_driver_sql(statement)
    finally:
        db.close()
