"""Event filters, statistics and export, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from relasi.model import Dropped
from relasi.store import EventFilter, Item, Writer, iter_events, stats
from relasi.store.export import EXPORTERS, register_exporter
from relasi.store.queries import EVENT_COLUMNS, iter_event_rows
from tests.store_support import CUB, IDN, RUS, USA, make_article, make_event

pytest_plugins = ("tests.store_fixtures",)  # fixtures: db, db_url, fresh_db (both backends)


@pytest.fixture
def filled(db):
    """Three articles: six events, four of them counted."""
    writer = Writer(db)
    run = writer.start_run(["test"])
    items = [
        Item("a.txt", "1", make_article(body="A", events=(
            make_event(RUS, CUB, "041", date="2023-10-02"),
            make_event(USA, RUS, "112", date="2023-10-05"),
        ))),
        Item("b.txt", "2", make_article(body="B", events=(
            make_event(RUS, USA, "1712", date="2023-11-01"),
            make_event(IDN, RUS, "036", date="2023-11-20", modality="intended"),
        ))),
        Item("c.txt", "3", make_article(body="C", events=(
            make_event(CUB, RUS, "051", date="2023-12-24"),
            make_event(RUS, IDN, "111", date="2023-12-25", negated=True),
        ))),
        Item("d.txt", None, Dropped("d.txt", "read", "empty", "file is empty")),
        Item("e.bin", None, Dropped("e.bin", "read", "binary", "not a text or HTML file")),
        Item("f.bin", None, Dropped("f.bin", "read", "binary", "not a text or HTML file")),
    ]
    writer.write_batch(run, items)
    writer.finish_run(run, status="ok", documents=6, articles=3, events=6, dropped=3, skipped=0)
    return db


def _dyads(db, **filters) -> list[tuple[str, str, str]]:
    return [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in iter_events(db, EventFilter(**filters))]


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, [("RUS", "CUB", "041"), ("USA", "RUS", "112"), ("RUS", "USA", "1712"), ("CUB", "RUS", "051")]),
    ({"actor": "CUB"}, [("RUS", "CUB", "041"), ("CUB", "RUS", "051")]),
    ({"source": "RUS"}, [("RUS", "CUB", "041"), ("RUS", "USA", "1712")]),
    ({"source": "RUS", "target": "USA"}, [("RUS", "USA", "1712")]),
    ({"plover": "consult"}, [("RUS", "CUB", "041")]),
    ({"cameo": "17"}, [("RUS", "USA", "1712")]),
    ({"cameo": "1%"}, []),                                    # LIKE wildcards are escaped
    ({"since": "2023-11-01"}, [("RUS", "USA", "1712"), ("CUB", "RUS", "051")]),
    ({"until": "2023-10-05"}, [("RUS", "CUB", "041"), ("USA", "RUS", "112")]),
    ({"since": "2023-11", "until": "2023-11"}, [("RUS", "USA", "1712")]),
    ({"limit": 1}, [("RUS", "CUB", "041")]),
    ({"include_all": True, "target": "RUS"},
     [("USA", "RUS", "112"), ("IDN", "RUS", "036"), ("CUB", "RUS", "051")]),
    ({"include_all": True, "since": "2023-12-25"}, [("RUS", "IDN", "111")]),
    ({"actor": "RUS'; DROP TABLE events; --"}, []),          # bound parameters, not SQL text
])
def test_store_queries_event_filters(filled, filters: dict, expected: list) -> None:
    assert _dyads(filled, **filters) == expected


def test_store_queries_event_json_has_process_keys_and_article(filled) -> None:
    event = next(iter_events(filled, EventFilter(cameo="041")))
    process_keys = set(make_event(RUS, CUB, "041").to_json())
    assert process_keys <= set(event)
    assert event["source"] == RUS.to_json()
    assert event["url"] == "https://example.org/a" and event["title"] and event["outlet"] == "example.org"
    assert len(event["article_id"]) == 40 and event["counted"] is True and event["negated"] is False


def test_store_queries_flat_rows_have_every_column(filled) -> None:
    rows = list(iter_event_rows(filled, EventFilter(include_all=True)))
    assert len(rows) == 6
    assert all(tuple(row) == EVENT_COLUMNS for row in rows)


def test_store_queries_stats(filled) -> None:
    data = stats(filled, top=3)
    assert data["documents"] == {"all": 6, "ok": 3, "dropped": 3}
    assert data["articles"] == 3
    assert data["events"] == {"counted": 4, "all": 6}
    assert data["by_plover"] == {"ACCUSE": 1, "COERCE": 1, "CONSULT": 1, "SUPPORT": 1}
    assert data["top_actors"][0] == {"code": "RUS", "events": 4}
    assert len(data["top_actors"]) == 3
    assert {"source": "RUS", "target": "CUB", "events": 1} in data["top_dyads"]
    assert data["dropped_by_reason"] == {"binary": 2, "empty": 1}
    assert data["last_runs"][0]["status"] == "ok" and data["last_runs"][0]["inputs"] == ["test"]
    json.dumps(data)   # the --json output must serialise as is


def test_store_queries_stats_of_empty_database(db) -> None:
    data = stats(db)
    assert data["documents"]["all"] == 0 and data["events"] == {"counted": 0, "all": 0}
    assert data["top_actors"] == [] and data["last_runs"] == []


def test_store_queries_export_csv_and_jsonl(filled, tmp_path: Path) -> None:
    events_csv = tmp_path / "events.csv"
    assert EXPORTERS["csv"](filled, "events", str(events_csv)) == 6
    with events_csv.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(EVENT_COLUMNS) and len(rows) == 6
    articles_jsonl = tmp_path / "articles.jsonl"
    assert EXPORTERS["jsonl"](filled, "articles", str(articles_jsonl)) == 3
    first = json.loads(articles_jsonl.read_text(encoding="utf-8").splitlines()[0])
    assert first["authors"] == ["Reni Erina"] and first["published_date"] == "2023-10-03"


def test_store_queries_exporter_registry_accepts_new_formats(filled, tmp_path: Path) -> None:
    def count_only(db, table: str, out: str) -> int:
        from relasi.store.export import flat_rows
        total = sum(1 for _ in flat_rows(db, table))
        Path(out).write_text(str(total))
        return total

    register_exporter("count", count_only)
    try:
        assert EXPORTERS["count"](filled, "articles", str(tmp_path / "n")) == 3
    finally:
        EXPORTERS.pop("count")
