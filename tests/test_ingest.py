"""The ingest loop with a stand-in pipeline: order, idempotence, resume after a crash, drops, retries."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from relasi.ingest import ingest, ingest_items, local_engine, map_in_order, run_one
from relasi.model import Article, Document, Dropped
from relasi.store import open_database, stats
from relasi.store import schema as t
from tests.store_support import fake_runner, make_fake_runner, write_corpus

pytest_plugins = ("tests.store_fixtures",)  # fixtures: db, db_url, fresh_db (both backends)

REPO = Path(__file__).resolve().parents[1]


def _counts(db) -> dict[str, int]:
    with db.read() as conn:
        def count(table: sa.Table, *where) -> int:
            return conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar_one()
        return {"documents": count(t.documents), "ok": count(t.documents, t.documents.c.status == "ok"),
                "articles": count(t.articles), "events": count(t.events), "actors": count(t.actors)}


def _doc(name: str, text: str = "RUS CUB 041") -> Document:
    return Document(name, f"{name}\n{text}", "text")


# -- map_in_order: the engine contract ---------------------------------------------------------------------

def _lookahead_engine(documents: Iterable[Document], make_runner) -> Iterator[Article | Dropped]:
    """Pulls three documents before answering, like a process pool with work queued."""
    runner = make_runner()
    window: list[Document] = []
    for doc in documents:
        window.append(doc)
        if len(window) == 3:
            yield run_one(runner, window.pop(0))
    for doc in window:
        yield run_one(runner, doc)


@pytest.mark.parametrize("engine", [local_engine, _lookahead_engine])
def test_ingest_map_in_order_keeps_input_order_with_read_failures(engine) -> None:
    items = [Dropped("r0", "read", "empty"), _doc("d1"), Dropped("r2", "read", "binary"), _doc("d3"),
             _doc("d4"), Dropped("r5", "read", "empty"), _doc("d6"), Dropped("r7", "read", "binary")]
    out = list(map_in_order(((item, None) for item in items), make_fake_runner, engine))
    assert [item.source for item in out] == ["r0", "d1", "r2", "d3", "d4", "r5", "d6", "r7"]
    assert [type(item.result).__name__ for item in out] == [type(i).__name__.replace("Document", "Article")
                                                            for i in items]


def test_ingest_map_in_order_detects_an_engine_that_loses_documents() -> None:
    def lossy(documents, make_runner):
        for index, doc in enumerate(documents):
            if index != 1:
                yield make_runner()(doc)

    with pytest.raises(RuntimeError, match="no result for d3"):
        list(map_in_order(((d, None) for d in [_doc("d1"), _doc("d2"), _doc("d3")]), make_fake_runner, lossy))


def test_ingest_run_one_turns_a_step_bug_into_a_drop() -> None:
    result = run_one(fake_runner, Document("x.txt", "CRASH", "text"))
    assert isinstance(result, Dropped)
    assert (result.step, result.reason) == ("pipeline", "error:ValueError")
    assert "on purpose" in result.detail


def test_ingest_run_one_lets_configuration_errors_through() -> None:
    def broken(_doc: Document) -> Article:
        raise ImportError("no module named relasi.extract")

    with pytest.raises(ImportError):
        run_one(broken, Document("x.txt", "text", "text"))


# -- idempotence and links (both backends) ------------------------------------------------------------------

def test_ingest_twice_adds_nothing(db, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 25)
    first = ingest([str(corpus)], db, make_runner=make_fake_runner, batch_size=7)
    assert (first.documents, first.articles, first.events, first.skipped) == (25, 25, 50, 0)
    after_first = _counts(db)
    second = ingest([str(corpus)], db, make_runner=make_fake_runner, batch_size=7)
    assert (second.documents, second.articles, second.events, second.skipped) == (0, 0, 0, 25)
    assert _counts(db) == after_first == {"documents": 25, "ok": 25, "articles": 25, "events": 50, "actors": 4}
    runs = stats(db)["last_runs"]
    assert [r["status"] for r in runs] == ["ok", "ok"] and runs[0]["skipped"] == 25


def test_ingest_same_body_from_two_sources_links_not_duplicates(db, tmp_path: Path) -> None:
    text = "Same article\nRUS CUB 041\n"
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text)
    report = ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], db, make_runner=make_fake_runner)
    assert (report.documents, report.articles, report.linked, report.events) == (2, 1, 1, 1)
    assert _counts(db)["events"] == 1
    # The same path given twice in one run is stored once.
    again = ingest([str(tmp_path / "a.txt")] * 2, db, make_runner=make_fake_runner)
    assert again.skipped == 2 and _counts(db)["documents"] == 2


def test_ingest_dropped_inputs_are_retried_never_duplicated(db, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("DROP no_article\n")
    seen: list[str] = []
    for _ in range(2):
        report = ingest([str(tmp_path)], db, make_runner=make_fake_runner,
                        on_outcome=lambda o: seen.append(o.source))
        assert report.dropped == {"no_article": 1}
    assert seen == [str(bad), str(bad)]             # retried, and reported, each run
    assert _counts(db)["documents"] == 1
    bad.write_text("Fixed now\nRUS CUB 041\n")
    report = ingest([str(tmp_path)], db, make_runner=make_fake_runner)
    assert (report.articles, report.dropped_total) == (1, 0)
    assert _counts(db) | {"actors": 0} == {"documents": 1, "ok": 1, "articles": 1, "events": 1, "actors": 0}


def test_ingest_edited_source_is_recoded_replacing_its_events(db, tmp_path: Path) -> None:
    """Issue 11, fault 12: an edited file used to be refused as duplicate_source on every later run."""
    page = tmp_path / "a.txt"
    page.write_text("Version one\nRUS CUB 041\n")
    ingest([str(page)], db, make_runner=make_fake_runner)
    page.write_text("Version two\nUSA IDN 111\n")
    report = ingest([str(page)], db, make_runner=make_fake_runner)
    assert (report.updated, report.articles, report.dropped_total) == (1, 1, 0)
    assert _counts(db) | {"actors": 0} == {"documents": 1, "ok": 1, "articles": 1, "events": 1, "actors": 0}
    with db.read() as conn:
        codes = conn.execute(sa.select(t.events.c.source_code, t.events.c.cameo)).all()
        history = conn.execute(sa.select(t.document_versions.c.source, t.document_versions.c.body)).all()
        groups = conn.execute(sa.select(t.event_groups.c.source_code)).scalars().all()
    assert [tuple(row) for row in codes] == [("USA", "111")]
    assert groups == ["USA"]                                      # the old version's group is gone too
    assert [tuple(row) for row in history] == [(str(page), "Version one\nRUS CUB 041")]
    again = ingest([str(page)], db, make_runner=make_fake_runner)
    assert (again.skipped, again.updated, again.articles) == (1, 0, 0)


def test_ingest_edited_source_keeps_an_article_another_source_carries(db, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Shared text\nRUS CUB 041\n")
    (tmp_path / "b.txt").write_text("Shared text\nRUS CUB 041\n")
    ingest([str(tmp_path)], db, make_runner=make_fake_runner)
    (tmp_path / "a.txt").write_text("New text\nUSA IDN 111\n")
    report = ingest([str(tmp_path)], db, make_runner=make_fake_runner)
    assert (report.updated, report.articles, report.skipped) == (1, 1, 1)
    assert _counts(db) | {"actors": 0} == {"documents": 2, "ok": 2, "articles": 2, "events": 2, "actors": 0}


def test_ingest_step_bug_on_one_document_keeps_the_rest(fresh_db, tmp_path: Path) -> None:
    write_corpus(tmp_path, 5)
    (tmp_path / "doc00002.txt").write_text("CRASH\n")
    report = ingest([str(tmp_path)], fresh_db, make_runner=make_fake_runner, batch_size=2)
    assert report.dropped == {"error:ValueError": 1}
    assert (report.articles, report.status) == (4, "ok")


# -- resume after an interruption ---------------------------------------------------------------------------

class _Interrupt:
    """A runner factory whose pipeline gets Ctrl-C after `after` documents."""

    def __init__(self, after: int) -> None:
        self.after = after
        self.done = 0

    def __call__(self):
        def runner(doc: Document) -> Article | Dropped:
            if self.done == self.after:
                raise KeyboardInterrupt
            self.done += 1
            return fake_runner(doc)
        return runner


def test_ingest_resumes_after_interrupt_like_a_clean_run(db_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40)
    (corpus / "empty.txt").write_text("")
    (corpus / "mirror.txt").write_text((corpus / "doc00003.txt").read_text())

    db = open_database(db_url)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(corpus)], db, make_runner=_Interrupt(after=23), batch_size=10)
    partial = _counts(db)
    assert partial["documents"] == 20          # two whole batches committed, the third not at all
    assert partial["articles"] == 20 and partial["events"] == 40
    assert stats(db)["last_runs"][0]["status"] == "interrupted"

    resumed = ingest([str(corpus)], db, make_runner=make_fake_runner, batch_size=10)
    assert resumed.skipped == 20 and resumed.status == "ok"
    resumed_counts = _counts(db)
    db.close()

    clean = open_database(tmp_path / "clean.db")
    ingest([str(corpus)], clean, make_runner=make_fake_runner, batch_size=10)
    assert resumed_counts == _counts(clean) == {"documents": 42, "ok": 41, "articles": 40, "events": 80,
                                                "actors": 4}
    clean.close()


_SLOW_INGEST = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {repo!r})
    from relasi.ingest import ingest
    from relasi.store import open_database
    from tests.store_support import fake_runner

    def slow(doc):
        time.sleep(0.01)
        return fake_runner(doc)

    ingest([sys.argv[1]], open_database(sys.argv[2]), make_runner=lambda: slow, batch_size=10)
""")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_ingest_killed_process_resumes_without_duplicates(sig: int, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 300)
    target = tmp_path / "killed.db"
    script = _SLOW_INGEST.format(repo=str(REPO))
    proc = subprocess.Popen([sys.executable, "-c", script, str(corpus), str(target)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if target.exists() and _committed(target) >= 30:
                break
            time.sleep(0.05)
        else:  # pragma: no cover
            pytest.fail("the ingest subprocess committed nothing within 30 s")
        os.kill(proc.pid, sig)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    db = open_database(target)
    before = _counts(db)
    assert 30 <= before["documents"] < 300 and before["documents"] % 10 == 0   # whole batches only
    assert before["events"] == 2 * before["articles"] == 2 * before["documents"]
    status = stats(db)["last_runs"][0]["status"]
    assert status == ("running" if sig == signal.SIGKILL else "interrupted")
    ingest([str(corpus)], db, make_runner=make_fake_runner, batch_size=10)
    assert _counts(db) == {"documents": 300, "ok": 300, "articles": 300, "events": 600, "actors": 4}
    # Issue 11, fault 11: the first run's record says what it committed, and a SIGKILLed run is closed.
    first = stats(db)["last_runs"][1]
    assert first["status"] == ("killed" if sig == signal.SIGKILL else "interrupted")
    assert (first["documents"], first["articles"], first["events"]) == (
        before["documents"], before["articles"], before["events"])
    db.close()


def _committed(path: Path) -> int:
    db = open_database(path)
    try:
        return _counts(db)["documents"]
    finally:
        db.close()


def test_ingest_items_rejects_a_zero_batch(fresh_db) -> None:
    with pytest.raises(ValueError):
        ingest_items([], fresh_db, inputs=[], make_runner=make_fake_runner, batch_size=0)
