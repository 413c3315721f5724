"""Full-text search (issue 12) on SQLite FTS5 and PostgreSQL, kept in step by the writer and by migration 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from relasi.store import Writer, open_database
from relasi.store.analytics import EventSearch, events_page
from relasi.store.queries import EventFilter
from relasi.store.search import create_index, fts5_query, search_articles, snippet, terms
from tests.store_support import CUB, RUS, make_article, make_event

pytest_plugins = ("tests.store_fixtures",)  # fixtures: db, db_url, fresh_db (both backends)

GAZA = "Indonesia mengirim bantuan kemanusiaan ke Gaza. Rusia-China tidak mengecam bantuan itu."
KYIV = "Putin berbicara dengan Díaz-Canel tentang Ukraina melalui telepon."


def _store(db) -> None:
    writer = Writer(db)
    writer.store_article(make_article(GAZA, source="gaza.txt", title="Bantuan untuk Gaza", events=(
        make_event(RUS, CUB, "041", sentence=GAZA.split(". ")[0] + "."),
        make_event(RUS, CUB, "111", sentence="Rusia-China tidak mengecam bantuan itu.", negated=True,
                   start=GAZA.index("Rusia")))))
    writer.store_article(make_article(KYIV, source="kyiv.txt", title="Telepon"))


@pytest.mark.parametrize(("query", "titles"), [
    ("Gaza", ["Bantuan untuk Gaza"]), ("gaza BANTUAN", ["Bantuan untuk Gaza"]), ('"bantuan kemanusiaan"',
     ["Bantuan untuk Gaza"]), ("Ukraina", ["Telepon"]), ("Gaza Ukraina", []), ("Rusia-China", ["Bantuan untuk Gaza"]),
    ('AND OR "', []), ("Díaz", ["Telepon"]),
])
def test_store_search_articles_on_both_backends(db, query: str, titles: list[str]) -> None:
    _store(db)
    hits = search_articles(db, query)
    assert [row["title"] for row in hits.rows] == titles and hits.total == len(titles)


@pytest.mark.parametrize(("query", "count"), [("Gaza", 1), ("mengecam", 1), ("bantuan", 2), ("telepon", 1)])
def test_store_search_evidence_sentences_counted_or_not(db, query: str, count: int) -> None:
    _store(db)
    total, rows = events_page(db, EventFilter(include_all=True), EventSearch(query=query))
    assert total == count == len(rows)


def test_store_search_diacritics_fold_on_sqlite(fresh_db) -> None:
    _store(fresh_db)
    assert search_articles(fresh_db, "Diaz").total == 1


def test_store_search_migration_indexes_what_was_stored_before(tmp_path: Path) -> None:
    db = open_database(tmp_path / "old.db")
    _store(db)
    with db.write() as conn:   # as before migration 3: the rows are there, the index is not
        conn.exec_driver_sql("DROP TABLE articles_fts")
        conn.exec_driver_sql("DROP TABLE events_fts")
        create_index(conn)     # what migration 3 runs
    assert search_articles(db, "Gaza").total == 1
    assert events_page(db, EventFilter(include_all=True), EventSearch(query="mengecam"))[0] == 1
    db.close()


@pytest.mark.parametrize(("typed", "expected"), [
    ('Gaza "bantuan kemanusiaan"', ["Gaza", "bantuan kemanusiaan"]), ("Rusia-China", ["Rusia China"]),
    ('" OR NEAR(', ["OR", "NEAR"]), ("", []),
])
def test_store_search_terms_are_never_query_syntax(typed: str, expected: list[str]) -> None:
    assert terms(typed) == expected
    assert (fts5_query(typed) is None) == (not expected)


def test_store_search_snippet_is_around_the_first_match() -> None:
    text = "word " * 200 + "Gaza is here. " + "tail " * 200
    piece = snippet(text, "gaza")
    assert "Gaza is here." in piece and piece.startswith("… ") and piece.endswith(" …")
