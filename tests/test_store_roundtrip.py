"""Article → database → Article, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa

from relasi.model import Article, Dropped
from relasi.store import Item, Writer, load_article
from relasi.store import schema as t
from tests.store_support import CUB, RUS, USA, make_article, make_event

pytest_plugins = ("tests.store_fixtures",)  # fixtures: db, db_url, fresh_db (both backends)


def _count(database, table: sa.Table) -> int:
    with database.read() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def _load(database, article_id: str) -> Article | None:
    with database.read() as conn:
        return load_article(conn, article_id)


def test_store_roundtrip_article_comes_back_equal(db) -> None:
    article = make_article(events=(
        make_event(RUS, CUB, "041"),
        make_event(USA, RUS, "112", modality="denied", negated=True, date=None, start=5),
        make_event(RUS, USA, "010"),   # no PLOVER type
    ))
    outcome = Writer(db).store_article(article)
    assert outcome.status == "stored" and outcome.events == 3
    assert _load(db, article.id) == article
    assert _load(db, "0" * 40) is None


def test_store_roundtrip_keeps_unicode_and_nul_safe_offsets(db) -> None:
    body = "Menlu Retno: «kerja sama» — 合作\x00 berlanjut."
    article = make_article(body=body, events=(make_event(RUS, CUB, "041", sentence=body),))
    Writer(db).store_article(article)
    back = _load(db, article.id)
    assert back is not None
    # NUL cannot live in PostgreSQL text; it becomes U+FFFD, one character for one, so offsets hold.
    assert back.body == body.replace("\x00", "\ufffd")
    assert len(back.body) == len(body)


def test_store_roundtrip_counted_flag_follows_event(db) -> None:
    article = make_article(events=(make_event(RUS, CUB, "041"), make_event(RUS, CUB, "041", modality="intended"),
                                   make_event(RUS, CUB, "041", negated=True), make_event(RUS, CUB, "010")))
    Writer(db).store_article(article)
    with db.read() as conn:
        flags = conn.execute(sa.select(t.events.c.counted).order_by(t.events.c.id)).scalars().all()
    assert [bool(f) for f in flags] == [True, False, False, False]


def test_store_roundtrip_same_body_from_second_source_links(db) -> None:
    writer = Writer(db)
    article = make_article(source="a.txt")
    assert writer.store_article(article).status == "stored"
    assert writer.store_article(article.with_(source="mirror/a.html")).status == "linked"
    assert _count(db, t.articles) == 1
    assert _count(db, t.events) == 1
    assert _count(db, t.documents) == 2
    with db.read() as conn:
        linked = conn.execute(sa.select(t.documents.c.article_id)).scalars().all()
    assert linked == [article.id, article.id]


def test_store_roundtrip_actors_stored_once(db) -> None:
    writer = Writer(db)
    writer.store_article(make_article(body="first body", source="1.txt"))
    writer.store_article(make_article(body="second body", source="2.txt"))
    Writer(db).store_article(make_article(body="third body", source="3.txt"))  # new writer: no cache
    # RUS and CUB, each with the same six fields every time; USA not used; NULL fields do not duplicate.
    assert _count(db, t.actors) == 2
    Writer(db).store_article(make_article(body="fourth", source="4.txt", events=(make_event(USA, CUB, "041"),)))
    assert _count(db, t.actors) == 3


def test_store_roundtrip_batch_is_one_transaction(db) -> None:
    good = make_article(body="a good article")
    broken = make_article(body="a broken article", warnings=(object(),))   # fails while building rows
    writer = Writer(db)
    run = writer.start_run(["x"])
    try:
        writer.write_batch(run, [Item("good.txt", "1", good), Item("bad.txt", "2", broken)])
    except TypeError:
        pass
    else:  # pragma: no cover - the broken article must make the batch fail
        raise AssertionError("expected the batch to fail")
    assert _count(db, t.articles) == 0
    assert _count(db, t.documents) == 0
    assert writer.write_batch(run, [Item("good.txt", "1", good)])[0].status == "stored"


def test_store_roundtrip_dropped_then_ok_updates_one_row(db) -> None:
    writer = Writer(db)
    run = writer.start_run(["a.txt"])
    dropped = Dropped("a.txt", "read", "unreadable", "Permission denied")
    assert writer.write_batch(run, [Item("a.txt", None, dropped)])[0].status == "dropped"
    assert writer.write_batch(run, [Item("a.txt", None, dropped)])[0].status == "dropped"
    assert _count(db, t.documents) == 1
    assert writer.write_batch(run, [Item("a.txt", "s1", make_article())])[0].status == "stored"
    with db.read() as conn:
        rows = conn.execute(sa.select(t.documents.c.status, t.documents.c.reason)).all()
    assert [tuple(r) for r in rows] == [("ok", None)]


def test_store_roundtrip_source_with_other_content_replaces_its_version(db) -> None:
    writer = Writer(db)
    run = writer.start_run(["a.txt"])
    writer.write_batch(run, [Item("a.txt", "s1", make_article(body="v1"))])
    same = writer.write_batch(run, [Item("a.txt", "s1", make_article(body="v1"))])[0]
    other = writer.write_batch(run, [Item("a.txt", "s2", make_article(body="v2"))])[0]
    assert same.status == "repeated"
    assert other.status == "stored" and other.updated
    assert (_count(db, t.articles), _count(db, t.events), _count(db, t.document_versions)) == (1, 1, 1)
    twice = writer.write_batch(run, [Item("b.txt", "s3", make_article(body="v3")),
                                     Item("b.txt", "s4", make_article(body="v4"))])
    assert [o.status for o in twice] == ["stored", "dropped"]      # two versions in one batch: the first wins
    assert twice[1].dropped is not None and twice[1].dropped.reason == "duplicate_source"


def test_store_roundtrip_batch_failing_after_its_first_inserts_leaves_nothing(db) -> None:
    writer = Writer(db)
    run = writer.start_run(["x"])
    writer.write_batch(run, [Item("first.txt", "0", make_article(body="stored before"))])
    good = make_article(body="a good article", events=(make_event(USA, CUB, "041"),))
    # Rows are made; the events insert fails on the NOT NULL sentence, after the articles, mentions and
    # documents of the batch went in (and USA, an actor new to the database).
    broken = make_article(body="a broken article", events=(replace(make_event(RUS, CUB, "041"), sentence=None),))
    with pytest.raises(sa.exc.IntegrityError):
        writer.write_batch(run, [Item("good.txt", "1", good), Item("bad.txt", "2", broken)])
    counts = {table.name: _count(db, table) for table in (t.articles, t.documents, t.mentions, t.events, t.actors,
                                                           t.article_signatures, t.signature_bands, t.event_groups)}
    assert counts == {"articles": 1, "documents": 1, "mentions": 2, "events": 1, "actors": 2,
                      "article_signatures": 1, "signature_bands": 42, "event_groups": 1}
    # The same writer goes on: no id of the rolled-back actor is kept.
    assert writer.write_batch(run, [Item("good.txt", "1", good)])[0].status == "stored"
    with db.read() as conn:
        source = conn.execute(sa.select(t.actors.c.code).join(t.events, t.events.c.source_actor_id == t.actors.c.id)
                              .where(t.events.c.article_id == good.id)).scalar_one()
    assert source == "USA"
    assert _load(db, good.id) == good


def test_store_roundtrip_duplicates_inside_one_batch(db) -> None:
    article = make_article(body="one body, two outlets")
    copy = article.with_(source="mirror.txt", outlet="mirror.example")
    writer = Writer(db)
    run = writer.start_run(["x"])
    outcomes = writer.write_batch(run, [Item("a.txt", "1", article), Item("mirror.txt", "2", copy),
                                        Item("a.txt", "1", article)])
    assert [o.status for o in outcomes] == ["stored", "linked", "repeated"]
    assert (_count(db, t.articles), _count(db, t.documents), _count(db, t.events)) == (1, 2, 1)
    with db.read() as conn:
        group = conn.execute(sa.select(t.event_groups.c.num_mentions, t.event_groups.c.num_articles,
                                       t.event_groups.c.num_sources)).one()
    assert tuple(group) == (2, 2, 2)    # the copy counts in the group made in the same batch
