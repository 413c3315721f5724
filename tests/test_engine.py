"""Engines: the same stored results in-process, in a local process pool and on Dask; bounded work in flight."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from relasi.engine import DaskEngine, ProcessPoolEngine, _in_order, in_process_engine, make_engine
from relasi.ingest import ingest, map_in_order
from relasi.model import Article, Document, Dropped
from relasi.store import open_database
from relasi.store import schema as t
from tests.store_support import make_fake_runner

REPO = Path(__file__).resolve().parents[1]
INPUTS = [str(REPO / "examples"), str(REPO / "tests" / "fixtures" / "dedup")]


def _stored(path: Path) -> dict[str, Any]:
    """Everything an engine could change, without ids and times that differ between runs by design."""
    db = open_database(path, create=False)
    a, d, e, g = t.articles, t.documents, t.events, t.event_groups
    with db.read() as conn:
        def rows(query: sa.Select) -> list[tuple]:
            return sorted(tuple(row) for row in conn.execute(query))

        state = {
            "articles": rows(sa.select(a.c.id, a.c.story_id, a.c.title, a.c.outlet, a.c.published, a.c.language,
                                       a.c.body, a.c.sentences, a.c.first_source)),
            "documents": rows(sa.select(d.c.source, d.c.content_sha1, d.c.article_id, d.c.status, d.c.reason,
                                        d.c.outlet)),
            "events": rows(sa.select(e.c.article_id, e.c.source_code, e.c.target_code, e.c.cameo, e.c.date,
                                     e.c.sentence, e.c.start, e.c.pattern, e.c.counted,
                                     sa.select(g.c.key).where(g.c.id == e.c.group_id).scalar_subquery())),
            "groups": rows(sa.select(g.c.key, g.c.num_mentions, g.c.num_articles, g.c.num_sources, g.c.first_seen)),
            "signatures": rows(sa.select(t.article_signatures.c.article_id, t.article_signatures.c.signature,
                                         t.article_signatures.c.matched_article_id)),
            "mentions": conn.execute(sa.select(sa.func.count()).select_from(t.mentions)).scalar_one(),
        }
    db.close()
    return state


@pytest.mark.slow
def test_engine_inprocess_local_pool_and_dask_store_the_same(tmp_path: Path) -> None:
    engines = {
        "inprocess": in_process_engine,
        "local": ProcessPoolEngine(workers=2, task_size=4),
        "dask": DaskEngine(workers=2, task_size=4),
    }
    reports = {}
    for name, engine in engines.items():
        db = open_database(tmp_path / f"{name}.db")
        reports[name] = ingest(INPUTS, db, engine=engine, batch_size=7)
        db.close()
    counts = {name: (r.documents, r.articles, r.linked, r.stories, r.near_duplicates, r.events, dict(r.dropped))
              for name, r in reports.items()}
    assert counts["local"] == counts["dask"] == counts["inprocess"]
    documents, articles, linked, stories, near, events, dropped = counts["inprocess"]
    assert documents == 23 and not dropped and near >= 3 and events > 50
    reference = _stored(tmp_path / "inprocess.db")
    assert len({row[1] for row in reference["articles"]}) == stories
    for name in ("local", "dask"):
        assert _stored(tmp_path / f"{name}.db") == reference, name


def _pid_runner(doc: Document) -> Article | Dropped:
    if doc.content == "CRASH":
        raise ValueError("step failed on purpose")
    body = f"{doc.content} from process {os.getpid()}"
    return Article(id=doc.source, source=doc.source, body=body)


def make_pid_runner():  # noqa: ANN201 - a RunnerFactory, picklable
    return _pid_runner


def _docs(count: int) -> list[Document]:
    return [Document(f"d{n:03d}", "CRASH" if n == 5 else f"text {n}", "text") for n in range(count)]


def test_engine_local_pool_keeps_order_and_turns_crashes_into_drops() -> None:
    results = list(ProcessPoolEngine(workers=2, task_size=3)(_docs(20), make_pid_runner))
    assert [r.source for r in results] == [f"d{n:03d}" for n in range(20)]
    assert isinstance(results[5], Dropped) and results[5].reason == "error:ValueError"
    pids = {r.body.rsplit(" ", 1)[1] for r in results if isinstance(r, Article)}
    assert str(os.getpid()) not in pids and 1 <= len(pids) <= 2


def test_engine_local_pool_runs_a_single_task_in_this_process() -> None:
    results = list(ProcessPoolEngine(workers=2, task_size=64)(_docs(4), make_pid_runner))
    assert {r.body.rsplit(" ", 1)[1] for r in results if isinstance(r, Article)} == {str(os.getpid())}


class _Future:
    def __init__(self, value: list[Any]) -> None:
        self.value = value

    def result(self) -> list[Any]:
        return self.value


def test_engine_never_holds_more_than_max_in_flight_tasks() -> None:
    pulled = 0
    outstanding: list[int] = []
    peak = 0

    def documents() -> Iterator[int]:
        nonlocal pulled
        for number in range(1000):
            pulled += 1
            yield number

    def submit(task: list[int]) -> _Future:
        nonlocal peak
        outstanding.append(len(task))
        peak = max(peak, len(outstanding))
        return _Future(task)

    from relasi.engine import _tasks

    seen = 0
    for value in _in_order(_tasks(documents(), 10), submit, max_in_flight=3):
        assert value == seen
        seen += 1
        if seen % 10 == 0:
            outstanding.pop(0)
        # Documents read but not yet returned: at most the tasks in flight plus the one being formed.
        assert pulled - seen <= (3 + 1) * 10
    assert seen == 1000 and peak <= 3


def test_engine_map_in_order_with_a_pool_keeps_read_failures_in_place() -> None:
    items = [(Dropped("r0", "read", "empty"), None), *((doc, None) for doc in _docs(9)),
             (Dropped("r9", "read", "binary"), None)]
    out = list(map_in_order(items, make_fake_runner, ProcessPoolEngine(workers=2, task_size=2)))
    assert [item.source for item in out] == ["r0", *(f"d{n:03d}" for n in range(9)), "r9"]


def test_engine_make_engine_names() -> None:
    assert make_engine("inprocess") is in_process_engine
    assert make_engine("local", workers=3, task_size=8) == ProcessPoolEngine(workers=3, task_size=8)
    assert make_engine("dask", scheduler="tcp://h:8786") == DaskEngine(scheduler="tcp://h:8786")
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark")


_ORPHAN_SCRIPT = """
import concurrent.futures, multiprocessing, os, signal, sys
from relasi.engine import _init_pool_worker
if __name__ == "__main__":
    pool = concurrent.futures.ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"),
                                                  initializer=_init_pool_worker)
    pids = {pool.submit(os.getpid).result() for _ in range(8)}
    print(" ".join(map(str, pids)), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_engine_pool_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    psutil = pytest.importorskip("psutil")
    script = tmp_path / "orphan.py"
    script.write_text(_ORPHAN_SCRIPT)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    pids = [int(p) for p in done.stdout.split()]
    assert pids and done.returncode == -9

    def alive(pid: int) -> bool:
        try:
            return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False

    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in pids)


def test_engine_workers_load_no_sql_library() -> None:
    """A pool or Dask worker imports what runs the pipeline and makes store records, not SQLAlchemy (a tenth of a
    second of every worker's start)."""
    code = ("import sys, relasi.engine, relasi.ingest, relasi.store.records; "
            "print(sorted(m for m in ('sqlalchemy', 'psycopg') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
