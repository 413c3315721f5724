"""Scaling of the local process pool from 1 to 2 (or more) workers, and what the single writer costs per document.

    python bench/bench_engines.py                 # table
    python bench/bench_engines.py --json          # one JSON object on stdout
    python bench/bench_engines.py --workers 1,2,4 --count 800 --rounds 3
    python bench/bench_engines.py --postgres postgresql://user:pw@host/db_test   # the writer on PostgreSQL too
                                                  # (by default on $RELASI_TEST_PG when it is set)

All on the articles bench_scale.py generates (text pages), each figure the best and the median of `--rounds`
rounds in one run (the worker counts alternate within a round, and speed-ups are paired by round):
- `engine`: the pool alone, results consumed and thrown away: how the pipeline itself scales (wall clock);
- `ingest`: the whole `relasi ingest` loop into a fresh SQLite file: the single writer (this process) competes
  with the workers for the cores, which is what a user sees (wall clock), and this process's CPU time per
  document during it (the pool's start included);
- `main process`: what the parent process spends per document in an ingest, everything but the pipeline:
  receiving and unpickling the workers' results, writing rows, linking stories, grouping events. The results are
  computed beforehand, as the workers would send them (the same runner, pickled per task); CPU time;
- `worker`: CPU time per document on a worker (the pipeline, the record it sends, pickling it).
The machine's own ceiling, timed in each round: a pure-Python loop in 1 and 2 processes (on virtual cores that
share a physical one, no pool can scale further than that). From `worker` and `main process`, the computed ceiling
of any cluster feeding one writer: worker ms / main ms workers, 1000 / main ms documents per second. Rates count
from the first result on, so worker start-up (spawn, imports, language packs) does not dilute them; start-up is
reported beside.
Wall-clock figures need idle cores: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import generate  # noqa: E402

from relasi.engine import ProcessPoolEngine, default_workers  # noqa: E402
from relasi.ingest import ingest_items, pipeline_runner  # noqa: E402
from relasi.model import Document  # noqa: E402
from relasi.settings import Settings  # noqa: E402

SCALING_TARGET = 1.6
MAIN_MS_TARGET = 1.0
TASK_SIZE = 16     # small tasks: a short run still spreads evenly over the workers


def _documents(count: int) -> list[Document]:
    return [Document(source, text, "text") for source, text in generate(count, seed=3)]


def _stats(values: list[float], digits: int = 2) -> dict[str, float]:
    return {"best": round(min(values), digits), "median": round(statistics.median(values), digits)}


def _best(values: list[float], digits: int = 2) -> dict[str, float]:
    """For rates: the best is the highest."""
    return {"best": round(max(values), digits), "median": round(statistics.median(values), digits)}


# -- wall clock: the pool alone and the whole ingest -------------------------------------------------------------

def _engine_run(docs: list[Document], workers: int) -> dict[str, float]:
    engine = ProcessPoolEngine(workers=workers, task_size=TASK_SIZE)
    started = time.perf_counter()
    first = None
    done = 0
    for _result in engine(docs, partial(pipeline_runner, Settings())):
        done += 1
        if first is None:
            first = time.perf_counter()
    end = time.perf_counter()
    assert first is not None
    return {"per_s": (done - 1) / (end - first), "startup_s": first - started}


def _ingest_run(docs: list[Document], workers: int) -> dict[str, float]:
    from relasi.store import open_database

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db")
        times: list[float] = []
        cpu, started = time.process_time(), time.perf_counter()
        ingest_items(iter(docs), db, inputs=["bench"], make_runner=partial(pipeline_runner, Settings()),
                     engine=ProcessPoolEngine(workers=workers, task_size=TASK_SIZE),
                     on_processed=lambda: times.append(time.perf_counter()))
        end, cpu = time.perf_counter(), time.process_time() - cpu
        db.close()
    return {"per_s": (len(times) - 1) / (end - times[0]), "startup_s": times[0] - started,
            "main_ms": 1000 * cpu / len(docs)}


# -- CPU time: the parent process alone, and a worker ------------------------------------------------------------

class _Sent:
    """What the workers of an ingest send back, made beforehand with the runner the ingest itself wraps (so the
    same code path whatever that runner makes), pickled per task; replayed as an engine that pickles each task of
    documents (what a pool sends) and unpickles its results."""

    def __init__(self, docs: list[Document]) -> None:
        from relasi.store import open_database

        self.tasks: dict[str, bytes] = {}
        self.worker_cpu = 0.0
        self.worker_docs = 0
        with tempfile.TemporaryDirectory() as folder:
            db = open_database(Path(folder) / "bench.db")
            ingest_items(iter(docs), db, inputs=["bench"], make_runner=partial(pipeline_runner, Settings()),
                         engine=self._compute)
            db.close()

    def _compute(self, documents: Iterable[Document], make_runner: Callable[[], Any]) -> Iterator[Any]:
        from relasi.engine import _tasks
        from relasi.ingest import run_one

        runner = make_runner()
        for number, task in enumerate(_tasks(documents, TASK_SIZE)):
            cpu = time.process_time()
            payload = pickle.dumps([run_one(runner, doc) for doc in task], protocol=pickle.HIGHEST_PROTOCOL)
            if number:   # the first task loads the language packs and models: a worker's start-up
                self.worker_cpu += time.process_time() - cpu
                self.worker_docs += len(task)
            self.tasks[task[0].source] = payload
            yield from pickle.loads(payload)

    def replay(self, documents: Iterable[Document], _make_runner: Callable[[], Any]) -> Iterator[Any]:
        from relasi.engine import _tasks

        for task in _tasks(documents, TASK_SIZE):
            pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL)
            yield from pickle.loads(self.tasks[task[0].source])


def _main_process_run(docs: list[Document], sent: _Sent, url: str | None) -> float:
    """The parent's CPU ms per document for an ingest of `docs` whose results arrive as `sent` (fresh database)."""
    from relasi.store import open_database

    with tempfile.TemporaryDirectory() as folder:
        if url:
            _reset_postgres(url)
        db = open_database(url or Path(folder) / "bench.db")
        cpu = time.process_time()
        ingest_items(iter(docs), db, inputs=["bench"], make_runner=partial(pipeline_runner, Settings()),
                     engine=sent.replay)
        cpu = time.process_time() - cpu
        db.close()
    return 1000 * cpu / len(docs)


