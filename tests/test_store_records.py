"""Articles as the store's rows (store/records.py): made by the ingest's workers, stored as made by the writer."""

from __future__ import annotations

import pickle

import pytest

from relasi.dedup import DedupConfig, band_keys, signature
from relasi.store import schema as t
from relasi.store.records import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    Record,
    actor_fields,
    actor_key,
)
from tests.store_support import CUB, IDN, RUS, make_article, make_event

CONFIG = DedupConfig().resolved()


def test_store_records_columns_are_the_tables_columns() -> None:
    assert set(ARTICLE_COLUMNS) <= set(t.articles.c.keys())
    assert {"article_id", *MENTION_COLUMNS} <= set(t.mentions.c.keys())
    assert {"article_id", *EVENT_COLUMNS} <= set(t.events.c.keys())
    record = Record.of(make_article(), CONFIG)
    assert len(record.article) == len(ARTICLE_COLUMNS)
    assert {len(row) for row in record.mentions} == {len(MENTION_COLUMNS)}
    assert {len(row) for row in record.events} == {len(EVENT_COLUMNS)}


def test_store_records_pickle_as_a_constructor_call_and_come_back_equal() -> None:
    record = Record.of(make_article(), CONFIG)
    assert record.__reduce__()[0] is Record
    assert pickle.loads(pickle.dumps(record)) == record


def test_store_records_name_each_actor_once_in_first_seen_order() -> None:
    article = make_article(events=(make_event(RUS, CUB, "041"), make_event(IDN, RUS, "042")))
    record = Record.of(article, CONFIG)
    assert record.actors == (actor_key(RUS), actor_key(CUB), actor_key(IDN))
    assert [row[3] for row in record.mentions] == [0, 1]                 # Putin, Díaz-Canel
    assert [row[:2] for row in record.events] == [(0, 1), (2, 0)]
    assert actor_fields(actor_key(IDN)) == (actor_key(IDN), "IDN", "STATE", "Indonesia", "IDN", None, None)


def test_store_records_sign_the_body_unless_given_a_signature() -> None:
    article = make_article()
    record = Record.of(article, CONFIG)
    assert record.signature == signature(article.body, CONFIG)
    assert record.band_keys == tuple(band_keys(record.signature, CONFIG))
    assert Record.of(article, CONFIG, None, signed=True).band_keys is None


@pytest.mark.parametrize("body", ["Putin\x00 berbicara dengan Díaz-Canel melalui telepon.", "tanpa NUL"])
def test_store_records_replace_nul_one_for_one(body: str) -> None:
    article = make_article(body=body, title="judul\x00", events=(make_event(RUS, CUB, "041", sentence=body),))
    record = Record.of(article, CONFIG)
    values = [*record.article, *(v for row in (*record.mentions, *record.events) for v in row)]
    assert not any(isinstance(v, str) and "\x00" in v for v in values)
    assert record.events[0][EVENT_COLUMNS.index("sentence")] == body.replace("\x00", "\ufffd")
    assert record.article[ARTICLE_COLUMNS.index("body")] == body.replace("\x00", "\ufffd")
