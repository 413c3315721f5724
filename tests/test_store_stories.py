"""Stories and aggregated events in the store: linking, thresholds, persistence across ingests, the date
window, GDELT-style counts, and the migration that adds them to an older database."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from relasi import dedup
from relasi.ingest import ingest
from relasi.store import Item, Writer, migrations, open_database
from relasi.store import schema as t
from relasi.store.queries import EventFilter, iter_event_rows
from relasi.store.stories import GroupFilter, StoryIndex, iter_groups, iter_stories, story_counts
from tests.store_support import CUB, IDN, RUS, USA, make_article, make_event, make_fake_runner
from tests.test_dedup import FAMILIES, _body, _variant

pytest_plugins = ("tests.store_fixtures",)  # fixtures: db, db_url, fresh_db (both backends)

ORIGINAL, REWRITE, OTHER = (_body(FAMILIES["biden_xi"]), _variant("biden_xi", "rewrite"),
                            _variant("biden_xi", "other"))


def _stories(db) -> dict[str, str]:
    with db.read() as conn:
        return dict(conn.execute(sa.select(t.articles.c.first_source, t.articles.c.story_id)).all())


def _article(body: str, source: str, **fields: object):
    fields.setdefault("events", ())
    return make_article(body=body, source=source, **fields)


def test_store_stories_rewrite_joins_other_story_does_not(db) -> None:
    writer = Writer(db)
    first = writer.store_article(_article(ORIGINAL, "ledger.txt"))
    rewrite = writer.store_article(_article(REWRITE, "courier.txt"))
    other = writer.store_article(_article(OTHER, "bali.txt"))
    assert (first.story_id, first.near_duplicate) == (first.article_id, False)
    assert (rewrite.story_id, rewrite.near_duplicate) == (first.article_id, True)
    assert (other.story_id, other.near_duplicate) == (other.article_id, False)
    with db.read() as conn:
        row = conn.execute(sa.select(t.article_signatures.c.matched_article_id, t.article_signatures.c.similarity)
                           .where(t.article_signatures.c.article_id == rewrite.article_id)).one()
    assert row[0] == first.article_id and row[1] >= dedup.DEFAULT_THRESHOLD


@pytest.mark.parametrize(("threshold", "linked"), [(0.3, True), (dedup.DEFAULT_THRESHOLD, True), (0.95, False)])
def test_store_stories_threshold_is_respected(fresh_db, threshold: float, linked: bool) -> None:
    writer = Writer(fresh_db, StoryIndex(threshold=threshold))
    writer.store_article(_article(ORIGINAL, "ledger.txt"))
    writer.store_article(_article(REWRITE, "courier.txt"))
    stories = _stories(fresh_db)
    assert (stories["courier.txt"] == stories["ledger.txt"]) is linked


def test_store_stories_in_one_batch_link_like_in_two(fresh_db) -> None:
    from relasi.store import Item

    writer = Writer(fresh_db)
    run = writer.start_run(["batch"])
    items = [Item(a.source, a.id, a) for a in (_article(ORIGINAL, "ledger.txt"), _article(REWRITE, "courier.txt"))]
    outcomes = writer.write_batch(run, items)
    assert [o.near_duplicate for o in outcomes] == [False, True]
    assert len(set(_stories(fresh_db).values())) == 1


@pytest.mark.parametrize(("published", "window", "linked"), [
    ("2022-10-01", 14, False),       # 64 days later: outside the window
    ("2022-10-01", None, True),      # no window
    ("2022-08-05", 14, True),
    (None, 14, True),                # an undated article is compared with every date
])
def test_store_stories_date_window(fresh_db, published: str | None, window: int | None, linked: bool) -> None:
    writer = Writer(fresh_db, StoryIndex(window_days=window))
    writer.store_article(_article(ORIGINAL, "ledger.txt", published="2022-07-29T03:12:00+00:00"))
    writer.store_article(_article(REWRITE, "courier.txt", published=published))
    stories = _stories(fresh_db)
    assert (stories["courier.txt"] == stories["ledger.txt"]) is linked


def test_store_stories_persist_across_ingests_without_recomputing(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "ledger.txt").write_text(ORIGINAL)
    (tmp_path / "b" / "courier.txt").write_text(REWRITE)
    (tmp_path / "b" / "bali.txt").write_text(OTHER)
    db = open_database(tmp_path / "r.db")
    first = ingest([str(tmp_path / "a")], db, make_runner=make_fake_runner)
    db.close()
    assert (first.stories, first.near_duplicates) == (1, 0)

    signed: list[str] = []
    real = dedup.signature

    def counting(body: str, config: dedup.DedupConfig) -> bytes | None:
        signed.append(body[:20])
        return real(body, config)

    # Signatures are made with the worker's record (store/records.py); the writer would make them there too.
    monkeypatch.setattr("relasi.store.records.signature", counting)
    db = open_database(tmp_path / "r.db")
    second = ingest([str(tmp_path / "b")], db, make_runner=make_fake_runner)
    assert (second.articles, second.stories, second.near_duplicates) == (2, 1, 1)
    assert len(signed) == 2          # once per new article (not again by the writer); the stored one was read back
    stories = {Path(k).name: v for k, v in _stories(db).items()}
    assert stories["courier.txt"] == stories["ledger.txt"] != stories["bali.txt"]
    with db.read() as conn:
        stored = json.loads(conn.execute(sa.select(t.dedup_config.c.config)).scalar_one())
    assert stored == dedup.DedupConfig().resolved().to_json()
    db.close()


def test_store_stories_use_the_database_config_not_the_default(fresh_db) -> None:
    Writer(fresh_db, StoryIndex(config=dedup.DedupConfig(k=6))).store_article(_article(ORIGINAL, "ledger.txt"))
    later = StoryIndex(config=dedup.DedupConfig(k=9))
    Writer(fresh_db, later).store_article(_article(REWRITE, "courier.txt"))
    with fresh_db.read() as conn:
        assert later.config(conn).k == 6
    assert len(set(_stories(fresh_db).values())) == 1


# -- aggregated events ---------------------------------------------------------------------------------------

def _aggregation_corpus(db) -> dict[str, str]:
    """A story told by two documents with one body and a rewrite, plus a different story on the topic."""
    writer = Writer(db)
    consult = dict(date="2023-10-02")
    a = writer.store_article(_article(ORIGINAL, "ledger.txt", outlet="Pacific Ledger",
                                      published="2022-07-29T03:12:00+00:00", events=(
        make_event(RUS, CUB, "041", sentence="Putin called Diaz-Canel.", **consult),
        make_event(RUS, CUB, "041", sentence="The two presidents spoke by phone.", start=30, **consult),
        make_event(USA, IDN, "111", date=None, sentence="Washington criticised Jakarta."),
        make_event(RUS, CUB, "041", modality="intended", sentence="They will speak again.", **consult),
    )))
    copy = writer.store_article(_article(ORIGINAL, "wire.txt", outlet="Global Wire", published="2022-07-30"))
    b = writer.store_article(_article(REWRITE, "courier.txt", outlet="Asia Courier",
                                      published="2022-07-29T08:40:00+00:00", events=(
        make_event(RUS, CUB, "041", sentence="Putin phoned Diaz-Canel.", **consult),
        make_event(RUS, CUB, "041", date="2023-10-03", sentence="They spoke again a day later."),
    )))
    c = writer.store_article(_article(OTHER, "bali.txt", outlet="Pacific Ledger", published="2022-11-14", events=(
        make_event(RUS, CUB, "041", sentence="Putin called Diaz-Canel once more.", **consult),
    )))
    assert copy.status == "linked" and b.near_duplicate and not c.near_duplicate
    return {"story": a.article_id or "", "other": c.article_id or ""}


def _groups(db) -> dict[tuple, dict]:
    return {(g["story_id"], g["date"], g["source_code"], g["target_code"], g["cameo"]): g for g in iter_groups(db)}


def test_store_stories_event_groups_count_mentions_articles_sources(db) -> None:
    ids = _aggregation_corpus(db)
    groups = _groups(db)
    story, other = ids["story"], ids["other"]
    assert set(groups) == {(story, "2023-10-02", "RUS", "CUB", "041"), (story, None, "USA", "IDN", "111"),
                           (story, "2023-10-03", "RUS", "CUB", "041"), (other, "2023-10-02", "RUS", "CUB", "041")}
    main = groups[(story, "2023-10-02", "RUS", "CUB", "041")]
    # Two sentences in a body that two documents carry, plus one in the rewrite.
    assert (main["num_mentions"], main["num_articles"], main["num_sources"]) == (5, 3, 3)
    assert (main["first_seen"], main["last_seen"]) == ("2022-07-29T03:12:00+00:00", "2022-07-30")
    assert main["plover"] == "CONSULT" and main["sentence"] == "Putin called Diaz-Canel."
    criticism = groups[(story, None, "USA", "IDN", "111")]
    assert (criticism["num_mentions"], criticism["num_articles"], criticism["num_sources"]) == (2, 2, 2)
    for key in ((story, "2023-10-03", "RUS", "CUB", "041"), (other, "2023-10-02", "RUS", "CUB", "041")):
        assert (groups[key]["num_mentions"], groups[key]["num_articles"], groups[key]["num_sources"]) == (1, 1, 1)
    # Every evidence sentence stays queryable under its group; the intended event belongs to none.
    evidence = [row["sentence"] for row in iter_event_rows(db, EventFilter(group_id=main["id"]))]
    assert sorted(evidence) == ["Putin called Diaz-Canel.", "Putin phoned Diaz-Canel.",
                                "The two presidents spoke by phone."]
    with db.read() as conn:
        ungrouped = conn.execute(sa.select(t.events.c.sentence).where(t.events.c.group_id.is_(None))).scalars().all()
    assert ungrouped == ["They will speak again."]


def test_store_stories_group_filters_and_story_listing(db) -> None:
    ids = _aggregation_corpus(db)
    assert [g["cameo"] for g in iter_groups(db, GroupFilter(actor="IDN"))] == ["111"]
    assert len(list(iter_groups(db, GroupFilter(min_articles=3)))) == 1
    assert len(list(iter_groups(db, GroupFilter(since="2023-10-03")))) == 1
    stories = list(iter_stories(db))
    assert [s["story_id"] for s in stories] == [ids["story"], ids["other"]]
    first = stories[0]
    assert (first["articles"], first["documents"]) == (2, 3)
    assert [item["outlet"] for item in first["items"]] == ["Pacific Ledger", "Asia Courier"]
    assert [copy["outlet"] for copy in first["items"][0]["copies"]] == ["Global Wire"]
    assert first["items"][1]["similarity"] >= dedup.DEFAULT_THRESHOLD
    assert story_counts(db) == {"stories": 2, "stories_with_duplicates": 1, "event_groups": 4}
    assert [s["story_id"] for s in iter_stories(db, min_articles=2)] == [ids["story"]]


# -- migration 2 on a version-1 database ---------------------------------------------------------------------

def test_store_stories_migration_backfills_stories_and_groups(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_database(path, migrations=migrations.MIGRATIONS[:1])
    v1 = {table.name: table for table in t._V1_TABLES}
    now = datetime.now(UTC)
    with old.write() as conn:
        conn.execute(v1["ingest_runs"].insert().values(id=1, started=now, inputs="[]", status="ok", documents=2,
                                                       articles=2, events=3, dropped=0, skipped=0))
        for number, outlet in ((1, "Ledger"), (2, "Courier")):
            conn.execute(v1["articles"].insert().values(
                id=f"a{number}", outlet=outlet, published=f"2023-10-0{number}", authors="[]", body="x",
                sentences="[]", warnings="[]", first_source=f"s{number}"))
            conn.execute(v1["documents"].insert().values(source=f"s{number}", content_sha1="h", article_id=f"a{number}",
                                                         ingested_at=now, run_id=1, status="ok"))
        conn.execute(v1["actors"].insert(), [{"id": 1, "key": "k1", "code": "RUS", "kind": "STATE", "name": "Russia"},
                                             {"id": 2, "key": "k2", "code": "CUB", "kind": "STATE", "name": "Cuba"}])
        common = dict(source_actor_id=1, target_actor_id=2, source_code="RUS", target_code="CUB", cameo="041",
                      plover="CONSULT", date="2023-10-02", date_precision="day", modality="asserted",
                      negated=False, start=0, end=1, pattern="p", confidence=1.0)
        conn.execute(v1["events"].insert(), [
            {**common, "article_id": "a1", "sentence": "one", "counted": True},
            {**common, "article_id": "a1", "sentence": "two", "counted": True},
            {**common, "article_id": "a2", "sentence": "three", "counted": False},
        ])
    old.close()

    db = open_database(path)
    assert db.version() == migrations.LATEST_VERSION
    with db.read() as conn:
        assert dict(conn.execute(sa.select(t.articles.c.id, t.articles.c.story_id)).all()) == {"a1": "a1", "a2": "a2"}
        assert conn.execute(sa.select(t.documents.c.outlet).order_by(t.documents.c.id)).scalars().all() == [
            "Ledger", "Courier"]
    (group,) = iter_groups(db)
    assert (group["story_id"], group["num_mentions"], group["num_articles"], group["num_sources"]) == ("a1", 2, 1, 1)
    assert group["first_seen"] == "2023-10-01"
    # Articles from before version 2 have no signatures: the index starts empty, and new articles still work.
    Writer(db).store_article(_article(ORIGINAL, "new.txt"))
    assert story_counts(db)["stories"] == 3
    db.close()


def test_store_stories_near_copies_add_no_band_keys(fresh_db) -> None:
    """A reprint (similarity >= INDEX_SKIP_SIMILARITY) joins its story without growing the LSH buckets."""
    writer = Writer(fresh_db)
    first = writer.store_article(_article(ORIGINAL, "ledger.txt"))
    reprint = writer.store_article(_article(ORIGINAL.replace("Thursday", "Thursday night"), "reprint.txt"))
    rewrite = writer.store_article(_article(REWRITE, "courier.txt"))
    assert reprint.story_id == rewrite.story_id == first.article_id
    with fresh_db.read() as conn:
        s, b = t.article_signatures, t.signature_bands
        indexed = conn.execute(sa.select(s.c.article_id, sa.func.count(b.c.band_key))
                               .join(b, b.c.signature_id == s.c.id, isouter=True).group_by(s.c.article_id)).all()
        similarity = conn.execute(sa.select(s.c.similarity).where(s.c.article_id == reprint.article_id)).scalar_one()
    bands = dedup.DedupConfig().resolved().bands
    assert similarity >= dedup.INDEX_SKIP_SIMILARITY
    assert dict(indexed) == {first.article_id: bands, reprint.article_id: 0, rewrite.article_id: bands}


def test_store_stories_groups_made_with_a_batch_follow_their_events(db) -> None:
    """The writer groups a batch's events as they are inserted (SQLite) or afterwards in SQL (PostgreSQL, and
    batches that update sources): either way a counted event is in the group of its key, and on SQLite the
    groups a batch creates take their ids in the order of their keys, as `regroup` gives them."""
    writer = Writer(db)
    run = writer.start_run(["x"])
    first = _article(ORIGINAL, "ledger.txt", events=(make_event(RUS, CUB, "041"),
                                                      make_event(USA, IDN, "111", date=None)))
    writer.write_batch(run, [Item(first.source, first.id, first)])
    rewrite = _article(REWRITE, "courier.txt", events=(
        make_event(RUS, CUB, "041"), make_event(RUS, CUB, "041", start=3), make_event(IDN, USA, "036"),
        make_event(CUB, RUS, "042", modality="intended")))
    other = _article(OTHER, "bali.txt", events=(make_event(RUS, CUB, "041"), make_event(CUB, RUS, "031")))
    writer.write_batch(run, [Item(a.source, a.id, a) for a in (rewrite, other)])
    e, g = t.events, t.event_groups
    with db.read() as conn:
        events = conn.execute(sa.select(e.c.article_id, e.c.date, e.c.source_code, e.c.target_code, e.c.cameo,
                                        e.c.counted, g.c.key).outerjoin(g, g.c.id == e.c.group_id)).all()
        groups = conn.execute(sa.select(g.c.id, g.c.key, g.c.num_mentions, g.c.num_articles).order_by(g.c.id)).all()
    story = {first.id: first.id, rewrite.id: first.id, other.id: other.id}
    for article_id, date, source, target, cameo, counted, key in events:
        assert key == (f"{story[article_id]}|{date or ''}|{source}|{target}|{cameo}" if counted else None)
    counts = {key: (mentions, articles) for _, key, mentions, articles in groups}
    assert counts[f"{first.id}|2023-10-02|RUS|CUB|041"] == (3, 2)
    assert counts[f"{first.id}||USA|IDN|111"] == (1, 1)
    assert len(groups) == 5
    if db.dialect == "sqlite":
        created = [key for _, key, _, _ in groups[2:]]
        assert created == sorted(created)