def _reset_postgres(url: str) -> None:
    import sqlalchemy as sa

    from relasi.store.database import to_url

    if "test" not in (to_url(url).database or ""):
        raise SystemExit("--postgres must name a database with 'test' in its name: its tables are dropped")
    engine = sa.create_engine(to_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


# -- the machine ----------------------------------------------------------------------------------------------

def _spin(iterations: int) -> int:
    total = 0
    for i in range(iterations):
        total += i * i % 7
    return total


class _Machine:
    """The machine's own scaling: a pure-Python loop in n processes, relative to one, timed in each round next to
    the pool runs it is compared with. Virtual cores that share physical ones (or a CPU quota, or other work on
    the machine) cap any pool below n; the pool's speed-up is judged against this."""

    def __init__(self, workers: list[int], iterations: int = 6_000_000) -> None:
        import multiprocessing

        self.workers, self.iterations = workers, iterations
        self.rates: dict[int, list[float]] = {n: [] for n in workers}
        self.pool = multiprocessing.get_context("spawn").Pool(max(workers))
        self.pool.map(_spin, [1] * max(workers))            # the processes are up before any timing

    def round(self) -> None:
        for n in self.workers:
            started = time.perf_counter()
            self.pool.map(_spin, [self.iterations] * n, chunksize=1)
            self.rates[n].append(n * self.iterations / (time.perf_counter() - started))

    def ceiling(self) -> dict[int, dict[str, float]]:
        """Best rate to best rate, median to median: one timing disturbed by other work does not make a ceiling
        above n."""
        self.pool.close()
        self.pool.join()
        base = self.rates[self.workers[0]]
        return {n: {"best": round(max(values) / max(base), 2),
                    "median": round(statistics.median(values) / statistics.median(base), 2)}
                for n, values in self.rates.items()}


def measure(workers: list[int], count: int, rounds: int = 3, postgres: str | None = None) -> dict[str, Any]:
    docs = _documents(count)
    sent = _Sent(docs)   # also warms this process up (imports, the gazetteer), as a long ingest would be
    machine = _Machine(workers)
    raw: dict[str, dict[int, list[dict[str, float]]]] = {"engine": {n: [] for n in workers},
                                                         "ingest": {n: [] for n in workers}}
    for _ in range(rounds):
        machine.round()
        for n in workers:
            raw["engine"][n].append(_engine_run(docs, n))
            raw["ingest"][n].append(_ingest_run(docs, n))
    base = workers[0]
    runs = {kind: {n: {"per_s": _best([r["per_s"] for r in per[n]], 1),
                       "startup_s": _stats([r["startup_s"] for r in per[n]], 1),
                       **({"main_ms": _stats([r["main_ms"] for r in per[n]])} if kind == "ingest" else {})}
                   for n in workers} for kind, per in raw.items()}
    speedup = {kind: {n: _best([a["per_s"] / b["per_s"] for a, b in zip(per[n], per[base], strict=True)])
                      for n in workers} for kind, per in raw.items()}
    ceiling = machine.ceiling()
    main = {"sqlite": _stats([_main_process_run(docs, sent, None) for _ in range(rounds)], 3)}
    if postgres:
        main["postgresql"] = _stats([_main_process_run(docs, sent, postgres) for _ in range(rounds)], 3)
    worker_ms = round(1000 * sent.worker_cpu / max(sent.worker_docs, 1), 2)
    cluster = {backend: {"max_workers": round(worker_ms / figure["median"], 1),
                         "documents_per_s": round(1000 / figure["median"])} for backend, figure in main.items()}
    two = speedup["ingest"].get(2)
    return {"documents": count, "cores": default_workers(), "task_size": TASK_SIZE, "rounds": rounds,
            "runs": runs, "speedup": speedup, "cpu_ceiling": ceiling,
            "main_process_ms": main, "worker_ms": worker_ms, "cluster_ceiling": cluster,
            "writer": {"per_cpu_s": round(1000 / main["sqlite"]["median"], 1)},
            "target": SCALING_TARGET, "main_ms_target": MAIN_MS_TARGET,
            "met": None if two is None else two["median"] >= SCALING_TARGET,
            "main_met": main["sqlite"]["median"] <= MAIN_MS_TARGET}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument("--count", type=int, default=600, help="articles per run (default 600)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; figures are the best and the median")
    parser.add_argument("--postgres", metavar="URL", default=os.environ.get("RELASI_TEST_PG"),
                        help="also measure the main process on this PostgreSQL database, whose tables are dropped "
                             "(a name with 'test'; default: $RELASI_TEST_PG, the test database, when set)")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args(argv)
    result = measure([int(n) for n in args.workers.split(",")], args.count, args.rounds, args.postgres)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['documents']} generated articles, {result['cores']} cores available, tasks of {TASK_SIZE}, "
          f"best and median of {result['rounds']} rounds")
    for kind, per in result["runs"].items():
        for n, run in per.items():
            main_ms = f", main process {run['main_ms']['median']} ms/doc" if "main_ms" in run else ""
            print(f"  {kind:<7} {n} worker(s): {run['per_s']['median']:7.1f} articles/s "
                  f"(x{result['speedup'][kind][n]['median']}, best x{result['speedup'][kind][n]['best']}), "
                  f"start-up {run['startup_s']['median']:.1f} s{main_ms}")
    machine = ", ".join(f"{n}: x{x['median']} (best x{x['best']})" for n, x in result["cpu_ceiling"].items())
    print(f"  the machine itself, a pure-Python loop in n processes: {machine}")
    for backend, figure in result["main_process_ms"].items():
        cluster = result["cluster_ceiling"][backend]
        print(f"  main process, {backend}: {figure['median']} ms/doc (best {figure['best']}); a worker "
              f"{result['worker_ms']} ms/doc: the writer keeps up with {cluster['max_workers']} workers, "
              f"{cluster['documents_per_s']} documents/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
